//! Keyboard shortcuts: the keys, read in the first download
//! (`shortcuts.js`), and the list that "?" shows, a screen fetched on demand.

use deals_i18n::Msg;
use leptos::html::H3;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Event, KeyboardEvent, MouseEvent};

use super::state::WorkspaceState;
use crate::session::Session;

#[wasm_bindgen(module = "/src/components/shortcuts.js")]
extern "C" {
    /// Acts on a shortcut's key; says whether the list of shortcuts should
    /// show or hide ([`TOGGLE_LIST`]) or close ([`CLOSE_LIST`]).
    #[wasm_bindgen(js_name = keyboardShortcut)]
    fn keyboard_shortcut(event: &KeyboardEvent) -> u32;

    /// Gives the focus back to where it was when the list opened, in the
    /// widget where `event` happened.
    #[wasm_bindgen(js_name = focusBack)]
    fn focus_back(event: &Event);
}

const TOGGLE_LIST: u32 = 1;
const CLOSE_LIST: u32 = 2;

/// The widget's keydown: a shortcut acts; "?" shows or hides the list of
/// shortcuts, Escape hides it.
pub(super) fn on_shortcut_key(state: WorkspaceState, event: &KeyboardEvent) {
    let shown = state.shortcuts.get_untracked();
    let show = match keyboard_shortcut(event) {
        TOGGLE_LIST => !shown,
        CLOSE_LIST => false,
        _ => return,
    };
    state.shortcuts.try_set(show);
    if shown && !show {
        focus_back(event);
    }
}

/// The keys and what they do, with Close; its heading takes the focus, which
/// goes back where it was once the list closes.
#[component]
pub(super) fn ShortcutList(state: WorkspaceState) -> impl IntoView {
    let words = expect_context::<Session>().words();
    let heading = NodeRef::<H3>::new();
    Effect::new(move || {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let close = move |event: MouseEvent| {
        state.shortcuts.try_set(false);
        focus_back(&event);
    };
    let enter = words.text(Msg::KeyEnter);
    let keys: [(&[&str], Msg); 5] = [
        (&["/"], Msg::SearchDeals),
        (&["j", "↓"], Msg::ShortcutNextDeal),
        (&["k", "↑"], Msg::ShortcutPreviousDeal),
        (&[], Msg::ShortcutOpenDeal),
        (&["?"], Msg::KeyboardShortcuts),
    ];
    view! {
        <section class="shortcuts" aria-labelledby="isao-shortcuts">
            <h3 id="isao-shortcuts" tabindex="-1" node_ref=heading>{words.text(Msg::KeyboardShortcuts)}</h3>
            <dl>
                {keys
                    .into_iter()
                    .map(|(keys, does)| {
                        view! {
                            <div>
                                // No key written: the Enter key, named in the widget's language.
                                <dt>
                                    {keys.iter().map(|key| view! { <kbd>{*key}</kbd> }).collect_view()}
                                    {keys.is_empty().then(|| view! { <kbd>{enter}</kbd> })}
                                </dt>
                                <dd>{words.text(does)}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
            <button part="button secondary-button" type="button" class="secondary" on:click=close>
                {words.text(Msg::Close)}
            </button>
        </section>
    }
}
