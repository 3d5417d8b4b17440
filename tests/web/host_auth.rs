//! `auth: "host"`: the host's server (a reverse proxy in front of the API)
//! adds the key, so the widget never asks for one, never sends one, never
//! keeps one, and a 401 means the host's session has ended.

use isao_deals_widget::embed::{mount_from_js, WidgetHandle};
use isao_deals_widget::key_store::KeyStore;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::*;

/// Stands in for the host's reverse proxy, in the page's `fetch`: records
/// how each request to the API left the widget (an `Authorization` header or
/// not, its credentials mode), then forwards it as the proxy would, without
/// the browser's credentials and with the proxy's key, if it has one.
struct HostProxy {
    _patch: PatchedFetch,
    seen: js_sys::Array,
}

impl HostProxy {
    fn install(proxy_key: Option<&str>) -> Self {
        let seen = js_sys::Array::new();
        let make_wrapper = js_sys::Function::new_with_args(
            "original, seen, base, key",
            "return function (resource, init) {
                const url = typeof resource === 'string' ? resource : resource.url;
                if (!String(url).startsWith(base)) return original.call(this, resource, init);
                const request = new Request(resource, init);
                seen.push({ authorization: request.headers.has('authorization'), credentials: request.credentials });
                const headers = new Headers(request.headers);
                headers.delete('authorization');
                if (key) headers.set('authorization', 'Bearer ' + key);
                return original.call(this, new Request(request, { headers, credentials: 'omit' }));
            };",
        );
        let patch = PatchedFetch::install(|original| {
            let arguments = js_sys::Array::of4(
                original,
                &seen,
                &JsValue::from_str(API_BASE),
                &proxy_key.map_or(JsValue::NULL, JsValue::from_str),
            );
            make_wrapper
                .apply(&JsValue::NULL, &arguments)
                .expect("wrapper")
        });
        Self {
            _patch: patch,
            seen,
        }
    }

    /// `(sent an Authorization header, credentials mode)` of each API request.
    fn seen(&self) -> Vec<(bool, String)> {
        self.seen
            .iter()
            .map(|request| {
                let field = |name| js_sys::Reflect::get(&request, &JsValue::from_str(name));
                (
                    field("authorization")
                        .ok()
                        .and_then(|value| value.as_bool())
                        == Some(true),
                    field("credentials")
                        .ok()
                        .and_then(|value| value.as_string())
                        .unwrap_or_default(),
                )
            })
            .collect()
    }
}

/// A widget mounted as a host page would, `mount(element, options)` with
/// `auth: "host"` among the options, URL state and live refresh off.
fn mount_host_authorised() -> Widget {
    let options = js_sys::Object::new();
    for (name, value) in [
        ("apiBase", API_BASE),
        ("auth", "host"),
        ("urlKey", ""),
        ("refreshSeconds", "0"),
        ("stylesheet", "data:text/css,"),
    ] {
        js_sys::Reflect::set(
            &options,
            &JsValue::from_str(name),
            &JsValue::from_str(value),
        )
        .expect("option");
    }
    let host = new_host();
    let handle: WidgetHandle = mount_from_js(&host, options.into()).expect("mount");
    Widget { host, handle }
}

/// A key left in the tab's storage for this API base, as a key-mode widget
/// would have kept it: a host-mode widget must neither use it nor touch it.
struct StoredKey(String);

impl StoredKey {
    fn put() -> Self {
        let entry = KeyStore::entry_name(API_BASE);
        session_storage().set_item(&entry, RO_KEY).expect("set");
        Self(entry)
    }

    fn value(&self) -> Option<String> {
        session_storage().get_item(&self.0).expect("get")
    }
}

impl Drop for StoredKey {
    fn drop(&mut self) {
        let _ = session_storage().remove_item(&self.0);
    }
}

// Guards: in host mode the deals show at once, with no key panel and no
// Disconnect; no request carries an Authorization header (not even the key
// stored in the tab), each goes with the browser's credentials for the
// page's origin (fetch's `same-origin`), and the stored key is left as it was.
#[wasm_bindgen_test]
async fn host_mode_shows_the_deals_without_a_key_and_sends_none() {
    let expected = list(RW_KEY, Default::default()).await;
    let stored = StoredKey::put();
    let proxy = HostProxy::install(Some(RW_KEY));
    let widget = mount_host_authorised();
    widget.wait_for_page(1).await;
    assert_eq!(
        widget.shown_total(),
        expected.meta.total,
        "the proxy key's deals"
    );
    assert!(
        widget.find("input[type=password]").is_none(),
        "no key field"
    );
    assert!(widget.button("Disconnect").is_none(), "no key to forget");
    let seen = proxy.seen();
    assert!(!seen.is_empty(), "the list was asked for");
    assert!(
        seen.iter()
            .all(|(authorization, credentials)| !authorization && credentials == "same-origin"),
        "(Authorization sent, credentials) of each request: {seen:?}"
    );
    assert_eq!(
        stored.value().as_deref(),
        Some(RO_KEY),
        "the stored key untouched"
    );
}

// Guards: a 401 in host mode says the session expired and offers a reload of
// the page, not a key field, and leaves the tab's storage alone.
#[wasm_bindgen_test]
async fn a_401_in_host_mode_says_the_session_expired_and_offers_a_reload() {
    let stored = StoredKey::put();
    let _proxy = HostProxy::install(None);
    let widget = mount_host_authorised();
    widget
        .wait_for_text("Your session has expired. Reload the page to sign in again.")
        .await;
    assert!(widget.button("Reload the page").is_some());
    assert!(
        widget.find("input").is_none(),
        "no key field: {}",
        widget.text()
    );
    assert!(
        !widget.text().contains("API key"),
        "no word of keys: {}",
        widget.text()
    );
    assert_eq!(
        stored.value().as_deref(),
        Some(RO_KEY),
        "the stored key untouched"
    );
}

// Guards: `auth` accepts only its documented words, and says so.
#[wasm_bindgen_test]
fn an_unknown_auth_option_is_refused_by_name() {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("document");
    let host = document.create_element("div").expect("div");
    let options = js_sys::Object::new();
    for (name, value) in [("apiBase", API_BASE), ("auth", "proxy")] {
        js_sys::Reflect::set(
            &options,
            &JsValue::from_str(name),
            &JsValue::from_str(value),
        )
        .expect("option");
    }
    let refusal = mount_from_js(&host, options.into())
        .err()
        .and_then(|reason| reason.as_string());
    assert_eq!(
        refusal.as_deref(),
        Some("isao-deals: auth must be \"key\" or \"host\"")
    );
}
