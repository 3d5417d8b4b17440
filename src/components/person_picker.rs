//! A contact or user field of the new-deal form: a combobox in the ARIA 1.2
//! pattern (a text input that pops up a listbox), suggesting the people the
//! widget knows by name, email, company or id. Choosing one writes their id
//! into the field; an id typed by hand is kept as typed, and the line under
//! the field names whom the id belongs to.

use deals_contract::FieldErrors;
use deals_i18n::Msg;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use super::fields::{message_for, FieldShell};
use super::known_people::host_directory;
use super::later::Later;
use crate::people::{matching_in, People, Person};
use crate::session::Session;

/// How many suggestions the listbox shows at most: typing more narrows them.
const OFFERED: usize = 8;

/// `fields` that are there, one after the other with a dot between.
fn dotted<'a>(fields: impl IntoIterator<Item = Option<&'a String>>) -> String {
    let mut line = String::new();
    for field in fields.into_iter().flatten() {
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(field);
    }
    line
}

/// What the line under a picker says of the person its text names.
fn described(person: &Person) -> String {
    dotted([
        Some(&person.name),
        person.email.as_ref(),
        person.company.as_ref(),
    ])
}

/// The field `name` of the API (`contactId`, `assignedToId`), offering the
/// people of `seen` and of the host's directory under `list`.
#[component]
pub fn PersonPicker(
    label: Msg,
    name: &'static str,
    /// The host directory's list for this field: `contacts` or `users`.
    list: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    seen: Later<People>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let words = session.words();
    let message = message_for(errors, name);
    // Read again each time the field gets the focus: a host that changes its
    // directory is heard at the next visit of the field.
    let listed = RwSignal::new(host_directory(&session, list));
    let offered = Memo::new(move |_| {
        listed.with(|listed| {
            seen.with(|seen| value.with(|typed| matching_in(&[listed, seen], typed, OFFERED)))
        })
    });
    let named = move |id: &str| {
        listed
            .with(|listed| listed.find(id).map(described))
            .or_else(|| seen.with(|seen| seen.find(id).map(described)))
    };
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let expanded =
        Signal::derive(move || open.get() && offered.with(|offered| !offered.is_empty()));
    let close = move || {
        open.set(false);
        active.set(None);
    };
    let choose = move |index: usize| {
        if let Some(person) = offered.with_untracked(|offered| offered.get(index).cloned()) {
            value.set(person.id);
        }
        close();
    };
    let on_keydown = move |event: KeyboardEvent| {
        let count = offered.with_untracked(Vec::len);
        let key = event.key();
        match key.as_str() {
            "ArrowDown" | "ArrowUp" => {
                event.prevent_default();
                if count == 0 {
                    return;
                }
                let down = key == "ArrowDown";
                let next = match active.get_untracked().filter(|_| open.get_untracked()) {
                    Some(at) if down => (at + 1) % count,
                    Some(at) => (at + count - 1) % count,
                    None if down => 0,
                    None => count - 1,
                };
                open.set(true);
                active.set(Some(next));
            }
            "Enter" => {
                if let Some(at) = active.get_untracked().filter(|_| expanded.get_untracked()) {
                    // The choice, not the form's submission.
                    event.prevent_default();
                    choose(at);
                }
            }
            // Closes the suggestions; what was typed stays.
            "Escape" if expanded.get_untracked() => {
                event.prevent_default();
                close();
            }
            "Tab" => close(),
            _ => {}
        }
    };
    let id = format!("isao-field-{name}");
    let listbox_id = format!("{id}-options");
    let hint_id = format!("{id}-hint");
    let option_id = {
        let listbox_id = listbox_id.clone();
        move |index: usize| format!("{listbox_id}-{index}")
    };
    let active_option = {
        let option_id = option_id.clone();
        move || active.get().filter(|_| expanded.get()).map(&option_id)
    };
    let options = move || {
        offered.with(|offered| {
            offered
                .iter()
                .enumerate()
                .map(|(index, person)| {
                    let detail = dotted([
                        person.email.as_ref(),
                        person.company.as_ref(),
                        Some(&person.id),
                    ]);
                    // The options are few: all are drawn again when the active one changes.
                    let chosen = if active.get() == Some(index) { "true" } else { "false" };
                    view! {
                        <li role="option" part="option" id=option_id(index) aria-selected=chosen on:click=move |_| choose(index)>
                            <span class="person-name">{person.name.clone()}</span>
                            <span class="person-detail">{detail}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let hint = move || {
        let texts = words.now();
        value.with(|typed| {
            let typed = typed.trim();
            match named(typed) {
                Some(named) => named,
                None if !typed.is_empty() && offered.with(Vec::is_empty) => {
                    texts.get(Msg::NoOneKnownMatches).to_owned()
                }
                None => texts.get(Msg::PersonHint).to_owned(),
            }
        })
    };
    view! {
        <FieldShell label id=id message=message.0 english=message.1 let:wiring>
            <div class="combobox">
                <input
                    part="field"
                    id=wiring.id.clone()
                    name=name
                    role="combobox"
                    aria-autocomplete="list"
                    aria-expanded=move || if expanded.get() { "true" } else { "false" }
                    aria-controls=listbox_id.clone()
                    aria-activedescendant=active_option.clone()
                    // The browser's own suggestions would cover the listbox.
                    prop:autocomplete="off"
                    spellcheck="false"
                    aria-invalid=wiring.invalid()
                    aria-describedby=format!("{} {hint_id}", wiring.error_id)
                    prop:value=move || value.get()
                    on:input:target=move |event| {
                        value.set(event.target().value());
                        open.set(true);
                        active.set(None);
                    }
                    on:keydown=on_keydown
                    on:focus=move |_| listed.set(host_directory(&session, list))
                    on:click=move |_| open.set(true)
                    on:blur=move |_| close()
                />
                // A press keeps the focus in the field; the click chooses.
                <ul
                    role="listbox"
                    part="listbox"
                    id=listbox_id.clone()
                    aria-label=words.text(label)
                    hidden=move || !expanded.get()
                    on:mousedown=|event| event.prevent_default()
                >
                    {options}
                </ul>
            </div>
            <p class="field-hint" id=hint_id.clone()>{hint}</p>
        </FieldShell>
    }
}
