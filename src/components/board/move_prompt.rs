//! The question the board asks before a move: where to move a deal (the
//! keyboard's way to do what a drag does), or whether to reopen a closed one.

use deals_contract::DealStatus;
use deals_i18n::Msg;
use leptos::ev::KeyboardEvent;
use leptos::html::Div;
use leptos::leptos_dom::helpers::request_animation_frame;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::moves::{Mover, Prompt};
use crate::pipeline::MoveTarget;

/// The question `asked`, with the focus on its first answer as it appears
/// and Escape to close it.
#[component]
pub(super) fn MovePrompt(
    asked: Prompt,
    mover: Mover,
    /// The board's stages, in column order.
    stages: impl Fn() -> Vec<String> + Send + Sync + 'static,
) -> impl IntoView {
    let group = NodeRef::<Div>::new();
    group.on_load(|group| {
        request_animation_frame(move || {
            let first = group
                .query_selector("button")
                .ok()
                .flatten()
                .and_then(|button| button.dyn_into::<HtmlElement>().ok());
            if let Some(first) = first {
                let _ = first.focus();
            }
        });
    });
    let on_keydown = move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            mover.close_prompt();
        }
    };
    let cancel = move |_| mover.close_prompt();
    let words = mover.words;
    match asked {
        Prompt::MoveTo(deal) => {
            let id = StoredValue::new(deal.id.clone());
            let choose = move |target: MoveTarget| {
                mover.prompt.set(None);
                mover.request(&id.get_value(), target);
            };
            let stage_buttons = move || {
                stages()
                    .into_iter()
                    .map(|stage| {
                        let label = words.now().stage(Some(&stage)).into_owned();
                        view! {
                            <button part="button secondary-button" type="button" class="secondary" on:click=move |_| choose(MoveTarget::Stage(stage.clone()))>
                                {label}
                            </button>
                        }
                    })
                    .collect_view()
            };
            let title = StoredValue::new(deal.title);
            let name = move || {
                title.with_value(|title| words.now().fill(Msg::MoveDeal, &[("title", title)]))
            };
            let question = move || {
                title.with_value(|title| words.now().fill(Msg::MoveDealTo, &[("title", title)]))
            };
            view! {
                <div class="move-prompt" role="group" aria-label=name node_ref=group on:keydown=on_keydown>
                    <p>{question}</p>
                    <div class="form-actions">
                        {stage_buttons}
                        <button part="button" type="button" on:click=move |_| choose(MoveTarget::Won)>{words.text(Msg::StatusWon)}</button>
                        <button part="button" type="button" on:click=move |_| choose(MoveTarget::Lost)>{words.text(Msg::StatusLost)}</button>
                        <button part="button secondary-button" type="button" class="secondary" on:click=cancel>{words.text(Msg::Cancel)}</button>
                    </div>
                </div>
            }
            .into_any()
        }
        Prompt::Reopen(deal, target, change) => {
            let asked = if deal.status == DealStatus::Won {
                Msg::ReopenWonDeal
            } else {
                Msg::ReopenLostDeal
            };
            let (title, stage) = (deal.title.clone(), target.stage().to_owned());
            let question = move || {
                let texts = words.now();
                texts.fill(
                    asked,
                    &[("title", &title), ("stage", &texts.stage(Some(&stage)))],
                )
            };
            let confirmed = StoredValue::new(Some((deal, change)));
            let reopen = move |_| {
                mover.prompt.set(None);
                if let Some((deal, change)) = confirmed.try_update_value(Option::take).flatten() {
                    mover.perform(deal, change);
                }
            };
            view! {
                <div class="move-prompt" role="group" aria-label=words.text(Msg::ReopenDeal) node_ref=group on:keydown=on_keydown>
                    <p>{question}</p>
                    <div class="form-actions">
                        <button part="button" type="button" on:click=reopen>{words.text(Msg::ReopenAndMove)}</button>
                        <button part="button secondary-button" type="button" class="secondary" on:click=cancel>{words.text(Msg::Cancel)}</button>
                    </div>
                </div>
            }
            .into_any()
        }
    }
}
