//! What a widget shows while it cannot reach the deals: the key panel until
//! the API accepts a key or, when the host's server authorises the requests,
//! the notice that the host's session has expired.

use deals_contract::DealQuery;
use deals_i18n::Msg;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::api_words::said_view;
use super::fields::FieldShell;
use super::later::Later;
use super::rebuilt::rebuilt;
use crate::api::ApiError;
use crate::api_key::{ApiKey, KeyProblem};
use crate::session::Session;
use crate::words::Said;

/// The host's login has ended (a 401 through its server). No key field: the
/// key is the host server's, and only the host page can sign the user in
/// again.
pub fn session_expired() -> impl IntoView {
    let words = expect_context::<Session>().words();
    let reload = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <div class="connect">
            <p class="notice" role="alert">{words.text(Msg::SessionExpired)}</p>
            <button type="button" on:click=reload>{words.text(Msg::ReloadPage)}</button>
        </div>
    }
}

/// Asks for the API key and accepts it only once the API has: a cheap list
/// request of one deal proves both the key and its `deals:read` permission.
/// A key no HTTP header can carry is refused before any request.
#[component]
pub fn ConnectPanel() -> impl IntoView {
    let session = expect_context::<Session>();
    let words = session.words();
    let typed = RwSignal::new(String::new());
    // One check at a time (a submit while one runs is ignored), so a flag
    // and the last answer do an `Action`'s work: an `Action` here would bring
    // its code into the first download for this panel alone.
    let pending = Later::new(false);
    let answered = Later::new(None::<ApiError>);
    let connect = {
        let session = session.clone();
        move |key: ApiKey| {
            let session = session.clone();
            pending.try_set(true);
            spawn_local(async move {
                let probe = DealQuery {
                    limit: 1,
                    ..DealQuery::default()
                };
                let refusal = match session.candidate(key.clone()).list_deals(&probe).await {
                    Ok(_) => {
                        session.connect(key);
                        None
                    }
                    Err(error) => {
                        session.events().error(&error);
                        Some(error)
                    }
                };
                // An accepted key has replaced the panel with the workspace.
                answered.try_set(refusal);
                pending.try_set(false);
            });
        }
    };
    let refused = RwSignal::new(None::<KeyProblem>);
    // What happened is kept; it is put in words where it is shown.
    let said = Memo::new(move |_| {
        if pending.get() {
            return None;
        }
        let texts = words.now();
        match refused.get() {
            Some(problem) => Some(Said::AsWritten(texts.key_problem(&problem))),
            None => answered.with(|answer| answer.as_ref().map(|error| texts.api_error(error))),
        }
    });
    let message =
        Signal::derive(move || said.with(|said| said.as_ref().map(|said| said.text().to_owned())));
    let english =
        Signal::derive(move || said.with(|said| Some(said.as_ref()?.english()?.to_owned())));
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        match ApiKey::parse(&typed.get_untracked()) {
            Ok(key) => {
                refused.set(None);
                connect(key);
            }
            Err(problem) => refused.set(Some(problem)),
        }
    };
    let notice = session.notice;
    view! {
        <form class="connect" part="key-panel" on:submit=on_submit novalidate>
            <h2>{words.text(Msg::ConnectTitle)}</h2>
            {rebuilt(move || {
                let texts = words.now();
                notice.with(|notice| notice.as_ref().map(|error| view! { <p class="notice" part="error" role="alert">{said_view(texts.api_error(error))}</p> })).into_any()
            })}
            <FieldShell label=Msg::ApiKeyLabel id="isao-api-key" message english let:wiring>
                <input
                    part="field"
                    id=wiring.id.clone()
                    type="password"
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=wiring.invalid()
                    aria-describedby=wiring.error_id.clone()
                    prop:value=move || typed.get()
                    on:input:target=move |event| typed.set(event.target().value())
                />
            </FieldShell>
            <button part="button" type="submit" disabled=move || pending.get()>
                {words.text(Msg::Connect)}
            </button>
            <p class="status" part="status" role="status" aria-live="polite">
                {rebuilt(move || pending.get().then(|| words.now().get(Msg::CheckingKey)).into_any())}
            </p>
        </form>
    }
}
