//! The form fields: label, control and message laid out in one place, and
//! the stage suggestions every stage input offers.

use deals_contract::FieldErrors;
use deals_i18n::Msg;
use leptos::prelude::*;

use super::api_words::api_words;
use super::later::Later;
use super::rebuilt::rebuilt;
use crate::session::Session;

/// What a control needs to be tied to its label and its message, so that
/// assistive technology reads the message with the control.
pub struct ControlWiring {
    pub id: String,
    pub error_id: String,
    message: Signal<Option<String>>,
}

impl ControlWiring {
    /// The value of `aria-invalid`.
    pub fn invalid(&self) -> impl Fn() -> &'static str + Send + Sync + Clone + 'static {
        let message = self.message;
        move || {
            if message.with(Option::is_some) {
                "true"
            } else {
                "false"
            }
        }
    }
}

/// Label, control and message: the one place a field is laid out. The control
/// itself is the caller's, built from the wiring it is handed.
#[component]
pub fn FieldShell<V: IntoView + 'static>(
    label: Msg,
    #[prop(into)] id: String,
    #[prop(into)] message: Signal<Option<String>>,
    /// The API's own words, when `message` translates them.
    #[prop(optional, into)]
    english: Option<Signal<Option<String>>>,
    #[prop(optional)] wide: bool,
    children: impl FnOnce(ControlWiring) -> V,
) -> impl IntoView {
    let words = expect_context::<Session>().words();
    let error_id = format!("{id}-error");
    let control = children(ControlWiring {
        id: id.clone(),
        error_id: error_id.clone(),
        message,
    });
    view! {
        <div class=if wide { "field field-wide" } else { "field" }>
            <label for=id>{words.text(label)}</label>
            {control}
            <p class="field-error" id=error_id>
                {rebuilt(move || message.get().into_any())}
                {english.map(|english| rebuilt(move || english.get().map(api_words).into_any()))}
            </p>
        </div>
    }
}

/// The message the server or the shared rules gave for the field `name`, in
/// the widget's words, and the API's own when those translate them.
pub(super) fn message_for(
    errors: RwSignal<FieldErrors>,
    name: &'static str,
) -> (Signal<Option<String>>, Signal<Option<String>>) {
    let words = expect_context::<Session>().words();
    let said = Memo::new(move |_| {
        let texts = words.now();
        errors.with(|errors| {
            errors
                .get(name)
                .map(|message| texts.field_message(name, message))
        })
    });
    let text =
        Signal::derive(move || said.with(|said| said.as_ref().map(|said| said.text().to_owned())));
    let english =
        Signal::derive(move || said.with(|said| Some(said.as_ref()?.english()?.to_owned())));
    (text, english)
}

/// A labelled text input of the "New deal" form; `name` is the field's name
/// in the API.
#[component]
pub fn TextField(
    label: Msg,
    name: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] list: Option<&'static str>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let message = message_for(errors, name);
    view! {
        <FieldShell label id=format!("isao-field-{name}") message=message.0 english=message.1 let:wiring>
            <input
                part="field"
                id=wiring.id.clone()
                name=name
                type=kind
                inputmode=inputmode
                list=list
                required=required
                aria-invalid=wiring.invalid()
                aria-describedby=wiring.error_id
                prop:value=move || value.get()
                on:input:target=move |event| value.set(event.target().value())
            />
        </FieldShell>
    }
}

/// A labelled multi-line text input, otherwise like [`TextField`].
#[component]
pub fn TextAreaField(
    label: Msg,
    name: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let message = message_for(errors, name);
    view! {
        <FieldShell label id=format!("isao-field-{name}") message=message.0 english=message.1 wide=true let:wiring>
            <textarea
                part="field"
                id=wiring.id.clone()
                name=name
                rows="3"
                aria-invalid=wiring.invalid()
                aria-describedby=wiring.error_id
                prop:value=move || value.get()
                on:input:target=move |event| value.set(event.target().value())
            ></textarea>
        </FieldShell>
    }
}

/// A labelled choice among fixed options, each its value in the API and the
/// message that names it.
#[component]
pub fn SelectField(
    label: Msg,
    name: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    options: Vec<(&'static str, Msg)>,
) -> impl IntoView {
    let message = message_for(errors, name);
    let words = expect_context::<Session>().words();
    view! {
        <FieldShell label id=format!("isao-field-{name}") message=message.0 english=message.1 let:wiring>
            <select
                part="field"
                id=wiring.id.clone()
                name=name
                aria-invalid=wiring.invalid()
                aria-describedby=wiring.error_id
                on:change:target=move |event| value.set(event.target().value())
            >
                {options
                    .into_iter()
                    .map(|(option, name)| {
                        view! {
                            <option value=option prop:selected=move || value.with(|value| value == option)>
                                {words.text(name)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </FieldShell>
    }
}

/// The stages seen so far, offered to every stage input that names `id` in
/// its `list` attribute.
///
/// The options are rewritten in place when a stage is learned, not keyed
/// (`<For>`): they hold no state of their own, and keyed lists' code would
/// otherwise come with the first download for this list alone.
#[component]
pub fn StageSuggestions(id: &'static str, stages: Later<Vec<String>>) -> impl IntoView {
    let options = move || {
        stages.with(|stages| {
            stages
                .iter()
                .map(|stage| view! { <option value=stage.clone()></option> })
                .collect_view()
        })
    };
    view! { <datalist id=id>{options}</datalist> }
}
