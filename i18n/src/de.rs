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
        Msg::BackToList => "Zurück zur Liste",
        Msg::LoadingDeal => "Deal wird geladen…",
        Msg::DealNotFound => "Deal nicht gefunden",
        Msg::FieldStatus => "Status",
        Msg::FieldContact => "Kontakt",
        Msg::FieldContactEmail => "Kontakt-E-Mail",
        Msg::FieldContactPhone => "Kontakt-Telefon",
        Msg::FieldAssignedTo => "Zuständig",
        Msg::FieldCreated => "Erstellt",
        Msg::FieldUpdated => "Geändert",
        Msg::MoveDealForward => "Deal voranbringen",
        Msg::MarkWon => "Als gewonnen markieren",
        Msg::MarkLost => "Als verloren markieren",
        Msg::ChangeStage => "Phase ändern",
        Msg::EnterCloseDate => "Geben Sie Datum und Uhrzeit des Abschlusses ein.",
        Msg::EnterStage => "Geben Sie eine Phase ein.",
        Msg::CreateDeal => "Deal anlegen",
        Msg::Cancel => "Abbrechen",
        Msg::CreatingDeal => "Deal wird angelegt…",
        Msg::CorrectFields => "Bitte korrigieren Sie die unten markierten Felder.",
        Msg::DealNotCreated => "Der Deal wurde nicht angelegt: siehe die unten markierten Felder.",

        // -- The board and its moves (board/)
        Msg::IdleOnly => "Nur inaktive",
        Msg::ColumnDeals => "{count} Deal|{count} Deals",
        Msg::ShowMore => "{count} weiteren anzeigen|{count} weitere anzeigen",
        Msg::WeightedTotal => "· gewichtet {amount}",
        Msg::MoveCard => "Verschieben",
        Msg::MoveDeal => "{title} verschieben",
        Msg::ClosesOn => "Abschluss {date}",
        Msg::IdleDays => "Seit {count} Tag inaktiv|Seit {count} Tagen inaktiv",
        Msg::MoveDealTo => "„{title}“ verschieben nach:",
        Msg::ReopenDeal => "Deal wieder öffnen",
        Msg::ReopenWonDeal => "„{title}“ ist gewonnen. Wieder öffnen und nach {stage} verschieben?",
        Msg::ReopenLostDeal => "„{title}“ ist verloren. Wieder öffnen und nach {stage} verschieben?",
        Msg::ReopenAndMove => "Öffnen und verschieben",
        Msg::AlreadyInStage => "{title} ist bereits in {stage}",
        Msg::NotMoved => "{title} wurde nicht verschoben",
        Msg::NotMovedBecause => "{title} wurde nicht verschoben: {reason}",
        Msg::MovedDeal => "{title} nach {stage} verschoben, Position {position} von {size}",

        // -- The forecast (forecast)
        Msg::NoOpenDealsMatch => "Keine offenen Deals entsprechen diesen Filtern.",
        Msg::OpenValue => "Offener Wert",
        Msg::WeightedValue => "Gewichteter Wert",
        Msg::ExpectedClose => "Erwarteter Abschluss",
        Msg::ForecastCaption => "Prognose in {currency} nach erwartetem Abschlussmonat",
        Msg::ForecastTotal => "Summe",
        Msg::Overdue => "Überfällig",
        Msg::Later => "Später",
        Msg::NoDate => "Ohne Datum",

        // -- The CSV export (export, csv_export)
        Msg::ExportScope => "Alle Deals, die den Filtern entsprechen, alle Seiten, in einer Datei.",
        Msg::CsvSeparator => "CSV-Trennzeichen",
        Msg::SeparatorComma => "Komma (,)",
        Msg::SeparatorSemicolon => "Semikolon (;)",
        Msg::CsvForReimport => "Feldnamen und Werte der API (für Reimport)",
        Msg::SaveCsv => "CSV speichern",
        Msg::ExportStarting => "Export läuft…",
        Msg::ExportProgress => "Export: {loaded} von {count} Deal|Export: {loaded} von {count} Deals",
        Msg::CancelExport => "Export abbrechen",
        Msg::Exported => "{count} Deal exportiert.|{count} Deals exportiert.",
        Msg::ExportCancelled => "Export abgebrochen.",
        Msg::ExportFailed => "Export fehlgeschlagen: {reason}",
        Msg::BrowserRefusedSave => "Der Browser konnte die Datei nicht speichern: {reason}.",
        Msg::ColumnId => "ID",
        Msg::ColumnContactCompany => "Firma des Kontakts",
        Msg::ColumnAssignedToEmail => "E-Mail der zuständigen Person",

        // -- Loading screens on demand (on_demand)
        Msg::Loading => "Wird geladen…",
        Msg::ScreenNotLoaded => "Diese Ansicht konnte nicht sicher geladen werden. Prüfen Sie das Netzwerk und versuchen Sie es erneut.",
        Msg::Retry => "Erneut versuchen",
    }
}
