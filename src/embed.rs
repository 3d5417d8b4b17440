//! How a host page puts widgets on itself: `<div data-isao-deals …>` elements
//! mounted at start-up, or `mount(element, options)` from JavaScript.
//!
//! Each widget lives in a shadow root: the host page's CSS cannot reach in,
//! and the widget's CSS cannot leak out. Theming crosses the boundary on
//! purpose, through CSS custom properties.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Once;

use deals_i18n::{Lang, Msg};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::bundle::{bundle_file, preferred_language};
use crate::components::{DealsWidget, WidgetConfig};
use crate::key_store::KeyStorage;
use crate::session::Auth;
use crate::words::{Texts, Words};

const STYLESHEET: &str = "isao-deals.css";

/// A widget on the page. Dropping it disposes its reactive owner and removes
/// its nodes.
struct Mounted {
    id: u32,
    root: ShadowRoot,
    container: HtmlElement,
    words: Words,
    _view: Box<dyn Any>,
}

thread_local! {
    /// Every mounted widget, so that mounting again into the same element, an
    /// `unmount()` and the panic hook each find exactly the widgets that live.
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static LAST_ID: Cell<u32> = const { Cell::new(0) };
}

/// Takes the widget that matches out of the registry; the caller drops it
/// once the registry is no longer borrowed (dropping runs the widget's cleanups).
fn take_mounted(matches: impl Fn(&Mounted) -> bool) -> Option<Mounted> {
    MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let index = mounted.iter().position(matches)?;
        Some(mounted.remove(index))
    })
}

/// A mounted widget, as JavaScript holds it.
#[wasm_bindgen]
pub struct WidgetHandle {
    id: u32,
    root: ShadowRoot,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget and frees everything it held. A no-op once the
    /// widget is gone, including when another was mounted in its place.
    pub fn unmount(&self) {
        if let Some(widget) = take_mounted(|widget| widget.id == self.id) {
            drop(widget);
            self.root.set_inner_html("");
        }
    }

    /// Speaks the language asked for now: `tag` (the element's `data-lang`)
    /// when the widget speaks it, else the page's (see `preferred_lang`).
    /// The loader calls it when the element's `lang` or `data-lang` changes;
    /// nothing on screen is rebuilt.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, tag: Option<String>) {
        let widget = MOUNTED.with(|mounted| {
            mounted
                .borrow()
                .iter()
                .find(|widget| widget.id == self.id)
                .map(|widget| widget.words)
        });
        if let Some(words) = widget {
            words.speak(preferred_lang(&self.root.host(), tag.as_deref()));
        }
    }

    /// The shadow root the widget renders into (tests and host pages that
    /// need to reach inside).
    #[wasm_bindgen(getter)]
    pub fn root(&self) -> ShadowRoot {
        self.root.clone()
    }
}

/// The last line of defence: a panic aborts the wasm instance, so instead of
/// leaving frozen widgets behind, each one says so. One console line, which
/// holds the panic's message and place but never a key (nothing formats one).
pub fn report_crash(detail: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!(
        "isao-deals: the widget stopped: {detail}"
    )));
    let _ = MOUNTED.try_with(|mounted| {
        if let Ok(mounted) = mounted.try_borrow() {
            mounted.iter().for_each(|widget| {
                let texts = widget.words.now_untracked().unwrap_or_else(Texts::english);
                show_crash(&widget.container, texts);
            });
        }
    });
}

fn show_crash(container: &HtmlElement, texts: Texts) {
    let message = texts.get(Msg::Crashed);
    container.set_text_content(None);
    let notice = container
        .owner_document()
        .and_then(|document| document.create_element("p").ok());
    match notice {
        Some(notice) => {
            notice.set_class_name("crashed");
            let _ = notice.set_attribute("role", "alert");
            let _ = notice.set_attribute("lang", texts.lang().tag());
            notice.set_text_content(Some(message));
            let _ = container.append_child(&notice);
        }
        None => container.set_text_content(Some(message)),
    }
}

/// Has a panic reported by every widget on the page (`report_crash`); once
/// per page, however often it is called.
pub fn install_panic_hook() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        // In tests, the hook before ours (the test runner's) still hears of
        // it. In a release build it could only be std's own, which writes to
        // a stderr that wasm32 does not have: leaving it out saves its code.
        #[cfg(debug_assertions)]
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            report_crash(&info.to_string());
            #[cfg(debug_assertions)]
            previous(info);
        }));
    });
}

/// Options of one widget, from data attributes or a JavaScript object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MountOptions {
    pub config: WidgetConfig,
    /// The language asked for (`fr`, `de-AT`…); by default the page's.
    pub lang: Option<String>,
    /// The widget's CSS; by default the file shipped beside the JS module.
    pub stylesheet: Option<String>,
}

impl MountOptions {
    pub fn new(api_base: &str) -> Self {
        Self {
            config: WidgetConfig::new(api_base),
            lang: None,
            stylesheet: None,
        }
    }

    /// `data-api-base` (required), `data-auth` (`key`, the default, or
    /// `host`), `data-key-storage` (`session`, the default,
    /// or `memory`), `data-url-key` (prefix in the page URL; empty turns URL
    /// state off), `data-idle-days` (default 14, 0 = off),
    /// `data-refresh-seconds` (default 30, 0 = off), `data-undo-seconds`
    /// (default 6, 0 = changes sent at once), `data-current-user` (the
    /// user's id, for "Mine"), `data-lang` (by default
    /// the nearest `lang` of the page, else the browser's), `data-stylesheet`.
    fn from_element(element: &Element) -> Result<Self, JsValue> {
        Self::read(|name| element.get_attribute(&format!("data-{name}")))
    }

    /// `{apiBase, auth, keyStorage, urlKey, idleDays, refreshSeconds, undoSeconds, currentUser, lang, stylesheet}`:
    /// the same options in camelCase; the numbers as numbers or strings.
    fn from_object(options: &JsValue) -> Result<Self, JsValue> {
        Self::read(|name| {
            let camel = match name {
                "api-base" => "apiBase",
                "key-storage" => "keyStorage",
                "url-key" => "urlKey",
                "idle-days" => "idleDays",
                "refresh-seconds" => "refreshSeconds",
                "undo-seconds" => "undoSeconds",
                "current-user" => "currentUser",
                other => other,
            };
            let value = js_sys::Reflect::get(options, &JsValue::from_str(camel)).ok()?;
            value.as_string().or_else(|| {
                // Written as text to be read like an attribute; a number that is
                // not a whole count is written so that it is refused there.
                value.as_f64().map(|number| {
                    if number.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&number) {
                        (number as u32).to_string()
                    } else {
                        "not a whole number".to_owned()
                    }
                })
            })
        })
    }

    fn read(option: impl Fn(&str) -> Option<String>) -> Result<Self, JsValue> {
        let api_base = option("api-base")
            .filter(|base| !base.trim().is_empty())
            .ok_or_else(|| {
                JsValue::from_str(
                    "isao-deals: the API base URL (data-api-base / apiBase) is required",
                )
            })?;
        let mut options = Self::new(api_base.trim());
        if let Some(auth) = option("auth") {
            options.config.auth = Auth::from_option(&auth)
                .ok_or_else(|| JsValue::from_str("isao-deals: auth must be \"key\" or \"host\""))?;
        }
        if let Some(storage) = option("key-storage") {
            options.config.key_storage = KeyStorage::from_option(&storage).ok_or_else(|| {
                JsValue::from_str("isao-deals: keyStorage must be \"session\" or \"memory\"")
            })?;
        }
        if let Some(url_key) = option("url-key") {
            options.config.url_key = Some(url_key).filter(|key| !key.is_empty());
        }
        let settings = &mut options.config.view_settings;
        if let Some(days) = option("idle-days") {
            settings.idle_days = whole_number(&days, "idleDays")?;
        }
        if let Some(seconds) = option("refresh-seconds") {
            settings.refresh_seconds = whole_number(&seconds, "refreshSeconds")?;
        }
        if let Some(seconds) = option("undo-seconds") {
            settings.undo_seconds = whole_number(&seconds, "undoSeconds")?;
        }
        options.config.current_user = option("current-user")
            .map(|user| user.trim().to_owned())
            .filter(|user| !user.is_empty());
        options.lang = option("lang");
        options.stylesheet = option("stylesheet");
        Ok(options)
    }
}

fn whole_number(text: &str, option: &str) -> Result<u32, JsValue> {
    text.trim().parse().map_err(|_| {
        JsValue::from_str(&format!(
            "isao-deals: {option} must be a whole number of 0 or more, not \"{text}\""
        ))
    })
}

/// Mounts a widget inside `host`, replacing any widget mounted there before.
pub fn mount(host: &Element, options: MountOptions) -> Result<WidgetHandle, JsValue> {
    install_panic_hook();
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    drop(take_mounted(|widget| widget.root == root));
    root.set_inner_html("");
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("isao-deals: host is not in a document"))?;
    let stylesheet = document.create_element("link")?;
    stylesheet.set_attribute("rel", "stylesheet")?;
    stylesheet.set_attribute(
        "href",
        &options
            .stylesheet
            .unwrap_or_else(|| bundle_file(STYLESHEET)),
    )?;
    root.append_child(&stylesheet)?;
    let container: HtmlElement = document.create_element("div")?.dyn_into()?;
    container.set_class_name("isao-deals-root");
    root.append_child(&container)?;
    let lang = preferred_lang(host, options.lang.as_deref());
    let words_slot = Rc::new(Cell::new(None));
    let (config, widget_host, slot) = (options.config, host.clone(), words_slot.clone());
    let view = leptos::mount::mount_to(container.clone(), move || {
        let words = Words::new(lang);
        slot.set(Some(words));
        view! { <DealsWidget config words host=widget_host /> }
    });
    let words = words_slot
        .take()
        .ok_or_else(|| JsValue::from_str("isao-deals: the widget did not start"))?;
    let id = LAST_ID.with(|last| {
        last.set(last.get().wrapping_add(1));
        last.get()
    });
    MOUNTED.with(|mounted| {
        mounted.borrow_mut().push(Mounted {
            id,
            root: root.clone(),
            container,
            words,
            _view: Box::new(view),
        })
    });
    Ok(WidgetHandle { id, root })
}

/// The language a widget on `host` speaks: see `preferred_language`;
/// English when the page asks for none the widget speaks.
fn preferred_lang(host: &Element, asked: Option<&str>) -> Lang {
    preferred_language(host, asked.map(str::to_owned), Lang::SPOKEN)
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::En)
}

/// `mount(element, {apiBase, auth, keyStorage, urlKey, idleDays, refreshSeconds, undoSeconds, currentUser, lang, stylesheet})` for JavaScript.
#[wasm_bindgen(js_name = mount)]
pub fn mount_from_js(host: &Element, options: JsValue) -> Result<WidgetHandle, JsValue> {
    mount(host, MountOptions::from_object(&options)?)
}

/// Mounts a widget in every `[data-isao-deals]` element of the page; they
/// live as long as the page. An element whose options are wrong shows why in
/// the console and stays empty.
///
/// Called once the page is parsed, by the loader (embed/isao-deals.js) or
/// the demo page's start script (embed/demo-start.js), not at start-up: the
/// snippet's `async` script tag may start the widget while the browser is
/// still reading the page, before the elements further down.
#[wasm_bindgen(js_name = mountDeclared)]
pub fn mount_declared() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(hosts) = document.query_selector_all("[data-isao-deals]") else {
        return;
    };
    for index in 0..hosts.length() {
        let Some(host) = hosts
            .item(index)
            .and_then(|node| node.dyn_into::<Element>().ok())
        else {
            continue;
        };
        if let Err(reason) =
            MountOptions::from_element(&host).and_then(|options| mount(&host, options))
        {
            web_sys::console::error_2(&JsValue::from_str("isao-deals:"), &reason);
        }
    }
}
