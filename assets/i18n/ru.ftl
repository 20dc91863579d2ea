# Слова интерфейса expo-hall, русский язык. Ключи и { $подстановки } — как в en.ftl
# (список ключей: src/i18n/word.rs).

language-name = Русский

## Toolbar and camera
walk = Прогулка
overview = Обзор
about = О выставке
directory = Путеводитель
take-tour = Экскурсия
go-to = Перейти…
problems = проблемы в контенте
content-updated = содержимое обновлено
edits-not-shown = Правки не показаны, пока не исправлены ошибки (на экране — последняя верная версия):
help = W A S D / стрелки: идти · перетаскивание: осмотреться · Shift: быстрее · щелчок по экспонату: подробнее · Tab: обзор · F1: скрыть
help-overview = перетаскивание: поворот · правой кнопкой: сдвиг · колесо: масштаб · щелчок по стенду или экспонату: подробнее · Tab: прогулка · F1: скрыть

## Panels
close = Закрыть
previous = ◀ Предыдущий
look-around-hint = Потяните, чтобы повернуть · колесо или щипок — масштаб
look-around-front = Вид спереди
narration-listen = Слушать
narration-pause = Пауза
narration-continue = Продолжить
narration-volume = Громкость
narration-mute = Без звука
gallery-pictures = Изображения
gallery-unavailable = Изображение недоступно
gallery-flag = Флаг: { $name }
gallery-native-name = «{ $name }» на языке страны, как на стенде (набранный текст, не фотография)
next = Следующий ▶
exhibitors = Экспоненты
tags = Метки
category = Категория
pavilion = Павильон
walk-there = → Подойти к этому стенду
exhibits = Экспонаты
links = Ссылки
credits = Авторы и лицензии
scan-to-take-away = Отсканируйте телефоном, чтобы взять эту страницу с собой
facts = Ключевые цифры
timeline = Хроника
seen-across = Замечено в павильонах
sources = Источники
iso-code = ISO 3166: { $code }
source-reported = По сообщениям прессы, показано на выставке
source-coverage = Упоминается в материалах прессы о форуме
source-background = Справочные сведения, не из репортажей о выставке
source-by-organiser = Описание организатора
source-by-exhibitor = Описание экспонента
category-product = Продукт
category-technology = Технология
category-culture = Культура
category-cooperation = Проект сотрудничества
category-statistic = Цифры
category-platform = Платформа
category-tourism = Туризм


## Wayfinding
plan = План зала
search-hint = Поиск экспонатов, стран, компаний…
no-results = Ничего не найдено
previous-stop = ◀ Предыдущая остановка
next-stop = Следующая остановка ▶
pause = Пауза
resume = Продолжить
leave-tour = Завершить экскурсию

## Loading and errors
loading = Зал готовится…
hall-cannot-open = Не удаётся открыть зал
check-with = Проверьте командой: { $command }

## Kiosk
kiosk-call = Коснитесь, чтобы начать
still-there = Вы ещё здесь?
keep-exploring = Коснитесь экрана, чтобы продолжить осмотр
im-here = Я здесь
staff = Персонал
pin-entered = ПИН-код: { $dots }
wrong-pin = Неверный ПИН-код
key-ok = ОК
cancel = Отмена


## Staff performance overlay (F3)
performance = Производительность
perf-frames = { $fps } кадр./с · медиана кадра { $ms } мс
perf-tier = Уровень качества: { $tier } ({ $reason })
perf-adapter = Графический адаптер
perf-entities = Сущности: { $count }
perf-memory = Память (RSS): { $mib } МиБ
perf-choose = Качество (запоминается):
perf-people = Показывать фигуры посетителей (запоминается)
quality-auto = авто
quality-low = низкое
quality-medium = среднее
quality-high = высокое

reason-software = авто: программный рендеринг
reason-integrated = авто: встроенная видеокарта
reason-discrete = авто: дискретная видеокарта
reason-other-gpu = авто: видеокарта неизвестного типа
reason-asked = задано в { $from }

## Command line
validate-ok = контент в порядке: зон — { $zones } (павильонов — { $pavilions }), экспонатов — { $exhibits }, изображений — { $images }, экскурсий — { $tours }
problems-found = { $count ->
        [one] Найдена { $count } проблема
        [few] Найдено { $count } проблемы
       *[other] Найдено { $count } проблем
    }
results-found = { $count ->
        [one] { $count } результат
        [few] { $count } результата
       *[other] { $count } результатов
    }
list-totals = зон — { $zones }, павильонов — { $pavilions }, экспонатов — { $exhibits }
stats-sessions = сеансов: { $count }
stats-staff = сеансы персонала (не учтены): { $count }
stats-median = медианная длительность сеанса: { $seconds } с
stats-top-exhibits = самые просматриваемые экспонаты:
stats-top-pavilions = самые просматриваемые павильоны:
stats-languages = языки:
stats-unreadable = нечитаемые строки: { $lines }
