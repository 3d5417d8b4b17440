//! The board: every deal that matches the filters, one column per stage,
//! moved to another stage by dragging its card or by its Move button.

mod column;
mod drag;
mod move_prompt;
mod moves;
mod pointer;
mod sort;

use deals_i18n::Msg;
use leptos::ev::{KeyboardEvent, MouseEvent, PointerEvent};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use self::column::BoardColumn;
use self::move_prompt::MovePrompt;
use self::moves::Mover;
use self::pointer::CardDrag;
use self::sort::SortCards;
use crate::components::all_matching::AllMatching;
use crate::components::bulk::{selection_of, BulkBar};
use crate::components::clicked_deal::open_clicked_deal;
use crate::components::state::WorkspaceState;
use crate::format;
use crate::pipeline::{self, Column, MoveTarget};
use crate::selection::Selection;
use crate::url_state::DealsView;
use crate::words::Words;

/// Every deal that matches the filters, one column per stage.
#[component]
pub(super) fn Board(state: WorkspaceState, all: AllMatching) -> impl IntoView {
    let idle_threshold = state.idle_days;
    let now = format::now();
    let columns = grouped_columns(all);
    let links = StoredValue::new_local(state.deal_links(DealsView::Board));
    let link_to = move |id: &str| links.with_value(|links| links.to(id));

    let board = NodeRef::<Div>::new();
    let mover = Mover::new(all, columns, board);
    mover.keep_focus_through_answers();
    let drag = CardDrag::new();
    let (pinned, drag_over, words) = (mover.pinned, drag.over, mover.words);
    let selection = selection_of(state);
    // A deal that leaves the board (the filters, the search, another
    // client's change) leaves the selection, and its count says so; a deal
    // selected in the list may not have arrived yet while the load runs.
    Effect::new(move || {
        if all.progress.with(Option::is_some) {
            return;
        }
        let shown: Vec<String> = columns.with(|columns| {
            all.with_deals_untracked(|deals| {
                columns
                    .iter()
                    .flat_map(|column| &column.deals)
                    .filter_map(|&position| Some(deals.get(position)?.id.clone()))
                    .collect()
            })
        });
        let gone = selection.with_untracked(|selection| {
            selection
                .deals()
                .iter()
                .any(|deal| !shown.contains(&deal.id))
        });
        if gone {
            selection.try_update(|selection| {
                selection.keep_shown(|id| shown.iter().any(|each| each == id))
            });
        }
    });
    let on_click = move |event: MouseEvent| {
        if drag.click_ends_drag() {
            event.prevent_default();
        } else if let Some(id) = clicked_move_button(&event) {
            mover.ask_where(&id);
        } else {
            open_clicked_deal(&event, state.screen);
        }
    };
    let stages = move || {
        columns.with(|columns| {
            columns
                .iter()
                .filter_map(|column| column.stage.clone())
                .collect::<Vec<_>>()
        })
    };

    view! {
        <div class="board-tools">
            {(idle_threshold != 0).then(|| view! {
                <label class="idle-only">
                    <input type="checkbox" prop:checked=move || state.idle.get() on:change:target=move |event| state.idle.try_set(event.target().checked()) />
                    " "{words.text(Msg::IdleOnly)}
                </label>
            })}
            <SortCards sort=state.sort words />
            <p class="visually-hidden" part="status" role="status" aria-live="polite">{move || mover.announcement.with(|said| said.as_ref().map(|said| said.in_words(words.now())))}</p>
        </div>
        <BulkBar state stages shown=move |id: &str| all.find(id) focus_moved=move |id, answered| {
            if answered { mover.focus_card_if_lost(id) } else { mover.focus_card(id) }
        } />
        <p class="form-error" part="error" role="alert">{move || mover.refusal()}</p>
        <div class="board-prompt">
            {move || mover.prompt.get().map(|asked| view! { <MovePrompt asked mover stages /> })}
        </div>
        // The Won and Lost zones follow the columns rather than float over
        // them: sticky to the bottom of the screen, they are in reach
        // however tall the columns are.
        <div
            class="board-area"
            node_ref=board
            on:click=on_click
            on:pointerdown=move |event: PointerEvent| drag.pointer_down(&event)
            on:pointermove=move |event: PointerEvent| drag.pointer_move(&event, mover)
            on:pointerup=move |event: PointerEvent| drag.pointer_up(&event, true, mover)
            on:pointercancel=move |event: PointerEvent| drag.pointer_up(&event, false, mover)
            on:keydown=move |event: KeyboardEvent| {
                if event.key() == "Escape" {
                    selection.try_update(Selection::clear);
                }
            }
        >
            <div class="board" class:dragging=move || drag.dragging.get()>
                <For
                    each=move || columns.with(|columns| columns.iter().map(|column| column.stage.clone()).collect::<Vec<_>>())
                    key=|stage| stage.clone()
                    let:stage
                >
                    <BoardColumn stage all columns drag_over pinned selection idle_threshold now link_to />
                </For>
            </div>
            {move || drag.dragging.get().then(|| view! { <CloseZones over=drag_over words /> })}
        </div>
    }
}

/// The deals of the load that the search finds in columns, in the sort's
/// order, by position: with thousands of deals, each copy of all of them is
/// felt.
fn grouped_columns(all: AllMatching) -> Memo<Vec<Column>> {
    Memo::new(move |_| {
        all.found.with(|found| {
            all.with_deals(|deals| match found {
                Some(found) => pipeline::columns(deals, found.iter().copied()),
                None => pipeline::columns(deals, 0..deals.len()),
            })
        })
    })
}

/// The deal of the card whose Move button was clicked.
fn clicked_move_button(event: &MouseEvent) -> Option<String> {
    event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest("button[data-move]")
        .ok()??
        .get_attribute("data-move")
}

/// Where a dragged card can be dropped to win or lose its deal.
#[component]
fn CloseZones(over: RwSignal<Option<MoveTarget>>, words: Words) -> impl IntoView {
    view! {
        <div class="close-zones">
            <div class="close-zone won" data-drop-close="won" class:drop-over=move || over.get() == Some(MoveTarget::Won)>
                {words.text(Msg::StatusWon)}
            </div>
            <div class="close-zone lost" data-drop-close="lost" class:drop-over=move || over.get() == Some(MoveTarget::Lost)>
                {words.text(Msg::StatusLost)}
            </div>
        </div>
    }
}
