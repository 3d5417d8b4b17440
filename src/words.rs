//! The widget's words in the language it speaks: the catalogues of
//! `deals-i18n`, English built in, any other fetched from beside the widget
//! the first time a widget on the page speaks it. A release build's English
//! leaves out the words shown only on the screens fetched on demand
//! (`Msg::on_demand`): the first of those screens fetches the whole English
//! catalogue ([`Words::whole`]).
//!
//! Views read a text through a widget's [`Words`], a signal: changing the
//! language rewrites every text in place, and nothing the user has on screen
//! is rebuilt or lost.

use std::cell::RefCell;

use std::borrow::Cow;

use deals_contract::{DealStatus, Priority, CONTACT_NOT_FOUND, USER_NOT_FOUND};
use deals_i18n::{Lang, Msg, PLURAL_SEPARATOR};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::api::ApiError;
use crate::api_key::{KeyProblem, Unsendable};
use crate::bundle::bundle_text;
use crate::format;

/// Each catalogue's Subresource Integrity, by language (build.rs).
const CATALOGUE_INTEGRITY: &[(Lang, &str)] =
    include!(concat!(env!("OUT_DIR"), "/catalogue_integrity.rs"));

thread_local! {
    /// The languages read so far, shared by every widget of the page.
    static READ: RefCell<Vec<Texts>> = const { RefCell::new(Vec::new()) };
}

/// One language's texts.
#[derive(Clone, Copy)]
pub struct Texts {
    lang: Lang,
    lines: &'static [&'static str],
    /// Every message has its text: no text is empty, so an empty line is
    /// one left out of the first download.
    whole: bool,
}

impl Texts {
    /// The English texts, built into the widget.
    pub fn english() -> Texts {
        Texts::read_before(Lang::En).unwrap_or_else(|| {
            let catalogue: &'static str = include_str!(concat!(env!("OUT_DIR"), "/en.txt"));
            Texts::remember(Lang::En, catalogue.split('\n').collect())
        })
    }

    /// Reads a catalogue file of `lang` (one message a line); `None` when it
    /// does not have exactly one line per message of this build.
    pub fn read(lang: Lang, catalogue: &str) -> Option<Texts> {
        let catalogue: &'static str = Box::leak(catalogue.to_owned().into_boxed_str());
        let lines: Vec<&'static str> = catalogue.split('\n').collect();
        (lines.len() == Msg::ALL.len()).then(|| Texts::remember(lang, lines))
    }

    /// The language's texts if a widget of the page has read them already.
    pub fn read_before(lang: Lang) -> Option<Texts> {
        READ.with(|read| {
            read.borrow()
                .iter()
                .find(|texts| texts.lang == lang)
                .copied()
        })
    }

    // Each language is read once a page and kept: its texts live as long as
    // the page, as the built-in English ones do. The whole English catalogue
    // takes the place of the built-in one.
    fn remember(lang: Lang, lines: Vec<&'static str>) -> Texts {
        let texts = Texts {
            lang,
            whole: !lines.contains(&""),
            lines: Vec::leak(lines),
        };
        READ.with(|read| {
            let mut read = read.borrow_mut();
            read.retain(|known| known.lang != lang);
            read.push(texts);
        });
        texts
    }

    /// Whether every message has its text here; the built-in English of a
    /// release build has those of the first download only.
    pub fn is_whole(self) -> bool {
        self.whole
    }

    /// The language's texts if a widget of the page has read all of them.
    fn read_whole_before(lang: Lang) -> Option<Texts> {
        Texts::read_before(lang).filter(|texts| texts.whole)
    }

    pub fn lang(self) -> Lang {
        self.lang
    }

    /// `msg`'s text, placeholders and all.
    pub fn get(self, msg: Msg) -> &'static str {
        self.lines.get(msg as usize).copied().unwrap_or_default()
    }

    /// `msg`'s text with each `{name}` replaced by its value in `values`.
    pub fn fill(self, msg: Msg, values: &[(&str, &str)]) -> String {
        fill(self.get(msg), values)
    }

    /// The form of the plural message `msg` that the language uses for
    /// `count` (`Intl.PluralRules`), with `{count}` written as the language
    /// writes numbers, and the other placeholders filled from `values`.
    pub fn count(self, msg: Msg, count: f64, values: &[(&str, &str)]) -> String {
        let category = format::plural_category(self.lang.tag(), count);
        let index = self
            .lang
            .plural_categories()
            .iter()
            .position(|known| *known == category)
            .unwrap_or(self.lang.plural_categories().len() - 1);
        let form = self
            .get(msg)
            .split(PLURAL_SEPARATOR)
            .nth(index)
            .unwrap_or_default();
        let number = format::count(self.lang.tag(), count);
        let mut all = vec![("count", number.as_str())];
        all.extend_from_slice(values);
        fill(form, &all)
    }
}

/// The values the contract knows, as people read them: every view shows a
/// status, a priority or a stage through these.
impl Texts {
    pub fn status(self, status: DealStatus) -> &'static str {
        self.get(match status {
            DealStatus::Open => Msg::StatusOpen,
            DealStatus::Won => Msg::StatusWon,
            DealStatus::Lost => Msg::StatusLost,
        })
    }

    pub fn priority(self, priority: Priority) -> &'static str {
        self.get(priority_message(priority))
    }

    /// A stage of the seed's pipeline by its label; any other as the API
    /// wrote it; none as "No stage".
    pub fn stage(self, stage: Option<&str>) -> Cow<'static, str> {
        let known = match stage {
            None => Some(Msg::NoStage),
            Some("discovery") => Some(Msg::StageDiscovery),
            Some("qualification") => Some(Msg::StageQualification),
            Some("proposal") => Some(Msg::StageProposal),
            Some("negotiation") => Some(Msg::StageNegotiation),
            Some("contract-review") => Some(Msg::StageContractReview),
            Some("closed-won") => Some(Msg::StageClosedWon),
            Some("closed-lost") => Some(Msg::StageClosedLost),
            Some(_) => None,
        };
        match (known, stage) {
            (Some(msg), _) => Cow::Borrowed(self.get(msg)),
            (None, stage) => Cow::Owned(stage.unwrap_or_default().to_owned()),
        }
    }
}

/// A message of the API as the widget says it. The API speaks English: a
/// message the contract knows is said in the widget's language, the API's
/// own words kept beside it; any other is shown as the API wrote it.
#[derive(Clone, PartialEq, Debug)]
pub enum Said {
    Translated { text: String, english: String },
    AsWritten(String),
}

impl Said {
    /// What the user reads first: the translation, or the API's words.
    pub fn text(&self) -> &str {
        match self {
            Said::Translated { text, .. } | Said::AsWritten(text) => text,
        }
    }

    /// The API's own words, when the text translates them.
    pub fn english(&self) -> Option<&str> {
        match self {
            Said::Translated { english, .. } => Some(english),
            Said::AsWritten(_) => None,
        }
    }
}

/// The API's errors and the key's problems, in the widget's words: every
/// screen shows them through these.
impl Texts {
    /// `text` in place of the API's English words; in English, the API's
    /// own words are the user's.
    fn said(self, text: Option<String>, english: String) -> Said {
        match text {
            Some(text) if self.lang != Lang::En => Said::Translated { text, english },
            _ => Said::AsWritten(english),
        }
    }

    /// An error of a call to the API that reads (the list, a deal, the key's
    /// check). Only a change is refused field by field (422): reads leave
    /// the field messages out of the first download (`refusal`).
    pub fn api_error(self, error: &ApiError) -> Said {
        let text = match error {
            ApiError::Unauthorized { .. } => Some(self.get(Msg::ApiKeyRefused).to_owned()),
            ApiError::Forbidden {
                required_permission: Some(permission),
                ..
            } => Some(self.fill(Msg::PermissionMissing, &[("permission", permission)])),
            ApiError::NotFound { error } if error == "Deal not found" => {
                Some(self.get(Msg::DealNotFound).to_owned())
            }
            ApiError::BadRequest { error, .. } if error == CONTACT_NOT_FOUND => {
                Some(self.get(Msg::ContactNotFound).to_owned())
            }
            ApiError::BadRequest { error, .. } if error == USER_NOT_FOUND => {
                Some(self.get(Msg::UserNotFound).to_owned())
            }
            ApiError::RateLimited { .. } => Some(self.get(Msg::RateLimited).to_owned()),
            ApiError::Server { status, .. } => {
                Some(self.fill(Msg::ApiFailed, &[("status", &status.to_string())]))
            }
            ApiError::Network(_) => Some(self.get(Msg::ApiUnreachable).to_owned()),
            ApiError::Decode(_) => Some(self.get(Msg::ApiUnreadable).to_owned()),
            _ => None,
        };
        self.said(text, error.to_string())
    }

    /// The API's refusal of a change (a new deal, a move): a 422 names the
    /// fields it refused, each in the widget's words; anything else is
    /// said as [`Texts::api_error`] says it.
    pub fn refusal(self, error: &ApiError) -> Said {
        let ApiError::Validation { details, .. } = error else {
            return self.api_error(error);
        };
        let mut text = self.get(Msg::ValuesRefused).to_owned();
        for (field, message) in details.iter() {
            text.push(' ');
            text.push_str(self.field_message(field, message).text());
        }
        self.said(Some(text), error.to_string())
    }

    /// The `error` of a 429, which the widget waits out.
    pub fn rate_limited(self, error: &str) -> Said {
        self.said(
            Some(self.get(Msg::RateLimited).to_owned()),
            error.to_owned(),
        )
    }

    /// The message of a 422 (or of the contract's rules, checked before
    /// sending) for the field the API names `field`.
    pub fn field_message(self, field: &str, message: &str) -> Said {
        let label = field_label(field).map(|label| self.get(label));
        let with_label = |msg: Msg, values: &[(&str, &str)]| {
            let mut all = vec![("field", label?)];
            all.extend_from_slice(values);
            Some(self.fill(msg, &all))
        };
        let fixed = |msg: Msg| Some(self.get(msg).to_owned());
        let text = match message {
            "Value must be at most 10,000,000,000,000" => fixed(Msg::ValueTooLarge),
            "Value must be a positive number" => fixed(Msg::ValuePositive),
            "Priority must be one of low, medium, high" => fixed(Msg::PriorityChoice),
            "Probability must be a number from 0 to 100" => fixed(Msg::ProbabilityRange),
            "Status must be one of open, won, lost" => fixed(Msg::StatusChoice),
            "Actual close date can only be given with status won or lost" => {
                fixed(Msg::CloseDateNeedsClosing)
            }
            _ if message.starts_with("Currency must be") => fixed(Msg::CurrencyCode),
            _ if position(message, " must be a date such as ").is_some()
                || position(message, " must be an ISO 8601 date").is_some() =>
            {
                with_label(Msg::DateFormat, &[])
            }
            _ if message.ends_with(" is required") => with_label(Msg::FieldRequired, &[]),
            _ if message.ends_with(" must be text") => with_label(Msg::FieldNotText, &[]),
            _ if message.ends_with(" must contain visible characters") => {
                with_label(Msg::FieldInvisible, &[])
            }
            _ => match (
                between(message, " must be at most ", " characters"),
                between(message, "Character ", " of the "),
                between(message, "(", "): remove it"),
            ) {
                (Some(max), _, _) => with_label(Msg::FieldTooLong, &[("max", max)]),
                (_, Some(position), Some(code)) => with_label(
                    Msg::FieldCharacter,
                    &[("position", position), ("code", code)],
                ),
                _ => None,
            },
        };
        self.said(text, message.to_owned())
    }

    /// Why a typed key was refused, before any request.
    pub fn key_problem(self, problem: &KeyProblem) -> String {
        match problem {
            KeyProblem::Empty => self.get(Msg::KeyEmpty).to_owned(),
            KeyProblem::Unsendable {
                position,
                character,
            } => {
                let kind = match Unsendable::of(*character) {
                    Unsendable::Space => self.get(Msg::KeySpace).to_owned(),
                    Unsendable::NoBreakSpace => self.get(Msg::KeyNoBreakSpace).to_owned(),
                    Unsendable::ZeroWidth => self.get(Msg::KeyZeroWidth).to_owned(),
                    Unsendable::Whitespace => self.get(Msg::KeyWhitespace).to_owned(),
                    Unsendable::Control => self.get(Msg::KeyControl).to_owned(),
                    Unsendable::NonAscii => self.fill(
                        Msg::KeyNonAscii,
                        &[("character", character.encode_utf8(&mut [0; 4]))],
                    ),
                };
                self.fill(
                    Msg::KeyCharacter,
                    &[("position", &position.to_string()), ("kind", &kind)],
                )
            }
        }
    }
}

/// A field of a deal by its name in the API, as forms label it.
fn field_label(field: &str) -> Option<Msg> {
    Some(match field {
        "title" => Msg::FieldTitle,
        "value" => Msg::FieldValue,
        "currency" => Msg::FieldCurrency,
        "stage" => Msg::FieldStage,
        "priority" => Msg::FieldPriority,
        "probability" => Msg::FieldProbability,
        "expectedCloseDate" => Msg::FieldExpectedCloseDate,
        "source" => Msg::FieldSource,
        "contactId" => Msg::FieldContactId,
        "assignedToId" => Msg::FieldAssignedToId,
        "description" => Msg::FieldDescription,
        "actualCloseDate" => Msg::FieldActualCloseDate,
        "status" => Msg::Status,
        _ => return None,
    })
}

/// The text of `message` between `start` and the `end` that follows it.
fn between<'a>(message: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &message[position(message, start)? + start.len()..];
    Some(&rest[..position(rest, end)?])
}

/// Where `part` first occurs in `text`. `str::find` with a text to look for
/// brings the Two-Way search into the first download: 1.7 KB for a few
/// short messages.
fn position(text: &str, part: &str) -> Option<usize> {
    if part.is_empty() {
        return Some(0);
    }
    text.as_bytes()
        .windows(part.len())
        .position(|window| window == part.as_bytes())
}

/// The message that names `priority`, for a choice among priorities.
pub fn priority_message(priority: Priority) -> Msg {
    match priority {
        Priority::Low => Msg::PriorityLow,
        Priority::Medium => Msg::PriorityMedium,
        Priority::High => Msg::PriorityHigh,
    }
}

/// `template` with each `{name}` replaced by its value in `values`; a
/// placeholder without a value stays as it is.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut filled = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        rest = &rest[open..];
        let Some(close) = rest.find('}') else { break };
        match values.iter().find(|(name, _)| *name == &rest[1..close]) {
            Some((_, value)) => filled.push_str(value),
            None => filled.push_str(&rest[..=close]),
        }
        rest = &rest[close + 1..];
    }
    filled.push_str(rest);
    filled
}

/// A widget's words: its texts in the language it speaks now.
#[derive(Clone, Copy)]
pub struct Words {
    texts: RwSignal<Texts>,
    ready: RwSignal<bool>,
}

impl Words {
    /// Words in `lang`, or in English until `lang`'s catalogue has arrived;
    /// [`Words::ready`] says when.
    pub fn new(lang: Lang) -> Words {
        let words = Words {
            texts: RwSignal::new(Texts::english()),
            ready: RwSignal::new(false),
        };
        words.speak(lang);
        words
    }

    /// Switches to `lang`: at once when its texts are here (for English, the
    /// built-in ones will do), else once its catalogue has arrived. A
    /// catalogue that cannot be had (offline, altered) leaves the widget in
    /// the language it spoke.
    pub fn speak(self, lang: Lang) {
        if let Some(texts) = Texts::read_before(lang) {
            self.show(texts);
            return;
        }
        spawn_local(async move {
            match fetch_catalogue(lang).await {
                Some(texts) => self.show(texts),
                None => self.show(
                    self.texts
                        .try_get_untracked()
                        .unwrap_or_else(Texts::english),
                ),
            }
        });
    }

    // Setting `ready` again would rebuild everything under it, and lose what
    // the user typed: it changes once.
    fn show(self, texts: Texts) {
        let _ = self.texts.try_set(texts);
        if self.ready.try_get_untracked() == Some(false) {
            let _ = self.ready.try_set(true);
        }
    }

    /// Whether the language asked for first is spoken (or could not be had):
    /// the widget shows nothing before, rather than English for a moment.
    pub fn ready(self) -> bool {
        self.ready.get()
    }

    /// Fetches the whole catalogue of the language spoken, when its texts
    /// lack the words of the screens fetched on demand, which wait for it;
    /// `false` when it cannot be had (offline, altered): the screen then
    /// shows without them.
    pub async fn whole(self) -> bool {
        let Some(texts) = self.texts.try_get_untracked() else {
            return false;
        };
        if texts.whole {
            return true;
        }
        match fetch_catalogue(texts.lang).await {
            Some(whole) => {
                self.show(whole);
                true
            }
            None => false,
        }
    }

    /// The texts of the language spoken now (tracked: a view that reads them
    /// is rewritten when the language changes).
    pub fn now(self) -> Texts {
        self.texts.get()
    }

    /// The locale in which numbers, amounts and dates are written: the
    /// language's (tracked, as [`Words::now`]).
    pub fn locale(self) -> &'static str {
        self.texts.with(|texts| texts.lang.tag())
    }

    /// The same without tracking, for what is written once now and again
    /// on a change.
    pub fn locale_untracked(self) -> &'static str {
        self.texts
            .try_with_untracked(|texts| texts.lang.tag())
            .unwrap_or(Lang::En.tag())
    }

    /// The same without tracking, for code outside views (a crash notice).
    pub fn now_untracked(self) -> Option<Texts> {
        self.texts.try_get_untracked()
    }

    /// A text node or attribute value that follows the language.
    pub fn text(self, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.texts.with(|texts| texts.get(msg))
    }
}

async fn fetch_catalogue(lang: Lang) -> Option<Texts> {
    if let Some(texts) = Texts::read_whole_before(lang) {
        return Some(texts);
    }
    let integrity = CATALOGUE_INTEGRITY
        .iter()
        .find(|(known, _)| *known == lang)
        .map(|(_, integrity)| *integrity)?;
    let file = ["lang/", lang.tag(), ".txt"].concat();
    let catalogue = JsFuture::from(bundle_text(&file, integrity))
        .await
        .ok()?
        .as_string()?;
    // Another widget may have read it while this one's fetch was on its way.
    Texts::read_whole_before(lang).or_else(|| Texts::read(lang, &catalogue))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards placeholder filling: named values, unknown names kept, no panic on a lone brace.
    #[test]
    fn placeholders_are_filled_by_name() {
        let values = [("title", "Audit"), ("stage", "Négociation")];
        assert_eq!(
            fill("Moved {title} to {stage}", &values),
            "Moved Audit to Négociation"
        );
        assert_eq!(fill("{unknown} {title}", &values), "{unknown} Audit");
        assert_eq!(fill("Open {brace", &values), "Open {brace");
        assert_eq!(fill("", &values), "");
    }

    // Guards the labels of the contract's values: the pipeline's stages by name, others as written.
    #[test]
    fn known_stages_are_labelled_and_others_kept() {
        let english = Texts::english();
        assert_eq!(english.stage(Some("contract-review")), "Contract review");
        assert_eq!(english.stage(Some("custom-stage")), "custom-stage");
        assert_eq!(english.stage(None), "No stage");
        assert_eq!(english.status(DealStatus::Won), "Won");
        assert_eq!(english.priority(Priority::High), "High");
        for stage in deals_contract::PIPELINE_STAGES {
            assert_ne!(english.stage(Some(stage)), stage, "{stage} has a label");
        }
    }

    // Guards the English of a release build: the first download's texts
    // are not whole and give the messages shown only on demand empty; the
    // whole catalogue, once read, takes their place for every widget of the
    // page.
    #[test]
    fn the_whole_english_catalogue_takes_the_place_of_the_first_downloads() {
        let first = Texts::read(Lang::En, &deals_i18n::first_download_catalogue(Lang::En));
        let first = first.expect("a line per message");
        assert!(!first.is_whole());
        assert_eq!(first.get(Msg::MarkWon), "");
        assert_eq!(first.get(Msg::Deals), "Deals");
        assert!(Texts::read_before(Lang::En).is_some_and(|texts| !texts.is_whole()));

        let whole = Texts::read(Lang::En, &deals_i18n::catalogue(Lang::En));
        assert!(whole.is_some_and(Texts::is_whole));
        let now = Texts::read_before(Lang::En).map(|texts| texts.get(Msg::MarkWon));
        assert_eq!(now, Some("Mark won"));
    }

    // Guards the catalogue format: a file of another build (one line more or less) is refused.
    #[test]
    fn a_catalogue_of_another_build_is_refused() {
        let french = deals_i18n::catalogue(Lang::Fr);
        assert!(Texts::read(Lang::Fr, &french).is_some());
        assert!(Texts::read(Lang::Fr, &format!("{french}\nextra")).is_none());
        let texts = Texts::read(Lang::Fr, &french).map(|texts| texts.get(Msg::NewDeal));
        assert_eq!(texts, Some("Nouvelle affaire"));
    }

    fn french() -> Texts {
        Texts::read(Lang::Fr, &deals_i18n::catalogue(Lang::Fr)).expect("the French catalogue")
    }

    /// Every message the contract's rules give, by field.
    fn contract_messages() -> Vec<(String, String)> {
        use deals_contract::{NewDeal, StatusChange};
        use serde_json::json;
        let long = "x".repeat(300);
        let new_deals = [
            json!({}),
            json!({"title": long, "value": -1, "currency": "EURO", "priority": "urgent",
                   "probability": 200, "expectedCloseDate": "soon", "stage": 5}),
            json!({"title": "\u{200B}", "value": 1e14, "currency": "ABC", "source": "a\tb"}),
        ];
        let changes = [
            json!({"status": "closed", "actualCloseDate": "soon"}),
            json!({"actualCloseDate": "2024-12-30"}),
        ];
        let mut all = Vec::new();
        for body in &new_deals {
            all.extend(
                NewDeal::from_json(body)
                    .expect_err("refused")
                    .iter()
                    .map(|(field, message)| (field.to_owned(), message.to_owned())),
            );
        }
        for body in &changes {
            all.extend(
                StatusChange::from_json(body)
                    .expect_err("refused")
                    .iter()
                    .map(|(field, message)| (field.to_owned(), message.to_owned())),
            );
        }
        all
    }

    // Guards the 422 mapping: every message of the contract's rules is translated, the API's words kept.
    #[test]
    fn every_field_message_of_the_contract_is_translated() {
        let messages = contract_messages();
        assert!(messages.len() >= 14, "{messages:?}");
        for lang in [Lang::Fr, Lang::De] {
            let texts = Texts::read(lang, &deals_i18n::catalogue(lang)).expect("a catalogue");
            for (field, message) in &messages {
                match texts.field_message(field, message) {
                    Said::Translated { text, english } => {
                        assert_eq!(&english, message);
                        assert!(!text.contains('{') && text != *message, "{field}: {text}");
                    }
                    Said::AsWritten(_) => panic!("{field}: {message} is not translated"),
                }
            }
        }
        let said = french().field_message(
            "source",
            "Character 2 of the source is a tab (U+0009): remove it",
        );
        assert_eq!(said.text(), "Le caractère 2 du champ «\u{202F}Source\u{202F}» n’est pas accepté (U+0009)\u{A0}: supprimez-le.");
        assert_eq!(
            french().field_message("colour", "Unknown field"),
            Said::AsWritten("Unknown field".into())
        );
    }

    // Guards the API errors' mapping: known ones in the user's language with the API's words, others as written.
    #[test]
    fn the_api_errors_the_contract_knows_are_translated() {
        let fr = french();
        let forbidden = ApiError::from_answer(
            403,
            None,
            br#"{"success":false,"error":"Permission denied: deals:read required","requiredPermission":"deals:read","availablePermissions":[]}"#,
        );
        assert_eq!(
            fr.api_error(&forbidden),
            Said::Translated {
                text: fr.fill(Msg::PermissionMissing, &[("permission", "deals:read")]),
                english: forbidden.to_string(),
            }
        );
        let known = [
            (
                401,
                r#"{"success":false,"error":"Invalid API key"}"#.to_owned(),
                Msg::ApiKeyRefused,
            ),
            (
                404,
                r#"{"success":false,"error":"Deal not found"}"#.to_owned(),
                Msg::DealNotFound,
            ),
            (
                400,
                format!(r#"{{"success":false,"error":"{CONTACT_NOT_FOUND}"}}"#),
                Msg::ContactNotFound,
            ),
            (
                400,
                format!(r#"{{"success":false,"error":"{USER_NOT_FOUND}"}}"#),
                Msg::UserNotFound,
            ),
            (
                429,
                r#"{"success":false,"error":"Rate limit exceeded"}"#.to_owned(),
                Msg::RateLimited,
            ),
        ];
        for (status, body, msg) in known {
            let error = ApiError::from_answer(status, None, body.as_bytes());
            assert_eq!(fr.api_error(&error).text(), fr.get(msg), "{status}");
            assert_eq!(
                fr.api_error(&error).english(),
                Some(error.to_string().as_str())
            );
        }
        let refused = ApiError::from_answer(
            422,
            None,
            br#"{"success":false,"error":"Validation failed","details":{"title":"Title is required"}}"#,
        );
        assert_eq!(
            fr.refusal(&refused).text(),
            "Certaines valeurs ont été refusées. Le champ «\u{202F}Titre\u{202F}» est obligatoire."
        );
        assert_eq!(
            fr.api_error(&refused),
            Said::AsWritten(refused.to_string()),
            "a read is never refused field by field: the API's words as written"
        );
        let network = ApiError::Network("TypeError".into());
        assert_eq!(fr.api_error(&network).text(), fr.get(Msg::ApiUnreachable));
        let unknown = ApiError::from_answer(404, None, br#"{"success":false,"error":"Not found"}"#);
        assert_eq!(fr.api_error(&unknown), Said::AsWritten("Not found".into()));
        let english = Texts::english();
        assert_eq!(
            english.api_error(&forbidden),
            Said::AsWritten(forbidden.to_string())
        );
    }

    // Guards the key's diagnostics: the same words in English as before, translated in French.
    #[test]
    fn the_keys_problems_are_said_in_the_widgets_language() {
        let english = Texts::english();
        let problem = |typed: &str| crate::api_key::ApiKey::parse(typed).expect_err("refused");
        assert_eq!(english.key_problem(&KeyProblem::Empty), "Enter an API key.");
        assert_eq!(
            english.key_problem(&problem("isao\u{200B}_demo")),
            "Character 5 of the key is an invisible zero-width character: API keys contain only visible ASCII characters. Copy the key again."
        );
        assert!(english
            .key_problem(&problem("ключ"))
            .starts_with("Character 1 of the key is the non-ASCII character “к”"));
        assert!(english
            .key_problem(&problem("ab\u{00A0}cd"))
            .starts_with("Character 3 of the key is a no-break space"));
        assert_eq!(
            french().key_problem(&problem("ab cd")),
            "Le caractère 3 de la clé est une espace\u{A0}: une clé d’API ne contient que des caractères ASCII visibles. Copiez de nouveau la clé."
        );
    }
}
