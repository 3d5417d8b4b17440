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


    // -- The API's messages and the key's diagnostics (api errors, api_key)


    // -- A deal and the new-deal form (deal_detail, deal_form, draft)


    // -- The board and its moves (board/)


    // -- The forecast (forecast)


    // -- The CSV export (export, csv_export)


    // -- Loading screens on demand (on_demand)
}
