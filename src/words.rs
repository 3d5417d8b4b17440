//! The widget's words in the language it speaks: the catalogues of
//! `deals-i18n`, English built in, any other fetched from beside the widget
//! the first time a widget on the page speaks it.
//!
//! Views read a text through a widget's [`Words`], a signal: changing the
//! language rewrites every text in place, and nothing the user has on screen
//! is rebuilt or lost.

use std::cell::RefCell;

use std::borrow::Cow;

use deals_contract::{DealStatus, Priority};
use deals_i18n::{Lang, Msg, PLURAL_SEPARATOR};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

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
    // the page, as the built-in English ones do.
    fn remember(lang: Lang, lines: Vec<&'static str>) -> Texts {
        let texts = Texts {
            lang,
            lines: Vec::leak(lines),
        };
        READ.with(|read| read.borrow_mut().push(texts));
        texts
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
        self.get(match priority {
            Priority::Low => Msg::PriorityLow,
            Priority::Medium => Msg::PriorityMedium,
            Priority::High => Msg::PriorityHigh,
        })
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

    /// Switches to `lang`: at once when its texts are here, else once its
    /// catalogue has arrived. A catalogue that cannot be had (offline,
    /// altered) leaves the widget in the language it spoke.
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
    let integrity = CATALOGUE_INTEGRITY
        .iter()
        .find(|(known, _)| *known == lang)
        .map(|(_, integrity)| *integrity)?;
    let file = ["lang/", lang.tag(), ".txt"].concat();
    let catalogue = JsFuture::from(bundle_text(&file, integrity))
        .await
        .ok()?
        .as_string()?;
    Texts::read_before(lang).or_else(|| Texts::read(lang, &catalogue))
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

    // Guards the catalogue format: a file of another build (one line more or less) is refused.
    #[test]
    fn a_catalogue_of_another_build_is_refused() {
        let french = deals_i18n::catalogue(Lang::Fr);
        assert!(Texts::read(Lang::Fr, &french).is_some());
        assert!(Texts::read(Lang::Fr, &format!("{french}\nextra")).is_none());
        let texts = Texts::read(Lang::Fr, &french).map(|texts| texts.get(Msg::NewDeal));
        assert_eq!(texts, Some("Nouvelle affaire"));
    }
}
