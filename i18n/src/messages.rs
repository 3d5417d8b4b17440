//! The list of messages. Each area of the widget has its section; a new
//! message goes into its area's section here and into every language file.

macro_rules! messages {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// One thing the widget shows or says, in whatever language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg {
            $($(#[$doc])* $name,)*
        }

        impl Msg {
            /// Every message, in the order of the catalogue files' lines.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// Its name in the code: what a failed check names.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Msg::$name => stringify!($name),)*
                }
            }
        }
    };
}

messages! {
    // -- The widget and its toolbar (widget.rs, workspace.rs, embed.rs)
    /// The widget's accessible name.
    Deals,
    NewDeal,
    ExportCsv,
    Disconnect,
    /// Shown in place of every widget once the code has failed.
    Crashed,

    // -- Connecting (connect.rs)
    ConnectTitle,
    ApiKeyLabel,
    Connect,
    CheckingKey,
    SessionExpired,
    ReloadPage,

    // -- A deal's fields, as forms, columns and the detail name them
    FieldTitle,
    FieldValue,
    FieldCurrency,
    FieldStage,
    FieldPriority,
    FieldProbability,
    FieldExpectedCloseDate,
    FieldSource,
    FieldContactId,
    FieldAssignedToId,
    FieldDescription,
    FieldActualCloseDate,
    NewStage,

    // -- The values the contract knows: statuses, priorities, the pipeline's stages
    StatusOpen,
    StatusWon,
    StatusLost,
    PriorityLow,
    PriorityMedium,
    PriorityHigh,
    StageDiscovery,
    StageQualification,
    StageProposal,
    StageNegotiation,
    StageContractReview,
    StageClosedWon,
    StageClosedLost,
    NoStage,

    // -- The list and the toolbar's other parts (deal_list, deal_table, views, all_matching, refresh_failure, rate_limit, workspace)
    Status,
    /// The status filter's choice of every status.
    AllStatuses,
    Filters,
    CreatedSince,
    UpdatedSince,
    ResetFilters,
    /// The search box's name and placeholder.
    SearchDeals,
    /// `search` is the words, as typed.
    NoDealsFound,
    ClearSearch,
    /// Beside the list sorted by value.
    SortedByCurrency,
    /// The toggle that shows only the deals assigned to the user.
    Mine,
    WhoAreYou,
    WhoAreYouHelp,
    ShowMyDeals,
    ShowEveryonesDeals,
    /// "Who are you?" with no deal assigned to anyone.
    NobodyAssigned,
    /// `name` is the user's name (or id when no deal names them).
    AssignedToUser,
    NotYou,
    /// "Mine" on, nothing searched, no deal assigned to the user.
    NoDealsMine,
    /// The list of keyboard shortcuts ("?").
    KeyboardShortcuts,
    ShortcutNextDeal,
    ShortcutPreviousDeal,
    ShortcutOpenDeal,
    /// The Enter key's name on a keyboard.
    KeyEnter,
    Close,
    /// The tabs' accessible name.
    Views,
    ViewList,
    ViewBoard,
    ViewForecast,
    LoadingDeals,
    /// `loaded` and `total` already written as numbers.
    LoadingDealsOf,
    /// The list's announcement, by the total.
    ShowingDeals,
    LoadingStopped,
    LoadAll,
    Cancel,
    Retry,
    /// Shows what a live refresh found.
    ShowChanges,
    ManyDealsChanged,
    DealsChanged,
    /// `error` is what went wrong, as the widget says it.
    RefreshFailing,
    TryingAgainNow,
    TryingAgainIn,
    NoDealsMatch,
    NoDealsYet,
    /// Past the last page; `count` is the number of pages.
    PageMissing,
    GoToPage,
    /// The totals' accessible name.
    OpenPipeline,
    OpenTotal,
    WeightedTotal,
    Pagination,
    Previous,
    Next,
    PageOf,
    DealCount,
    PageSize,
    ColumnExpectedClose,
    ColumnContact,
    ColumnAssignedTo,


    // -- The API's messages and the key's diagnostics (api errors, api_key)
    /// 401: the API does not accept the key.
    ApiKeyRefused,
    /// 403: the key lacks `permission`.
    PermissionMissing,
    DealNotFound,
    /// 422: what comes before each field's message.
    ValuesRefused,
    ContactNotFound,
    UserNotFound,
    /// 429, followed by the wait.
    RateLimited,
    ApiFailed,
    ApiUnreachable,
    ApiUnreadable,
    FieldRequired,
    FieldTooLong,
    FieldNotText,
    FieldInvisible,
    /// `code` is the character's code point, such as U+200B.
    FieldCharacter,
    ValueTooLarge,
    ValuePositive,
    CurrencyCode,
    PriorityChoice,
    ProbabilityRange,
    DateFormat,
    StatusChoice,
    CloseDateNeedsClosing,
    KeyEmpty,
    /// `kind` is one of the Key* characters below.
    KeyCharacter,
    KeySpace,
    KeyNoBreakSpace,
    KeyZeroWidth,
    KeyWhitespace,
    KeyControl,
    KeyNonAscii,


    // -- A deal and the new-deal form (deal_detail, deal_form, draft)
    BackToList,
    LoadingDeal,
    FieldStatus,
    FieldContact,
    FieldContactEmail,
    FieldContactPhone,
    FieldAssignedTo,
    FieldCreated,
    FieldUpdated,
    /// The accessible name of a deal's actions.
    MoveDealForward,
    MarkWon,
    MarkLost,
    ChangeStage,
    EnterCloseDate,
    EnterStage,
    CreateDeal,
    CreatingDeal,
    CorrectFields,
    DealNotCreated,
    /// Under the new-deal form's contact and user pickers.
    PersonHint,
    /// Under a picker whose text names no one the widget knows.
    NoOneKnownMatches,


    // -- The board and its moves (board/)
    IdleOnly,
    /// The board's sort control, and its choices.
    SortCardsBy,
    ApiOrder,
    SortAscending,
    SortDescending,
    /// Many deals at once: a card's checkbox, the bar of the selection.
    SelectDeal,
    /// The list's header checkbox: every deal of the page shown.
    SelectPage,
    /// Offered once a whole page is selected, and said once done.
    SelectAllMatching,
    AllMatchingSelected,
    /// Selected deals that the filters no longer keep.
    LeftSelection,
    SelectedDeals,
    MoveSelectedTo,
    /// The first choice of that list, before one is made.
    ChooseTarget,
    ClearSelection,
    ReopenSelected,
    MovingDeals,
    MovedDeals,
    /// Some of the selected deals were refused, all for the same reason.
    SomeNotMovedBecause,
    SomeNotMoved,
    RetryThese,
    ExportSelection,
    /// A change waiting to be sent, in the undo toast: one deal by its
    /// title, more by their number.
    MovedDealTo,
    MarkedWon,
    MarkedLost,
    /// The toast's button, and what it says once pressed.
    UndoChange,
    ChangeUndone,
    ColumnDeals,
    ShowMore,
    /// A card's button that asks where to move its deal.
    MoveCard,
    MoveDeal,
    ClosesOn,
    IdleDays,
    MoveDealTo,
    ReopenDeal,
    ReopenWonDeal,
    ReopenLostDeal,
    ReopenAndMove,
    AlreadyInStage,
    /// Said when the host page refuses a move.
    NotMoved,
    NotMovedBecause,
    MovedDeal,


    // -- The forecast (forecast)
    NoOpenDealsMatch,
    OpenValue,
    WeightedValue,
    /// The forecast table's first column: the expected close month.
    ExpectedClose,
    ForecastCaption,
    ForecastTotal,
    Overdue,
    Later,
    NoDate,


    // -- The CSV export (export, csv_export)
    ExportScope,
    CsvSeparator,
    SeparatorComma,
    SeparatorSemicolon,
    /// The choice of the API's field names and values in the file, rather than the language's.
    CsvForReimport,
    SaveCsv,
    ExportStarting,
    ExportProgress,
    CancelExport,
    Exported,
    ExportCancelled,
    ExportFailed,
    BrowserRefusedSave,
    ColumnId,
    ColumnContactCompany,
    ColumnAssignedToEmail,


    // -- Saved views (saved_views)
    /// The toolbar's button and the panel's heading.
    SavedViews,
    ViewOpenDeals,
    ViewIdle,
    ViewClosingThisMonth,
    SaveView,
    ViewName,
    ViewNameMissing,
    ViewNameTaken,
    Rename,
    Delete,
    ViewSaved,
    ViewDeleted,
    /// A view filters by a stage no deal has now.
    ViewStageGone,
    /// The page may not use localStorage.
    ViewsNotKept,
    /// Ends the narrowing to idle deals or to those closing this month.
    ShowAll,

    // -- Loading screens on demand (on_demand)
    Loading,
    ScreenNotLoaded,

    // -- The wait of a slow API (waiting, wait_view)
    ApiSlow,
    WaitCancelled,
    ApiTimedOut,
}
