use deals_contract::FieldErrors;
use leptos::prelude::*;

/// A labelled text input with its message underneath, tied to the input
/// for assistive technology. `name` is the field's name in the API.
#[component]
pub fn TextField(
    label: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] list: Option<&'static str>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let input_id = format!("isao-field-{name}");
    let error_id = format!("isao-field-{name}-error");
    let message = move || errors.with(|errors| errors.get(name).cloned());
    view! {
        <div class="field">
            <label for=input_id.clone()>{label}</label>
            <input
                id=input_id
                name=name
                type=kind
                inputmode=inputmode
                list=list
                required=required
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input:target=move |event| value.set(event.target().value())
            />
            <p class="field-error" id=error_id>{message}</p>
        </div>
    }
}

/// A labelled multi-line text input, otherwise like [`TextField`].
#[component]
pub fn TextAreaField(
    label: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let input_id = format!("isao-field-{name}");
    let error_id = format!("isao-field-{name}-error");
    let message = move || errors.with(|errors| errors.get(name).cloned());
    view! {
        <div class="field field-wide">
            <label for=input_id.clone()>{label}</label>
            <textarea
                id=input_id
                name=name
                rows="3"
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || value.get()
                on:input:target=move |event| value.set(event.target().value())
            ></textarea>
            <p class="field-error" id=error_id>{message}</p>
        </div>
    }
}

/// A labelled choice among fixed options.
#[component]
pub fn SelectField(
    label: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    options: &'static [&'static str],
) -> impl IntoView {
    let input_id = format!("isao-field-{name}");
    let error_id = format!("isao-field-{name}-error");
    let message = move || errors.with(|errors| errors.get(name).cloned());
    view! {
        <div class="field">
            <label for=input_id.clone()>{label}</label>
            <select
                id=input_id
                name=name
                aria-invalid=move || message().is_some().to_string()
                aria-describedby=error_id.clone()
                on:change:target=move |event| value.set(event.target().value())
            >
                {options
                    .iter()
                    .map(|option| {
                        view! {
                            <option value=*option prop:selected=move || value.with(|value| value == option)>
                                {*option}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p class="field-error" id=error_id>{message}</p>
        </div>
    }
}
