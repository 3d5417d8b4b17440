//! Every word the widget shows or says, in each language it speaks.
//!
//! A message is a variant of [`Msg`]; each language is one file (`en.rs`,
//! `fr.rs`, `de.rs`) with one `match` over every message, so a message
//! missing from a language, or one it has that the others do not, stops the
//! build. The checks at the end of this file stop it too when a translation's
//! `{placeholders}` differ from the English text's, or when a plural message
//! has not one form per plural category of its language.
//!
//! The English texts are built into the widget; the others are written to
//! `lang/<tag>.txt` beside it (`catalogue`) and fetched when a widget speaks
//! that language, so that the first download carries one language.
//!
//! Adding a language: a file like `fr.rs`, a variant of [`Lang`] with its tag
//! and plural categories, and its line in [`Lang::text`]; docs/i18n.md says more.

mod de;
mod en;
mod fr;
mod messages;

pub use messages::Msg;

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
    De,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::De];

    /// Its BCP 47 tag, for `lang` attributes and `Intl`.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
        }
    }

    /// The codes of every language, space-separated, for the page to choose
    /// among (regional tags are reduced to these by the widget's JS).
    pub const SPOKEN: &'static str = "en fr de";

    /// The language of a code of [`Lang::SPOKEN`].
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.tag() == code)
    }

    /// The plural categories of `Intl.PluralRules` for the language, in the
    /// order its plural messages give their forms (`one|other`).
    pub const fn plural_categories(self) -> &'static [&'static str] {
        match self {
            Lang::En | Lang::De => &["one", "other"],
            Lang::Fr => &["one", "many", "other"],
        }
    }

    /// `msg` in this language.
    pub const fn text(self, msg: Msg) -> &'static str {
        match self {
            Lang::En => en::text(msg),
            Lang::Fr => fr::text(msg),
            Lang::De => de::text(msg),
        }
    }
}

/// Every message of `lang`, one a line, in the order of [`Msg::ALL`]: the
/// file a widget fetches to speak it.
pub fn catalogue(lang: Lang) -> String {
    let texts: Vec<&str> = Msg::ALL.iter().map(|msg| lang.text(*msg)).collect();
    texts.join("\n")
}

/// [`catalogue`] with the line of every message shown only on demand
/// ([`Msg::on_demand`]) left empty: the English built into the first
/// download. No text of the catalogue is empty, so an empty line says that
/// the whole catalogue is still to be fetched.
pub fn first_download_catalogue(lang: Lang) -> String {
    let texts: Vec<&str> = Msg::ALL
        .iter()
        .map(|msg| if msg.on_demand() { "" } else { lang.text(*msg) })
        .collect();
    texts.join("\n")
}

impl Msg {
    /// Whether only the screens fetched on demand through their stylesheet's
    /// wait (the deal, the new-deal form, the CSV export, the board, the
    /// forecast, the list of what a search found, "Who are you?", the list of
    /// keyboard shortcuts, the saved views) show it.
    /// Their words come with them: the English built into the first download
    /// leaves them out, and the first such screen to open fetches the whole
    /// catalogue. A message a screen of the first download shows, or the
    /// wait and the live refresh (chunks that show without that wait), must
    /// not be one.
    pub const fn on_demand(self) -> bool {
        matches!(
            self,
            // The deal and the new-deal form.
            Msg::NewStage
                | Msg::BackToList
                | Msg::LoadingDeal
                | Msg::MoveDealForward
                | Msg::MarkWon
                | Msg::MarkLost
                | Msg::ChangeStage
                | Msg::EnterCloseDate
                | Msg::EnterStage
                | Msg::CreateDeal
                | Msg::CreatingDeal
                | Msg::CorrectFields
                | Msg::DealNotCreated
                | Msg::PersonHint
                | Msg::NoOneKnownMatches
                // What a search found, "Mine" and "Who are you?".
                | Msg::NoDealsFound
                | Msg::ClearSearch
                | Msg::SortedByCurrency
                | Msg::WhoAreYou
                | Msg::WhoAreYouHelp
                | Msg::ShowMyDeals
                | Msg::ShowEveryonesDeals
                | Msg::NobodyAssigned
                | Msg::AssignedToUser
                | Msg::NotYou
                | Msg::NoDealsMine
                // The board.
                | Msg::IdleOnly
                | Msg::SortCardsBy
                | Msg::ApiOrder
                | Msg::SortAscending
                | Msg::SortDescending
                | Msg::SelectAllMatching
                | Msg::AllMatchingSelected
                | Msg::LeftSelection
                | Msg::SelectedDeals
                | Msg::MoveSelectedTo
                | Msg::ChooseTarget
                | Msg::ClearSelection
                | Msg::ReopenSelected
                | Msg::MovingDeals
                | Msg::MovedDeals
                | Msg::SomeNotMovedBecause
                | Msg::SomeNotMoved
                | Msg::RetryThese
                | Msg::ExportSelection
                | Msg::MovedDealTo
                | Msg::MarkedWon
                | Msg::MarkedLost
                | Msg::UndoChange
                | Msg::ChangeUndone
                | Msg::ColumnDeals
                | Msg::ShowMore
                | Msg::MoveCard
                | Msg::MoveDeal
                | Msg::ClosesOn
                | Msg::IdleDays
                | Msg::MoveDealTo
                | Msg::ReopenDeal
                | Msg::ReopenWonDeal
                | Msg::ReopenLostDeal
                | Msg::ReopenAndMove
                | Msg::AlreadyInStage
                | Msg::NotMoved
                | Msg::NotMovedBecause
                | Msg::MovedDeal
                // The forecast.
                | Msg::NoOpenDealsMatch
                | Msg::OpenValue
                | Msg::WeightedValue
                | Msg::ExpectedClose
                | Msg::ForecastCaption
                | Msg::ForecastTotal
                | Msg::Overdue
                | Msg::Later
                | Msg::NoDate
                // The loading of every matching deal behind them.
                | Msg::LoadingDealsOf
                | Msg::LoadingStopped
                | Msg::LoadAll
                // The list of keyboard shortcuts.
                | Msg::KeyboardShortcuts
                | Msg::KeyEnter
                | Msg::ShortcutNextDeal
                | Msg::ShortcutPreviousDeal
                | Msg::ShortcutOpenDeal
                | Msg::Close
                // The deal's fields that the list does not show, and the
                // CSV file's columns and separators.
                | Msg::FieldStatus
                | Msg::FieldCreated
                | Msg::FieldContact
                | Msg::FieldContactEmail
                | Msg::FieldContactPhone
                | Msg::FieldAssignedTo
                | Msg::ColumnId
                | Msg::ColumnContactCompany
                | Msg::ColumnAssignedToEmail
                | Msg::SeparatorComma
                | Msg::SeparatorSemicolon
                // The saved views (the toolbar's button is in the first
                // download).
                | Msg::ViewOpenDeals
                | Msg::ViewIdle
                | Msg::ViewClosingThisMonth
                | Msg::ShowAll
                | Msg::SaveView
                | Msg::ViewName
                | Msg::ViewNameMissing
                | Msg::ViewNameTaken
                | Msg::Rename
                | Msg::Delete
                | Msg::ViewSaved
                | Msg::ViewDeleted
                | Msg::ViewStageGone
                | Msg::ViewsNotKept
                // The CSV export.
                | Msg::ExportScope
                | Msg::CsvSeparator
                | Msg::CsvForReimport
                | Msg::SaveCsv
                | Msg::ExportStarting
                | Msg::ExportProgress
                | Msg::CancelExport
                | Msg::Exported
                | Msg::ExportCancelled
                | Msg::ExportFailed
                | Msg::BrowserRefusedSave
                // A deal not found (the deal's screen), a change refused
                // field by field (the form, a deal's move, the board's), and
                // the fields only the form and the export name.
                | Msg::ValuesRefused
                | Msg::DealNotFound
                | Msg::ContactNotFound
                | Msg::UserNotFound
                | Msg::ValueTooLarge
                | Msg::ValuePositive
                | Msg::PriorityChoice
                | Msg::ProbabilityRange
                | Msg::StatusChoice
                | Msg::CloseDateNeedsClosing
                | Msg::CurrencyCode
                | Msg::DateFormat
                | Msg::FieldRequired
                | Msg::FieldNotText
                | Msg::FieldInvisible
                | Msg::FieldTooLong
                | Msg::FieldCharacter
                | Msg::FieldCurrency
                | Msg::FieldDescription
                | Msg::FieldExpectedCloseDate
                | Msg::FieldSource
                | Msg::FieldContactId
                | Msg::FieldAssignedToId
                | Msg::FieldActualCloseDate
        )
    }
}

/// Where each form of a plural message begins and ends.
pub const PLURAL_SEPARATOR: char = '|';

const _: () = check_every_translation();

const fn check_every_translation() {
    let mut language = 0;
    while language < Lang::ALL.len() {
        let lang = Lang::ALL[language];
        let mut index = 0;
        while index < Msg::ALL.len() {
            check(lang, Msg::ALL[index]);
            index += 1;
        }
        language += 1;
    }
}

/// Stops the build with the message's name when `lang`'s text of it cannot
/// stand in for the English one.
const fn check(lang: Lang, msg: Msg) {
    let english = en::text(msg).as_bytes();
    let text = lang.text(msg).as_bytes();
    if text.is_empty() || contains(text, b'\n') {
        panic!("{}", msg.name());
    }
    let forms = count(text, b'|') + 1;
    let english_forms = count(english, b'|') + 1;
    if english_forms > 1 && forms != lang.plural_categories().len() {
        panic!("{}", msg.name());
    }
    if english_forms == 1 && forms != 1 {
        panic!("{}", msg.name());
    }
    if !placeholders_within(text, english) || !placeholders_within(english, text) {
        panic!("{}", msg.name());
    }
}

const fn contains(text: &[u8], byte: u8) -> bool {
    count(text, byte) > 0
}

const fn count(text: &[u8], byte: u8) -> usize {
    let (mut index, mut found) = (0, 0);
    while index < text.len() {
        if text[index] == byte {
            found += 1;
        }
        index += 1;
    }
    found
}

/// Whether every `{name}` of `text` is a placeholder of `other` too.
const fn placeholders_within(text: &[u8], other: &[u8]) -> bool {
    let mut index = 0;
    while index < text.len() {
        if text[index] == b'{' {
            let end = closing(text, index);
            if end == text.len() || !has_placeholder(other, text, index, end) {
                return false;
            }
            index = end;
        }
        index += 1;
    }
    true
}

/// The index of the `}` that closes the `{` at `open`; `text.len()` if none.
const fn closing(text: &[u8], open: usize) -> usize {
    let mut index = open + 1;
    while index < text.len() && text[index] != b'}' {
        index += 1;
    }
    index
}

/// Whether `other` holds the placeholder `text[open..=close]`.
const fn has_placeholder(other: &[u8], text: &[u8], open: usize, close: usize) -> bool {
    let length = close - open + 1;
    let mut start = 0;
    while start + length <= other.len() {
        let mut same = 0;
        while same < length && other[start + same] == text[open + same] {
            same += 1;
        }
        if same == length {
            return true;
        }
        start += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards the list the page chooses from: every language, by its own code.
    #[test]
    fn every_language_is_spoken_by_its_code() {
        let spoken: Vec<&str> = Lang::SPOKEN.split(' ').collect();
        assert_eq!(spoken.len(), Lang::ALL.len());
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.tag()), Some(lang));
            assert!(spoken.contains(&lang.tag()));
        }
        assert_eq!(Lang::from_code("fr-CA"), None);
    }

    // Guards the English of the first download: a line per message, the
    // text of each message the first download shows, an empty line for each
    // shown only on demand, and at least one such line (an empty line is how
    // the widget knows to fetch the rest).
    #[test]
    fn the_first_download_leaves_out_the_words_shown_only_on_demand() {
        let first = first_download_catalogue(Lang::En);
        let lines: Vec<&str> = first.split('\n').collect();
        assert_eq!(lines.len(), Msg::ALL.len());
        for (msg, line) in Msg::ALL.iter().zip(&lines) {
            let expected = if msg.on_demand() {
                ""
            } else {
                Lang::En.text(*msg)
            };
            assert_eq!(*line, expected, "{}", msg.name());
        }
        assert!(Msg::ALL.iter().any(|msg| msg.on_demand()));
        assert!(!Msg::Deals.on_demand() && Msg::MarkWon.on_demand());
    }

    // Guards the file format the widget reads: one line per message, in order.
    #[test]
    fn a_catalogue_has_one_line_per_message_in_order() {
        for lang in Lang::ALL {
            let catalogue = catalogue(lang);
            let lines: Vec<&str> = catalogue.split('\n').collect();
            assert_eq!(lines.len(), Msg::ALL.len());
            assert_eq!(lines[Msg::Deals as usize], lang.text(Msg::Deals));
        }
    }

    // Guards the compile-time check itself: each rule it enforces.
    #[test]
    fn placeholders_are_compared_by_name() {
        assert!(placeholders_within(b"Moved {title}", b"{title} moved"));
        assert!(!placeholders_within(b"Moved {titre}", b"{title} moved"));
        assert!(!placeholders_within(b"Moved {title", b"{title} moved"));
        assert!(placeholders_within(b"No placeholder", b"{title}"));
    }
}
