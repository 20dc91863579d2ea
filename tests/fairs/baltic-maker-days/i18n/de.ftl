# expo-hall-Oberflächentexte, Deutsch. Schlüssel und { $Platzhalter } wie in en.ftl
# (Liste der Schlüssel: src/i18n/word.rs). Plural-Kategorien im Deutschen: one, other.
# Teil der erfundenen Beispielmesse „Baltic Maker Days“ (Testdaten).

language-name = Deutsch

## Toolbar and camera
walk = Gehen
overview = Übersicht
about = Über die Ausstellung
directory = Verzeichnis
take-tour = Führung starten
go-to = Gehe zu…
problems = Probleme im Inhalt
content-updated = Inhalt aktualisiert
edits-not-shown = Änderungen erscheinen erst, wenn diese Fehler behoben sind (bis dahin bleibt die letzte gültige Fassung zu sehen):
help = W A S D / Pfeiltasten: gehen · ziehen: umsehen · Shift: schneller · Exponat anklicken: mehr dazu lesen · Tab: Übersicht · F1: ausblenden
help-overview = ziehen: drehen · rechts ziehen: verschieben · Mausrad: zoomen · Stand oder Exponat anklicken · Tab: gehen · F1: ausblenden

## Panels
close = Schließen
previous = ◀ Zurück
look-around-hint = Ziehen zum Drehen · Mausrad oder zwei Finger zum Zoomen
look-around-front = Vorderansicht
narration-listen = Anhören
narration-pause = Pause
narration-continue = Weiter
narration-volume = Lautstärke
narration-mute = Stumm
gallery-pictures = Bilder
gallery-unavailable = Bild nicht verfügbar
gallery-flag = Die Flagge von { $name }
gallery-native-name = Der Name von { $name } in der eigenen Schrift, wie am Stand gedruckt (gesetzt, kein Foto)
next = Weiter ▶
exhibitors = Aussteller
tags = Schlagwörter
category = Kategorie
pavilion = Pavillon
walk-there = → Zu diesem Stand gehen
exhibits = Exponate
links = Links
credits = Urheber und Lizenzen
scan-to-take-away = Mit dem Handy scannen, um diese Seite mitzunehmen
facts = Kennzahlen
timeline = Zeitleiste
seen-across = In den Pavillons zu sehen
sources = Quellen
iso-code = ISO 3166: { $code }
source-reported = Laut Presseberichten auf der Messe gezeigt
source-coverage = In der Presseberichterstattung zum Forum erwähnt
source-background = Allgemeiner Hintergrund, nicht aus Berichten über die Messe
source-by-organiser = Beschreibung des Veranstalters
source-by-exhibitor = Beschreibung des Ausstellers
category-product = Produkt
category-technology = Technologie
category-culture = Kultur
category-cooperation = Kooperationsprojekt
category-statistic = Zahlen
category-platform = Plattform
category-tourism = Tourismus


## Wayfinding
plan = Hallenplan
search-hint = Exponate, Länder, Firmen suchen…
no-results = Nichts gefunden
previous-stop = ◀ Vorige Station
next-stop = Nächste Station ▶
pause = Pause
resume = Fortsetzen
leave-tour = Führung verlassen

## Loading and errors
loading = Die Halle wird vorbereitet…
hall-cannot-open = Die Halle kann nicht geöffnet werden
check-with = Prüfen mit: { $command }

## Kiosk
kiosk-call = Zum Entdecken berühren
still-there = Noch da?
keep-exploring = Irgendwo berühren, um weiter zu entdecken
im-here = Ich bin da
staff = Personal
pin-entered = PIN: { $dots }
wrong-pin = Falsche PIN
key-ok = OK
cancel = Abbrechen


## Staff performance overlay (F3)
performance = Leistung
perf-frames = { $fps } Bilder/s · Median pro Bild { $ms } ms
perf-tier = Qualitätsstufe: { $tier } ({ $reason })
perf-adapter = Grafikadapter
perf-entities = Entitäten: { $count }
perf-memory = Speicher (RSS): { $mib } MiB
perf-choose = Qualität (wird gespeichert):
perf-people = Besucherfiguren zeigen (wird gespeichert)
quality-auto = automatisch
quality-low = niedrig
quality-medium = mittel
quality-high = hoch

reason-software = automatisch: ein Software-Renderer
reason-integrated = automatisch: eine integrierte GPU
reason-discrete = automatisch: eine dedizierte GPU
reason-other-gpu = automatisch: eine GPU unbekannter Art
reason-asked = angefordert in { $from }

## Command line
validate-ok = Inhalt in Ordnung: { $zones } Zonen ({ $pavilions } Pavillons), { $exhibits } Exponate, { $images } Bilder, { $tours ->
        [one] { $tours } Führung
       *[other] { $tours } Führungen
    }
problems-found = { $count ->
        [one] { $count } Problem gefunden
       *[other] { $count } Probleme gefunden
    }
results-found = { $count ->
        [one] { $count } Treffer
       *[other] { $count } Treffer
    }
list-totals = { $zones } Zonen, { $pavilions } Pavillons, { $exhibits } Exponate
stats-sessions = Sitzungen: { $count }
stats-staff = Sitzungen des Personals (nicht mitgezählt): { $count }
stats-median = Median der Sitzungsdauer: { $seconds } s
stats-top-exhibits = meistgesehene Exponate:
stats-top-pavilions = meistgesehene Pavillons:
stats-languages = Sprachen:
stats-unreadable = unlesbare Zeilen: { $lines }
