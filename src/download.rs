//! Saving text the widget made, such as a CSV export, as a file in the
//! user's downloads: a Blob behind an object URL, followed by a temporary
//! `<a download>`. Nothing is evaluated and no network request is made, so
//! it works under a strict Content-Security-Policy.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, Document, HtmlAnchorElement, Url, Window};

/// How long the file's object URL outlives the click. Firefox reads the
/// Blob after the click has returned, so revoking at once can cancel the
/// download; until revoked, the Blob's memory stays taken.
const REVOKE_AFTER_MS: i32 = 40_000;

/// The browser would not save the file. Why (no document, no object URL...)
/// would tell the user nothing they can act on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SaveRefused;

/// Offers `text` to the user as the file `file_name`.
pub fn save_text_file(file_name: &str, text: &str, mime_type: &str) -> Result<(), SaveRefused> {
    let window = web_sys::window().ok_or(SaveRefused)?;
    let document = window.document().ok_or(SaveRefused)?;
    let options = BlobPropertyBag::new();
    options.set_type(mime_type);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob =
        Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| SaveRefused)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| SaveRefused)?;
    let clicked = click_download_link(&document, &url, file_name);
    revoke_later(&window, url);
    clicked
}

/// Clicks a link to `url` that saves rather than opens it. The link is in
/// the page only during the click: some browsers ignore a click on a link
/// that is not.
fn click_download_link(document: &Document, url: &str, file_name: &str) -> Result<(), SaveRefused> {
    let link: HtmlAnchorElement = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into().ok())
        .ok_or(SaveRefused)?;
    link.set_href(url);
    link.set_download(file_name);
    link.set_hidden(true);
    if let Some(body) = document.body() {
        body.append_child(&link).map_err(|_| SaveRefused)?;
    }
    link.click();
    link.remove();
    Ok(())
}

fn revoke_later(window: &Window, url: String) {
    let revoke = Closure::once_into_js({
        let url = url.clone();
        move || {
            let _ = Url::revoke_object_url(&url);
        }
    });
    let scheduled = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        revoke.unchecked_ref(),
        REVOKE_AFTER_MS,
    );
    if scheduled.is_err() {
        let _ = Url::revoke_object_url(&url);
    }
}
