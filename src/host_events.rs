//! Events for the host page, dispatched on the element the widget was
//! mounted on (`<isao-deals>` or a `data-isao-deals` element). Each bubbles
//! and crosses the shadow root (`composed`), so one listener on the document
//! hears every widget of the page; each is named `isao-deals:…`, as
//! Shoelace prefixes its own. A deal in a detail is the API's JSON as it
//! came (`SentDeal`), never the widget's reading of it written back.
//!
//! The widget's root makes one [`HostEvents`] and gives it to the session
//! it provides to every screen (`Session::events`); the screens call it
//! with what happened. It knows nothing of the screens. It also reads the
//! host's `directory` for the new-deal form (`components::known_people`).

use deals_contract::{Deal, StatusChange};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::api::{ApiError, SentDeal};

// The details are built here, in JavaScript: a plain object from a few
// arguments costs less download than the same object put together from wasm.
#[wasm_bindgen(inline_js = r#"
function send(host, name, detail, cancelable) {
  return host.dispatchEvent(new CustomEvent("isao-deals:" + name, { detail, bubbles: true, composed: true, cancelable }));
}
export function notify(host, name) {
  send(host, name, null, false);
}
export function dealEvent(host, name, answer, previousStatus, previousStage) {
  const detail = { deal: JSON.parse(new TextDecoder().decode(answer)).data };
  if (previousStatus) Object.assign(detail, { previousStatus, previousStage: previousStage ?? null });
  send(host, name, detail, false);
}
export function errorEvent(host, status, error, message, requiredPermission, details) {
  const detail = { status: status ?? null, error, message };
  if (requiredPermission) detail.requiredPermission = requiredPermission;
  if (details) {
    const fields = [];
    for (let i = 0; i < details.length; i += 2) fields.push([details[i], details[i + 1]]);
    detail.details = Object.fromEntries(fields);
  }
  send(host, "error", detail, false);
}
export function askDealChange(host, dealId, fromStatus, fromStage, toStatus, toStage) {
  return send(host, "before-deal-change", { dealId, fromStatus, fromStage: fromStage ?? null, toStatus, toStage: toStage ?? null }, true);
}
"#)]
extern "C" {
    fn notify(host: &Element, name: &str);
    #[wasm_bindgen(js_name = dealEvent)]
    fn deal_event(
        host: &Element,
        name: &str,
        answer: &[u8],
        previous_status: Option<&str>,
        previous_stage: Option<&str>,
    );
    #[wasm_bindgen(js_name = errorEvent)]
    fn error_event(
        host: &Element,
        status: Option<u16>,
        error: &str,
        message: &str,
        required_permission: Option<&str>,
        details: &JsValue,
    );
    #[wasm_bindgen(js_name = askDealChange)]
    fn ask_deal_change(
        host: &Element,
        deal_id: &str,
        from_status: &str,
        from_stage: Option<&str>,
        to_status: &str,
        to_stage: Option<&str>,
    ) -> bool;
}

/// Tells the host page what happened in one widget. A `Copy` handle, safe
/// after an `.await`: once the widget is gone it tells nothing.
#[derive(Clone, Copy)]
pub struct HostEvents(StoredValue<Option<Element>, LocalStorage>);

impl HostEvents {
    /// Events for `host`; with `None` (a widget mounted by Leptos alone) they
    /// go nowhere.
    pub fn new(host: Option<Element>) -> Self {
        Self(StoredValue::new_local(host))
    }

    fn host(self) -> Option<Element> {
        self.0.try_get_value().flatten()
    }

    /// The host element's `directory` property, `undefined` when it has
    /// none: the one thing the widget reads from its host rather than tells
    /// it, the people the host page lists for the new-deal form.
    pub fn directory(self) -> JsValue {
        self.host()
            .and_then(|host| js_sys::Reflect::get(&host, &JsValue::from_str("directory")).ok())
            .unwrap_or(JsValue::UNDEFINED)
    }

    /// `isao-deals:connect` once the API has accepted a key (or a stored key
    /// is used again), `isao-deals:disconnect` once it is given up.
    pub fn connection(self, connected: bool) {
        if let Some(host) = self.host() {
            notify(&host, if connected { "connect" } else { "disconnect" });
        }
    }

    /// `isao-deals:deal-open`: a deal's screen shows `deal`.
    pub fn deal_opened(self, deal: &SentDeal) {
        if let Some(host) = self.host() {
            deal_event(&host, "deal-open", &deal.answer, None, None);
        }
    }

    /// `isao-deals:deal-create`: the API has created `deal`.
    pub fn deal_created(self, deal: &SentDeal) {
        if let Some(host) = self.host() {
            deal_event(&host, "deal-create", &deal.answer, None, None);
        }
    }

    /// `isao-deals:deal-change`: the API has changed `before` into `deal`.
    pub fn deal_changed(self, deal: &SentDeal, before: &Deal) {
        if let Some(host) = self.host() {
            deal_event(
                &host,
                "deal-change",
                &deal.answer,
                Some(before.status.as_str()),
                before.stage.as_deref(),
            );
        }
    }

    /// `isao-deals:error`: an API error the widget shows, with what the API
    /// said would fix it: the permission a 403 names, a 422's messages by
    /// field (handed over as field, message, field, message…).
    pub fn error(self, error: &ApiError) {
        let Some(host) = self.host() else {
            return;
        };
        let (required_permission, details) = match error {
            ApiError::Forbidden {
                required_permission,
                ..
            } => (required_permission.as_deref(), JsValue::UNDEFINED),
            ApiError::Validation { details, .. } => {
                let flat = js_sys::Array::new();
                for (field, message) in details.iter() {
                    flat.push(&field.into());
                    flat.push(&message.into());
                }
                (None, flat.into())
            }
            _ => (None, JsValue::UNDEFINED),
        };
        error_event(
            &host,
            error.status(),
            error.api_error(),
            &error.to_string(),
            required_permission,
            &details,
        );
    }

    /// `isao-deals:before-deal-change`, cancelable: whether the host page lets
    /// `change` be made to `before` (false once it called `preventDefault()`).
    pub fn may_change(self, before: &Deal, change: &StatusChange) -> bool {
        self.host().is_none_or(|host| {
            ask_deal_change(
                &host,
                &before.id,
                before.status.as_str(),
                before.stage.as_deref(),
                change.status.unwrap_or(before.status).as_str(),
                change.stage.as_deref().or(before.stage.as_deref()),
            )
        })
    }
}
