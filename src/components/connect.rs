use deals_contract::DealQuery;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::session::Session;

/// Asks for the API key and accepts it only once the API has: a cheap list
/// request of one deal proves both the key and its `deals:read` permission.
#[component]
pub fn ConnectPanel() -> impl IntoView {
    let session = expect_context::<Session>();
    let typed = RwSignal::new(String::new());
    let connect = Action::new_local({
        let session = session.clone();
        move |key: &String| {
            let (session, key) = (session.clone(), key.clone());
            async move {
                let probe = DealQuery {
                    limit: 1,
                    ..DealQuery::default()
                };
                match session.candidate(&key).list_deals(&probe).await {
                    Ok(_) => {
                        typed.set(String::new());
                        session.connect(key);
                        None
                    }
                    Err(error) => Some(error.to_string()),
                }
            }
        }
    });
    let missing_key = RwSignal::new(false);
    let error = move || {
        if missing_key.get() {
            Some("Enter an API key.".to_owned())
        } else {
            connect.value().get().flatten()
        }
    };
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let key = typed.get_untracked().trim().to_owned();
        missing_key.set(key.is_empty());
        if !key.is_empty() && !connect.pending().get_untracked() {
            connect.dispatch_local(key);
        }
    };
    let notice = session.notice;
    view! {
        <form class="connect" on:submit=on_submit novalidate>
            <h2>"Connect to ISAO Deals"</h2>
            {move || notice.get().map(|text| view! { <p class="notice" role="alert">{text}</p> })}
            <div class="field">
                <label for="isao-api-key">"API key"</label>
                <input
                    id="isao-api-key"
                    type="password"
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=move || error().is_some().to_string()
                    aria-describedby="isao-api-key-error"
                    prop:value=move || typed.get()
                    on:input:target=move |event| typed.set(event.target().value())
                />
                <p class="field-error" id="isao-api-key-error" role="alert">{error}</p>
            </div>
            <button type="submit" disabled=move || connect.pending().get()>
                "Connect"
            </button>
            <p class="status" role="status" aria-live="polite">
                {move || connect.pending().get().then_some("Checking the key…")}
            </p>
        </form>
    }
}
