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

        // -- The board and its moves (board/)

        // -- The forecast (forecast)

        // -- The CSV export (export, csv_export)

        // -- Loading screens on demand (on_demand)
    }
}
