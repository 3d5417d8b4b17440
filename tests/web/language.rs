//! The widget's language: chosen by the host or the page, switched in place.
//! The catalogues come from `deals-i18n` as the release writes them; the
//! fetch of `lang/<tag>.txt` itself is covered end to end (e2e).

use deals_i18n::{catalogue, Lang, Msg};
use isao_deals_widget::format;
use isao_deals_widget::key_store::KeyStorage;
use isao_deals_widget::words::Texts;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

/// Reads the catalogues the release ships, as a page's first French or
/// German widget would have fetched them.
pub(crate) fn catalogues_read() {
    for lang in [Lang::Fr, Lang::De] {
        if Texts::read_before(lang).is_none() {
            Texts::read(lang, &catalogue(lang)).expect("a catalogue of this build");
        }
    }
}

fn mount_in(tag: &str) -> Widget {
    catalogues_read();
    let mut options = options(KeyStorage::Memory);
    options.lang = Some(tag.to_owned());
    mount_with(options)
}

// Guards: a regional tag speaks its language, and the root says which for screen readers.
#[wasm_bindgen_test]
async fn a_french_canadian_page_gets_french() {
    let widget = mount_in("fr-CA");
    widget.wait_for_text(Lang::Fr.text(Msg::ConnectTitle)).await;
    let root = widget
        .find("section.isao-deals")
        .expect("the widget's root");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(
        root.get_attribute("aria-label").as_deref(),
        Some("Affaires")
    );
    assert!(!widget.text().contains("Connect to ISAO Deals"));
}

// Guards: a language the widget does not speak falls back to the page's, then English.
#[wasm_bindgen_test]
async fn an_unknown_language_falls_back() {
    let widget = mount_in("es");
    widget.wait_for_text("Connect to ISAO Deals").await;
    let root = widget
        .find("section.isao-deals")
        .expect("the widget's root");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
}

// Guards: switching the language rewrites the texts in place and keeps what the user typed.
#[wasm_bindgen_test]
async fn switching_the_language_keeps_the_typed_key() {
    let widget = mount_in("fr");
    widget.wait_for_text("Se connecter à ISAO Deals").await;
    widget.fill("Clé d’API", "typed-but-not-sent");
    widget.handle.set_lang(Some("de-AT".to_owned()));
    widget.wait_for_text("Mit ISAO Deals verbinden").await;
    assert_eq!(widget.value_of("API-Schlüssel"), "typed-but-not-sent");
    let root = widget
        .find("section.isao-deals")
        .expect("the widget's root");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("de"));
}

// Guards: the list's amounts and dates follow the widget's language, and a
// switch writes them again in the new one.
#[wasm_bindgen_test]
async fn amounts_follow_a_switch_of_language() {
    catalogues_read();
    let widget = mount_widget();
    widget.connect(RW_KEY).await;
    let deal = list(RW_KEY, deals_contract::DealQuery::default())
        .await
        .data
        .remove(0);
    let amount = |locale| format::money(locale, deal.value, &deal.currency);
    assert_eq!(widget.column(1)[0], amount("en"));
    for locale in ["fr", "de"] {
        widget.handle.set_lang(Some(locale.to_owned()));
        widget
            .wait_until("the amounts in the new language", || {
                widget.column(1).first() == Some(&amount(locale))
            })
            .await;
    }
    assert_ne!(amount("fr"), amount("de"));
}
