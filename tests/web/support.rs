//! Mounting widgets and driving them as a person would: by label, by button
//! text, by typing and clicking. Waiting polls for the DOM a test expects,
//! with a deadline, instead of guessing how many ticks a request takes.

use deals_contract::{Deal, DealQuery, DealStatus, NewDeal, Page, Priority, MAX_LIMIT};
use isao_deals_widget::api::ApiClient;
use isao_deals_widget::api_key::ApiKey;
use isao_deals_widget::embed::{mount, MountOptions, WidgetHandle};
use isao_deals_widget::key_store::KeyStorage;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement, KeyboardEvent, KeyboardEventInit, ShadowRoot,
};

/// The reference API the test command started for this run.
pub const API_BASE: &str = match option_env!("ISAO_TEST_API_BASE") {
    Some(base) => base,
    None => "http://127.0.0.1:3901/api/external",
};

pub const RW_KEY: &str = "isao_demo_rw";
pub const RO_KEY: &str = "isao_demo_ro";
pub const CONTACTS_KEY: &str = "isao_demo_contacts";
pub const OTHER_KEY: &str = "isao_demo_other";

const DEADLINE_MS: f64 = 15_000.0;

/// A widget on the test page; unmounted and removed when dropped.
pub struct Widget {
    pub host: Element,
    pub handle: WidgetHandle,
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.handle.unmount();
        self.host.remove();
    }
}

impl Widget {
    pub fn root(&self) -> ShadowRoot {
        self.handle.root()
    }

    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root().query_selector(selector).ok().flatten()
    }

    pub fn find_all(&self, selector: &str) -> Vec<Element> {
        let nodes = self
            .root()
            .query_selector_all(selector)
            .expect("valid selector");
        (0..nodes.length())
            .filter_map(|index| nodes.item(index))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .collect()
    }

    pub fn text(&self) -> String {
        self.root().text_content().unwrap_or_default()
    }

    pub fn text_of(&self, selector: &str) -> String {
        self.find(selector)
            .and_then(|element| element.text_content())
            .unwrap_or_default()
            .trim()
            .to_owned()
    }

    pub fn button(&self, text: &str) -> Option<HtmlElement> {
        self.find_all("button")
            .into_iter()
            .find(|button| button.text_content().unwrap_or_default().trim() == text)
            .and_then(|button| button.dyn_into().ok())
    }

    pub fn click(&self, text: &str) {
        self.button(text)
            .unwrap_or_else(|| {
                let buttons: Vec<String> = self
                    .find_all("button")
                    .iter()
                    .map(|button| button.text_content().unwrap_or_default())
                    .collect();
                panic!("no button {text:?} among {buttons:?}")
            })
            .click();
    }

    /// The control a visible label names: `<label for>` or a label wrapping
    /// its control with the text in a `<span>`.
    pub fn control(&self, label: &str) -> Element {
        for element in self.find_all("label") {
            if let Some(id) = element.get_attribute("for") {
                if element.text_content().unwrap_or_default().trim() == label {
                    return self
                        .find(&format!("#{id}"))
                        .unwrap_or_else(|| panic!("label {label:?} names no control"));
                }
            } else if element
                .query_selector("span")
                .ok()
                .flatten()
                .and_then(|span| span.text_content())
                .as_deref()
                == Some(label)
            {
                return element
                    .query_selector("input, select, textarea")
                    .ok()
                    .flatten()
                    .unwrap_or_else(|| panic!("label {label:?} wraps no control"));
            }
        }
        panic!("no control labelled {label:?} in: {}", self.text());
    }

    /// Types `value` into the labelled control, as input then change events.
    pub fn fill(&self, label: &str, value: &str) {
        fill_control(&self.control(label), value);
    }

    pub fn value_of(&self, label: &str) -> String {
        let control = self.control(label);
        if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
            input.value()
        } else if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
            select.value()
        } else {
            control
                .dyn_ref::<HtmlTextAreaElement>()
                .map(|area| area.value())
                .unwrap_or_default()
        }
    }

    /// The message shown under the field named `name` in the API.
    pub fn field_error(&self, name: &str) -> String {
        self.text_of(&format!("#isao-field-{name}-error"))
    }

    /// Ids of the rows on screen, in order.
    pub fn row_ids(&self) -> Vec<String> {
        self.find_all("tbody tr")
            .iter()
            .filter_map(|row| row.get_attribute("data-deal-id"))
            .collect()
    }

    /// Column `column` (0 = title, after the checkbox) of every row.
    pub fn column(&self, column: usize) -> Vec<String> {
        self.find_all("tbody tr")
            .iter()
            .map(|row| {
                let cells = row
                    .query_selector_all("th, td:not(.select)")
                    .expect("cells");
                cells
                    .item(column as u32)
                    .and_then(|cell| cell.text_content())
                    .unwrap_or_default()
                    .trim()
                    .to_owned()
            })
            .collect()
    }

    /// Waits until page `page` has arrived and nothing is loading.
    pub async fn wait_for_page(&self, page: u32) {
        let selector = format!(".deal-page[aria-busy=\"false\"] table.deals[data-page=\"{page}\"]");
        self.wait_until(&format!("page {page} loaded"), || {
            self.find(&selector).is_some()
        })
        .await;
    }

    pub async fn wait_for_text(&self, text: &str) {
        self.wait_until(&format!("text {text:?}"), || self.text().contains(text))
            .await;
    }

    pub async fn wait_until(&self, what: &str, condition: impl Fn() -> bool) {
        wait_until(what, condition, || self.text()).await;
    }

    /// Types a key and connects, then waits for the first page of deals.
    pub async fn connect(&self, key: &str) {
        self.fill("API key", key);
        self.click("Connect");
        self.wait_for_page(1).await;
    }

    /// Disconnects, then waits for the key panel.
    pub async fn disconnect(&self) {
        self.click("Disconnect");
        self.wait_until("the key panel", || self.button("Connect").is_some())
            .await;
    }

    /// Opens the "New deal" form and waits for it.
    pub async fn open_new_deal(&self) {
        self.click("New deal");
        self.wait_for_text("Create deal").await;
    }

    /// Waits until the list's rows, or the board's cards, are the deals
    /// `ids` in any order.
    pub async fn wait_for_shown(&self, ids: &[String], selector: &str) {
        let expected = sorted(ids.to_vec());
        self.wait_until(&format!("{selector} of {expected:?}"), || {
            let shown = self
                .find_all(selector)
                .iter()
                .filter_map(|shown| shown.get_attribute("data-deal-id"))
                .collect();
            sorted(shown) == expected
        })
        .await;
    }

    pub async fn wait_for_rows(&self, ids: &[String]) {
        self.wait_for_shown(ids, "tbody tr").await;
    }

    /// The total the pager shows, such as 1251 for "1,251 deals".
    pub fn shown_total(&self) -> u64 {
        let text = self.text_of(".pager .total");
        let digits: String = text
            .chars()
            .take_while(|character| !character.is_alphabetic())
            .filter(char::is_ascii_digit)
            .collect();
        digits
            .parse()
            .unwrap_or_else(|_| panic!("no total in {text:?}"))
    }
}

/// Types `value` into `control` (an input, a select or a textarea), as input
/// then change events.
pub fn fill_control(control: &Element, value: &str) {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
        select.set_value(value);
    } else if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(value);
    }
    for kind in ["input", "change"] {
        let init = EventInit::new();
        init.set_bubbles(true);
        let event = Event::new_with_event_init_dict(kind, &init).expect("event");
        control.dispatch_event(&event).expect("dispatch");
    }
}

/// `ids` in order, to compare sets of ids.
pub fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

/// A word no other deal holds, in letters only, so that no deal's id or
/// amount holds it either.
pub fn unique_word() -> String {
    let bits = js_sys::Math::random().to_bits();
    (0..12)
        .map(|shift| char::from(b'a' + ((bits >> (shift * 5)) % 26) as u8))
        .collect()
}

pub async fn wait_until(what: &str, condition: impl Fn() -> bool, context: impl Fn() -> String) {
    let start = js_sys::Date::now();
    while !condition() {
        if js_sys::Date::now() - start > DEADLINE_MS {
            panic!(
                "timed out waiting for {what}; the widget shows: {}",
                context()
            );
        }
        sleep(20).await;
    }
}

pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("timer");
    });
    JsFuture::from(promise).await.expect("timer fired");
}

/// Options for a test widget: URL state off (tests share one page URL),
/// no stylesheet fetch, changes sent at once (the tests of the undo window,
/// in undo.rs, give it its time).
pub fn options(storage: KeyStorage) -> MountOptions {
    let mut options = MountOptions::new(API_BASE);
    options.config.view_settings.undo_seconds = 0;
    options.config.key_storage = storage;
    options.config.url_key = None;
    options.stylesheet = Some("data:text/css,".to_owned());
    options
}

/// Sends the window the event `name`, as the browser does when the page is
/// closed or hidden; whether a listener cancelled it (for `beforeunload`:
/// the page would ask the user first).
pub fn window_event_cancelled(name: &str) -> bool {
    let init = EventInit::new();
    init.set_cancelable(true);
    let event = Event::new_with_event_init_dict(name, &init).expect("an event");
    !web_sys::window()
        .expect("window")
        .unchecked_ref::<web_sys::EventTarget>()
        .dispatch_event(&event)
        .expect("dispatched")
}

/// Whether the page, closed now, would ask the user first.
pub fn closing_asks_first() -> bool {
    window_event_cancelled("beforeunload")
}

/// An empty element at the end of the page's body, for a widget to mount on.
pub fn new_host() -> Element {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("document");
    let host = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    host
}

pub fn mount_with(options: MountOptions) -> Widget {
    let host = new_host();
    let handle = mount(&host, options).expect("mount");
    Widget { host, handle }
}

/// A widget that keeps its key in memory only, so tests do not see each other's.
pub fn mount_widget() -> Widget {
    mount_with(options(KeyStorage::Memory))
}

pub fn session_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|window| window.session_storage().ok().flatten())
        .expect("sessionStorage")
}

pub fn client(key: &str) -> ApiClient {
    ApiClient::new(API_BASE, ApiKey::parse(key).expect("a valid test key"))
}

pub async fn list(key: &str, query: DealQuery) -> Page<Deal> {
    client(key).list_deals(&query).await.expect("list deals")
}

/// The ids of the page the API answers `query` with, in its order.
pub async fn listed_ids(key: &str, query: DealQuery) -> Vec<String> {
    list(key, query)
        .await
        .data
        .into_iter()
        .map(|deal| deal.id)
        .collect()
}

/// The ids of the first page of deals with `status`, as the read-write key sees them.
pub async fn ids_with_status(status: DealStatus) -> Vec<String> {
    listed_ids(
        RW_KEY,
        DealQuery {
            status: Some(status),
            ..DealQuery::default()
        },
    )
    .await
}

/// A demo deal with a contact and an assignee, for tests that name them.
pub async fn staffed_deal() -> Deal {
    // The largest page: other tests' deals, made without people, come first.
    let query = DealQuery {
        limit: MAX_LIMIT,
        ..DealQuery::default()
    };
    list(RW_KEY, query)
        .await
        .data
        .into_iter()
        .find(|deal| deal.contact.is_some() && deal.assigned_to.is_some())
        .expect("a demo deal with a contact and an assignee")
}

/// A deal created straight through the API, for tests about existing deals.
pub async fn create_deal(title: &str) -> Deal {
    client(RW_KEY)
        .create_deal(&new_deal(title))
        .await
        .expect("create deal")
        .deal
}

/// The body `create_deal` sends: a high-priority 1,234.50 EUR proposal.
pub fn new_deal(title: &str) -> NewDeal {
    NewDeal {
        title: title.to_owned(),
        description: None,
        value: 1234.5,
        currency: "EUR".to_owned(),
        stage: Some("proposal".to_owned()),
        priority: Priority::High,
        probability: Some(40.0),
        expected_close_date: None,
        source: None,
        contact_id: None,
        assigned_to_id: None,
    }
}

/// Opens the newest deal (the one a test just created) from the list.
pub async fn open_newest(widget: &Widget, title: &str) {
    widget
        .wait_until("the new deal's row", || {
            widget.column(0).first().map(String::as_str) == Some(title)
        })
        .await;
    let link = widget.find("tbody tr th a").expect("a title link");
    wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&link).click();
    widget.wait_for_text("Back to list").await;
    widget
        .wait_until("the deal's fields", || {
            widget.find(".deal-fields").is_some()
        })
        .await;
}

/// Presses `key` on `target` as a keydown that bubbles; whether a handler
/// took it (prevented its default).
pub fn press(target: &Element, key: &str) -> bool {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
    event.default_prevented()
}

/// A title no other test uses.
pub fn unique(label: &str) -> String {
    format!("{label} {}", js_sys::Math::random().to_bits())
}

/// The page's `fetch` replaced by a wrapper that `make_wrapper` builds around
/// the original; the original comes back on drop.
pub struct PatchedFetch {
    original: JsValue,
}

impl PatchedFetch {
    pub fn install(make_wrapper: impl FnOnce(&JsValue) -> JsValue) -> Self {
        let window = web_sys::window().expect("window");
        let original = js_sys::Reflect::get(&window, &JsValue::from_str("fetch")).expect("fetch");
        let wrapper = make_wrapper(&original);
        js_sys::Reflect::set(&window, &JsValue::from_str("fetch"), &wrapper).expect("set fetch");
        Self { original }
    }
}

impl Drop for PatchedFetch {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = js_sys::Reflect::set(&window, &JsValue::from_str("fetch"), &self.original);
        }
    }
}

/// Holds back the answers of requests whose URL contains `pattern` by
/// `delay_ms`, by wrapping the page's `fetch`; the original comes back on drop.
/// Only the network's timing is changed: requests still reach the server.
/// `install` holds back every method; `install_for` only `method`.
pub struct SlowFetch {
    _patch: PatchedFetch,
    delay_ms: i32,
}

impl SlowFetch {
    pub fn install(pattern: &str, delay_ms: i32) -> Self {
        Self::install_for("", pattern, delay_ms)
    }

    pub fn install_for(method: &str, pattern: &str, delay_ms: i32) -> Self {
        let make_wrapper = js_sys::Function::new_with_args(
            "original, method, pattern, delay",
            "return function (resource, init) {
                const url = typeof resource === 'string' ? resource : resource.url;
                const used = typeof resource === 'string' ? ((init && init.method) || 'GET') : resource.method;
                const answer = original.call(this, resource, init);
                if (!String(url).includes(pattern)) return answer;
                if (method && used.toUpperCase() !== method) return answer;
                return answer.then((response) =>
                    new Promise((resolve) => setTimeout(() => resolve(response), delay)));
            };",
        );
        let patch = PatchedFetch::install(|original| {
            let arguments = js_sys::Array::of4(
                original,
                &JsValue::from_str(method),
                &JsValue::from_str(pattern),
                &JsValue::from(delay_ms),
            );
            make_wrapper
                .apply(&JsValue::NULL, &arguments)
                .expect("wrapper")
        });
        Self {
            _patch: patch,
            delay_ms,
        }
    }

    /// Waits long enough for every held-back answer to have been delivered.
    pub async fn wait_for_held_back_answers(&self) {
        sleep(self.delay_ms + 500).await;
    }
}

/// Watches the page's `fetch` for requests whose URL contains `pattern`:
/// counts them and, while failing, answers them with the network error an
/// unplugged cable gives. Other requests pass untouched; the original comes
/// back on drop.
pub struct FetchSpy {
    _patch: PatchedFetch,
    state: js_sys::Object,
}

impl FetchSpy {
    pub fn install(pattern: &str) -> Self {
        let state = js_sys::Object::new();
        let make_wrapper = js_sys::Function::new_with_args(
            "original, state, pattern",
            "state.count = 0; state.failing = false;
            return function (resource, init) {
                const url = typeof resource === 'string' ? resource : resource.url;
                if (!String(url).includes(pattern)) return original.call(this, resource, init);
                state.count += 1;
                if (state.failing) return Promise.reject(new TypeError('Failed to fetch'));
                return original.call(this, resource, init);
            };",
        );
        let patch = PatchedFetch::install(|original| {
            make_wrapper
                .call3(
                    &JsValue::NULL,
                    original,
                    &state,
                    &JsValue::from_str(pattern),
                )
                .expect("wrapper")
        });
        Self {
            _patch: patch,
            state,
        }
    }

    /// Requests seen so far.
    pub fn count(&self) -> u32 {
        js_sys::Reflect::get(&self.state, &JsValue::from_str("count"))
            .ok()
            .and_then(|count| count.as_f64())
            .unwrap_or_default() as u32
    }

    pub fn set_failing(&self, failing: bool) {
        js_sys::Reflect::set(
            &self.state,
            &JsValue::from_str("failing"),
            &JsValue::from_bool(failing),
        )
        .expect("set failing");
    }
}

/// Holds back requests whose URL contains `pattern` for `delay_ms` before
/// they go out, as a slow network would, and records how the browser's own
/// `fetch` ended for each: `"answered"`, or the name of its error
/// (`"AbortError"` for a request the widget aborted). The request keeps the
/// signal the widget gave it, so an abort meanwhile reaches the real `fetch`.
/// The original comes back on drop.
pub struct FetchOutcomes {
    _patch: PatchedFetch,
    state: js_sys::Object,
}

impl FetchOutcomes {
    pub fn install(pattern: &str, delay_ms: i32) -> Self {
        let state = js_sys::Object::new();
        let make_wrapper = js_sys::Function::new_with_args(
            "original, state, pattern, delay",
            "state.outcomes = [];
            return function (resource, init) {
                const url = typeof resource === 'string' ? resource : resource.url;
                if (!String(url).includes(pattern)) return original.call(this, resource, init);
                const index = state.outcomes.push(null) - 1;
                const answer = new Promise((resolve) => setTimeout(resolve, delay))
                    .then(() => original.call(this, resource, init));
                answer.then(() => { state.outcomes[index] = 'answered'; },
                    (error) => { state.outcomes[index] = error.name; });
                return answer;
            };",
        );
        let patch = PatchedFetch::install(|original| {
            let arguments = js_sys::Array::of4(
                original,
                &state,
                &JsValue::from_str(pattern),
                &JsValue::from(delay_ms),
            );
            make_wrapper
                .apply(&JsValue::NULL, &arguments)
                .expect("wrapper")
        });
        Self {
            _patch: patch,
            state,
        }
    }

    fn outcomes(&self) -> js_sys::Array {
        js_sys::Reflect::get(&self.state, &JsValue::from_str("outcomes"))
            .expect("outcomes")
            .unchecked_into()
    }

    /// Requests seen so far.
    pub fn count(&self) -> u32 {
        self.outcomes().length()
    }

    /// How request `index` (0 = the first seen) ended, once it has.
    pub fn outcome(&self, index: u32) -> Option<String> {
        self.outcomes().get(index).as_string()
    }

    /// Waits until request `index` has ended, and says how.
    pub async fn ended(&self, index: u32) -> String {
        wait_until(
            &format!("request {index} to end"),
            || self.outcome(index).is_some(),
            || format!("{} requests seen", self.count()),
        )
        .await;
        self.outcome(index).unwrap_or_default()
    }
}

/// The page URL as it was, put back on drop: a test that writes the page URL
/// leaves the next test the URL it found.
pub struct PageUrl {
    original: String,
}

impl PageUrl {
    /// Keeps the page URL as it is now.
    pub fn kept() -> Self {
        let window = web_sys::window().expect("window");
        Self {
            original: window.location().href().expect("href"),
        }
    }

    /// Keeps the page URL as it is now, then sets it to `url`.
    pub fn set(url: &str) -> Self {
        let kept = Self::kept();
        replace_page_url(url);
        kept
    }
}

impl Drop for PageUrl {
    fn drop(&mut self) {
        replace_page_url(&self.original);
    }
}

fn replace_page_url(url: &str) {
    web_sys::window()
        .and_then(|window| window.history().ok())
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        .expect("replace");
}
