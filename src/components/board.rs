use deals_contract::{Deal, StatusChange};
use leptos::ev::{KeyboardEvent, MouseEvent, PointerEvent};
use leptos::html::Div;
use leptos::leptos_dom::helpers::request_animation_frame;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot};

use super::all_matching::AllMatching;
use super::clicked_deal::open_clicked_deal;
use super::state::WorkspaceState;
use crate::format;
use crate::pipeline::{
    self, expected_after, move_change, reopens, stage_label, Column, MoveTarget,
};
use crate::totals::currency_totals;
use crate::url_state::DealsView;

/// How far the pointer travels before a press on a card becomes a drag, so
/// that a click on its title still opens the deal.
const DRAG_THRESHOLD_PX: f64 = 6.0;

/// Cards a column shows at first and at each "Show more": 2,449 cards drawn
/// at once held the page for 0.6 s in one task; 25 a column keep the
/// board's load near 60 ms of work at a time (`e2e/bench-board.mjs`).
const CARDS_PER_STEP: usize = 25;

/// A card being pressed or dragged.
struct Drag {
    id: String,
    pointer_id: i32,
    start: (f64, f64),
    card: HtmlElement,
    active: bool,
}

/// A question the board asks before it moves a deal.
#[derive(Clone)]
enum Prompt {
    /// Where to move this deal: the keyboard's way to do what a drag does.
    MoveTo(Deal),
    /// Reopen this won or lost deal to move it to an open stage?
    Reopen(Deal, MoveTarget, StatusChange),
}

/// Every deal that matches the filters, one column per stage.
#[component]
pub(super) fn Board(state: WorkspaceState, all: AllMatching) -> impl IntoView {
    let idle_threshold = state.idle_days;
    let now = format::now();
    let idle_only = RwSignal::new(false);
    // Grouped straight from the load: with thousands of deals, each copy
    // and comparison of all of them is felt.
    let columns = Memo::new(move |_| {
        let idle_only = idle_only.get();
        all.loaded.with(|loaded| {
            let deals = match loaded {
                Some(Ok(loaded)) => loaded.deals.as_slice(),
                _ => &[],
            };
            if idle_only {
                let idle: Vec<Deal> = deals
                    .iter()
                    .filter(|deal| pipeline::idle_days(deal, now, idle_threshold).is_some())
                    .cloned()
                    .collect();
                pipeline::columns(&idle)
            } else {
                pipeline::columns(deals)
            }
        })
    });
    let links = StoredValue::new_local(state.deal_links(DealsView::Board));
    let link_to = move |id: &str| links.with_value(|links| links.to(id));

    let board = NodeRef::<Div>::new();
    let announcement = RwSignal::new(String::new());
    let prompt = RwSignal::new(None::<Prompt>);
    let dragging = RwSignal::new(false);
    let drag_over = RwSignal::new(None::<MoveTarget>);
    let drag = StoredValue::new_local(None::<Drag>);
    let click_after_drag = StoredValue::new(false);
    let pinned = RwSignal::new(Vec::<String>::new());

    // A visit to the board starts without the refusal of an earlier one.
    all.move_deal.value().set(None);
    let focus_card = move |id: String| {
        request_animation_frame(move || {
            if let Some(card) = board
                .try_get_untracked()
                .flatten()
                .and_then(|board| find_card(&board, &id))
            {
                let _ = card.focus();
            }
        });
    };
    let perform = move |deal: Deal, change: StatusChange| {
        let moved = expected_after(&deal, &change);
        let id = deal.id.clone();
        all.show(&moved);
        all.hold(&id);
        // A card moved past the cards its new column shows is shown anyway.
        pinned.update(|pinned| {
            if !pinned.contains(&id) {
                pinned.push(id.clone());
            }
        });
        all.move_deal.dispatch_local((deal, change));
        let place = columns.with_untracked(|columns| {
            columns.iter().find_map(|column| {
                let index = column.deals.iter().position(|card| card.id == id)?;
                Some((column.stage.clone(), index + 1, column.deals.len()))
            })
        });
        if let Some((stage, position, size)) = place {
            announcement.set(format!(
                "Moved {} to {}, position {position} of {size}",
                moved.title,
                stage_label(stage.as_deref())
            ));
        }
        focus_card(id);
    };
    let request_move = move |id: &str, target: MoveTarget| {
        let Some(deal) = all.find(id) else {
            return;
        };
        match move_change(&deal, &target, format::now()) {
            None => announcement.set(format!(
                "{} is already in {}",
                deal.title,
                stage_label(Some(target.stage()))
            )),
            Some(change) if reopens(&deal, &change) => {
                prompt.set(Some(Prompt::Reopen(deal, target, change)));
                focus_prompt(board);
            }
            Some(change) => perform(deal, change),
        }
    };

    let end_drag = move |event: &PointerEvent, drop: bool| {
        let Some(ended) = drag.try_update_value(|drag| drag.take()).flatten() else {
            return;
        };
        if !ended.active {
            return;
        }
        all.release(&ended.id);
        click_after_drag.set_value(true);
        let _ = ended.card.style().remove_property("transform");
        let _ = ended.card.class_list().remove_1("dragging");
        let _ = ended.card.release_pointer_capture(event.pointer_id());
        let target = drag_over.get_untracked();
        dragging.set(false);
        drag_over.set(None);
        match target {
            Some(target) if drop => request_move(&ended.id, target),
            _ => focus_card(ended.id),
        }
    };
    let on_pointerdown = move |event: PointerEvent| {
        click_after_drag.set_value(false);
        if event.button() != 0 {
            return;
        }
        let Some(pressed) = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
        else {
            return;
        };
        if matches!(pressed.closest("button, select, input"), Ok(Some(_))) {
            return;
        }
        let card = pressed
            .closest(".card[data-deal-id]")
            .ok()
            .flatten()
            .and_then(|card| card.dyn_into::<HtmlElement>().ok());
        let Some((card, id)) = card
            .and_then(|card| Some((card.get_attribute("data-deal-id")?, card)))
            .map(|(id, card)| (card, id))
        else {
            return;
        };
        drag.set_value(Some(Drag {
            id,
            pointer_id: event.pointer_id(),
            start: (f64::from(event.client_x()), f64::from(event.client_y())),
            card,
            active: false,
        }));
    };
    let on_pointermove = move |event: PointerEvent| {
        let point = (f64::from(event.client_x()), f64::from(event.client_y()));
        let started = drag.try_update_value(|drag| {
            let drag = drag
                .as_mut()
                .filter(|drag| drag.pointer_id == event.pointer_id())?;
            let (dx, dy) = (point.0 - drag.start.0, point.1 - drag.start.1);
            let starting = !drag.active && dx.hypot(dy) >= DRAG_THRESHOLD_PX;
            if starting {
                drag.active = true;
                let _ = drag.card.set_pointer_capture(drag.pointer_id);
                let _ = drag.card.class_list().add_1("dragging");
            }
            if drag.active {
                // Whole pixels, as the pointer reports them: written as
                // integers, they keep Rust's float formatting out of the download.
                let (dx, dy) = (dx as i32, dy as i32);
                let _ = drag
                    .card
                    .style()
                    .set_property("transform", &format!("translate({dx}px, {dy}px)"));
            }
            Some((drag.active, starting.then(|| drag.id.clone())))
        });
        let Some(Some((true, starting))) = started else {
            return;
        };
        event.prevent_default();
        if let Some(id) = starting {
            all.hold(&id);
            dragging.set(true);
        }
        let over = board
            .get_untracked()
            .and_then(|board| drop_target_at(&board, point));
        if drag_over.with_untracked(|current| *current != over) {
            drag_over.set(over);
        }
    };
    let on_click = move |event: MouseEvent| {
        if click_after_drag.get_value() {
            click_after_drag.set_value(false);
            event.prevent_default();
            return;
        }
        let move_button = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|clicked| clicked.closest("button[data-move]").ok().flatten())
            .and_then(|button| button.get_attribute("data-move"));
        if let Some(id) = move_button {
            if let Some(deal) = all.find(&id) {
                prompt.set(Some(Prompt::MoveTo(deal)));
                focus_prompt(board);
            }
            return;
        }
        open_clicked_deal(&event, state.screen);
    };
    let close_prompt = move || {
        let asked_about = prompt.with_untracked(|prompt| match prompt {
            Some(Prompt::MoveTo(deal) | Prompt::Reopen(deal, ..)) => Some(deal.id.clone()),
            None => None,
        });
        prompt.set(None);
        if let Some(id) = asked_about {
            focus_card(id);
        }
    };
    let refusal = move || {
        if all.move_deal.pending().get() {
            return None;
        }
        all.move_deal.value().with(|answer| match answer {
            Some((before, Err(error))) => Some(format!("{} was not moved: {error}", before.title)),
            _ => None,
        })
    };
    // The API's answer replaces the moved card's element: keep focus on it.
    Effect::new(move |seen: Option<()>| {
        let answered = all
            .move_deal
            .value()
            .with(|answer| answer.as_ref().map(|(before, _)| before.id.clone()));
        if let (Some(()), Some(id)) = (seen, answered) {
            request_animation_frame(move || {
                if let Some(board) = board.try_get_untracked().flatten() {
                    if focus_is_lost(&board) {
                        if let Some(card) = find_card(&board, &id) {
                            let _ = card.focus();
                        }
                    }
                }
            });
        }
    });
    let stage_names = move || {
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
                    <input type="checkbox" prop:checked=move || idle_only.get() on:change:target=move |event| idle_only.set(event.target().checked()) />
                    " Idle only"
                </label>
            })}
            <p class="visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
        </div>
        <p class="form-error" role="alert">{refusal}</p>
        <div class="board-prompt">
            {move || prompt.get().map(|asked| match asked {
                Prompt::MoveTo(deal) => {
                    let id = StoredValue::new(deal.id.clone());
                    let choose = move |target: MoveTarget| {
                        prompt.set(None);
                        request_move(&id.get_value(), target);
                    };
                    view! {
                        <div class="move-prompt" role="group" aria-label=format!("Move {}", deal.title) on:keydown=move |event: KeyboardEvent| if event.key() == "Escape" { close_prompt() }>
                            <p>{format!("Move “{}” to:", deal.title)}</p>
                            <div class="form-actions">
                                {stage_names()
                                    .into_iter()
                                    .map(|stage| {
                                        let label = stage_label(Some(&stage));
                                        view! {
                                            <button type="button" class="secondary" on:click=move |_| choose(MoveTarget::Stage(stage.clone()))>
                                                {label}
                                            </button>
                                        }
                                    })
                                    .collect_view()}
                                <button type="button" on:click=move |_| choose(MoveTarget::Won)>"Won"</button>
                                <button type="button" on:click=move |_| choose(MoveTarget::Lost)>"Lost"</button>
                                <button type="button" class="secondary" on:click=move |_| close_prompt()>"Cancel"</button>
                            </div>
                        </div>
                    }
                    .into_any()
                }
                Prompt::Reopen(deal, target, change) => {
                    let question = format!(
                        "“{}” is {}. Reopen it and move it to {}?",
                        deal.title,
                        deal.status,
                        stage_label(Some(target.stage()))
                    );
                    let confirmed = StoredValue::new(Some((deal, change)));
                    view! {
                        <div class="move-prompt" role="group" aria-label="Reopen deal" on:keydown=move |event: KeyboardEvent| if event.key() == "Escape" { close_prompt() }>
                            <p>{question}</p>
                            <div class="form-actions">
                                <button type="button" on:click=move |_| {
                                    prompt.set(None);
                                    if let Some((deal, change)) = confirmed.try_update_value(Option::take).flatten() {
                                        perform(deal, change);
                                    }
                                }>"Reopen and move"</button>
                                <button type="button" class="secondary" on:click=move |_| close_prompt()>"Cancel"</button>
                            </div>
                        </div>
                    }
                    .into_any()
                }
            })}
        </div>
        // The Won and Lost zones follow the columns rather than float over
        // them: sticky to the bottom of the screen, they are in reach
        // however tall the columns are.
        <div
            class="board-area"
            node_ref=board
            on:click=on_click
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=move |event: PointerEvent| end_drag(&event, true)
            on:pointercancel=move |event: PointerEvent| end_drag(&event, false)
        >
            <div class="board" class:dragging=move || dragging.get()>
                <For
                    each=move || columns.with(|columns| columns.iter().map(|column| column.stage.clone()).collect::<Vec<_>>())
                    key=|stage| stage.clone()
                    let:stage
                >
                    <BoardColumn stage columns drag_over pinned idle_threshold now link_to />
                </For>
            </div>
            {move || dragging.get().then(|| view! {
                <div class="close-zones">
                    <div class="close-zone won" data-drop-close="won" class:drop-over=move || drag_over.get() == Some(MoveTarget::Won)>
                        "Won"
                    </div>
                    <div class="close-zone lost" data-drop-close="lost" class:drop-over=move || drag_over.get() == Some(MoveTarget::Lost)>
                        "Lost"
                    </div>
                </div>
            })}
        </div>
    }
}

#[component]
fn BoardColumn(
    stage: Option<String>,
    columns: Memo<Vec<Column>>,
    drag_over: RwSignal<Option<MoveTarget>>,
    /// Cards moved on this board, shown wherever they fall in their column.
    pinned: RwSignal<Vec<String>>,
    idle_threshold: u32,
    now: chrono::DateTime<chrono::Utc>,
    link_to: impl Fn(&str) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let label = stage_label(stage.as_deref());
    let heading_id = format!("isao-column-{}", stage.as_deref().unwrap_or("none"));
    let labelled_by = heading_id.clone();
    let target = stage.clone().map(MoveTarget::Stage);
    let is_over = {
        let target = target.clone();
        move || target.is_some() && drag_over.with(|over| *over == target)
    };
    let stage_key = StoredValue::new(stage.clone());
    let limit = RwSignal::new(CARDS_PER_STEP);
    let shown_cards = move || {
        let limit = limit.get();
        pinned.with(|pinned| {
            column_cards(columns, stage_key, |cards| {
                cards
                    .iter()
                    .enumerate()
                    .filter(|(index, deal)| *index < limit || pinned.contains(&deal.id))
                    .map(|(_, deal)| deal.clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    let size = move || column_cards(columns, stage_key, <[Deal]>::len);
    let show_more = move || {
        let hidden = size().saturating_sub(limit.get());
        (hidden > 0).then(|| {
            view! {
                <button type="button" class="secondary show-more" on:click=move |_| limit.update(|limit| *limit += CARDS_PER_STEP)>
                    {format!("Show {} more", format::count(hidden.min(CARDS_PER_STEP) as f64))}
                </button>
            }
        })
    };
    let count = move || match size() {
        1 => "1 deal".to_owned(),
        size => format!("{} deals", format::count(size as f64)),
    };
    let totals = move || {
        column_cards(columns, stage_key, |cards| currency_totals(cards))
            .into_iter()
            .map(|total| {
                view! {
                    <li>
                        {format::money(total.value, &total.currency)}
                        <span class="weighted">{format!(" · weighted {}", format::money(total.weighted_value, &total.currency))}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="board-column" class:drop-over=is_over data-drop-stage=stage aria-labelledby=labelled_by>
            <header>
                <h3 id=heading_id>{label}</h3>
                <p class="column-count">{count}</p>
                <ul class="column-totals">{totals}</ul>
            </header>
            <ol class="cards">
                <For
                    each=shown_cards
                    key=|deal| (deal.id.clone(), deal.updated_at, deal.status, deal.stage.clone())
                    let:deal
                >
                    <DealCard idle=pipeline::idle_days(&deal, now, idle_threshold) link=link_to(&deal.id) deal />
                </For>
            </ol>
            {show_more}
        </section>
    }
}

/// Reads the deals of the column of `stage` in place: with thousands of deals,
/// a copy of a column on each change is felt.
fn column_cards<R>(
    columns: Memo<Vec<Column>>,
    stage: StoredValue<Option<String>>,
    read: impl FnOnce(&[Deal]) -> R,
) -> R {
    stage.with_value(|stage| {
        columns.with(|columns| {
            let column = columns.iter().find(|column| column.stage == *stage);
            read(column.map_or(&[], |column| column.deals.as_slice()))
        })
    })
}

#[component]
fn DealCard(deal: Deal, idle: Option<i64>, link: String) -> impl IntoView {
    let move_label = format!("Move {}", deal.title);
    let card_id = deal.id.clone();
    let closes = deal
        .expected_close_date
        .as_ref()
        .map(|date| format!("Closes {}", format::date(date)));
    let status = deal.status.is_closed().then(|| {
        view! { <span class=format!("badge {}", deal.status)>{deal.status.as_str()}</span> }
    });
    view! {
        <li class="card" data-deal-id=card_id tabindex="-1">
            <span class="card-grip" aria-hidden="true">"⠿"</span>
            <a class="card-title" href=link>{deal.title}</a>
            <p class="card-value">{format::money(deal.value, &deal.currency)} {status}</p>
            <p class="card-contact">{deal.contact.map(|contact| contact.name)}</p>
            <p class="card-meta">
                {closes}
                {deal.probability.map(|probability| format!(" · {}", format::percent(probability)))}
            </p>
            {idle.map(|days| view! { <p class="idle">{format!("Idle {days} days")}</p> })}
            <button type="button" class="secondary card-move" data-move=deal.id aria-label=move_label>
                "Move"
            </button>
        </li>
    }
}

/// The card of deal `id` on the board; compared by attribute, not by a CSS
/// selector, so no id can break the query.
fn find_card(board: &HtmlElement, id: &str) -> Option<HtmlElement> {
    let cards = board.query_selector_all(".card[data-deal-id]").ok()?;
    (0..cards.length())
        .filter_map(|index| cards.item(index)?.dyn_into::<HtmlElement>().ok())
        .find(|card| card.get_attribute("data-deal-id").as_deref() == Some(id))
}

/// The column or Won/Lost zone under a point. Compared by rectangles: the
/// dragged card itself is under the pointer, and the board may sit in a
/// shadow root, which `elementFromPoint` of the document does not see into.
fn drop_target_at(board: &HtmlElement, (x, y): (f64, f64)) -> Option<MoveTarget> {
    ["[data-drop-close]", "[data-drop-stage]"]
        .into_iter()
        .find_map(|selector| {
            let zones = board.query_selector_all(selector).ok()?;
            (0..zones.length())
                .filter_map(|index| zones.item(index)?.dyn_into::<Element>().ok())
                .find(|zone| {
                    let rect = zone.get_bounding_client_rect();
                    x >= rect.left() && x <= rect.right() && y >= rect.top() && y <= rect.bottom()
                })
        })
        .and_then(
            |zone| match zone.get_attribute("data-drop-close").as_deref() {
                Some("won") => Some(MoveTarget::Won),
                Some("lost") => Some(MoveTarget::Lost),
                _ => zone.get_attribute("data-drop-stage").map(MoveTarget::Stage),
            },
        )
}

/// Whether keyboard focus went nowhere, as when the focused card was
/// replaced by the API's version of it.
fn focus_is_lost(board: &HtmlElement) -> bool {
    let root = board.get_root_node();
    let active = match root.dyn_ref::<ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => board
            .owner_document()
            .and_then(|document| document.active_element()),
    };
    active.is_none_or(|active| active.tag_name().eq_ignore_ascii_case("body"))
}

/// Moves focus into the question the board just asked, once it is on screen.
fn focus_prompt(board: NodeRef<Div>) {
    request_animation_frame(move || {
        let first = board
            .try_get_untracked()
            .flatten()
            .and_then(|board| board.previous_element_sibling())
            .and_then(|prompt| prompt.query_selector(".move-prompt button").ok().flatten())
            .and_then(|button| button.dyn_into::<HtmlElement>().ok());
        if let Some(first) = first {
            let _ = first.focus();
        }
    });
}
