//! The list screen, in the first download: the filters every view shares,
//! and the page of deals that answers them, with its totals, its pager and
//! the clock of live refresh (`list_refresh` is what it runs and says).

use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

use deals_contract::{Deal, DealQuery, DealStatus, Page, PageMeta, MAX_LIMIT};
use deals_i18n::Msg;
use leptos::leptos_dom::helpers::set_interval_with_handle;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

use super::api_words::said_view;
use super::deal_table::DealTable;
use super::debounce::Debounce;
use super::fields::StageSuggestions;
use super::later::Later;
use super::latest_answer::InFlight;
use super::list_refresh::{ListRefresh, LIST_REFRESH};
use super::rebuilt::rebuilt;
use super::state::WorkspaceState;
use super::waiting::{no_rows, rate_limited, waiting};
use crate::api::ApiError;
use crate::format::{self, date_from_input, date_input_value};
use crate::session::Session;
use crate::totals::open_totals;
use crate::words::Texts;

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
    let words = expect_context::<Session>().words();
    let pending = Memo::new(move |_| state.deals.in_flight.get() > 0);
    let slow = slow_to_answer(pending);
    let announcement = move || {
        let texts = words.now();
        if slow.get() {
            return texts.get(Msg::LoadingDeals).to_owned();
        }
        state.deals.with(|answer| match answer {
            Some(Ok(page)) => texts.count(
                Msg::ShowingDeals,
                page.meta.total as f64,
                &[(
                    "shown",
                    &format::count(texts.lang().tag(), page.data.len() as f64),
                )],
            ),
            _ => String::new(),
        })
    };
    // Read in place: a copy of the answer would copy every deal of the page.
    // A change of language builds the page again, in the new words.
    let shown = rebuilt(move || {
        let texts = words.now();
        state.deals.with(|answer| match answer {
            None if pending.get() => {
                view! { <p class="status">{texts.get(Msg::LoadingDeals)}</p> }.into_any()
            }
            None => ().into_any(),
            Some(answer) => answer_view(answer, state, texts),
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

fn answer_view(
    answer: &Result<Page<Deal>, ApiError>,
    state: WorkspaceState,
    texts: Texts,
) -> AnyView {
    match answer {
        Err(error) => {
            let said = texts.api_error(error);
            let refused = move || {
                view! {
                    <div class="error" part="error" role="alert">
                        <p>{said_view(said.clone())}</p>
                        <button part="button" type="button" on:click=move |_| state.deals.refetch()>{texts.get(Msg::Retry)}</button>
                    </div>
                }
                .into_any()
            };
            match error {
                ApiError::RateLimited {
                    error,
                    retry_after_seconds,
                } => rate_limited(
                    error.clone(),
                    *retry_after_seconds,
                    Arc::new(move || state.deals.refetch()),
                    refused,
                ),
                _ => refused(),
            }
        }
        Ok(page) if page.data.is_empty() => view! {
            {no_rows(page.meta, state.query, texts)}
            <Pager meta=page.meta query=state.query texts />
        }
        .into_any(),
        Ok(page) => {
            let meta = page.meta;
            view! {
                <Totals deals=&page.data texts />
                <DealTable deals=&page.data meta state texts />
                <Pager meta query=state.query texts />
            }
            .into_any()
        }
    }
}

thread_local! {
    // Code, once here, is here for every list of the page, and for the
    // list shown again after the board.
    static LIST_REFRESH_CODE: Cell<Option<ListRefresh>> = const { Cell::new(None) };
}

/// Refreshes the list every `live.seconds` while it is on screen and the
/// page is visible. The refresh and what it says are `list_refresh`, whose
/// code comes with the first tick: a chunk that cannot be fetched then is
/// asked for again at the next.
#[component]
fn LiveRefreshNotice(state: WorkspaceState) -> impl IntoView {
    let live = state.live;
    let code = Later::new(LIST_REFRESH_CODE.get());
    if live.seconds > 0 {
        let session = expect_context::<Session>();
        let tick = move || {
            let visible = !document().hidden();
            let idle = state.deals.in_flight.try_get_untracked() == Some(0)
                && live.in_flight.try_get_untracked() == Some(0);
            if !(visible && idle) {
                return;
            }
            match code.get_untracked() {
                Some(list_refresh) => (list_refresh.refresh)(state, &session),
                None => {
                    let session = session.clone();
                    spawn_local(async move {
                        // Counted as a refresh under way: a tick that comes
                        // while the code is on its way starts no second one.
                        let _fetching = InFlight::start(live.in_flight);
                        if let Ok(list_refresh) = list_refresh_code().await {
                            LIST_REFRESH_CODE.set(Some(list_refresh));
                            code.try_set(Some(list_refresh));
                            (list_refresh.refresh)(state, &session);
                        }
                    });
                }
            }
        };
        // The interval ends with the list screen, and with the workspace on disconnect.
        if let Ok(interval) =
            set_interval_with_handle(tick, Duration::from_secs(live.seconds.into()))
        {
            on_cleanup(move || interval.clear());
        }
    }
    view! {
        <div class="live-refresh" part="status" role="status">
            {rebuilt(move || code.get().map(|list_refresh| (list_refresh.notices)(state)).into_any())}
        </div>
    }
}

#[cfg(not(debug_assertions))]
#[leptos::wasm_split::wasm_split(live, fallible, wasm_split_path = ::leptos::wasm_split)]
fn list_refresh_code() -> Result<ListRefresh, SplitLoaderError> {
    Ok(LIST_REFRESH)
}

#[cfg(debug_assertions)]
async fn list_refresh_code() -> Result<ListRefresh, SplitLoaderError> {
    Ok(LIST_REFRESH)
}

/// The search and the filters of every view; any change goes back to page 1.
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
        query.try_update(DealQuery::reset_filters);
    };
    let search = state.search;
    let first_page = move || {
        if query.with_untracked(|query| query.page != 1) {
            query.try_update(|query| query.page = 1);
        }
    };
    let words = expect_context::<Session>().words();
    view! {
        <form class="filters" aria-label=words.text(Msg::Filters) on:submit=move |event| { event.prevent_default(); apply_stage(); }>
            <label class="search">
                <span>{words.text(Msg::SearchDeals)}</span>
                <input
                    part="field"
                    type="search"
                    prop:value=move || search.get()
                    on:input:target=move |event| {
                        search.try_set(event.target().value());
                        first_page();
                    }
                />
            </label>
            <button
                part="button secondary-button"
                type="button"
                class="secondary mine"
                aria-pressed=move || state.mine.get().to_string()
                on:click=move |_| {
                    state.mine.try_update(|mine| *mine = !*mine);
                    first_page();
                }
            >
                {words.text(Msg::Mine)}
            </button>
            <label>
                <span>{words.text(Msg::Status)}</span>
                <select part="field" on:change:target=move |event| {
                    let status = event.target().value().parse().ok();
                    refine(Box::new(move |query| query.status = status));
                }>
                    <option value="" prop:selected=move || query.with(|query| query.status.is_none())>{words.text(Msg::AllStatuses)}</option>
                    {DealStatus::ALL
                        .into_iter()
                        .map(|status| {
                            view! {
                                <option value=status.as_str() prop:selected=move || query.with(|query| query.status == Some(status))>
                                    {move || words.now().status(status)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                <span>{words.text(Msg::FieldStage)}</span>
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
                <span>{words.text(Msg::CreatedSince)}</span>
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
                <span>{words.text(Msg::UpdatedSince)}</span>
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
                {words.text(Msg::ResetFilters)}
            </button>
        </form>
    }
}

/// Open pipeline per currency, for the deals on screen.
#[component]
pub(super) fn Totals<'a>(deals: &'a [Deal], texts: Texts) -> impl IntoView {
    let lines = open_totals(deals)
        .into_iter()
        .map(|total| {
            view! {
                <li>
                    <span class="totals-open">
                        {texts.fill(Msg::OpenTotal, &[("currency", &total.currency), ("amount", &format::money(texts.lang().tag(), total.value, &total.currency))])}
                    </span>
                    " "
                    <span class="totals-weighted">
                        {texts.fill(Msg::WeightedTotal, &[("amount", &format::money(texts.lang().tag(), total.weighted_value, &total.currency))])}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="totals" aria-label=texts.get(Msg::OpenPipeline)>{lines}</ul> }
}

/// Built once per answer, from the page it answers: nothing in it follows a
/// signal. Each reactive closure here would subscribe to the long-lived
/// query, and a page turned would leave each one's subscription behind.
#[component]
pub(super) fn Pager(meta: PageMeta, query: Later<DealQuery>, texts: Texts) -> impl IntoView {
    let total_pages = meta.total_pages.max(1);
    let turn = move |step: i64| {
        query.try_update(|query| {
            query.page = (i64::from(query.page) + step).clamp(1, i64::from(u32::MAX)) as u32
        });
    };
    let on_first_page = meta.page <= 1;
    let on_last_page = u64::from(meta.page) >= total_pages;
    let page_of = texts.fill(
        Msg::PageOf,
        &[
            ("page", &meta.page.to_string()),
            ("pages", &total_pages.to_string()),
        ],
    );
    view! {
        <nav class="pager" aria-label=texts.get(Msg::Pagination)>
            <button part="button secondary-button" type="button" class="secondary" disabled=on_first_page on:click=move |_| turn(-1)>
                {texts.get(Msg::Previous)}
            </button>
            <span class="page-of">{page_of}</span>
            <span class="total">{texts.count(Msg::DealCount, meta.total as f64, &[])}</span>
            <button part="button secondary-button" type="button" class="secondary" disabled=on_last_page on:click=move |_| turn(1)>
                {texts.get(Msg::Next)}
            </button>
            <label>
                <span>{texts.get(Msg::PageSize)}</span>
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
