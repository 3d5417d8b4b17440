//! English: the texts built into the widget, and the reference for the
//! placeholders and plural forms of every other language.

use crate::Msg;

pub const fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::Deals => "Deals",
        Msg::NewDeal => "New deal",
        Msg::ExportCsv => "Export CSV",
        Msg::Disconnect => "Disconnect",
        Msg::Crashed => "The widget stopped unexpectedly. Reload the page to continue.",

        Msg::ConnectTitle => "Connect to ISAO Deals",
        Msg::ApiKeyLabel => "API key",
        Msg::Connect => "Connect",
        Msg::CheckingKey => "Checking the key…",
        Msg::SessionExpired => "Your session has expired. Reload the page to sign in again.",
        Msg::ReloadPage => "Reload the page",

        Msg::FieldTitle => "Title",
        Msg::FieldValue => "Value",
        Msg::FieldCurrency => "Currency",
        Msg::FieldStage => "Stage",
        Msg::FieldPriority => "Priority",
        Msg::FieldProbability => "Probability",
        Msg::FieldExpectedCloseDate => "Expected close date",
        Msg::FieldSource => "Source",
        Msg::FieldContactId => "Contact ID",
        Msg::FieldAssignedToId => "Assigned to ID",
        Msg::FieldDescription => "Description",
        Msg::FieldActualCloseDate => "Actual close date",
        Msg::NewStage => "New stage",

        Msg::StatusOpen => "Open",
        Msg::StatusWon => "Won",
        Msg::StatusLost => "Lost",
        Msg::PriorityLow => "Low",
        Msg::PriorityMedium => "Medium",
        Msg::PriorityHigh => "High",
        Msg::StageDiscovery => "Discovery",
        Msg::StageQualification => "Qualification",
        Msg::StageProposal => "Proposal",
        Msg::StageNegotiation => "Negotiation",
        Msg::StageContractReview => "Contract review",
        Msg::StageClosedWon => "Closed won",
        Msg::StageClosedLost => "Closed lost",
        Msg::NoStage => "No stage",
        // -- The list and the toolbar's other parts (deal_list, deal_table, views, all_matching, refresh_failure, rate_limit, workspace)

        // -- The API's messages and the key's diagnostics (api errors, api_key)

        // -- A deal and the new-deal form (deal_detail, deal_form, draft)
        Msg::BackToList => "Back to list",
        Msg::LoadingDeal => "Loading deal…",
        Msg::DealNotFound => "Deal not found",
        Msg::FieldStatus => "Status",
        Msg::FieldContact => "Contact",
        Msg::FieldContactEmail => "Contact email",
        Msg::FieldContactPhone => "Contact phone",
        Msg::FieldAssignedTo => "Assigned to",
        Msg::FieldCreated => "Created",
        Msg::FieldUpdated => "Updated",
        Msg::MoveDealForward => "Move this deal forward",
        Msg::MarkWon => "Mark won",
        Msg::MarkLost => "Mark lost",
        Msg::ChangeStage => "Change stage",
        Msg::EnterCloseDate => "Enter the date and time the deal closed.",
        Msg::EnterStage => "Enter a stage.",
        Msg::CreateDeal => "Create deal",
        Msg::Cancel => "Cancel",
        Msg::CreatingDeal => "Creating the deal…",
        Msg::CorrectFields => "Please correct the fields marked below.",
        Msg::DealNotCreated => "The deal was not created: see the fields marked below.",

        // -- The board and its moves (board/)
        Msg::IdleOnly => "Idle only",
        Msg::ColumnDeals => "{count} deal|{count} deals",
        Msg::ShowMore => "Show {count} more|Show {count} more",
        Msg::WeightedTotal => "· weighted {amount}",
        Msg::MoveCard => "Move",
        Msg::MoveDeal => "Move {title}",
        Msg::ClosesOn => "Closes {date}",
        Msg::IdleDays => "Idle {count} day|Idle {count} days",
        Msg::MoveDealTo => "Move “{title}” to:",
        Msg::ReopenDeal => "Reopen deal",
        Msg::ReopenWonDeal => "“{title}” is won. Reopen it and move it to {stage}?",
        Msg::ReopenLostDeal => "“{title}” is lost. Reopen it and move it to {stage}?",
        Msg::ReopenAndMove => "Reopen and move",
        Msg::AlreadyInStage => "{title} is already in {stage}",
        Msg::NotMoved => "{title} was not moved",
        Msg::NotMovedBecause => "{title} was not moved: {reason}",
        Msg::MovedDeal => "Moved {title} to {stage}, position {position} of {size}",

        // -- The forecast (forecast)
        Msg::NoOpenDealsMatch => "No open deals match these filters.",
        Msg::OpenValue => "Open value",
        Msg::WeightedValue => "Weighted value",
        Msg::ExpectedClose => "Expected close",
        Msg::ForecastCaption => "{currency} forecast by expected close month",
        Msg::ForecastTotal => "Total",
        Msg::Overdue => "Overdue",
        Msg::Later => "Later",
        Msg::NoDate => "No date",

        // -- The CSV export (export, csv_export)
        Msg::ExportScope => "Every deal the filters match, all pages, in one file.",
        Msg::CsvSeparator => "CSV separator",
        Msg::SeparatorComma => "Comma (,)",
        Msg::SeparatorSemicolon => "Semicolon (;)",
        Msg::CsvForReimport => "API field names and values (for re-import)",
        Msg::SaveCsv => "Save CSV",
        Msg::ExportStarting => "Exporting…",
        Msg::ExportProgress => {
            "Exporting: {loaded} of {count} deal|Exporting: {loaded} of {count} deals"
        }
        Msg::CancelExport => "Cancel export",
        Msg::Exported => "Exported {count} deal.|Exported {count} deals.",
        Msg::ExportCancelled => "Export cancelled.",
        Msg::ExportFailed => "Export failed: {reason}",
        Msg::BrowserRefusedSave => "The browser could not save the file: {reason}.",
        Msg::ColumnId => "ID",
        Msg::ColumnContactCompany => "Contact company",
        Msg::ColumnAssignedToEmail => "Assigned to email",

        // -- Loading screens on demand (on_demand)
        Msg::Loading => "Loading…",
        Msg::ScreenNotLoaded => {
            "This screen could not be loaded safely. Check the network and retry."
        }
        Msg::Retry => "Retry",
    }
}
