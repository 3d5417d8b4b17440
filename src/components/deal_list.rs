//! The list screen, in the first download: the filters every view shares,
//! and the page of deals that answers them, with its totals, its pager and
//! the offers of live refresh.

use std::sync::Arc;
use std::time::Duration;

use deals_contract::{Deal, DealQuery, DealStatus, Page, PageMeta, MAX_LIMIT};
use leptos::leptos_dom::helpers::set_interval_with_handle;
use leptos::prelude::*;

use super::deal_table::DealTable;
use super::debounce::Debounce;
use super::fields::StageSuggestions;
use super::later::Later;
use super::rate_limit::RateLimitWait;
use super::rebuilt::rebuilt;
use super::refresh_failure::refresh_failure;
use super::state::WorkspaceState;
use super::waiting::waiting;
use crate::api::ApiError;
use crate::format::{self, date_from_input, date_input_value};
use crate::live_refresh::Offered;
use crate::totals::open_totals;

const PAGE_SIZES: [u32; 5] = [10, 25, 50, 100, MAX_LIMIT];

/// How long a request runs before the list says it is loading.
const LOADING_SHOWN_AFTER: Duration = Duration::from_millis(150);

/// The page of deals that answers the filters. While the next page loads,
/// the last one stays on screen, `aria-busy` at once and marked loading once
/// the answer is slow to come. Rendered straight from the resource rather
/// than through `<Transition>`, which kept part of every re-render for as
/// long as the list lived.
#[component]
pub fn DealList(state: WorkspaceState) -> impl IntoView {
    let pending = Memo::new(move |_| state.deals.in_flight.get() > 0);
    let slow = slow_to_answer(pending);
    let announcement = move || {
        if slow.get() {
            return "Loading deals…".to_owned();
        }
        state.deals.with(|answer| match answer {
            Some(Ok(page)) => format!("Showing {} of {} deals", page.data.len(), page.meta.total),
            _ => String::new(),
        })
    };
    // Read in place: a copy of the answer would copy every deal of the page.
    let shown = rebuilt(move || {
        state.deals.with(|answer| match answer {
            None if pending.get() => view! { <p class="status">"Loading deals…"</p> }.into_any(),
            None => ().into_any(),
            Some(answer) => answer_view(answer, state),
        })
    });
    let waiting = waiting(
        Arc::new(move || pending.get()),
        Arc::new(move || state.deals.cancel()),
        Arc::new(move || state.deals.refetch()),
        false,
    );
    view! {
        <LiveRefreshNotice state />
        <p class="status" part="status" role="status" aria-live="polite">{announcement}</p>
        {waiting}
        <div class="deal-page" data-loading=move || slow.get().to_string() aria-busy=move || pending.get().to_string()>
            {shown}
        </div>
    }
}

/// True once a request has been `pending` for [`LOADING_SHOWN_AFTER`].
///
/// Most answers come sooner, and marking the page loading for them only
/// flashed: the dimmed rows and the status line cost the browser a frame of
/// layout and paint while the answer was on its way, which held back
/// showing it.
fn slow_to_answer(pending: Memo<bool>) -> Later<bool> {
    let slow = Later::new(false);
    let mark_slow = Debounce::new(LOADING_SHOWN_AFTER);
    Effect::new(move |_| {
        if pending.get() {
            mark_slow.call(move || {
                slow.try_set(true);
            });
        } else {
            mark_slow.cancel();
            slow.try_set(false);
        }
    });
    slow
}

fn answer_view(answer: &Result<Page<Deal>, ApiError>, state: WorkspaceState) -> AnyView {
    match answer {
        Err(ApiError::RateLimited {
            error,
            retry_after_seconds,
        }) => view! {
            <RateLimitWait
                error=error.clone()
                retry_after_seconds=*retry_after_seconds
                retry=move || state.deals.refetch()
            />
        }
        .into_any(),
        Err(error) => view! {
            <div class="error" part="error" role="alert">
                <p>{error.to_string()}</p>
                <button part="button" type="button" on:click=move |_| state.deals.refetch()>"Retry"</button>
            </div>
        }
        .into_any(),
        Ok(page) if page.data.is_empty() => view! {
            <NoRows meta=page.meta query=state.query />
            <Pager meta=page.meta query=state.query />
        }
        .into_any(),
        Ok(page) => {
            let meta = page.meta;
            view! {
                <Totals deals=&page.data />
                <DealTable deals=&page.data meta state />
                <Pager meta query=state.query />
            }
            .into_any()
        }
    }
}

/// Refreshes the list every `live.seconds` while it is on screen and the
/// page is visible, and offers what the refresh found that would move rows.
#[component]
fn LiveRefreshNotice(state: WorkspaceState) -> impl IntoView {
    let live = state.live;
    if live.seconds > 0 {
        let tick = move || {
            let visible = !document().hidden();
            let idle = state.deals.in_flight.try_get_untracked() == Some(0)
                && live.in_flight.try_get_untracked() == Some(0);
            if visible && idle {
                live.refresh.try_with_value(|refresh| refresh());
            }
        };
        // The interval ends with the list screen, and with the workspace on disconnect.
        if let Ok(interval) =
            set_interval_with_handle(tick, Duration::from_secs(live.seconds.into()))
        {
            on_cleanup(move || interval.clear());
        }
    }
    let offer = rebuilt(move || {
        let changed = live.offered.with(Offered::summary);
        changed.map(|changed| view! {
            <p class="refresh-offer">
                {changed} " "
                <button part="button secondary-button" type="button" class="secondary" on:click=move |_| state.deals.refetch()>"Show"</button>
            </p>
        })
        .into_any()
    });
    view! {
        <div class="live-refresh" part="status" role="status">
            {offer}
            {refresh_failure(live)}
        </div>
    }
}

/// The filters of every view; any change goes back to page 1.
#[component]
pub(super) fn Filters(state: WorkspaceState) -> impl IntoView {
    let query = state.query;
    let refine = move |change: Box<dyn FnOnce(&mut DealQuery)>| {
        query.try_update(|query| {
            change(query);
            query.page = 1;
        })
    };
    let stage_typed = RwSignal::new(String::new());
    // The box shows the stage filter in force, whoever changed it (a reset
    // from the empty list, say); typing changes only the box until applied.
    Effect::new(move |_| {
        stage_typed.set(query.with(|query| query.stage.clone().unwrap_or_default()));
    });
    let apply_stage = move || {
        let stage =
            Some(stage_typed.get_untracked().trim().to_owned()).filter(|stage| !stage.is_empty());
        if query.with_untracked(|query| query.stage != stage) {
            refine(Box::new(move |query| query.stage = stage));
        }
    };
    let reset = move |_| {
        query.try_update(reset_filters);
    };
    view! {
        <form class="filters" aria-label="Filters" on:submit=move |event| { event.prevent_default(); apply_stage(); }>
            <label>
                <span>"Status"</span>
                <select part="field" on:change:target=move |event| {
                    let status = event.target().value().parse().ok();
                    refine(Box::new(move |query| query.status = status));
                }>
                    <option value="" prop:selected=move || query.with(|query| query.status.is_none())>"All"</option>
                    {DealStatus::ALL
                        .into_iter()
                        .map(|status| {
                            view! {
                                <option value=status.as_str() prop:selected=move || query.with(|query| query.status == Some(status))>
                                    {format::capitalised(status.as_str())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                <span>"Stage"</span>
                <input
                    part="field"
                    type="text"
                    list="isao-stage-filter-options"
                    prop:value=move || stage_typed.get()
                    on:input:target=move |event| stage_typed.set(event.target().value())
                    on:change=move |_| apply_stage()
                />
            </label>
            <StageSuggestions id="isao-stage-filter-options" stages=state.stages />
            <label>
                <span>"Created since"</span>
                <input
                    part="field"
                    type="date"
                    prop:value=move || query.with(|query| date_input_value(query.created_since.as_ref()))
                    on:change:target=move |event| {
                        let since = date_from_input(&event.target().value());
                        refine(Box::new(move |query| query.created_since = since));
                    }
                />
            </label>
            <label>
                <span>"Updated since"</span>
                <input
                    part="field"
                    type="date"
                    prop:value=move || query.with(|query| date_input_value(query.updated_since.as_ref()))
                    on:change:target=move |event| {
                        let since = date_from_input(&event.target().value());
                        refine(Box::new(move |query| query.updated_since = since));
                    }
                />
            </label>
            <button
                part="button secondary-button"
                type="button"
                class="secondary"
                disabled=move || !query.with(DealQuery::is_filtered)
                on:click=reset
            >
                "Reset filters"
            </button>
        </form>
    }
}

/// Back to every deal, keeping the page size.
fn reset_filters(query: &mut DealQuery) {
    *query = DealQuery {
        limit: query.limit,
        ..DealQuery::default()
    };
}

/// Why a page has no rows: past the last page, filters that match nothing,
/// or a company with no deals at all.
#[component]
fn NoRows(meta: PageMeta, query: Later<DealQuery>) -> impl IntoView {
    let asked = query.with_untracked(|query| query.page);
    let last_page = u32::try_from(meta.total_pages).unwrap_or(u32::MAX).max(1);
    if meta.total > 0 && asked > last_page {
        let pages = if last_page == 1 {
            "there is 1 page".to_owned()
        } else {
            format!("there are {last_page} pages")
        };
        return view! {
            <div class="empty">
                <p>{format!("Page {asked} does not exist: {pages}.")}</p>
                <button part="button" type="button" on:click=move |_| { query.try_update(|query| query.page = last_page); }>
                    {format!("Go to page {last_page}")}
                </button>
            </div>
        }
        .into_any();
    }
    if query.with_untracked(DealQuery::is_filtered) {
        return view! {
            <div class="empty">
                <p>"No deals match these filters."</p>
                <button part="button secondary-button" type="button" class="secondary" on:click=move |_| { query.try_update(reset_filters); }>
                    "Reset filters"
                </button>
            </div>
        }
        .into_any();
    }
    view! { <p class="empty">"No deals yet."</p> }.into_any()
}

/// Open pipeline per currency, for the deals on screen.
#[component]
fn Totals<'a>(deals: &'a [Deal]) -> impl IntoView {
    let lines = open_totals(deals)
        .into_iter()
        .map(|total| {
            view! {
                <li>
                    <span class="totals-open">
                        {format!("Open {}: {}", total.currency, format::money(total.value, &total.currency))}
                    </span>
                    " "
                    <span class="totals-weighted">
                        {format!("weighted {}", format::money(total.weighted_value, &total.currency))}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="totals" aria-label="Open pipeline on this page">{lines}</ul> }
}

/// Built once per answer, from the page it answers: nothing in it follows a
/// signal. Each reactive closure here would subscribe to the long-lived
/// query, and a page turned would leave each one's subscription behind.
#[component]
fn Pager(meta: PageMeta, query: Later<DealQuery>) -> impl IntoView {
    let total_pages = meta.total_pages.max(1);
    let turn = move |step: i64| {
        query.try_update(|query| {
            query.page = (i64::from(query.page) + step).clamp(1, i64::from(u32::MAX)) as u32
        });
    };
    let on_first_page = meta.page <= 1;
    let on_last_page = u64::from(meta.page) >= total_pages;
    let total = if meta.total == 1 {
        "1 deal".to_owned()
    } else {
        format!("{} deals", meta.total)
    };
    view! {
        <nav class="pager" aria-label="Pagination">
            <button part="button secondary-button" type="button" class="secondary" disabled=on_first_page on:click=move |_| turn(-1)>
                "Previous"
            </button>
            <span class="page-of">{format!("Page {} of {}", meta.page, total_pages)}</span>
            <span class="total">{total}</span>
            <button part="button secondary-button" type="button" class="secondary" disabled=on_last_page on:click=move |_| turn(1)>
                "Next"
            </button>
            <label>
                <span>"Page size"</span>
                <select part="field" on:change:target=move |event| {
                    if let Ok(limit) = event.target().value().parse::<u32>() {
                        query.try_update(|query| {
                            query.limit = limit;
                            query.page = 1;
                        });
                    }
                }>
                    {PAGE_SIZES
                        .into_iter()
                        .map(|size| {
                            view! { <option value=size.to_string() selected=size == meta.limit>{size.to_string()}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
        </nav>
    }
}
