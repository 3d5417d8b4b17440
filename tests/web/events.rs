//! The events the host page hears: dispatched on the element the widget is
//! mounted on, bubbling and composed, with the API's deal ids, and a move
//! the host page vetoes that is never sent.

use deals_contract::DealQuery;
use isao_deals_widget::api::ApiError;
use isao_deals_widget::host_events::HostEvents;
use leptos::prelude::Owner;
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::Element;

use crate::support::*;

/// Every `isao-deals:*` event heard on a widget's host element, in order;
/// with `veto` on, each `before-deal-change` is refused.
struct HostLog {
    log: js_sys::Array,
    veto: js_sys::Object,
}

impl HostLog {
    fn listen(host: &Element) -> Self {
        let log = js_sys::Array::new();
        let veto = js_sys::Object::new();
        let install = js_sys::Function::new_with_args(
            "host, log, veto",
            r#"for (const name of ["connect", "disconnect", "deal-open", "deal-create", "deal-change", "error", "before-deal-change"]) {
                 host.addEventListener("isao-deals:" + name, (event) => {
                   if (veto.on && event.cancelable) event.preventDefault();
                   log.push(JSON.stringify({ name: event.type, bubbles: event.bubbles, composed: event.composed,
                     cancelable: event.cancelable, detail: event.detail }));
                 });
               }"#,
        );
        install
            .call3(&JsValue::NULL, host, &log, &veto)
            .expect("listeners installed");
        Self { log, veto }
    }

    fn veto(&self, on: bool) {
        js_sys::Reflect::set(&self.veto, &"on".into(), &on.into()).expect("veto set");
    }

    fn events(&self) -> Vec<Value> {
        self.log
            .iter()
            .filter_map(|entry| entry.as_string())
            .map(|text| serde_json::from_str(&text).expect("an event as JSON"))
            .collect()
    }

    /// The events named `isao-deals:<name>`.
    fn named(&self, name: &str) -> Vec<Value> {
        let name = format!("isao-deals:{name}");
        self.events()
            .into_iter()
            .filter(|event| event["name"] == name.as_str())
            .collect()
    }

    async fn wait_for(&self, widget: &Widget, name: &str, count: usize) -> Vec<Value> {
        widget
            .wait_until(&format!("{count} isao-deals:{name}"), || {
                self.named(name).len() >= count
            })
            .await;
        self.named(name)
    }
}

/// Each event bubbles and crosses the shadow root; only the veto's can be cancelled.
fn assert_crosses_to_the_page(event: &Value) {
    assert_eq!(event["bubbles"], true, "{event}");
    assert_eq!(event["composed"], true, "{event}");
    let vetoable = event["name"] == "isao-deals:before-deal-change";
    assert_eq!(event["cancelable"], vetoable, "{event}");
}

// Guards: the host hears connect when a key is accepted, an error with the
// API's 401 when one is refused, and disconnect when the user leaves.
#[wasm_bindgen_test]
async fn connect_disconnect_and_a_refused_key_reach_the_host() {
    let widget = mount_widget();
    let host = HostLog::listen(&widget.host);
    widget.fill("API key", "isao_no_such_key");
    widget.click("Connect");
    let errors = host.wait_for(&widget, "error", 1).await;
    assert_eq!(errors[0]["detail"]["status"], 401, "{}", errors[0]);
    assert!(errors[0]["detail"]["error"]
        .as_str()
        .is_some_and(|text| !text.is_empty()));
    assert!(host.named("connect").is_empty());

    widget.connect(RW_KEY).await;
    let connected = host.wait_for(&widget, "connect", 1).await;
    assert_crosses_to_the_page(&connected[0]);
    widget.click("Disconnect");
    let disconnected = host.wait_for(&widget, "disconnect", 1).await;
    assert_crosses_to_the_page(&disconnected[0]);
    assert_eq!(host.named("connect").len(), 1);
}

// Guards: creating a deal in the form, the deal shown after it, and a stage
// change in the detail each reach the host with the deal as the API returned
// it; the change is asked first and carries the stage it had before.
#[wasm_bindgen_test]
async fn create_open_and_change_reach_the_host_with_the_apis_deal() {
    let widget = mount_widget();
    let host = HostLog::listen(&widget.host);
    widget.connect(RW_KEY).await;
    let title = unique("Event create");
    let stage = unique("event-stage");
    widget.open_new_deal().await;
    widget.fill("Title", &title);
    widget.fill("Value", "12");
    widget.fill("Stage", &stage);
    widget.click("Create deal");

    let created = host.wait_for(&widget, "deal-create", 1).await;
    let stored = list(
        RW_KEY,
        DealQuery {
            stage: Some(stage.clone()),
            ..DealQuery::default()
        },
    )
    .await
    .data
    .remove(0);
    assert_crosses_to_the_page(&created[0]);
    assert_eq!(created[0]["detail"]["deal"]["id"], stored.id.as_str());
    assert_eq!(created[0]["detail"]["deal"]["title"], title.as_str());
    let opened = host.wait_for(&widget, "deal-open", 1).await;
    assert_eq!(opened[0]["detail"]["deal"]["id"], stored.id.as_str());

    widget
        .wait_until("the deal's actions", || {
            widget.find(".deal-actions").is_some()
        })
        .await;
    widget.fill("New stage", "contract-review");
    widget.click("Change stage");
    let changed = host.wait_for(&widget, "deal-change", 1).await;
    let asked = host.named("before-deal-change");
    assert_eq!(asked.len(), 1);
    assert_crosses_to_the_page(&asked[0]);
    let question = &asked[0]["detail"];
    assert_eq!(question["dealId"], stored.id.as_str());
    assert_eq!(question["fromStage"], stage.as_str());
    assert_eq!(question["toStage"], "contract-review");
    assert_eq!(question["fromStatus"], "open");
    assert_eq!(question["toStatus"], "open");
    let change = &changed[0]["detail"];
    assert_eq!(change["deal"]["id"], stored.id.as_str());
    assert_eq!(change["deal"]["stage"], "contract-review");
    assert_eq!(change["previousStage"], stage.as_str());
    assert_eq!(change["previousStatus"], "open");
}

// Guards: a stage change in the deal's detail that the host vetoes is never
// sent: the API keeps the old stage and no change is told.
#[wasm_bindgen_test]
async fn a_vetoed_change_in_the_detail_is_not_sent() {
    let deal = create_deal(&unique("Event detail veto")).await;
    let widget = mount_widget();
    let host = HostLog::listen(&widget.host);
    host.veto(true);
    widget.connect(RW_KEY).await;
    open_newest(&widget, &deal.title).await;
    let opened = host.wait_for(&widget, "deal-open", 1).await;
    assert_eq!(opened[0]["detail"]["deal"]["id"], deal.id.as_str());

    widget.fill("New stage", "vetoed-stage");
    widget.click("Change stage");
    let asked = host.wait_for(&widget, "before-deal-change", 1).await;
    assert_eq!(asked[0]["detail"]["dealId"], deal.id.as_str());
    sleep(500).await;
    let stored = client(RW_KEY).get_deal(&deal.id).await.expect("the deal");
    assert_eq!(
        stored.stage, deal.stage,
        "the API still holds the old stage"
    );
    assert_eq!(stored.updated_at, deal.updated_at, "nothing was written");
    assert!(host.named("deal-change").is_empty());
}

// Guards: a board move the host vetoes sends nothing and leaves the card in
// its column; allowed, the same move is told with the API's deal and the
// stage it left; refused by the API (read-only key), the host hears its 403.
#[wasm_bindgen_test]
async fn a_vetoed_board_move_sends_nothing_and_the_card_stays() {
    let deal = create_deal(&unique("Event board veto")).await;
    let widget = mount_widget();
    let host = HostLog::listen(&widget.host);
    widget.connect(RW_KEY).await;
    widget.open_board().await;
    widget.wait_for_card("proposal", &deal.id).await;
    let before = widget.cards_in("proposal");

    host.veto(true);
    widget.press_move_on(&deal.id);
    widget
        .wait_until("the move choices", || {
            widget.button("Negotiation").is_some()
        })
        .await;
    widget.click("Negotiation");
    let asked = host.wait_for(&widget, "before-deal-change", 1).await;
    let question = &asked[0]["detail"];
    assert_eq!(question["dealId"], deal.id.as_str());
    assert_eq!(question["fromStage"], "proposal");
    assert_eq!(question["toStage"], "negotiation");
    sleep(500).await;
    assert_eq!(
        widget.cards_in("proposal"),
        before,
        "the card is back in its place"
    );
    assert!(!widget.cards_in("negotiation").contains(&deal.id));
    let stored = client(RW_KEY).get_deal(&deal.id).await.expect("the deal");
    assert_eq!(
        stored.stage.as_deref(),
        Some("proposal"),
        "the API still holds the old stage"
    );
    assert_eq!(stored.updated_at, deal.updated_at, "nothing was written");
    assert!(host.named("deal-change").is_empty());

    host.veto(false);
    widget.press_move_on(&deal.id);
    widget
        .wait_until("the move choices", || {
            widget.button("Negotiation").is_some()
        })
        .await;
    widget.click("Negotiation");
    let changed = host.wait_for(&widget, "deal-change", 1).await;
    assert_crosses_to_the_page(&changed[0]);
    let change = &changed[0]["detail"];
    assert_eq!(change["deal"]["id"], deal.id.as_str());
    assert_eq!(change["deal"]["stage"], "negotiation");
    assert_eq!(change["previousStage"], "proposal");
    let stored = client(RW_KEY).get_deal(&deal.id).await.expect("the deal");
    assert_eq!(stored.stage.as_deref(), Some("negotiation"));
}

// Guards: an API error the widget shows reaches the host with its status and
// the API's own error text.
#[wasm_bindgen_test]
async fn a_refused_move_tells_the_host_the_apis_error() {
    let deal = create_deal(&unique("Event refused")).await;
    let widget = mount_widget();
    let host = HostLog::listen(&widget.host);
    widget.connect(RO_KEY).await;
    widget.open_board().await;
    widget.wait_for_card("proposal", &deal.id).await;
    widget.press_move_on(&deal.id);
    widget
        .wait_until("the move choices", || {
            widget.button("Negotiation").is_some()
        })
        .await;
    widget.click("Negotiation");
    let errors = host.wait_for(&widget, "error", 1).await;
    assert_crosses_to_the_page(&errors[0]);
    let detail = &errors[0]["detail"];
    assert_eq!(detail["status"], 403);
    assert!(
        detail["error"]
            .as_str()
            .is_some_and(|text| text.contains("deals:write")),
        "{detail}"
    );
    assert_eq!(detail["requiredPermission"], "deals:write", "{detail}");
    assert!(detail.get("details").is_none(), "{detail}");
    assert!(host.named("deal-change").is_empty());
}

// Guards: a 422 reaches the host with the API's messages by field, under
// the API's own names. The widget checks the contract's rules before it
// sends, so no screen draws a 422 from the reference API: the answer here
// is the contract's 422, read as the widget reads any answer.
#[wasm_bindgen_test]
fn a_422_tells_the_host_each_fields_message() {
    let owner = Owner::new();
    owner.set();
    let element = new_host();
    let host = HostLog::listen(&element);
    let refused = ApiError::from_answer(
        422,
        None,
        br#"{"success":false,"error":"Validation failed",
            "details":{"title":"Title is required","__proto__":"Value must be a positive number"}}"#,
    );
    HostEvents::new(Some(element.clone())).error(&refused);
    let errors = host.named("error");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let detail = &errors[0]["detail"];
    assert_eq!(detail["status"], 422);
    assert_eq!(detail["error"], "Validation failed");
    assert_eq!(detail["details"]["title"], "Title is required");
    assert_eq!(
        detail["details"]["__proto__"], "Value must be a positive number",
        "a field's name is only a name: {detail}"
    );
    assert!(detail.get("requiredPermission").is_none(), "{detail}");
    element.remove();
}
