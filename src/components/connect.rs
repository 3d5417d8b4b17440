//! What a widget shows while it cannot reach the deals: the key panel until
//! the API accepts a key or, when the host's server authorises the requests,
//! the notice that the host's session has expired.

use deals_contract::DealQuery;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::fields::FieldShell;
use super::later::Later;
use super::rebuilt::rebuilt;
use crate::api_key::ApiKey;
use crate::session::Session;

/// The host's login has ended (a 401 through its server). No key field: the
/// key is the host server's, and only the host page can sign the user in
/// again.
pub fn session_expired() -> impl IntoView {
    let reload = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <div class="connect">
            <p class="notice" role="alert">"Your session has expired. Reload the page to sign in again."</p>
            <button type="button" on:click=reload>"Reload the page"</button>
        </div>
    }
}

/// Asks for the API key and accepts it only once the API has: a cheap list
/// request of one deal proves both the key and its `deals:read` permission.
/// A key no HTTP header can carry is refused before any request.
#[component]
pub fn ConnectPanel() -> impl IntoView {
    let session = expect_context::<Session>();
    let typed = RwSignal::new(String::new());
    // One check at a time (a submit while one runs is ignored), so a flag
    // and the last answer do an `Action`'s work: an `Action` here would bring
    // its code into the first download for this panel alone.
    let pending = Later::new(false);
    let answered = Later::new(None::<String>);
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
                        Some(error.to_string())
                    }
                };
                // An accepted key has replaced the panel with the workspace.
                answered.try_set(refusal);
                pending.try_set(false);
            });
        }
    };
    let refused = RwSignal::new(None::<String>);
    let message = Signal::derive(move || {
        refused
            .get()
            .or_else(|| answered.get())
            .filter(|_| !pending.get())
    });
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
            Err(problem) => refused.set(Some(problem.to_string())),
        }
    };
    let notice = session.notice;
    view! {
        <form class="connect" part="key-panel" on:submit=on_submit novalidate>
            <h2>"Connect to ISAO Deals"</h2>
            {rebuilt(move || notice.get().map(|text| view! { <p class="notice" part="error" role="alert">{text}</p> }).into_any())}
            <FieldShell label="API key" id="isao-api-key" message let:wiring>
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
                "Connect"
            </button>
            <p class="status" part="status" role="status" aria-live="polite">
                {rebuilt(move || pending.get().then_some("Checking the key…").into_any())}
            </p>
        </form>
    }
}
