use std::collections::BTreeSet;

use deals_contract::{Deal, DealStatus, StatusChange};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::session::Session;
use crate::api::{ApiClient, ApiError};
use crate::format;

/// One deal with all its fields, and the actions that move it forward.
#[component]
pub fn DealDetail(
    client: ApiClient,
    id: String,
    stages: RwSignal<BTreeSet<String>>,
    on_back: Callback<()>,
    on_changed: Callback<Deal>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let loaded = RwSignal::new(None::<Result<Deal, ApiError>>);
    let reloads = RwSignal::new(0u32);
    Effect::new({
        let (client, session, id) = (client.clone(), session.clone(), id.clone());
        move |_| {
            reloads.track();
            let (client, session, id) = (client.clone(), session.clone(), id.clone());
            spawn_local(async move {
                let answer = client.get_deal(&id).await;
                if let Err(error) = &answer {
                    session.report(error);
                }
                loaded.set(Some(answer));
            });
        }
    });

    let action_error = RwSignal::new(None::<String>);
    let change_status = Action::new_local(move |change: &StatusChange| {
        let (client, session, id, change) =
            (client.clone(), session.clone(), id.clone(), change.clone());
        async move {
            match client.update_status(&id, &change).await {
                Ok(deal) => {
                    action_error.set(None);
                    loaded.set(Some(Ok(deal.clone())));
                    on_changed.run(deal);
                }
                Err(error) => {
                    session.report(&error);
                    action_error.set(Some(error.to_string()));
                }
            }
        }
    });

    let back = move || {
        view! {
            <button type="button" class="secondary back" on:click=move |_| on_back.run(())>
                "Back to list"
            </button>
        }
    };
    view! {
        <article class="deal-detail" aria-live="polite">
            {back}
            {move || match loaded.get() {
                None => view! { <p class="status">"Loading deal…"</p> }.into_any(),
                Some(Err(ApiError::NotFound { .. })) => {
                    view! { <p class="error" role="alert">"Deal not found"</p> }.into_any()
                }
                Some(Err(error)) => view! {
                    <div class="error" role="alert">
                        <p>{error.to_string()}</p>
                        <button type="button" on:click=move |_| reloads.update(|count| *count += 1)>"Retry"</button>
                    </div>
                }
                .into_any(),
                Some(Ok(deal)) => view! {
                    <DealFields deal=deal.clone() />
                    <DealActions deal stages change_status action_error />
                }
                .into_any(),
            }}
        </article>
    }
}

#[component]
fn DealFields(deal: Deal) -> impl IntoView {
    let contact = deal.contact.clone();
    let optional = |text: Option<String>| text.unwrap_or_else(|| "—".to_owned());
    view! {
        <h3>{deal.title.clone()}</h3>
        <dl class="deal-fields">
            <dt>"Value"</dt>
            <dd>{format::money(deal.value, &deal.currency)}</dd>
            <dt>"Status"</dt>
            <dd><span class=format!("badge {}", deal.status)>{deal.status.as_str()}</span></dd>
            <dt>"Stage"</dt>
            <dd>{optional(deal.stage.clone())}</dd>
            <dt>"Priority"</dt>
            <dd>{deal.priority.as_str()}</dd>
            <dt>"Probability"</dt>
            <dd>{optional(deal.probability.map(format::percent))}</dd>
            <dt>"Description"</dt>
            <dd class="description">{optional(deal.description.clone())}</dd>
            <dt>"Source"</dt>
            <dd>{optional(deal.source.clone())}</dd>
            <dt>"Contact"</dt>
            <dd>{optional(contact.as_ref().map(|contact| contact.name.clone()))}</dd>
            <dt>"Contact email"</dt>
            <dd>{optional(contact.as_ref().and_then(|contact| contact.email.clone()))}</dd>
            <dt>"Contact phone"</dt>
            <dd>{optional(contact.as_ref().and_then(|contact| contact.phone_number.clone()))}</dd>
            <dt>"Assigned to"</dt>
            <dd>{optional(deal.assigned_to.as_ref().map(|user| user.name.clone()))}</dd>
            <dt>"Expected close date"</dt>
            <dd>{optional(deal.expected_close_date.as_ref().map(format::date))}</dd>
            <dt>"Actual close date"</dt>
            <dd>{optional(deal.actual_close_date.as_ref().map(format::date_time))}</dd>
            <dt>"Created"</dt>
            <dd>{format::date_time(&deal.created_at)}</dd>
            <dt>"Updated"</dt>
            <dd>{format::date_time(&deal.updated_at)}</dd>
        </dl>
    }
}

/// "Mark won", "Mark lost" with an editable close date, and "Change stage".
#[component]
fn DealActions(
    deal: Deal,
    stages: RwSignal<BTreeSet<String>>,
    change_status: Action<StatusChange, ()>,
    action_error: RwSignal<Option<String>>,
) -> impl IntoView {
    let close_date = RwSignal::new(format::local_input_now());
    let close_date_error = RwSignal::new(None::<String>);
    let new_stage = RwSignal::new(deal.stage.clone().unwrap_or_default());
    let stage_error = RwSignal::new(None::<String>);
    let busy = change_status.pending();
    let close = move |status: DealStatus| {
        let Some(instant) = format::local_input_to_utc(&close_date.get_untracked()) else {
            close_date_error.set(Some("Enter the date and time the deal closed.".to_owned()));
            return;
        };
        close_date_error.set(None);
        change_status.dispatch_local(StatusChange {
            status: Some(status),
            actual_close_date: Some(instant),
            ..StatusChange::default()
        });
    };
    let change_stage = move || {
        let stage = new_stage.get_untracked().trim().to_owned();
        if stage.is_empty() {
            stage_error.set(Some("Enter a stage.".to_owned()));
            return;
        }
        stage_error.set(None);
        change_status.dispatch_local(StatusChange {
            stage: Some(stage),
            ..StatusChange::default()
        });
    };
    let is_open = deal.status == DealStatus::Open;
    view! {
        <section class="deal-actions" aria-label="Move this deal forward">
            <p class="form-error" role="alert">{move || action_error.get()}</p>
            <div class="field">
                <label for="isao-close-date">"Actual close date"</label>
                <input
                    id="isao-close-date"
                    type="datetime-local"
                    aria-describedby="isao-close-date-error"
                    aria-invalid=move || close_date_error.get().is_some().to_string()
                    prop:value=move || close_date.get()
                    on:input:target=move |event| close_date.set(event.target().value())
                />
                <p class="field-error" id="isao-close-date-error">{move || close_date_error.get()}</p>
            </div>
            <div class="form-actions">
                <button type="button" disabled=move || busy.get() || !is_open on:click=move |_| close(DealStatus::Won)>
                    "Mark won"
                </button>
                <button type="button" disabled=move || busy.get() || !is_open on:click=move |_| close(DealStatus::Lost)>
                    "Mark lost"
                </button>
            </div>
            <form class="stage-change" on:submit=move |event| { event.prevent_default(); change_stage(); }>
                <div class="field">
                    <label for="isao-new-stage">"New stage"</label>
                    <input
                        id="isao-new-stage"
                        type="text"
                        list="isao-stage-suggestions"
                        aria-describedby="isao-new-stage-error"
                        aria-invalid=move || stage_error.get().is_some().to_string()
                        prop:value=move || new_stage.get()
                        on:input:target=move |event| new_stage.set(event.target().value())
                    />
                    <p class="field-error" id="isao-new-stage-error">{move || stage_error.get()}</p>
                </div>
                <datalist id="isao-stage-suggestions">
                    <For each=move || stages.get() key=|stage| stage.clone() let:stage>
                        <option value=stage></option>
                    </For>
                </datalist>
                <button type="submit" disabled=move || busy.get()>"Change stage"</button>
            </form>
        </section>
    }
}
