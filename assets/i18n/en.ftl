# expo-hall interface words, English. One file per language; every key of the `Word` list in
# src/i18n/word.rs must be here, with the same { $placeholders } as in the other files.
# Exhibition texts (names, exhibits, tours) come from the content files, not from here.

language-name = English

## Toolbar and camera
walk = Walk
overview = Overview
about = About this exhibition
directory = Directory
take-tour = Take the tour
go-to = Go to…
problems = content problems
content-updated = content updated
edits-not-shown = Edits not shown until these are fixed (the last good version stays on screen):
help = W A S D / arrows: walk · drag: look · Shift: faster · click an exhibit to read about it · Tab: overview · F1: hide this
help-overview = drag: turn · right-drag: move · wheel: zoom · click a booth or an exhibit · Tab: walk · F1: hide this

## Panels
close = Close
previous = ◀ Previous
look-around-hint = Drag to turn it · wheel or pinch to zoom
look-around-front = Front view
narration-listen = Listen
narration-pause = Pause
narration-continue = Continue
narration-volume = Volume
narration-mute = Mute
gallery-pictures = Pictures
gallery-unavailable = Picture unavailable
gallery-flag = The flag of { $name }
gallery-native-name = The name of { $name } in its own script, as printed on the stand (typeset, not a photograph)
next = Next ▶
exhibitors = Exhibitors
tags = Tags
category = Category
pavilion = Pavilion
walk-there = → Walk to this booth
exhibits = Exhibits
links = Links
credits = Credits and licences
scan-to-take-away = Scan with a phone to take this page with you
facts = Key figures
timeline = Timeline
seen-across = Seen across the pavilions
sources = Sources
iso-code = ISO 3166: { $code }
source-reported = Reported on show at the expo
source-coverage = Reported in the forum's press coverage
source-background = General background, not reported at the expo
source-by-organiser = Described by the organiser
source-by-exhibitor = Described by the exhibitor
category-product = Product
category-technology = Technology
category-culture = Culture
category-cooperation = Cooperation project
category-statistic = Figures
category-platform = Platform
category-tourism = Tourism


## Wayfinding
plan = Floor plan
search-hint = Search exhibits, countries, companies…
no-results = Nothing found
previous-stop = ◀ Previous stop
next-stop = Next stop ▶
pause = Pause
resume = Resume
leave-tour = Leave the tour

## Loading and errors
loading = Preparing the hall…
hall-cannot-open = The hall cannot be opened
check-with = Check it with: { $command }

## Kiosk
kiosk-call = Touch to explore
still-there = Still there?
keep-exploring = Touch anywhere to keep exploring
im-here = I'm here
staff = Staff
pin-entered = PIN: { $dots }
wrong-pin = Wrong PIN
key-ok = OK
cancel = Cancel


## Staff performance overlay (F3)
performance = Performance
perf-frames = { $fps } frames/s · median frame { $ms } ms
perf-tier = Quality tier: { $tier } ({ $reason })
perf-adapter = Graphics adapter
perf-entities = Entities: { $count }
perf-memory = Memory (RSS): { $mib } MiB
perf-choose = Quality (remembered):
perf-people = Show visitor figures (remembered)
quality-auto = auto
quality-low = low
quality-medium = medium
quality-high = high

reason-software = auto: a software renderer
reason-integrated = auto: an integrated GPU
reason-discrete = auto: a discrete GPU
reason-other-gpu = auto: a GPU of unknown kind
reason-asked = asked for in { $from }

## Command line
validate-ok = content OK: { $zones } zones ({ $pavilions } pavilions), { $exhibits } exhibits, { $images } images, { $tours ->
        [one] { $tours } tour
       *[other] { $tours } tours
    }
problems-found = { $count ->
        [one] { $count } problem found
       *[other] { $count } problems found
    }
results-found = { $count ->
        [one] { $count } result
       *[other] { $count } results
    }
list-totals = { $zones } zones, { $pavilions } pavilions, { $exhibits } exhibits
stats-sessions = sessions: { $count }
stats-staff = staff sessions (left out): { $count }
stats-median = median session: { $seconds } s
stats-top-exhibits = most-viewed exhibits:
stats-top-pavilions = most-viewed pavilions:
stats-languages = languages:
stats-unreadable = unreadable lines: { $lines }
