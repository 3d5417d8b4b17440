//! One deal's screen, fetched the first time a deal opens (`on_demand`):
//! every field of the deal, and the actions that move it forward.

use deals_contract::{Deal, DealStatus, StatusChange};
use deals_i18n::Msg;
use leptos::prelude::*;
use std::sync::Arc;

use super::api_words::said_view;
use super::fields::{FieldShell, StageSuggestions};
use super::latest_answer::LatestAnswer;
use super::outbox::{Outbox, Settled};
use super::rate_limit::RateLimitWait;
use super::state::{Screen, WorkspaceState};
use super::waiting::waiting;
use crate::api::ApiError;
use crate::format;
use crate::pipeline::expected_after;
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
        // The change shows at once; undone or refused, the deal as it was
        // comes back.
        let outbox = Outbox::of(state);
        let change_status = Action::new_local(move |(before, change): &(Deal, StatusChange)| {
            show_open(deal, &expected_after(before, change));
            let settling = outbox.change(vec![(before.clone(), change.clone())], |_| {});
            let before = before.clone();
            async move {
                let answer = match settling.await {
                    Settled::Answered(mut answers) => answers
                        .pop()
                        .map_or(Ok(before.clone()), |(_, answer)| answer),
                    Settled::Undone => Ok(before.clone()),
                };
                show_open(deal, answer.as_ref().unwrap_or(&before));
                (before.id, answer)
            }
        });
        Self {
            deal,
            change_status,
        }
    }
}

/// Shows `changed` as the open deal, if it is the one open.
fn show_open(open: LatestAnswer<Option<(String, Result<Deal, ApiError>)>>, changed: &Deal) {
    open.try_update(|shown| {
        if let Some(Some((shown_id, shown))) = shown {
            if *shown_id == changed.id {
                *shown = Ok(changed.clone());
            }
        }
    });
}

/// One deal with all its fields, and the actions that move it forward.
#[component]
pub fn DealDetail(state: WorkspaceState, id: String) -> impl IntoView {
    let open = OpenDeal::of(state);
    // A refusal belongs to the visit in which it happened.
    open.change_status.value().set(None);
    let words = expect_context::<Session>().words();
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
                {words.text(Msg::BackToList)}
            </button>
            {waiting}
            {move || match shown() {
                None if pending.get() => view! { <p class="status">{words.text(Msg::LoadingDeal)}</p> }.into_any(),
                None => ().into_any(),
                Some(Err(ApiError::NotFound { .. })) => {
                    view! { <p class="error" part="error" role="alert">{words.text(Msg::DealNotFound)}</p> }.into_any()
                }
                Some(Err(ApiError::RateLimited { error, retry_after_seconds })) => view! {
                    <RateLimitWait error retry_after_seconds retry=move || open.deal.refetch() />
                }
                .into_any(),
                Some(Err(error)) => view! {
                    <div class="error" part="error" role="alert">
                        <p>{said_view(words.now().api_error(&error))}</p>
                        <button part="button" type="button" on:click=move |_| open.deal.refetch()>{words.text(Msg::Retry)}</button>
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
    let words = expect_context::<Session>().words();
    let optional = |text: Option<String>| text.unwrap_or_else(|| "—".to_owned());
    let contact = deal.contact;
    let (status, priority, stage) = (deal.status, deal.priority, deal.stage);
    // A deal without a stage shows the dash of every empty field.
    let stage = move || match &stage {
        Some(stage) => words.now().stage(Some(stage)).into_owned(),
        None => "—".to_owned(),
    };
    view! {
        <h3>{deal.title}</h3>
        <dl class="deal-fields">
            <dt>{words.text(Msg::FieldValue)}</dt>
            <dd>{move || format::money(words.locale(), deal.value, &deal.currency)}</dd>
            <dt>{words.text(Msg::FieldStatus)}</dt>
            <dd><span class=format!("badge {}", status)>{move || words.now().status(status)}</span></dd>
            <dt>{words.text(Msg::FieldStage)}</dt>
            <dd>{stage}</dd>
            <dt>{words.text(Msg::FieldPriority)}</dt>
            <dd>{move || words.now().priority(priority)}</dd>
            <dt>{words.text(Msg::FieldProbability)}</dt>
            <dd>{optional(deal.probability.map(format::percent))}</dd>
            <dt>{words.text(Msg::FieldDescription)}</dt>
            <dd class="description">{optional(deal.description)}</dd>
            <dt>{words.text(Msg::FieldSource)}</dt>
            <dd>{optional(deal.source)}</dd>
            <dt>{words.text(Msg::FieldContact)}</dt>
            <dd>{optional(contact.as_ref().map(|contact| contact.name.clone()))}</dd>
            <dt>{words.text(Msg::ColumnContactCompany)}</dt>
            <dd>{optional(contact.as_ref().and_then(|contact| contact.current_company.clone()))}</dd>
            <dt>{words.text(Msg::FieldContactEmail)}</dt>
            <dd>{optional(contact.as_ref().and_then(|contact| contact.email.clone()))}</dd>
            <dt>{words.text(Msg::FieldContactPhone)}</dt>
            <dd>{optional(contact.and_then(|contact| contact.phone_number))}</dd>
            <dt>{words.text(Msg::FieldAssignedTo)}</dt>
            <dd>{optional(deal.assigned_to.map(|user| user.name))}</dd>
            <dt>{words.text(Msg::FieldExpectedCloseDate)}</dt>
            <dd>{move || optional(deal.expected_close_date.map(|date| format::date(words.locale(), &date)))}</dd>
            <dt>{words.text(Msg::FieldActualCloseDate)}</dt>
            <dd>{move || optional(deal.actual_close_date.map(|date| format::date_time(words.locale(), &date)))}</dd>
            <dt>{words.text(Msg::FieldCreated)}</dt>
            <dd>{move || format::date_time(words.locale(), &deal.created_at)}</dd>
            <dt>{words.text(Msg::FieldUpdated)}</dt>
            <dd>{move || format::date_time(words.locale(), &deal.updated_at)}</dd>
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
    let session = expect_context::<Session>();
    let (events, words) = (session.events(), session.words());
    let close_date = RwSignal::new(format::local_input_now());
    let close_date_error = RwSignal::new(None::<Msg>);
    let new_stage = RwSignal::new(deal.stage.clone().unwrap_or_default());
    let stage_error = RwSignal::new(None::<Msg>);
    // Kept as messages, put into words where shown: a change of language rewrites them.
    let in_words = move |problem: RwSignal<Option<Msg>>| {
        Signal::derive(move || problem.get().map(|msg| words.now().get(msg).to_owned()))
    };
    let busy = change_status.pending();
    let is_open = deal.status == DealStatus::Open;
    let shown = StoredValue::new(deal);
    let refusal = move || {
        if busy.get() {
            return None;
        }
        change_status.value().with(|answer| match answer {
            Some((answered_id, Err(error))) if shown.with_value(|deal| deal.id == *answered_id) => {
                Some(words.now().refusal(error).text().to_owned())
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
            close_date_error.set(Some(Msg::EnterCloseDate));
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
            stage_error.set(Some(Msg::EnterStage));
            return;
        }
        stage_error.set(None);
        send(StatusChange {
            stage: Some(stage),
            ..StatusChange::default()
        });
    };
    view! {
        <section class="deal-actions" aria-label=words.text(Msg::MoveDealForward)>
            <p class="form-error" part="error" role="alert">{refusal}</p>
            <FieldShell label=Msg::FieldActualCloseDate id="isao-close-date" message=in_words(close_date_error) let:wiring>
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
                    {words.text(Msg::MarkWon)}
                </button>
                <button part="button" type="button" disabled=move || busy.get() || !is_open on:click=move |_| close(DealStatus::Lost)>
                    {words.text(Msg::MarkLost)}
                </button>
            </div>
            <form class="stage-change" on:submit=move |event| { event.prevent_default(); change_stage(); }>
                <FieldShell label=Msg::NewStage id="isao-new-stage" message=in_words(stage_error) let:wiring>
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
                <button part="button" type="submit" disabled=move || busy.get()>{words.text(Msg::ChangeStage)}</button>
            </form>
        </section>
    }
}
