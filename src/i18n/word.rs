//! The list of interface words: each [`Word`] is a key that every catalog must have.

/// Declares [`Word`] with its Fluent id and the list of all words, from one table.
macro_rules! words {
    ($($(#[$doc:meta])* $word:ident = $id:literal,)*) => {
        /// A word (or sentence) of the interface, looked up in the visitor's language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Word {
            $($(#[$doc])* $word,)*
        }

        impl Word {
            /// Every word, so tests can hold each catalog to all of them.
            pub const ALL: &[Word] = &[$(Word::$word,)*];

            /// The message id in the Fluent files.
            pub fn id(self) -> &'static str {
                match self {
                    $(Word::$word => $id,)*
                }
            }
        }
    };
}

words! {
    /// The language's own name, for the language switch.
    LanguageName = "language-name",
    Walk = "walk",
    Overview = "overview",
    About = "about",
    Directory = "directory",
    TakeTour = "take-tour",
    GoTo = "go-to",
    Problems = "problems",
    /// A curator's edit is on screen (live editing).
    ContentUpdated = "content-updated",
    /// Heads the list of edited files that are not shown until fixed.
    EditsNotShown = "edits-not-shown",
    /// The keyboard help line of the desktop, walking.
    Help = "help",
    /// The same in the overview.
    HelpOverview = "help-overview",
    Close = "close",
    Previous = "previous",
    /// Under the exhibit's live picture in its panel.
    LookAroundHint = "look-around-hint",
    /// Puts the live picture back to the front view.
    LookAroundFront = "look-around-front",
    /// Starts the narration of the panel's text.
    Listen = "narration-listen",
    NarrationPause = "narration-pause",
    NarrationContinue = "narration-continue",
    /// The toolbar's narration volume and its mute switch.
    Volume = "narration-volume",
    Mute = "narration-mute",
    /// The heading of a panel's pictures.
    Pictures = "gallery-pictures",
    /// In place of a picture that cannot be shown.
    PictureUnavailable = "gallery-unavailable",
    /// A pavilion's flag in its gallery; `$name`: the country.
    FlagOf = "gallery-flag",
    /// A pavilion's name print in its gallery; `$name`: the country.
    NativeNameOf = "gallery-native-name",
    Next = "next",
    Exhibitors = "exhibitors",
    Tags = "tags",
    Category = "category",
    Pavilion = "pavilion",
    /// The pavilion panel's button that walks the camera to the booth.
    WalkThere = "walk-there",
    Exhibits = "exhibits",
    Links = "links",
    ScanToTakeAway = "scan-to-take-away",
    Credits = "credits",
    Facts = "facts",
    Timeline = "timeline",
    SeenAcross = "seen-across",
    Sources = "sources",
    /// `$code`: a pavilion's ISO 3166 code.
    IsoCode = "iso-code",
    SourceReported = "source-reported",
    SourceCoverage = "source-coverage",
    SourceBackground = "source-background",
    /// A text the fair's organiser wrote about what it shows.
    SourceByOrganiser = "source-by-organiser",
    /// A text the exhibitor wrote about its own exhibit.
    SourceByExhibitor = "source-by-exhibitor",
    CategoryProduct = "category-product",
    CategoryTechnology = "category-technology",
    CategoryCulture = "category-culture",
    CategoryCooperation = "category-cooperation",
    CategoryStatistic = "category-statistic",
    CategoryPlatform = "category-platform",
    CategoryTourism = "category-tourism",
    Plan = "plan",
    SearchHint = "search-hint",
    NoResults = "no-results",
    PreviousStop = "previous-stop",
    NextStop = "next-stop",
    Pause = "pause",
    Resume = "resume",
    LeaveTour = "leave-tour",
    Loading = "loading",
    HallCannotOpen = "hall-cannot-open",
    /// `$command`: the command that checks the content.
    CheckWith = "check-with",
    KioskCall = "kiosk-call",
    StillThere = "still-there",
    KeepExploring = "keep-exploring",
    ImHere = "im-here",
    Staff = "staff",
    /// `$dots`: one dot per digit entered.
    PinEntered = "pin-entered",
    WrongPin = "wrong-pin",
    KeyOk = "key-ok",
    Cancel = "cancel",
    /// The staff performance overlay (F3): its title and rows.
    Performance = "performance",
    /// `$fps`, `$ms`: frames per second and the median frame time.
    PerfFrames = "perf-frames",
    /// `$tier`, `$reason`.
    PerfTier = "perf-tier",
    PerfAdapter = "perf-adapter",
    /// `$count`.
    PerfEntities = "perf-entities",
    /// `$mib`.
    PerfMemory = "perf-memory",
    /// The desktop's tier choice: heading, then its four options.
    PerfChoose = "perf-choose",
    PerfPeople = "perf-people",
    QualityAuto = "quality-auto",
    QualityLow = "quality-low",
    QualityMedium = "quality-medium",
    QualityHigh = "quality-high",
    /// Why the tier: `auto` on each kind of adapter, or `$from` where it was asked for.
    ReasonSoftware = "reason-software",
    ReasonIntegrated = "reason-integrated",
    ReasonDiscrete = "reason-discrete",
    ReasonOtherGpu = "reason-other-gpu",
    ReasonAsked = "reason-asked",
    /// `$zones`, `$pavilions`, `$exhibits`, `$images`, `$tours`.
    ValidateOk = "validate-ok",
    /// `$count`.
    ProblemsFound = "problems-found",
    /// `$count`.
    ResultsFound = "results-found",
    /// `$zones`, `$pavilions`, `$exhibits`.
    ListTotals = "list-totals",
    /// `$count`.
    StatsSessions = "stats-sessions",
    /// `$count`.
    StatsStaff = "stats-staff",
    /// `$seconds`.
    StatsMedian = "stats-median",
    StatsTopExhibits = "stats-top-exhibits",
    StatsTopPavilions = "stats-top-pavilions",
    StatsLanguages = "stats-languages",
    /// `$lines`.
    StatsUnreadable = "stats-unreadable",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_its_own_id() {
        let mut ids: Vec<&str> = Word::ALL.iter().map(|w| w.id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), Word::ALL.len());
    }
}
