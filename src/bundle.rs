//! Files shipped beside the widget's JS module (its stylesheet, the
//! catalogues of its languages), wherever the host page serves them from.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(
    inline_js = "export function bundleFile(name) { return new URL('../../' + name, import.meta.url).href; }"
)]
extern "C" {
    /// The URL of `name`. The snippet holding this function sits two folders
    /// below the widget's JS module.
    #[wasm_bindgen(js_name = bundleFile)]
    pub fn bundle_file(name: &str) -> String;
}
