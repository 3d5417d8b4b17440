//! The list's selection, in the panels' chunk: what the table's checkboxes
//! do, and the bar sticky above the list (the workspace's bulk bar, "Select
//! all 1,257 matching" once a whole page is selected), with the selection
//! kept in step with the pages and filters. The table (in the first
//! download) only draws the checkboxes, unticked; its first tick brings this
//! code, which takes in the ticks made before it came, then listens to the
//! checkboxes and ticks each page's as it comes.

use deals_contract::{Deal, DealQuery};
use deals_i18n::Msg;
use futures::channel::oneshot;
use leptos::html::Div;
use leptos::leptos_dom::helpers::request_animation_frame;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, KeyboardEvent, MouseEvent};

use super::all_matching::AllMatching;
use super::bulk::{selection_of, BulkBar};
use super::deal_table::show_selected;
use super::later::Later;
use super::state::WorkspaceState;
use crate::api::ApiError;
use crate::selection::{PageSelected, Selection};
use crate::session::Session;

/// A click on one of the table's checkboxes.
struct Click {
    table: Element,
    /// The row's deal; `None` for the header's checkbox (the page).
    deal: Option<String>,
    /// Checked by the click.
    on: bool,
    /// Shift was down: a range.
    extend: bool,
}

impl Click {
    fn of(event: &MouseEvent) -> Option<Self> {
        let checkbox = event.target()?.dyn_into::<HtmlInputElement>().ok()?;
        let table = checkbox.closest("table.deals").ok()??;
        let deal = checkbox
            .closest("[data-deal-id]")
            .ok()
            .flatten()
            .and_then(|row| row.get_attribute("data-deal-id"));
        Some(Self {
            table,
            deal,
            on: checkbox.checked(),
            extend: event.shift_key(),
        })
    }
}

/// What the selection offers after the last click: every matching deal,
/// once a whole page is selected and there are more.
#[derive(Clone, Copy)]
struct Offer(RwSignal<Option<u64>>);

impl Offer {
    fn of(state: WorkspaceState) -> Self {
        state.made_once(|| Self(RwSignal::new(None)))
    }
}

/// Changes the selection as `click` asks and shows it in the table's
/// checkboxes.
fn select(state: WorkspaceState, click: Click) {
    let page = page_of(state, &click.table);
    let selection = selection_of(state);
    selection.try_update(|selection| match &click.deal {
        Some(id) => selection.click(&page, id, click.on, click.extend),
        None => selection.set(&page, click.on),
    });
    offer_all_after(state, &page);
    show_selection(state, &click.table);
}

/// Offers every matching deal once the whole of `page` is selected and
/// there are more.
fn offer_all_after(state: WorkspaceState, page: &[Deal]) {
    let whole_page = selection_of(state)
        .with_untracked(|selection| selection.on_page(page) == PageSelected::All);
    let total = matching_total(state).filter(|total| whole_page && *total > page.len() as u64);
    Offer::of(state).0.try_set(total);
}

/// How many deals the list counts: those a search found, or the API's total.
fn matching_total(state: WorkspaceState) -> Option<u64> {
    match AllMatching::shown(state) {
        Some(all) => Some(all.found_count() as u64),
        None => state.deals.with_untracked(|answer| match answer {
            Some(Ok(page)) => Some(page.meta.total),
            _ => None,
        }),
    }
}

/// Takes in the checkboxes ticked before this code came: the page's
/// selects the page; the last row ticked is where a Shift+click extends from.
fn take_in_ticks(state: WorkspaceState, table: &Element) {
    let page = page_of(state, table);
    let whole_page = page_box(table).is_some_and(|page_box| page_box.checked());
    let ticked: Vec<String> = rows(table)
        .filter(|(_, checkbox)| checkbox.checked())
        .map(|(id, _)| id)
        .collect();
    if whole_page || !ticked.is_empty() {
        selection_of(state).try_update(|selection| {
            if whole_page {
                selection.set(&page, true);
            }
            for id in &ticked {
                selection.click(&page, id, true, false);
            }
        });
        offer_all_after(state, &page);
    }
    show_selection(state, table);
}

fn page_box(table: &Element) -> Option<HtmlInputElement> {
    table
        .query_selector("thead input")
        .ok()
        .flatten()?
        .dyn_into::<HtmlInputElement>()
        .ok()
}

/// The deals of the table's rows, in their order: the list's page, or the
/// page of what a search found.
fn page_of(state: WorkspaceState, table: &Element) -> Vec<Deal> {
    rows(table)
        .filter_map(|(id, _)| shown_deal(state, &id))
        .collect()
}

/// Each row's deal id and checkbox.
fn rows(table: &Element) -> impl Iterator<Item = (String, HtmlInputElement)> {
    let boxes = table.query_selector_all("tbody input").ok();
    let count = boxes.as_ref().map_or(0, |boxes| boxes.length());
    (0..count).filter_map(move |index| {
        let checkbox = boxes
            .as_ref()?
            .item(index)?
            .dyn_into::<HtmlInputElement>()
            .ok()?;
        let id = checkbox
            .closest("[data-deal-id]")
            .ok()
            .flatten()?
            .get_attribute("data-deal-id")?;
        Some((id, checkbox))
    })
}

/// The deal as shown now: on the list's page, or among every matching deal.
fn shown_deal(state: WorkspaceState, id: &str) -> Option<Deal> {
    let on_page = state.deals.with_untracked(|answer| match answer {
        Some(Ok(page)) => page.data.iter().find(|deal| deal.id == id).cloned(),
        _ => None,
    });
    on_page.or_else(|| state.made::<AllMatching>()?.find(id))
}

/// Ticks the table's checkboxes as the selection says.
fn show_selection(state: WorkspaceState, table: &Element) {
    let selected = selection_of(state).with_untracked(|selection| {
        let mut lines = String::new();
        for deal in selection.deals() {
            lines.push_str(&deal.id);
            lines.push('\n');
        }
        lines
    });
    show_selected(table, &selected);
}

/// The list's bar: shown above the list while deals are selected, or the
/// last bulk change has something to say.
#[component]
pub(super) fn ListSelectionBar(state: WorkspaceState) -> impl IntoView {
    let bar = NodeRef::<Div>::new();
    let words = expect_context::<Session>().words();
    let selection = selection_of(state);
    let offer = Offer::of(state);
    keep_in_step(state);
    listen_to_checkboxes(state, bar);
    // Asked for all, the load of every matching deal runs while this shows.
    let selecting_all = RwSignal::new(false);
    let focus_moved = move |id: String, _answered: bool| {
        request_animation_frame(move || {
            if let Some((_, checkbox)) =
                table_of(bar).and_then(|table| rows(&table).find(|(shown, _)| *shown == id))
            {
                let _ = checkbox.focus();
            }
        });
    };
    let stages = move || state.stages.get();
    let shown = move |id: &str| shown_deal(state, id);
    let offered = move || {
        let total = offer.0.get()?;
        let texts = words.now();
        Some(if selecting_all.get() {
            view! { <SelectAllMatching state total /> }.into_any()
        } else {
            view! {
                <button part="button secondary-button" type="button" class="secondary" on:click=move |_| selecting_all.set(true)>
                    {texts.count(Msg::SelectAllMatching, total as f64, &[])}
                </button>
            }
            .into_any()
        })
    };
    // Ticks the table's checkboxes whenever the selection changes: a
    // clear, the moves sent, every matching deal selected.
    Effect::new(move || {
        if selection.with(Selection::is_empty) {
            offer.0.set(None);
            selecting_all.set(false);
        }
        if let Some(table) = table_of(bar) {
            show_selection(state, &table);
        }
    });
    view! {
        <div class="list-bulk" node_ref=bar>
            <div class="select-all">{offered}</div>
            <BulkBar state stages shown focus_moved />
        </div>
    }
}

/// What deal_rows.js sends from a table's body once its rows are in the
/// page: they are built unticked.
const ROWS_FILLED: &str = "isao-deals-rows";

/// Once the bar is in the page: takes in the ticks made before, then hears
/// every click on a checkbox of the workspace's table and Escape there, and
/// ticks the rows of each page as it comes (listeners for the pages to
/// come), until the bar goes.
fn listen_to_checkboxes(state: WorkspaceState, bar: NodeRef<Div>) {
    let listening = StoredValue::new_local(None::<(Element, JsValue, JsValue)>);
    bar.on_load(move |bar| {
        let Some(workspace) = bar.closest(".workspace").ok().flatten() else {
            return;
        };
        if let Some(table) = workspace.query_selector("table.deals").ok().flatten() {
            take_in_ticks(state, &table);
        }
        // The closure's type is the one leptos's own listeners have: one
        // copy of its glue in the first download.
        // A click on a checkbox changes the selection; any other event of a
        // table (its rows filled) shows it.
        let heard = Closure::wrap(Box::new(move |event: Event| {
            if let Some(click) = Click::of(event.unchecked_ref()) {
                select(state, click);
            } else if let Some(table) = event
                .target()
                .and_then(|target| target.dyn_into::<Element>().ok())
                .and_then(|inside| inside.closest("table.deals").ok().flatten())
            {
                show_selection(state, &table);
            }
        }) as Box<dyn FnMut(Event)>)
        .into_js_value();
        // Escape in the table clears the selection, as it does in the bar.
        let escaped = Closure::wrap(Box::new(move |event: Event| {
            let in_table = event
                .target()
                .and_then(|target| target.dyn_into::<Element>().ok())
                .is_some_and(|inside| inside.closest("table.deals").ok().flatten().is_some());
            if in_table && event.unchecked_ref::<KeyboardEvent>().key() == "Escape" {
                selection_of(state).try_update(Selection::clear);
            }
        }) as Box<dyn FnMut(Event)>)
        .into_js_value();
        for kind in ["click", ROWS_FILLED] {
            let _ = workspace.add_event_listener_with_callback(kind, heard.unchecked_ref());
        }
        let _ = workspace.add_event_listener_with_callback("keydown", escaped.unchecked_ref());
        listening.try_set_value(Some((workspace, heard, escaped)));
    });
    on_cleanup(move || {
        if let Some((workspace, heard, escaped)) =
            listening.try_update_value(Option::take).flatten()
        {
            for kind in ["click", ROWS_FILLED] {
                let _ = workspace.remove_event_listener_with_callback(kind, heard.unchecked_ref());
            }
            let _ =
                workspace.remove_event_listener_with_callback("keydown", escaped.unchecked_ref());
        }
    });
}

/// The list's table, in the workspace of the bar.
fn table_of(bar: NodeRef<Div>) -> Option<Element> {
    // Called from an animation frame, after the moves' `.await`: the bar may
    // be gone by then.
    bar.try_get_untracked()??
        .closest(".workspace")
        .ok()
        .flatten()?
        .query_selector("table.deals")
        .ok()
        .flatten()
}

/// Every matching deal selected, once loaded: those a search found when the
/// list shows one (from the view's load of every matching deal), or every
/// one the filters keep, loaded here, page by page.
#[component]
fn SelectAllMatching(state: WorkspaceState, total: u64) -> impl IntoView {
    let session = expect_context::<Session>();
    let words = session.words();
    let progress = Later::new((0, total));
    let done = Later::new(None::<Result<usize, ApiError>>);
    // Taken now: after the load's `.await` the workspace may be gone, and
    // only a `try_` write on what was taken before is safe then.
    let selection = selection_of(state);
    let select_all = move |deals: &[Deal]| {
        selection.try_update(|selection| selection.set(deals, true));
        done.try_set(Some(Ok(deals.len())));
    };
    match AllMatching::shown(state) {
        Some(all) => {
            Effect::new(move || {
                let complete = all
                    .loaded
                    .with(|loaded| matches!(loaded, Some(Ok(loaded)) if loaded.complete));
                if complete && done.with_untracked(Option::is_none) {
                    let found: Vec<Deal> = all.with_found(|found| found.cloned().collect());
                    select_all(&found);
                }
            });
        }
        None => {
            let (client, filters) = (state.client.get_value(), state.query.get_untracked());
            // Gone with this line (the selection cleared, say), the load stops.
            let (stop, stopped) = oneshot::channel::<()>();
            StoredValue::new(stop);
            spawn_local(async move {
                let arrived = |_: &[Deal], loaded, total| progress.try_set((loaded, total));
                match client.list_all_deals(&filters, arrived, stopped).await {
                    Ok(all) if all.complete => select_all(&all.deals),
                    Ok(_) => {}
                    Err(error) => {
                        session.report(&error);
                        done.try_set(Some(Err(error)));
                    }
                }
            });
        }
    };
    move || {
        let texts = words.now();
        done.with(|done| match done {
            Some(Ok(count)) => texts.count(Msg::AllMatchingSelected, *count as f64, &[]),
            Some(Err(error)) => texts.refusal(error).text().to_owned(),
            None => progress.with(|(loaded, total)| {
                texts.fill(
                    Msg::LoadingDealsOf,
                    &[
                        ("loaded", &loaded.to_string()),
                        ("total", &total.to_string()),
                    ],
                )
            }),
        })
    }
}

/// The selected deals follow the pages as the API answers them (a deal
/// changed meanwhile is kept as it is now), and leave it when new filters
/// no longer keep them.
fn keep_in_step(state: WorkspaceState) {
    let selection = selection_of(state);
    let filters = Memo::new(move |_| {
        state.query.with(|query| DealQuery {
            page: 1,
            limit: 1,
            ..query.clone()
        })
    });
    Effect::new(move |last: Option<DealQuery>| {
        let filters = filters.get();
        if last.is_some_and(|last| last != filters) {
            selection.try_update(|selection| selection.keep_matching(&filters));
        }
        filters
    });
    Effect::new(move || {
        state.deals.with(|answer| {
            let Some(Ok(page)) = answer else { return };
            let selected = selection.with_untracked(|selection| {
                page.data.iter().any(|deal| selection.contains(&deal.id))
            });
            if selected {
                let filters = filters.get_untracked();
                selection.try_update(|selection| selection.update(&page.data, &filters));
            }
        });
    });
}
