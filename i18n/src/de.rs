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
        Msg::Status => "Status",
        Msg::AllStatuses => "Alle",
        Msg::Filters => "Filter",
        Msg::CreatedSince => "Erstellt seit",
        Msg::UpdatedSince => "Geändert seit",
        Msg::ResetFilters => "Filter zurücksetzen",
        Msg::Views => "Ansichten",
        Msg::ViewList => "Liste",
        Msg::ViewBoard => "Board",
        Msg::ViewForecast => "Prognose",
        Msg::LoadingDeals => "Deals werden geladen …",
        Msg::LoadingDealsOf => "Deals werden geladen: {loaded} von {total}",
        Msg::ShowingDeals => "{shown} von {count} Deal angezeigt|{shown} von {count} Deals angezeigt",
        Msg::LoadingStopped => "{shown} von {count} Deal angezeigt: Das Laden wurde angehalten.|{shown} von {count} Deals angezeigt: Das Laden wurde angehalten.",
        Msg::LoadAll => "Alle laden",
        Msg::Cancel => "Abbrechen",
        Msg::Retry => "Erneut versuchen",
        Msg::ShowChanges => "Anzeigen",
        Msg::ManyDealsChanged => "Viele Deals wurden geändert",
        Msg::DealsChanged => "{count} Deal wurde geändert|{count} Deals wurden geändert",
        Msg::RefreshFailing => "Die automatische Aktualisierung ist {count}-mal in Folge fehlgeschlagen: {error}. Sie versucht es weiter.|Die automatische Aktualisierung ist {count}-mal in Folge fehlgeschlagen: {error}. Sie versucht es weiter.",
        Msg::TryingAgainNow => "Neuer Versuch läuft …",
        Msg::TryingAgainIn => "Neuer Versuch in {count} Sekunde …|Neuer Versuch in {count} Sekunden …",
        Msg::NoDealsMatch => "Keine Deals entsprechen diesen Filtern.",
        Msg::NoDealsYet => "Noch keine Deals.",
        Msg::PageMissing => "Seite {page} gibt es nicht: Es gibt {count} Seite.|Seite {page} gibt es nicht: Es gibt {count} Seiten.",
        Msg::GoToPage => "Zu Seite {page}",
        Msg::OpenPipeline => "Offene Deals dieser Seite",
        Msg::OpenTotal => "Offen {currency}: {amount}",
        Msg::WeightedTotal => "gewichtet {amount}",
        Msg::Pagination => "Seitennavigation",
        Msg::Previous => "Zurück",
        Msg::Next => "Weiter",
        Msg::PageOf => "Seite {page} von {pages}",
        Msg::DealCount => "{count} Deal|{count} Deals",
        Msg::PageSize => "Deals pro Seite",
        Msg::ColumnExpectedClose => "Abschluss geplant",
        Msg::ColumnContact => "Kontakt",
        Msg::ColumnAssignedTo => "Zuständig",

        // -- The API's messages and the key's diagnostics (api errors, api_key)
        Msg::ApiKeyRefused => "Die Deals-API akzeptiert diesen Schlüssel nicht.",
        Msg::PermissionMissing => "Diesem API-Schlüssel fehlt die Berechtigung {permission}.",
        Msg::DealNotFound => "Dieser Deal existiert nicht oder gehört zu einem anderen Unternehmen.",
        Msg::ValuesRefused => "Einige Werte wurden abgelehnt.",
        Msg::ContactNotFound => "Kein Kontakt Ihres Unternehmens hat diese ID.",
        Msg::UserNotFound => "Kein Benutzer Ihres Unternehmens hat diese ID.",
        Msg::RateLimited => "Die Deals-API erhält zu viele Anfragen",
        Msg::ApiFailed => "Die Deals-API ist fehlgeschlagen (HTTP {status}).",
        Msg::ApiUnreachable => "Die Deals-API ist nicht erreichbar.",
        Msg::ApiUnreadable => "Die Deals-API hat eine Antwort gesendet, die das Widget nicht lesen kann.",
        Msg::FieldRequired => "„{field}“ ist erforderlich.",
        Msg::FieldTooLong => "„{field}“ darf höchstens {max} Zeichen lang sein.",
        Msg::FieldNotText => "„{field}“ muss Text sein.",
        Msg::FieldInvisible => "„{field}“ muss sichtbare Zeichen enthalten.",
        Msg::FieldCharacter => "Zeichen {position} in „{field}“ ist nicht zulässig ({code}): Bitte entfernen Sie es.",
        Msg::ValueTooLarge => "Der Wert darf höchstens 10.000.000.000.000 betragen.",
        Msg::ValuePositive => "Der Wert muss eine positive Zahl sein.",
        Msg::CurrencyCode => "Die Währung muss ein Währungscode wie EUR sein.",
        Msg::PriorityChoice => "Die Priorität muss niedrig, mittel oder hoch sein.",
        Msg::ProbabilityRange => "Die Wahrscheinlichkeit muss eine Zahl von 0 bis 100 sein.",
        Msg::DateFormat => "„{field}“ muss ein Datum mit vierstelliger Jahreszahl sein.",
        Msg::StatusChoice => "Der Status muss Offen, Gewonnen oder Verloren sein.",
        Msg::CloseDateNeedsClosing => "Ein tatsächliches Abschlussdatum ist nur mit dem Status gewonnen oder verloren möglich.",
        Msg::KeyEmpty => "Geben Sie einen API-Schlüssel ein.",
        Msg::KeyCharacter => "Zeichen {position} des Schlüssels ist {kind}: API-Schlüssel enthalten nur sichtbare ASCII-Zeichen. Kopieren Sie den Schlüssel erneut.",
        Msg::KeySpace => "ein Leerzeichen",
        Msg::KeyNoBreakSpace => "ein geschütztes Leerzeichen",
        Msg::KeyZeroWidth => "ein unsichtbares Zeichen ohne Breite",
        Msg::KeyWhitespace => "ein Leerraumzeichen",
        Msg::KeyControl => "ein Steuerzeichen",
        Msg::KeyNonAscii => "das Nicht-ASCII-Zeichen „{character}“",

        // -- A deal and the new-deal form (deal_detail, deal_form, draft)

        // -- The board and its moves (board/)

        // -- The forecast (forecast)

        // -- The CSV export (export, csv_export)

        // -- Loading screens on demand (on_demand)
    }
}
