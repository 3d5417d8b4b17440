//! The views of the deals that match the filters: the tabs that choose one
//! (in the first download), and the board and the forecast, which need every
//! matching deal rather than one page. Those two are one chunk fetched on
//! demand (`on_demand`): a page that shows only the list never pays for them.

use std::time::Duration;

use deals_contract::{Deal, DealQuery, StatusChange};
use futures::channel::oneshot;
use leptos::ev::KeyboardEvent;
use leptos::html::Div;
use leptos::leptos_dom::helpers::set_interval_with_handle;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::board::Board;
use super::deal_list::refresh_failure;
use super::forecast::ForecastView;
use super::latest_answer::LatestAnswer;
use super::rate_limit::RateLimitWait;
use super::workspace::{learn_stage, WorkspaceState};
use crate::api::{AllDeals, ApiError};
use crate::format;
use crate::live_refresh::{changes_since, merge_changes, newest_update};
use crate::session::Session;
use crate::url_state::DealsView;

pub(super) fn tab_id(view: DealsView) -> String {
    format!("isao-tab-{}", view.as_str())
}

/// List, Board and Forecast as the ARIA tabs pattern has them: one tab in
/// the Tab order, arrows, Home and End move between tabs and show each.
#[component]
pub(super) fn ViewTabs(view: RwSignal<DealsView>) -> impl IntoView {
    let tablist = NodeRef::<Div>::new();
    let on_keydown = move |event: KeyboardEvent| {
        let last = DealsView::ALL.len() - 1;
        let current = DealsView::ALL
            .iter()
            .position(|each| *each == view.get_untracked())
            .unwrap_or_default();
        let next = match event.key().as_str() {
            "ArrowRight" => (current + 1) % DealsView::ALL.len(),
            "ArrowLeft" => (current + last) % DealsView::ALL.len(),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        event.prevent_default();
        let next = DealsView::ALL[next];
        view.set(next);
        let tab = tablist
            .get_untracked()
            .and_then(|tablist| tablist.query_selector(&format!("#{}", tab_id(next))).ok())
            .flatten()
            .and_then(|tab| tab.dyn_into::<HtmlElement>().ok());
        if let Some(tab) = tab {
            let _ = tab.focus();
        }
    };
    view! {
        <div class="view-tabs" role="tablist" aria-label="Views" node_ref=tablist on:keydown=on_keydown>
            {DealsView::ALL
                .into_iter()
                .map(|each| {
                    view! {
                        <button
                            type="button"
                            role="tab"
                            id=tab_id(each)
                            aria-controls="isao-view-panel"
                            aria-selected=move || (view.get() == each).to_string()
                            tabindex=move || if view.get() == each { "0" } else { "-1" }
                            on:click=move |_| view.set(each)
                        >
                            {each.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The answer to a move on the board, with the deal as it was before.
pub(super) type MoveAnswer = (Deal, Result<Deal, ApiError>);

/// How far a load of every matching deal has come: deals read, deals counted.
type LoadProgress = (usize, u64);

/// Every deal that matches the filters, shared by the board and the forecast
/// while either is showing (switching between them loads nothing again),
/// and the moves made on the board. Every write after an `.await` is a
/// `try_` write: the user may have gone back to the list meanwhile.
#[derive(Clone, Copy)]
pub(super) struct AllMatching {
    /// The filters alone: the list's page and page size do not matter here.
    filters: Memo<DealQuery>,
    pub loaded: LatestAnswer<Result<AllDeals, ApiError>>,
    progress: RwSignal<Option<LoadProgress>>,
    /// Ends the load where it is, keeping what has arrived.
    stop: StoredValue<Option<oneshot::Sender<()>>>,
    /// A move on the board, shown before the API answers and put back if it refuses.
    pub move_deal: Action<(Deal, StatusChange), MoveAnswer>,
    /// Deals being dragged, or moved and not answered yet: live refresh
    /// leaves them where the user put them.
    held: StoredValue<Vec<String>>,
    refreshing: StoredValue<bool>,
}

impl AllMatching {
    fn new(state: WorkspaceState) -> Self {
        let session = expect_context::<Session>();
        let filters = Memo::new(move |_| {
            state.query.with(|query| DealQuery {
                page: 1,
                ..query.clone()
            })
        });
        let progress = RwSignal::new(None);
        let stop = StoredValue::new(None::<oneshot::Sender<()>>);
        let loaded = LatestAnswer::new({
            let session = session.clone();
            move || {
                let request = filters.get();
                let (client, session) = (state.client.get_value(), session.clone());
                async move {
                    // Replacing the sender of a load still under way ends that load.
                    let (sender, stopped) = oneshot::channel();
                    stop.try_set_value(Some(sender));
                    progress.try_set(Some((0, 0)));
                    let report = |loaded: usize, total: u64| {
                        progress.try_set(Some((loaded, total)));
                    };
                    let answer = client.list_all_deals(&request, report, stopped).await;
                    progress.try_set(None);
                    match &answer {
                        Ok(all) => all
                            .deals
                            .iter()
                            .for_each(|deal| learn_stage(state.stages, deal)),
                        Err(error) => session.report(error),
                    }
                    answer
                }
            }
        });
        let held = StoredValue::new(Vec::<String>::new());
        let move_deal = Action::new_local(move |(before, change): &(Deal, StatusChange)| {
            let (client, session) = (state.client.get_value(), session.clone());
            let (before, change) = (before.clone(), change.clone());
            async move {
                let answer = client.update_status(&before.id, &change).await;
                match &answer {
                    Ok(moved) => {
                        learn_stage(state.stages, moved);
                        replace(loaded, moved);
                        state.deals.refetch();
                    }
                    Err(error) => {
                        replace(loaded, &before);
                        session.report(error);
                    }
                }
                held.try_update_value(|held| held.retain(|id| *id != before.id));
                (before, answer)
            }
        });
        Self {
            filters,
            loaded,
            progress,
            stop,
            move_deal,
            held,
            refreshing: StoredValue::new(false),
        }
    }

    /// Keeps live refresh off deal `id` until it is released.
    pub fn hold(self, id: &str) {
        self.held.update_value(|held| held.push(id.to_owned()));
    }

    pub fn release(self, id: &str) {
        self.held.update_value(|held| {
            if let Some(index) = held.iter().position(|each| each == id) {
                held.swap_remove(index);
            }
        });
    }

    /// Asks for what changed since the newest change already loaded and
    /// merges it in place; more changes than one answer holds reload all.
    /// Skipped while a load or a refresh is under way.
    fn refresh(self, state: WorkspaceState, session: Session) {
        if self.refreshing.get_value() || self.progress.get_untracked().is_some() {
            return;
        }
        let seen = self.loaded.with_untracked(|loaded| match loaded {
            Some(Ok(all)) if all.complete => Some(newest_update(None, &all.deals)),
            _ => None,
        });
        let Some(seen) = seen else { return };
        let asked = self.filters.get_untracked();
        let (client, failing) = (state.client.get_value(), state.live.failing);
        self.refreshing.set_value(true);
        spawn_local(async move {
            let answer = client.list_deals(&changes_since(&asked, seen)).await;
            // Gone with the view (the user went back to the list, say).
            if self.refreshing.try_set_value(false).is_some() {
                return;
            }
            let Some(changes) = failing.record(&session, answer) else {
                return;
            };
            // A load for other filters is under way: it brings what changed.
            if self.filters.try_with_untracked(|now| *now == asked) != Some(true) {
                return;
            }
            if changes.meta.total > changes.data.len() as u64 {
                self.loaded.refetch();
                return;
            }
            changes
                .data
                .iter()
                .for_each(|deal| learn_stage(state.stages, deal));
            let held = self.held.try_get_value().unwrap_or_default();
            self.loaded.try_update(|loaded| {
                if let Some(Ok(all)) = loaded {
                    merge_changes(&mut all.deals, &asked, seen, changes.data, &held);
                }
            });
        });
    }

    /// The deals, once every page has been read (or the user stopped the
    /// load); empty before.
    pub fn deals(self) -> Memo<Vec<Deal>> {
        Memo::new(move |_| {
            self.loaded.with(|loaded| match loaded {
                Some(Ok(all)) => all.deals.clone(),
                _ => Vec::new(),
            })
        })
    }

    /// The loaded deal with this id, as it is now.
    pub fn find(self, id: &str) -> Option<Deal> {
        self.loaded.with_untracked(|loaded| match loaded {
            Some(Ok(all)) => all.deals.iter().find(|deal| deal.id == id).cloned(),
            _ => None,
        })
    }

    /// Shows `deal` as it is now in place of the deal with its id.
    pub fn show(self, deal: &Deal) {
        replace(self.loaded, deal);
    }

    fn stop_loading(self) {
        if let Some(sender) = self.stop.try_update_value(Option::take).flatten() {
            let _ = sender.send(());
        }
    }
}

fn replace(loaded: LatestAnswer<Result<AllDeals, ApiError>>, deal: &Deal) {
    loaded.try_update(|loaded| {
        if let Some(Ok(all)) = loaded {
            if let Some(shown) = all.deals.iter_mut().find(|shown| shown.id == deal.id) {
                *shown = deal.clone();
            }
        }
    });
}

/// The board or the forecast, whichever tab is selected, over every deal
/// that matches the filters.
#[component]
pub(super) fn MatchingDealsViews(state: WorkspaceState) -> impl IntoView {
    let all = AllMatching::new(state);
    let seconds = state.live.seconds;
    if seconds > 0 {
        let session = expect_context::<Session>();
        let tick = move || {
            if !document().hidden() {
                all.refresh(state, session.clone());
            }
        };
        // The interval ends with the view, and with the workspace on disconnect.
        if let Ok(interval) = set_interval_with_handle(tick, Duration::from_secs(seconds.into())) {
            on_cleanup(move || interval.clear());
        }
    }
    // A memo: the view is built once per load, not again on each move that
    // updates the deals.
    let arrived = Memo::new(move |_| all.loaded.with(|loaded| matches!(loaded, Some(Ok(_)))));
    let shown = move || {
        if !arrived.get() {
            return ().into_any();
        }
        match state.view.get() {
            DealsView::Forecast => view! { <ForecastView deals=all.deals() /> }.into_any(),
            DealsView::Board | DealsView::List => view! { <Board state all /> }.into_any(),
        }
    };
    view! {
        <LoadingEverything all />
        <div class="live-refresh" role="status">{refresh_failure(state.live)}</div>
        {shown}
    }
}

/// The load of every matching deal as the user sees it: its progress with a
/// Cancel, its failure with a Retry, a note when it was stopped early.
#[component]
fn LoadingEverything(all: AllMatching) -> impl IntoView {
    let progress = move || {
        all.progress.get().map(|(loaded, total)| {
            let text = if total == 0 {
                "Loading deals…".to_owned()
            } else {
                format!(
                    "Loading deals: {} of {}",
                    format::count(loaded as f64),
                    format::count(total as f64)
                )
            };
            view! {
                <div class="loading-all">
                    <p role="status">{text}</p>
                    <progress max=total.max(1) value=loaded aria-hidden="true"></progress>
                    <button type="button" class="secondary" on:click=move |_| all.stop_loading()>
                        "Cancel"
                    </button>
                </div>
            }
        })
    };
    let outcome = move || {
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
                <div class="error" role="alert">
                    <p>{error.to_string()}</p>
                    <button type="button" on:click=move |_| all.loaded.refetch()>"Retry"</button>
                </div>
            }
            .into_any(),
            Some(Ok(loaded)) if !loaded.complete => view! {
                <p class="partial-load">
                    {format!(
                        "Showing {} of {} deals: loading was stopped. ",
                        format::count(loaded.deals.len() as f64),
                        format::count(loaded.total as f64),
                    )}
                    <button type="button" class="secondary" on:click=move |_| all.loaded.refetch()>
                        "Load all"
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
