//! One deal's screen, fetched the first time a deal opens (`on_demand`):
//! every field of the deal, and the actions that move it forward.

use deals_contract::{Deal, DealStatus, StatusChange};
use leptos::prelude::*;
use std::sync::Arc;

use super::fields::{FieldShell, StageSuggestions};
use super::latest_answer::LatestAnswer;
use super::rate_limit::RateLimitWait;
use super::state::{learn_stage, Screen, WorkspaceState};
use super::waiting::waiting;
use crate::api::ApiError;
use crate::format;
use crate::session::Session;

/// The answer to a status change, with the id of the deal it was for.
type StatusAnswer = (String, Result<Deal, ApiError>);

/// The open deal, and the status changes made to it. The workspace keeps
/// them: a change answered after the user left the deal still updates the
/// list.
#[derive(Clone, Copy)]
pub(super) struct OpenDeal {
    /// The open deal with its id, `None` while no deal is open.
    deal: LatestAnswer<Option<(String, Result<Deal, ApiError>)>>,
    change_status: Action<(Deal, StatusChange), StatusAnswer>,
}

impl OpenDeal {
    fn of(state: WorkspaceState) -> Self {
        state.made_once(|| Self::new(state))
    }

    fn new(state: WorkspaceState) -> Self {
        let session = expect_context::<Session>();
        let events = session.events();
        let open_id = Memo::new(move |_| state.screen.with(Screen::deal_id));
        let deal = LatestAnswer::new({
            let session = session.clone();
            move || {
                let id = open_id.get();
                let (client, session) = (state.client.get_value(), session.clone());
                async move {
                    let id = id?;
                    let answer = client.get_deal(&id).await;
                    match &answer {
                        Ok(deal) => events.deal_opened(deal),
                        Err(error) => session.report(error),
                    }
                    Some((id, answer.map(|sent| sent.deal)))
                }
            }
        });
        let change_status = Action::new_local(move |(before, change): &(Deal, StatusChange)| {
            let (client, session) = (state.client.get_value(), session.clone());
            let (before, change) = (before.clone(), change.clone());
            async move {
                let answer = client.update_status(&before.id, &change).await;
                match &answer {
                    Ok(changed) => {
                        events.deal_changed(changed, &before);
                        learn_stage(state.stages, changed);
                        deal.try_update(|shown| {
                            if let Some(Some((shown_id, shown))) = shown {
                                if *shown_id == changed.id {
                                    *shown = Ok(changed.deal.clone());
                                }
                            }
                        });
                        state.deals.refetch();
                    }
                    Err(error) => session.report(error),
                }
                (before.id, answer.map(|sent| sent.deal))
            }
        });
        Self {
            deal,
            change_status,
        }
    }
}

/// One deal with all its fields, and the actions that move it forward.
#[component]
pub fn DealDetail(state: WorkspaceState, id: String) -> impl IntoView {
    let open = OpenDeal::of(state);
    // A refusal belongs to the visit in which it happened.
    open.change_status.value().set(None);
    let shown_id = id.clone();
    let shown = move || {
        open.deal.with(|loaded| match loaded {
            Some(Some((loaded_id, answer))) if *loaded_id == shown_id => Some(answer.clone()),
            _ => None,
        })
    };
    let pending = Memo::new(move |_| open.deal.in_flight.get() > 0);
    let waiting = waiting(
        Arc::new(move || pending.get()),
        Arc::new(move || open.deal.cancel()),
        Arc::new(move || open.deal.refetch()),
        false,
    );
    view! {
        <article class="deal-detail" aria-live="polite">
            <button part="button secondary-button" type="button" class="secondary back" on:click=move |_| state.screen.try_set(Screen::List)>
                "Back to list"
            </button>
            {waiting}
            {move || match shown() {
                None if pending.get() => view! { <p class="status">"Loading deal…"</p> }.into_any(),
                None => ().into_any(),
                Some(Err(ApiError::NotFound { .. })) => {
                    view! { <p class="error" part="error" role="alert">"Deal not found"</p> }.into_any()
                }
                Some(Err(ApiError::RateLimited { error, retry_after_seconds })) => view! {
                    <RateLimitWait error retry_after_seconds retry=move || open.deal.refetch() />
                }
                .into_any(),
                Some(Err(error)) => view! {
                    <div class="error" part="error" role="alert">
                        <p>{error.to_string()}</p>
                        <button part="button" type="button" on:click=move |_| open.deal.refetch()>"Retry"</button>
                    </div>
                }
                .into_any(),
                Some(Ok(deal)) => view! {
                    <DealFields deal=deal.clone() />
                    <DealActions deal state change_status=open.change_status />
                }
                .into_any(),
            }}
        </article>
    }
}

#[component]
fn DealFields(deal: Deal) -> impl IntoView {
    let optional = |text: Option<String>| text.unwrap_or_else(|| "—".to_owned());
    let contact = deal.contact;
    view! {
        <h3>{deal.title}</h3>
        <dl class="deal-fields">
            <dt>"Value"</dt>
            <dd>{format::money(deal.value, &deal.currency)}</dd>
            <dt>"Status"</dt>
            <dd><span class=format!("badge {}", deal.status)>{deal.status.as_str()}</span></dd>
            <dt>"Stage"</dt>
            <dd>{optional(deal.stage)}</dd>
            <dt>"Priority"</dt>
            <dd>{deal.priority.as_str()}</dd>
            <dt>"Probability"</dt>
            <dd>{optional(deal.probability.map(format::percent))}</dd>
            <dt>"Description"</dt>
            <dd class="description">{optional(deal.description)}</dd>
            <dt>"Source"</dt>
            <dd>{optional(deal.source)}</dd>
            <dt>"Contact"</dt>
            <dd>{optional(contact.as_ref().map(|contact| contact.name.clone()))}</dd>
            <dt>"Contact email"</dt>
            <dd>{optional(contact.as_ref().and_then(|contact| contact.email.clone()))}</dd>
            <dt>"Contact phone"</dt>
            <dd>{optional(contact.and_then(|contact| contact.phone_number))}</dd>
            <dt>"Assigned to"</dt>
            <dd>{optional(deal.assigned_to.map(|user| user.name))}</dd>
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
    state: WorkspaceState,
    change_status: Action<(Deal, StatusChange), StatusAnswer>,
) -> impl IntoView {
    let events = expect_context::<Session>().events();
    let close_date = RwSignal::new(format::local_input_now());
    let close_date_error = RwSignal::new(None::<String>);
    let new_stage = RwSignal::new(deal.stage.clone().unwrap_or_default());
    let stage_error = RwSignal::new(None::<String>);
    let busy = change_status.pending();
    let is_open = deal.status == DealStatus::Open;
    let shown = StoredValue::new(deal);
    let refusal = move || {
        if busy.get() {
            return None;
        }
        change_status.value().with(|answer| match answer {
            Some((answered_id, Err(error))) if shown.with_value(|deal| deal.id == *answered_id) => {
                Some(error.to_string())
            }
            _ => None,
        })
    };
    // The host page may refuse the change: then nothing is sent.
    let send = move |change: StatusChange| {
        let before = shown.get_value();
        if events.may_change(&before, &change) {
            change_status.dispatch_local((before, change));
        }
    };
    let close = move |status: DealStatus| {
        let Some(instant) = format::local_input_to_utc(&close_date.get_untracked()) else {
            close_date_error.set(Some("Enter the date and time the deal closed.".to_owned()));
            return;
        };
        close_date_error.set(None);
        send(StatusChange {
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
        send(StatusChange {
            stage: Some(stage),
            ..StatusChange::default()
        });
    };
    view! {
        <section class="deal-actions" aria-label="Move this deal forward">
            <p class="form-error" part="error" role="alert">{refusal}</p>
            <FieldShell label="Actual close date" id="isao-close-date" message=close_date_error let:wiring>
                <input
                    part="field"
                    id=wiring.id.clone()
                    type="datetime-local"
                    aria-describedby=wiring.error_id.clone()
                    aria-invalid=wiring.invalid()
                    prop:value=move || close_date.get()
                    on:input:target=move |event| close_date.set(event.target().value())
                />
            </FieldShell>
            <div class="form-actions">
                <button part="button" type="button" disabled=move || busy.get() || !is_open on:click=move |_| close(DealStatus::Won)>
                    "Mark won"
                </button>
                <button part="button" type="button" disabled=move || busy.get() || !is_open on:click=move |_| close(DealStatus::Lost)>
                    "Mark lost"
                </button>
            </div>
            <form class="stage-change" on:submit=move |event| { event.prevent_default(); change_stage(); }>
                <FieldShell label="New stage" id="isao-new-stage" message=stage_error let:wiring>
                    <input
                        part="field"
                        id=wiring.id.clone()
                        type="text"
                        list="isao-stage-suggestions"
                        aria-describedby=wiring.error_id.clone()
                        aria-invalid=wiring.invalid()
                        prop:value=move || new_stage.get()
                        on:input:target=move |event| new_stage.set(event.target().value())
                    />
                </FieldShell>
                <StageSuggestions id="isao-stage-suggestions" stages=state.stages />
                <button part="button" type="submit" disabled=move || busy.get()>"Change stage"</button>
            </form>
        </section>
    }
}
