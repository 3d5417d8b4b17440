//! The widget: the key panel until a key is accepted (unless the host
//! authorises the requests), then the workspace.

use deals_i18n::Msg;
use leptos::prelude::*;
use web_sys::Element;

use super::connect::{session_expired, ConnectPanel};
use super::rebuilt::rebuilt;
use super::state::ViewSettings;
use super::workspace::Workspace;
use crate::host_events::HostEvents;
use crate::key_store::KeyStorage;
use crate::session::{Auth, Session};
use crate::url_state::UrlState;
use crate::words::Words;

/// What the embedding page decides for one widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetConfig {
    /// The API root, such as `https://staging.isao.io/api/external`.
    pub api_base: String,
    pub key_storage: KeyStorage,
    /// Who authorises requests: with `Auth::Host`, `key_storage` is unused.
    pub auth: Auth,
    /// Prefix of this widget's parameters in the page URL; `None` keeps the
    /// URL untouched (for a second widget on the page, say).
    pub url_key: Option<String>,
    pub view_settings: ViewSettings,
    /// The id of the user the widget is used by (`current-user`), for "Mine".
    pub current_user: Option<String>,
}

impl WidgetConfig {
    pub const DEFAULT_URL_KEY: &'static str = "deals";

    pub fn new(api_base: &str) -> Self {
        Self {
            api_base: api_base.to_owned(),
            key_storage: KeyStorage::default(),
            auth: Auth::default(),
            url_key: Some(Self::DEFAULT_URL_KEY.to_owned()),
            view_settings: ViewSettings::default(),
            current_user: None,
        }
    }
}

/// The whole widget: the key panel until a key is accepted, then the deals,
/// in the language of `words`. Its events go to `host`, the element it is
/// mounted on.
#[component]
pub fn DealsWidget(
    config: WidgetConfig,
    words: Words,
    #[prop(optional)] host: Option<Element>,
) -> impl IntoView {
    let session = Session::new(
        &config.api_base,
        config.key_storage,
        config.auth,
        HostEvents::new(host),
        words,
    );
    provide_context(session.clone());
    let url_state = UrlState::new(config.url_key);
    let settings = config.view_settings;
    let current_user = config.current_user;
    view! {
        <section class="isao-deals" lang=move || words.now().lang().tag() aria-label=words.text(Msg::Deals)>
            {rebuilt(move || match session.client() {
                // Nothing until the language asked for is spoken, rather than English for a moment.
                _ if !words.ready() => ().into_any(),
                None if session.asks_for_key() => view! { <ConnectPanel /> }.into_any(),
                None => session_expired().into_any(),
                Some(client) => view! { <Workspace client url_state=url_state.clone() settings current_user=current_user.clone() /> }.into_any(),
            })}
        </section>
    }
}
