# expo-hall 界面用语，简体中文。键与 { $占位符 } 须与 en.ftl 一致（见 src/i18n/word.rs）。

language-name = 中文

## Toolbar and camera
walk = 漫步
overview = 鸟瞰
about = 关于本展
directory = 展馆目录
take-tour = 开始导览
go-to = 前往…
problems = 内容问题
content-updated = 内容已更新
edits-not-shown = 以下问题修正前，修改不会显示（画面保留上一个正确版本）：
help = W A S D / 方向键：行走 · 拖动：环视 · Shift：加速 · 点击展品查看详情 · Tab：鸟瞰 · F1：隐藏提示
help-overview = 拖动：旋转 · 右键拖动：平移 · 滚轮：缩放 · 点击展位或展品查看详情 · Tab：漫步 · F1：隐藏提示

## Panels
close = 关闭
previous = ◀ 上一件
look-around-hint = 拖动旋转 · 滚轮或双指缩放
look-around-front = 正面
narration-listen = 收听讲解
narration-pause = 暂停
narration-continue = 继续
narration-volume = 音量
narration-mute = 静音
gallery-pictures = 图片
gallery-unavailable = 图片无法显示
gallery-flag = { $name }国旗
gallery-native-name = 展台上以本国文字印制的“{ $name }”（排版文字，非照片）
next = 下一件 ▶
exhibitors = 参展企业
tags = 标签
category = 类别
pavilion = 展馆
walk-there = → 步行前往此展位
exhibits = 展品
links = 链接
credits = 素材来源与许可
scan-to-take-away = 用手机扫码，把这一页带走
facts = 数据
timeline = 大事记
seen-across = 各展区所见
sources = 资料来源
iso-code = ISO 3166：{ $code }
source-reported = 据报道于展会现场展出
source-coverage = 据论坛相关报道
source-background = 一般背景资料，非展会报道内容
source-by-organiser = 主办方提供的介绍
source-by-exhibitor = 参展方提供的介绍
category-product = 产品
category-technology = 技术
category-culture = 文化
category-cooperation = 合作项目
category-statistic = 数据
category-platform = 平台
category-tourism = 旅游


## Wayfinding
plan = 平面图
search-hint = 搜索展品、国家、企业…
no-results = 未找到结果
previous-stop = ◀ 上一站
next-stop = 下一站 ▶
pause = 暂停
resume = 继续
leave-tour = 结束导览

## Loading and errors
loading = 正在布置展馆…
hall-cannot-open = 无法打开展馆
check-with = 请用以下命令检查：{ $command }

## Kiosk
kiosk-call = 触摸开始探索
still-there = 您还在吗？
keep-exploring = 触摸屏幕任意位置继续参观
im-here = 我在
staff = 工作人员
pin-entered = 密码：{ $dots }
wrong-pin = 密码错误
key-ok = 确定
cancel = 取消


## Staff performance overlay (F3)
performance = 性能
perf-frames = 每秒 { $fps } 帧 · 帧时间中位数 { $ms } 毫秒
perf-tier = 画质档位：{ $tier }（{ $reason }）
perf-adapter = 图形适配器
perf-entities = 实体：{ $count }
perf-memory = 内存（RSS）：{ $mib } MiB
perf-choose = 画质（会被记住）：
perf-people = 显示参观者人物（会被记住）
quality-auto = 自动
quality-low = 低
quality-medium = 中
quality-high = 高

reason-software = 自动：软件渲染
reason-integrated = 自动：集成显卡
reason-discrete = 自动：独立显卡
reason-other-gpu = 自动：未知类型的显卡
reason-asked = 由 { $from } 指定

## Command line
validate-ok = 内容无误：{ $zones } 个展区（{ $pavilions } 个国家馆），{ $exhibits } 件展品，{ $images } 张图片，{ $tours } 条导览路线
problems-found = 发现 { $count } 个问题
results-found = { $count } 条结果
list-totals = { $zones } 个展区，{ $pavilions } 个国家馆，{ $exhibits } 件展品
stats-sessions = 参观次数：{ $count }
stats-staff = 工作人员操作（不计入）：{ $count }
stats-median = 参观时长中位数：{ $seconds } 秒
stats-top-exhibits = 最常查看的展品：
stats-top-pavilions = 最常查看的展馆：
stats-languages = 语言：
stats-unreadable = 无法读取的行：{ $lines }
