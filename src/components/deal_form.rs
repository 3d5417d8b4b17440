//! The "New deal" form, fetched the first time it opens (`on_demand`).

use deals_contract::{Deal, FieldErrors, NewDeal, Priority, CONTACT_NOT_FOUND, USER_NOT_FOUND};
use deals_i18n::Msg;
use leptos::ev::{self, SubmitEvent};
use leptos::prelude::*;
use leptos::reactive::actions::ActionAbortHandle;
use std::sync::Arc;

use super::fields::{SelectField, StageSuggestions, TextAreaField, TextField};
use super::known_people::KnownPeople;
use super::person_picker::PersonPicker;
use super::state::{learn_stage, Screen, WorkspaceState};
use super::waiting::waiting;
use crate::api::ApiError;
use crate::draft::DealDraft;
use crate::session::Session;
use crate::words::priority_message;

/// The new deal's request. The workspace keeps it, so leaving the form while
/// it is on its way is safe: the list still learns of the new deal. Its
/// abort handle stops the request when the user gives up waiting.
#[derive(Clone, Copy)]
struct CreateDeal(
    Action<NewDeal, Result<Deal, ApiError>>,
    StoredValue<Option<ActionAbortHandle>>,
);

fn create_deal(state: WorkspaceState) -> CreateDeal {
    state.made_once(|| {
        let session = expect_context::<Session>();
        let events = session.events();
        let create = Action::new_local(move |new_deal: &NewDeal| {
            let (client, session, new_deal) =
                (state.client.get_value(), session.clone(), new_deal.clone());
            async move {
                let answer = client.create_deal(&new_deal).await;
                match &answer {
                    Ok(created) => {
                        session.draft().forget();
                        events.deal_created(created);
                        learn_stage(state.stages, created);
                        state.deals.refetch();
                        // Only a user still waiting on the form is taken to the new deal.
                        if state.screen.try_get_untracked() == Some(Screen::NewDeal) {
                            state.screen.try_set(Screen::Deal(created.id.clone()));
                        }
                    }
                    Err(error) => session.report(error),
                }
                answer.map(|sent| sent.deal)
            }
        });
        CreateDeal(create, StoredValue::new(None))
    })
}

/// One signal per field of the form, so each input keeps what was typed.
#[derive(Clone, Copy)]
struct DraftFields {
    title: RwSignal<String>,
    value: RwSignal<String>,
    currency: RwSignal<String>,
    stage: RwSignal<String>,
    priority: RwSignal<String>,
    probability: RwSignal<String>,
    expected_close_date: RwSignal<String>,
    source: RwSignal<String>,
    contact_id: RwSignal<String>,
    assigned_to_id: RwSignal<String>,
    description: RwSignal<String>,
}

impl DraftFields {
    fn new(draft: DealDraft) -> Self {
        Self {
            title: RwSignal::new(draft.title),
            value: RwSignal::new(draft.value),
            currency: RwSignal::new(draft.currency),
            stage: RwSignal::new(draft.stage),
            priority: RwSignal::new(draft.priority),
            probability: RwSignal::new(draft.probability),
            expected_close_date: RwSignal::new(draft.expected_close_date),
            source: RwSignal::new(draft.source),
            contact_id: RwSignal::new(draft.contact_id),
            assigned_to_id: RwSignal::new(draft.assigned_to_id),
            description: RwSignal::new(draft.description),
        }
    }

    /// What the fields hold; `tracked` subscribes the running effect to each.
    fn snapshot(&self, tracked: bool) -> DealDraft {
        let read = |field: RwSignal<String>| {
            if tracked {
                field.get()
            } else {
                field.get_untracked()
            }
        };
        DealDraft {
            title: read(self.title),
            value: read(self.value),
            currency: read(self.currency),
            stage: read(self.stage),
            priority: read(self.priority),
            probability: read(self.probability),
            expected_close_date: read(self.expected_close_date),
            source: read(self.source),
            contact_id: read(self.contact_id),
            assigned_to_id: read(self.assigned_to_id),
            description: read(self.description),
        }
    }
}

/// Where a refusal of the server belongs: 422 details name their fields; the
/// 400s for an unknown contact or user belong to the id that was typed.
fn errors_by_field(error: &ApiError) -> FieldErrors {
    match error {
        ApiError::BadRequest { error: text, .. } if text == CONTACT_NOT_FOUND => {
            FieldErrors::from([("contactId", text.clone())])
        }
        ApiError::BadRequest { error: text, .. } if text == USER_NOT_FOUND => {
            FieldErrors::from([("assignedToId", text.clone())])
        }
        _ => error.field_errors(),
    }
}

/// Why the form says the deal was not made: kept as the message or the
/// server's answer, put into words where shown, so a change of language
/// rewrites it.
#[derive(Clone)]
enum Refusal {
    /// The widget's own words about the marked fields.
    Fields(Msg),
    /// An answer of the server that belongs to no field.
    Server(ApiError),
}

/// The "New deal" form: checks what the server checks before sending, and
/// puts every refusal next to its field.
#[component]
pub fn DealForm(state: WorkspaceState) -> impl IntoView {
    let CreateDeal(create, abort) = create_deal(state);
    // A refusal belongs to the visit of the form in which it happened.
    create.value().set(None);
    let session = expect_context::<Session>();
    let kept = session.draft();
    let fields = DraftFields::new(kept.load().unwrap_or_default());
    // Each keystroke is kept at once: leaving the form, a reload or a 401
    // loses nothing typed (`kept_draft.rs`). Effects run after the event
    // that set the field: a keystroke's effect may come after a Disconnect
    // in the same task, and keeps nothing then, that draft being dropped.
    let connected = session.clone();
    Effect::new(move |_| {
        let draft = fields.snapshot(true);
        if connected.is_connected() {
            kept.save(&draft);
        }
    });
    // Closing the tab would lose the draft (a reload would not): while
    // something is typed, the browser asks first.
    let unload_guard = window_event_listener(ev::beforeunload, move |event| {
        if fields.snapshot(false) != DealDraft::default() {
            event.prevent_default();
        }
    });
    on_cleanup(move || unload_guard.remove());
    let errors = RwSignal::new(FieldErrors::new());
    let form_error = RwSignal::new(None::<Refusal>);
    let words = session.words();
    Effect::new(move |_| {
        create.value().with(|answer| {
            if let Some(Err(error)) = answer {
                let by_field = errors_by_field(error);
                form_error.set(Some(if by_field.is_empty() {
                    Refusal::Server(error.clone())
                } else {
                    Refusal::Fields(Msg::DealNotCreated)
                }));
                errors.set(by_field);
            }
        })
    });
    let sending = create.pending();
    let stop_sending = move || {
        if let Some(handle) = abort.try_update_value(Option::take).flatten() {
            handle.abort();
        }
    };
    // A retry replaces the request under way; a second click of "Create
    // deal" before the first answer makes no second deal.
    let submit = move |retry: bool| {
        if retry {
            stop_sending();
        } else if sending.get_untracked() {
            return;
        }
        match fields.snapshot(false).validate() {
            Ok(new_deal) => {
                errors.set(FieldErrors::new());
                form_error.set(None);
                abort.set_value(Some(create.dispatch_local(new_deal)));
            }
            Err(problems) => {
                form_error.set(Some(Refusal::Fields(Msg::CorrectFields)));
                errors.set(problems);
            }
        }
    };
    let shown_error = move || {
        form_error.with(|refusal| match refusal {
            Some(Refusal::Fields(msg)) => Some(words.now().get(*msg).to_owned()),
            Some(Refusal::Server(error)) => Some(words.now().refusal(error).text().to_owned()),
            None => None,
        })
    };
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        submit(false);
    };
    let waiting = waiting(
        Arc::new(move || sending.get()),
        Arc::new(stop_sending),
        Arc::new(move || submit(true)),
        false,
    );
    let people = KnownPeople::shared(state);
    let priorities = Priority::ALL
        .map(|priority| (priority.as_str(), priority_message(priority)))
        .to_vec();
    view! {
        <form class="deal-form" aria-labelledby="isao-new-deal-heading" on:submit=on_submit novalidate>
            <h3 id="isao-new-deal-heading">{words.text(Msg::NewDeal)}</h3>
            <p class="form-error" part="error" role="alert">{shown_error}</p>
            <div class="form-grid">
                <TextField label=Msg::FieldTitle name="title" value=fields.title errors required=true />
                <TextField label=Msg::FieldValue name="value" value=fields.value errors inputmode="decimal" required=true />
                <TextField label=Msg::FieldCurrency name="currency" value=fields.currency errors />
                <TextField label=Msg::FieldStage name="stage" value=fields.stage errors list="isao-stage-options" />
                <SelectField label=Msg::FieldPriority name="priority" value=fields.priority errors options=priorities />
                <TextField label=Msg::FieldProbability name="probability" value=fields.probability errors inputmode="numeric" />
                <TextField label=Msg::FieldExpectedCloseDate name="expectedCloseDate" value=fields.expected_close_date errors kind="date" />
                <TextField label=Msg::FieldSource name="source" value=fields.source errors />
                <PersonPicker label=Msg::FieldContact name="contactId" list="contacts" value=fields.contact_id errors seen=people.contacts />
                <PersonPicker label=Msg::FieldAssignedTo name="assignedToId" list="users" value=fields.assigned_to_id errors seen=people.users />
                <TextAreaField label=Msg::FieldDescription name="description" value=fields.description errors />
            </div>
            <StageSuggestions id="isao-stage-options" stages=state.stages />
            <div class="form-actions">
                <button part="button" type="submit" disabled=move || sending.get()>{words.text(Msg::CreateDeal)}</button>
                <button part="button secondary-button" type="button" class="secondary" on:click=move |_| state.screen.try_set(Screen::List)>{words.text(Msg::Cancel)}</button>
            </div>
            <p class="status" part="status" role="status" aria-live="polite">{move || sending.get().then(words.text(Msg::CreatingDeal))}</p>
            {waiting}
        </form>
    }
}
