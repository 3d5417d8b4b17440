//! Files shipped beside the widget's JS module (its stylesheet, the
//! catalogues of its languages), wherever the host page serves them from;
//! and the languages the page around a widget asks for.

use wasm_bindgen::prelude::*;
use web_sys::Element;

// The snippet holding these functions sits two folders below the widget's
// JS module. Written in JS: the same in Rust costs the download far more.
#[wasm_bindgen(inline_js = "
export function bundleFile(name) { return new URL('../../' + name, import.meta.url).href; }
export function bundleText(name, integrity) {
  return fetch(bundleFile(name), { integrity }).then((answer) => (answer.ok ? answer.text() : undefined)).catch(() => undefined);
}
export function preferredLanguage(host, asked, spoken) {
  const candidates = [asked, host.closest('[lang]')?.getAttribute('lang'), ...navigator.languages];
  return candidates.map((tag) => (tag ?? '').split(/[-_]/)[0].toLowerCase()).find((language) => spoken.split(' ').includes(language));
}
")]
extern "C" {
    /// The URL of `name`.
    #[wasm_bindgen(js_name = bundleFile)]
    pub fn bundle_file(name: &str) -> String;

    /// `name`'s text, fetched with `integrity`; `undefined` when it cannot be
    /// had (offline, altered, missing).
    #[wasm_bindgen(js_name = bundleText)]
    pub fn bundle_text(name: &str, integrity: &str) -> js_sys::Promise;

    /// The first language of `spoken` (codes such as `en fr de`) that a
    /// widget on `host` is asked for: `asked` (its own option or attribute),
    /// else the nearest `lang` of the page around it, else the browser's
    /// languages in order. A regional tag counts as its language (`fr-CA` is
    /// `fr`).
    #[wasm_bindgen(js_name = preferredLanguage)]
    pub fn preferred_language(
        host: &Element,
        asked: Option<String>,
        spoken: &str,
    ) -> Option<String>;
}
