//! The views of the deals that match the filters: the tabs that choose one
//! (in the first download), and the board, the forecast and the list of what
//! a search found, which need every matching deal rather than one page.
//! Those are one chunk fetched on demand (`on_demand`): a page that shows
//! only the list, unsearched, never pays for them.

use std::sync::Arc;
use std::time::Duration;

use leptos::leptos_dom::helpers::set_interval_with_handle;
use leptos::prelude::*;

use deals_i18n::Msg;

use super::all_matching::AllMatching;
use super::api_words::said_view;
use super::board::Board;
use super::current_user::CurrentUser;
use super::forecast::{local_forecast, ForecastView};
use super::found_list::FoundDeals;
use super::later::Later;
use super::mine::{MineNote, WhoAreYou};
use super::rate_limit::RateLimitWait;
use super::refresh_failure::refresh_failure;
use super::state::WorkspaceState;
use super::waiting::waiting;
use crate::api::ApiError;
use crate::format;
use crate::session::Session;
use crate::url_state::DealsView;

pub(super) fn tab_id(view: DealsView) -> String {
    format!("isao-tab-{}", view.as_str())
}

/// List, Board and Forecast as the ARIA tabs pattern has them: one tab in
/// the Tab order; arrows, Home and End move between tabs and show each
/// (`shortcuts.js`, which reads every key of the widget).
#[component]
pub(super) fn ViewTabs(view: Later<DealsView>) -> impl IntoView {
    let words = expect_context::<Session>().words();
    view! {
        <div class="view-tabs" role="tablist" aria-label=words.text(Msg::Views)>
            {DealsView::ALL
                .into_iter()
                .map(|each| {
                    view! {
                        <button
                            part="tab"
                            type="button"
                            role="tab"
                            id=tab_id(each)
                            aria-controls="isao-view-panel"
                            aria-selected=move || (view.get() == each).to_string()
                            tabindex=move || if view.get() == each { "0" } else { "-1" }
                            on:click=move |_| view.try_set(each)
                        >
                            {words.text(each.label())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The board or the forecast, whichever tab is selected, over every deal
/// that matches the filters.
#[component]
pub(super) fn MatchingDealsViews(state: WorkspaceState) -> impl IntoView {
    let all = AllMatching::shared(state);
    all.show_while_mounted();
    // A load that failed while another view showed it is tried again.
    if all
        .loaded
        .with_untracked(|loaded| matches!(loaded, Some(Err(_))))
    {
        all.loaded.refetch();
    }
    let seconds = state.live.seconds;
    if seconds > 0 {
        let session = expect_context::<Session>();
        let tick = move || {
            if !document().hidden() {
                all.refresh(state, session.clone());
            }
        };
        // Deals loaded while another view showed them may have changed since.
        tick();
        // The interval ends with the view, and with the workspace on disconnect.
        if let Ok(interval) = set_interval_with_handle(tick, Duration::from_secs(seconds.into())) {
            on_cleanup(move || interval.clear());
        }
    }
    // A memo: the view is built once per load, not again on each move that
    // updates the deals.
    let arrived = Memo::new(move |_| all.loaded.with(|loaded| matches!(loaded, Some(Ok(_)))));
    // The board and the forecast show every deal or none: while a load
    // runs, only the list's results grow (a card moved meanwhile would be
    // put back by the load's answer, read before the move).
    let loading = Memo::new(move |_| all.progress.with(Option::is_some));
    let me = CurrentUser::of(state);
    let asks_who = Memo::new(move |_| state.mine.get() && me.id.with(Option::is_none));
    let shown = move || {
        if !arrived.get() {
            return ().into_any();
        }
        if asks_who.get() {
            return view! { <WhoAreYou state all /> }.into_any();
        }
        match state.view.get() {
            DealsView::Board | DealsView::Forecast if loading.get() => ().into_any(),
            DealsView::Forecast => {
                let forecasts =
                    Signal::derive(move || all.with_found(|deals| local_forecast(deals)));
                view! { <ForecastView forecasts /> }.into_any()
            }
            DealsView::Board => view! { <Board state all /> }.into_any(),
            DealsView::List => view! { <FoundDeals state all /> }.into_any(),
        }
    };
    let waiting = waiting(
        Arc::new(move || all.progress.get().is_some()),
        Arc::new(move || all.stop_loading()),
        Arc::new(move || all.loaded.refetch()),
        true,
    );
    view! {
        <LoadingEverything all />
        {waiting}
        <div class="live-refresh" part="status" role="status">{refresh_failure(state.live)}</div>
        <MineNote state all />
        <NarrowedNote state />
        {shown}
    }
}

/// What the deals are narrowed to (the idle ones, those closing this month)
/// with "Show all", on the list and the forecast; the board has its own
/// "Idle only".
#[component]
fn NarrowedNote(state: WorkspaceState) -> impl IntoView {
    let words = expect_context::<Session>().words();
    move || {
        let idle = state.idle.get() && state.view.get() != DealsView::Board;
        let closing = state.closing_this_month.get();
        (idle || closing).then(|| {
            view! {
                <p class="narrowed-note">
                    {idle.then(|| view! { <span>{words.text(Msg::IdleOnly)}</span>" " })}
                    {closing.then(|| view! { <span>{words.text(Msg::ViewClosingThisMonth)}</span>" " })}
                    <button part="button secondary-button" type="button" class="secondary" on:click=move |_| {
                        state.idle.try_set(false);
                        state.closing_this_month.try_set(false);
                    }>
                        {words.text(Msg::ShowAll)}
                    </button>
                </p>
            }
        })
    }
}

/// The load of every matching deal as the user sees it: its progress with a
/// Cancel, its failure with a Retry, a note when it was stopped early.
#[component]
fn LoadingEverything(all: AllMatching) -> impl IntoView {
    let words = expect_context::<Session>().words();
    let progress = move || {
        all.progress.get().map(|(loaded, total)| {
            let texts = words.now();
            let text = if total == 0 {
                texts.get(Msg::LoadingDeals).to_owned()
            } else {
                texts.fill(
                    Msg::LoadingDealsOf,
                    &[
                        ("loaded", &format::count(texts.lang().tag(), loaded as f64)),
                        ("total", &format::count(texts.lang().tag(), total as f64)),
                    ],
                )
            };
            view! {
                <div class="loading-all">
                    <p part="status" role="status">{text}</p>
                    <progress max=total.max(1) value=loaded aria-hidden="true"></progress>
                    <button part="button secondary-button" type="button" class="secondary" on:click=move |_| all.stop_loading()>
                        {texts.get(Msg::Cancel)}
                    </button>
                </div>
            }
        })
    };
    let outcome = move || {
        let texts = words.now();
        all.loaded.with(|loaded| match loaded {
            Some(Err(ApiError::RateLimited {
                error,
                retry_after_seconds,
            })) => {
                let (error, retry_after_seconds) = (error.clone(), *retry_after_seconds);
                view! {
                    <RateLimitWait error retry_after_seconds retry=move || all.loaded.refetch() />
                }
                .into_any()
            }
            Some(Err(error)) => view! {
                <div class="error" part="error" role="alert">
                    <p>{said_view(texts.api_error(error))}</p>
                    <button part="button" type="button" on:click=move |_| all.loaded.refetch()>{texts.get(Msg::Retry)}</button>
                </div>
            }
            .into_any(),
            Some(Ok(loaded)) if !loaded.complete && all.progress.with(Option::is_none) => view! {
                <p class="partial-load">
                    {texts.count(
                        Msg::LoadingStopped,
                        loaded.total as f64,
                        &[("shown", &format::count(texts.lang().tag(), loaded.deals.len() as f64))],
                    )}
                    " "
                    <button part="button secondary-button" type="button" class="secondary" on:click=move |_| all.loaded.refetch()>
                        {texts.get(Msg::LoadAll)}
                    </button>
                </p>
            }
            .into_any(),
            _ => ().into_any(),
        })
    };
    view! {
        {progress}
        {outcome}
    }
}
