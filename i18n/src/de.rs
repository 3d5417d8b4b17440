//! German. Plural messages give two forms: one, other.

use crate::Msg;

pub const fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::Deals => "Deals",
        Msg::NewDeal => "Neuer Deal",
        Msg::ExportCsv => "Als CSV exportieren",
        Msg::Disconnect => "Abmelden",
        Msg::Crashed => {
            "Das Widget wurde unerwartet beendet. Laden Sie die Seite neu, um fortzufahren."
        }

        Msg::ConnectTitle => "Mit ISAO Deals verbinden",
        Msg::ApiKeyLabel => "API-Schlüssel",
        Msg::Connect => "Verbinden",
        Msg::CheckingKey => "Schlüssel wird geprüft …",
        Msg::SessionExpired => {
            "Ihre Sitzung ist abgelaufen. Laden Sie die Seite neu, um sich wieder anzumelden."
        }
        Msg::ReloadPage => "Seite neu laden",

        Msg::FieldTitle => "Titel",
        Msg::FieldValue => "Wert",
        Msg::FieldCurrency => "Währung",
        Msg::FieldStage => "Phase",
        Msg::FieldPriority => "Priorität",
        Msg::FieldProbability => "Wahrscheinlichkeit",
        Msg::FieldExpectedCloseDate => "Voraussichtliches Abschlussdatum",
        Msg::FieldSource => "Quelle",
        Msg::FieldContactId => "Kontakt-ID",
        Msg::FieldAssignedToId => "ID der zuständigen Person",
        Msg::FieldDescription => "Beschreibung",
        Msg::FieldActualCloseDate => "Tatsächliches Abschlussdatum",
        Msg::NewStage => "Neue Phase",

        Msg::StatusOpen => "Offen",
        Msg::StatusWon => "Gewonnen",
        Msg::StatusLost => "Verloren",
        Msg::PriorityLow => "Niedrig",
        Msg::PriorityMedium => "Mittel",
        Msg::PriorityHigh => "Hoch",
        Msg::StageDiscovery => "Erstgespräch",
        Msg::StageQualification => "Qualifizierung",
        Msg::StageProposal => "Angebot",
        Msg::StageNegotiation => "Verhandlung",
        Msg::StageContractReview => "Vertragsprüfung",
        Msg::StageClosedWon => "Abgeschlossen – gewonnen",
        Msg::StageClosedLost => "Abgeschlossen – verloren",
        Msg::NoStage => "Ohne Phase",
        // -- The list and the toolbar's other parts (deal_list, deal_table, views, all_matching, refresh_failure, rate_limit, workspace)

        // -- The API's messages and the key's diagnostics (api errors, api_key)

        // -- A deal and the new-deal form (deal_detail, deal_form, draft)

        // -- The board and its moves (board/)

        // -- The forecast (forecast)

        // -- The CSV export (export, csv_export)

        // -- Loading screens on demand (on_demand)
    }
}
