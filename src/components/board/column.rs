//! One column of the board and its cards.

use deals_contract::Deal;
use deals_i18n::Msg;
use leptos::leptos_dom::helpers::request_animation_frame_with_handle;
use leptos::prelude::*;

use crate::components::all_matching::AllMatching;
use crate::components::later::Later;
use crate::format;
use crate::pipeline::{self, cards_to_draw, Column, MoveTarget, CARDS_PER_FRAME};
use crate::selection::Selection;
use crate::session::Session;
use crate::totals::currency_totals;

/// Cards a column shows at first and at each "Show more": thousands of cards
/// would be thousands of elements to draw and lay out; a few dozen a column
/// are drawn a few per frame (`e2e/bench-board.mjs` measures it).
const CARDS_PER_STEP: usize = 25;

/// The column of `stage`: its count, its totals per currency and its cards,
/// a step at a time, each drawn a few per frame.
#[component]
pub(super) fn BoardColumn(
    stage: Option<String>,
    all: AllMatching,
    columns: Memo<Vec<Column>>,
    drag_over: RwSignal<Option<MoveTarget>>,
    /// Cards moved on this board, shown wherever they fall in their column.
    pinned: RwSignal<Vec<String>>,
    /// The deals whose checkbox is ticked, to change at once.
    selection: Later<Selection>,
    idle_threshold: u32,
    now: chrono::DateTime<chrono::Utc>,
    link_to: impl Fn(&str) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let words = expect_context::<Session>().words();
    let heading_id = format!("isao-column-{}", stage.as_deref().unwrap_or("none"));
    let labelled_by = heading_id.clone();
    let target = stage.clone().map(MoveTarget::Stage);
    let is_over = {
        let target = target.clone();
        move || target.is_some() && drag_over.with(|over| *over == target)
    };
    let stage_key = StoredValue::new(stage.clone());
    let limit = RwSignal::new(CARDS_PER_STEP);
    let drawn = RwSignal::new(CARDS_PER_FRAME);
    let size = move || column_positions(columns, stage_key, <[usize]>::len);
    Effect::new(move |_| {
        let wanted = limit.get().min(size());
        if drawn.get() < wanted {
            let next_frame = request_animation_frame_with_handle(move || {
                drawn.try_update(|drawn| *drawn = cards_to_draw(*drawn, wanted));
            });
            // Not drawn once the column is gone or wants other cards.
            if let Ok(next_frame) = next_frame {
                on_cleanup(move || next_frame.cancel());
            }
        }
    });
    let shown_cards = move || {
        let drawn = drawn.get();
        pinned.with(|pinned| {
            column_cards(all, columns, stage_key, |deals, positions| {
                pipeline::shown_cards(deals, positions, drawn, pinned)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    };
    let show_more = move || {
        let hidden = size().saturating_sub(limit.get());
        (hidden > 0).then(|| {
            view! {
                <button part="button secondary-button" type="button" class="secondary show-more" on:click=move |_| limit.update(|limit| *limit += CARDS_PER_STEP)>
                    {move || words.now().count(Msg::ShowMore, hidden.min(CARDS_PER_STEP) as f64, &[])}
                </button>
            }
        })
    };
    let count = move || words.now().count(Msg::ColumnDeals, size() as f64, &[]);
    let label = move || stage_key.with_value(|stage| words.now().stage(stage.as_deref()));
    let totals = move || {
        let texts = words.now();
        column_cards(all, columns, stage_key, |deals, positions| {
            currency_totals(positions.iter().filter_map(|&position| deals.get(position)))
        })
            .into_iter()
            .map(|total| {
                view! {
                    <li>
                        {format::money(texts.lang().tag(), total.value, &total.currency)}
                        <span class="weighted">" · "{texts.fill(Msg::WeightedTotal, &[("amount", &format::money(texts.lang().tag(), total.weighted_value, &total.currency))])}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="board-column" part="column" class:drop-over=is_over data-drop-stage=stage aria-labelledby=labelled_by>
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
                    <DealCard idle=pipeline::idle_days(&deal, now, idle_threshold) link=link_to(&deal.id) selection deal />
                </For>
            </ol>
            {show_more}
        </section>
    }
}

/// Reads where the deals of the column of `stage` are among the loaded ones.
fn column_positions<R>(
    columns: Memo<Vec<Column>>,
    stage: StoredValue<Option<String>>,
    read: impl FnOnce(&[usize]) -> R,
) -> R {
    stage.with_value(|stage| {
        columns.with(|columns| {
            let column = columns.iter().find(|column| column.stage == *stage);
            read(column.map_or(&[], |column| column.deals.as_slice()))
        })
    })
}

/// Reads the loaded deals and the positions of the column's own among them,
/// in place: with thousands of deals, a copy of a column on each change is
/// felt. Tracks the deals too, not only the columns: a deal that changes
/// without leaving its column leaves the columns as they were.
fn column_cards<R>(
    all: AllMatching,
    columns: Memo<Vec<Column>>,
    stage: StoredValue<Option<String>>,
    read: impl FnOnce(&[Deal], &[usize]) -> R,
) -> R {
    column_positions(columns, stage, |positions| {
        all.with_deals(|deals| read(deals, positions))
    })
}

/// One deal on the board: a checkbox that selects it, a link to it, what it
/// is worth and when it should close, and a Move button for the keyboard.
#[component]
fn DealCard(
    deal: Deal,
    idle: Option<i64>,
    link: String,
    selection: Later<Selection>,
) -> impl IntoView {
    let words = expect_context::<Session>().words();
    let title = deal.title.clone();
    let select_label = {
        let title = title.clone();
        move || words.now().fill(Msg::SelectDeal, &[("title", &title)])
    };
    let move_label = move || words.now().fill(Msg::MoveDeal, &[("title", &title)]);
    let selected_deal = StoredValue::new(deal.clone());
    let selected = move || {
        selected_deal.with_value(|deal| selection.with(|selection| selection.contains(&deal.id)))
    };
    let select = move |on: bool| {
        selected_deal.with_value(|deal| {
            selection.try_update(|selection| selection.set(std::slice::from_ref(deal), on))
        });
    };
    let card_id = deal.id.clone();
    let closes = deal.expected_close_date.map(|date| {
        move || {
            let texts = words.now();
            texts.fill(
                Msg::ClosesOn,
                &[("date", &format::date(texts.lang().tag(), &date))],
            )
        }
    });
    let status = deal.status;
    let status = status.is_closed().then(|| {
        view! { <span class=format!("badge {}", status)>{move || words.now().status(status)}</span> }
    });
    view! {
        <li class="card" part="card" data-deal-id=card_id tabindex="-1">
            <span class="card-grip" aria-hidden="true">"⠿"</span>
            <div class="card-head">
                <input type="checkbox" class="card-select" aria-label=select_label prop:checked=selected
                    on:change:target=move |event| select(event.target().checked()) />
                <a class="card-title" href=link>{deal.title}</a>
            </div>
            <p class="card-value">{move || format::money(words.locale(), deal.value, &deal.currency)} {status}</p>
            <p class="card-contact">{deal.contact.map(|contact| contact.name)}</p>
            <p class="card-meta">
                {closes}
                {deal.probability.map(|probability| format!(" · {}", format::percent(probability)))}
            </p>
            {idle.map(|days| view! { <p class="idle">{move || words.now().count(Msg::IdleDays, days as f64, &[])}</p> })}
            <button part="button secondary-button" type="button" class="secondary card-move" data-move=deal.id aria-label=move_label>
                {words.text(Msg::MoveCard)}
            </button>
        </li>
    }
}
