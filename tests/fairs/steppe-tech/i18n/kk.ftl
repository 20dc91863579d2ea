# expo-hall интерфейс сөздері, қазақ тілі. Кілттер мен { $орынбасарлар } en.ftl-дегідей
# (кілттер тізімі: src/i18n/word.rs). Қазақ тіліндегі көпше түр санаттары: one, other.
# Ойдан шығарылған «Дала Тех Экспо» үлгі көрмесінің бөлігі (тест деректері).

language-name = Қазақша

## Toolbar and camera
walk = Серуен
overview = Шолу
about = Көрме туралы
directory = Анықтамалық
take-tour = Экскурсияны бастау
go-to = Бару…
problems = мазмұндағы ақаулар
content-updated = мазмұн жаңартылды
edits-not-shown = Бұл қателер түзелмейінше түзетулер көрсетілмейді (экранда соңғы дұрыс нұсқа қалады):
help = W A S D / көрсеткілер: жүру · сүйреу: айналаға қарау · Shift: жылдамырақ · экспонатты басыңыз: толығырақ · Tab: шолу · F1: жасыру
help-overview = сүйреу: бұру · оң батырмамен сүйреу: жылжыту · дөңгелек: масштаб · стендті не экспонатты басыңыз · Tab: серуен · F1: жасыру

## Panels
close = Жабу
previous = ◀ Алдыңғы
look-around-hint = Бұру үшін сүйреңіз · дөңгелек не екі саусақ: масштаб
look-around-front = Алдынан көрініс
narration-listen = Тыңдау
narration-pause = Кідірту
narration-continue = Жалғастыру
narration-volume = Дыбыс деңгейі
narration-mute = Дыбысты өшіру
gallery-pictures = Суреттер
gallery-unavailable = Сурет қолжетімсіз
gallery-flag = Ту: { $name }
gallery-native-name = «{ $name }» елдің өз жазуымен, стендте басылғандай (терілген мәтін, фотосурет емес)
next = Келесі ▶
exhibitors = Экспоненттер
tags = Тегтер
category = Санат
pavilion = Павильон
walk-there = → Осы стендке бару
exhibits = Экспонаттар
links = Сілтемелер
credits = Авторлар мен лицензиялар
scan-to-take-away = Бұл бетті өзіңізбен алып кету үшін телефонмен сканерлеңіз
facts = Негізгі көрсеткіштер
timeline = Хронология
seen-across = Павильондарда байқалғандар
sources = Дереккөздер
iso-code = ISO 3166: { $code }
source-reported = Баспасөз хабарлауынша, көрмеде көрсетілген
source-coverage = Форум туралы баспасөз материалдарында аталған
source-background = Жалпы анықтамалық мәлімет, көрме туралы хабарлардан алынбаған
source-by-organiser = Ұйымдастырушының сипаттамасы
source-by-exhibitor = Экспоненттің сипаттамасы
category-product = Өнім
category-technology = Технология
category-culture = Мәдениет
category-cooperation = Ынтымақтастық жобасы
category-statistic = Сандар
category-platform = Платформа
category-tourism = Туризм


## Wayfinding
plan = Зал жоспары
search-hint = Экспонаттарды, елдерді, компанияларды іздеу…
no-results = Ештеңе табылмады
previous-stop = ◀ Алдыңғы аялдама
next-stop = Келесі аялдама ▶
pause = Кідірту
resume = Жалғастыру
leave-tour = Экскурсияны аяқтау

## Loading and errors
loading = Зал дайындалуда…
hall-cannot-open = Залды ашу мүмкін емес
check-with = Мына пәрменмен тексеріңіз: { $command }

## Kiosk
kiosk-call = Танысу үшін экранды түртіңіз
still-there = Әлі осындасыз ба?
keep-exploring = Танысуды жалғастыру үшін экранның кез келген жерін түртіңіз
im-here = Мен осындамын
staff = Қызметкерлер
pin-entered = PIN-код: { $dots }
wrong-pin = PIN-код қате
key-ok = OK
cancel = Бас тарту


## Staff performance overlay (F3)
performance = Өнімділік
perf-frames = { $fps } кадр/с · кадр медианасы { $ms } мс
perf-tier = Сапа деңгейі: { $tier } ({ $reason })
perf-adapter = Графикалық адаптер
perf-entities = Нысандар: { $count }
perf-memory = Жад (RSS): { $mib } МиБ
perf-choose = Сапа (есте сақталады):
perf-people = Келушілердің фигураларын көрсету (есте сақталады)
quality-auto = авто
quality-low = төмен
quality-medium = орташа
quality-high = жоғары

reason-software = авто: бағдарламалық рендерер
reason-integrated = авто: кіріктірілген бейнекарта
reason-discrete = авто: дискретті бейнекарта
reason-other-gpu = авто: түрі белгісіз бейнекарта
reason-asked = { $from } ішінде таңдалған

## Command line
validate-ok = мазмұн дұрыс: { $zones } аймақ ({ $pavilions } павильон), { $exhibits } экспонат, { $images } сурет, { $tours ->
        [one] { $tours } экскурсия
       *[other] { $tours } экскурсия
    }
problems-found = { $count ->
        [one] { $count } ақау табылды
       *[other] { $count } ақау табылды
    }
results-found = { $count ->
        [one] { $count } нәтиже
       *[other] { $count } нәтиже
    }
list-totals = { $zones } аймақ, { $pavilions } павильон, { $exhibits } экспонат
stats-sessions = сеанстар: { $count }
stats-staff = қызметкерлердің сеанстары (есепке алынбады): { $count }
stats-median = сеанс ұзақтығының медианасы: { $seconds } с
stats-top-exhibits = ең көп қаралған экспонаттар:
stats-top-pavilions = ең көп қаралған павильондар:
stats-languages = тілдер:
stats-unreadable = оқылмайтын жолдар: { $lines }
