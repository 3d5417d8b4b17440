//! The state every screen of a workspace shares: the query, the screen and
//! view on show, the list's page and its live refresh, the stages seen, the
//! API client. It depends on no screen: the screens take it, the workspace
//! makes it, and a screen's own long-lived requests (the open deal, the
//! new-deal form's) are kept for it by type in [`WorkspaceState::made_once`].

use chrono::{DateTime, Utc};
use deals_contract::{Deal, DealQuery, Page, PIPELINE_STAGES};
use leptos::prelude::*;

use super::later::Later;
use super::latest_answer::LatestAnswer;
use crate::api::{ApiClient, ApiError};
use crate::deal_sort::SortOrder;
use crate::live_refresh::{newest_update, Offered};
use crate::session::Session;
pub(super) use crate::url_state::Screen;
use crate::url_state::{DealLinks, DealsView, Shown, UrlState};

/// How the board and the live refresh behave, as the embedder sets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewSettings {
    /// An open deal unchanged for this many days is marked idle; 0 turns the marker off.
    pub idle_days: u32,
    /// How often a visible widget asks for changes; 0 turns live refresh off.
    pub refresh_seconds: u32,
    /// How long a change waits, undoable, before it is sent; 0 sends at once.
    pub undo_seconds: u32,
}

impl Default for ViewSettings {
    fn default() -> Self {
        Self {
            idle_days: 14,
            refresh_seconds: 30,
            undo_seconds: 6,
        }
    }
}

/// Live refresh of the list: what it found that the page on screen does not
/// show yet, and how its requests fare.
#[derive(Clone, Copy)]
pub(super) struct LiveRefresh {
    /// Seconds between two refreshes; 0 turns live refresh off.
    pub seconds: u32,
    /// Deals that would enter or leave the page on screen.
    pub offered: Later<Offered>,
    pub failing: RefreshFailures,
    pub in_flight: Later<u32>,
    /// The newest `updatedAt` of a loaded page or a refresh: the next
    /// refresh asks for what changed after it.
    pub seen: Later<Option<DateTime<Utc>>>,
}

/// Live refreshes failed in a row, with the last one's error.
#[derive(Clone, Copy)]
pub(super) struct RefreshFailures(pub Later<(u32, Option<ApiError>)>);

impl RefreshFailures {
    /// Takes a refresh's answer: a failure is reported to the session and
    /// counted, with its error kept to show; a success clears the count.
    pub fn record(
        self,
        session: &Session,
        answer: Result<Page<Deal>, ApiError>,
    ) -> Option<Page<Deal>> {
        match answer {
            Ok(changes) => {
                self.0.try_set((0, None));
                Some(changes)
            }
            Err(error) => {
                session.report(&error);
                self.0.try_update(|(count, last)| {
                    *count += 1;
                    *last = Some(error);
                });
                None
            }
        }
    }
}

/// Everything the screens share. It is owned by the workspace, not by a
/// screen, so that an answer arriving after the user left the screen that
/// asked still updates the list. Its signals are [`Later`]s: they offer
/// `try_` writes only, so an answer arriving after a disconnect touches
/// nothing.
#[derive(Clone, Copy)]
pub(super) struct WorkspaceState {
    pub query: Later<DealQuery>,
    /// The words in the search box, as typed: the views over every
    /// matching deal show those they find.
    pub search: Later<String>,
    /// The column the views over every matching deal sort by.
    pub sort: Later<Option<SortOrder>>,
    /// The user's id as the host page says it (`current-user`); the views
    /// ask the user otherwise (`mine.rs`).
    pub host_user: StoredValue<Option<String>>,
    /// The list of keyboard shortcuts shows.
    pub shortcuts: Later<bool>,
    /// The saved views show.
    pub saved_views: Later<bool>,
    /// "Mine": only the deals assigned to the current user.
    pub mine: Later<bool>,
    /// Only the idle deals.
    pub idle: Later<bool>,
    /// Only the open deals expected to close this month.
    pub closing_this_month: Later<bool>,
    pub screen: Later<Screen>,
    /// How the list screen shows the deals: list, board or forecast.
    pub view: Later<DealsView>,
    /// Stages offered as suggestions: the pipeline's, then every one seen.
    pub stages: Later<Vec<String>>,
    pub deals: LatestAnswer<Result<Page<Deal>, ApiError>>,
    /// Owns what the screens fetched on demand make for the workspace.
    owner: StoredValue<Owner>,
    pub live: LiveRefresh,
    /// For the screens fetched on demand that make requests of their own
    /// (the CSV export, the board and the forecast).
    pub client: StoredValue<ApiClient>,
    /// The page URL's part of this widget, for the links of rows and cards.
    pub url_state: StoredValue<UrlState>,
    /// An open deal unchanged for this many days is marked idle; 0 = off.
    pub idle_days: u32,
    /// How long a change waits, undoable, before it is sent; 0 = at once.
    pub undo_seconds: u32,
    /// A change was made: the undo toast's place shows from then on.
    pub changes_made: Later<bool>,
    /// A deal was selected, in the list or on the board: the list's
    /// selection bar, and the code that ticks its rows, come from then on.
    pub ticked: Later<bool>,
}

/// Adds `deal`'s stage to the suggestions if it is a new one.
pub(super) fn learn_stage(stages: Later<Vec<String>>, deal: &Deal) {
    if let Some(stage) = &deal.stage {
        let unseen = stages.try_with_untracked(|known| !known.contains(stage));
        if unseen == Some(true) {
            stages.try_update(|known| known.push(stage.clone()));
        }
    }
}

impl WorkspaceState {
    /// The one `T` of this workspace, made by `make` the first time a screen
    /// needs it (the open deal, the new-deal form's request). The workspace
    /// owns it, so it outlives the screen (an answer arriving after the user
    /// left still lands), while its code travels in the screen's chunk
    /// instead of the first download. Kept in the workspace's context, by
    /// type, so that this module names no screen's type.
    pub(super) fn made_once<T: Clone + Send + Sync + 'static>(
        &self,
        make: impl FnOnce() -> T,
    ) -> T {
        if let Some(made) = self.made() {
            return made;
        }
        self.owner.get_value().with(|| {
            let made = make();
            provide_context(made.clone());
            made
        })
    }

    /// The `T` that [`WorkspaceState::made_once`] made, if a screen asked for one yet.
    /// None once the workspace is gone, as it may be after an `.await`.
    pub(super) fn made<T: Clone + 'static>(&self) -> Option<T> {
        self.owner.try_get_value()?.with(use_context::<T>)
    }

    /// What the workspace shows, as the page URL says it; tracked.
    pub(super) fn shown(&self) -> Shown {
        Shown {
            query: self.query.get(),
            search: self.search.get(),
            sort: self.sort.get(),
            mine: self.mine.get(),
            idle: self.idle.get(),
            closing_this_month: self.closing_this_month.get(),
            view: self.view.get(),
            screen: self.screen.get(),
        }
    }

    /// Shows what `shown` names.
    pub(super) fn show(&self, shown: Shown) {
        self.query.try_set(shown.query);
        self.search.try_set(shown.search);
        self.sort.try_set(shown.sort);
        self.mine.try_set(shown.mine);
        self.idle.try_set(shown.idle);
        self.closing_this_month.try_set(shown.closing_this_month);
        self.view.try_set(shown.view);
        self.screen.try_set(shown.screen);
    }

    /// The links of the deals `view` shows for the query in force.
    pub(super) fn deal_links(&self, view: DealsView) -> DealLinks {
        let shown = Shown {
            view,
            screen: Screen::List,
            ..untrack(|| self.shown())
        };
        self.url_state
            .with_value(|url_state| url_state.deal_links(&shown))
    }

    pub(super) fn new(
        client: ApiClient,
        session: Session,
        url_state: UrlState,
        settings: ViewSettings,
        current_user: Option<String>,
    ) -> Self {
        let query = Later::new(DealQuery::default());
        let search = Later::new(String::new());
        let sort = Later::new(None);
        let mine = Later::new(false);
        let idle = Later::new(false);
        let closing_this_month = Later::new(false);
        let screen = Later::new(Screen::List);
        let view = Later::new(DealsView::List);
        let stages = Later::new(PIPELINE_STAGES.map(str::to_owned).to_vec());
        let learn = move |deal: &Deal| learn_stage(stages, deal);

        let seen = Later::new(None);
        let offered = Later::new(Offered::default());
        let deals = LatestAnswer::new({
            let (client, session) = (client.clone(), session.clone());
            move || {
                let request = query.get();
                let (client, session) = (client.clone(), session.clone());
                async move {
                    let answer = client.list_deals(&request).await;
                    match &answer {
                        Ok(page) => {
                            page.data.iter().for_each(learn);
                            seen.try_update(|seen| *seen = newest_update(*seen, &page.data));
                            offered.try_set(Offered::default());
                        }
                        Err(error) => session.report(error),
                    }
                    answer
                }
            }
        });

        let failing = RefreshFailures(Later::new((0, None)));
        let refreshes_in_flight = Later::new(0);
        let live = LiveRefresh {
            seconds: settings.refresh_seconds,
            offered,
            failing,
            in_flight: refreshes_in_flight,
            seen,
        };

        let client = StoredValue::new(client);
        let state = Self {
            query,
            search,
            sort,
            shortcuts: Later::new(false),
            saved_views: Later::new(false),
            mine,
            idle,
            closing_this_month,
            host_user: StoredValue::new(current_user),
            screen,
            view,
            stages,
            deals,
            // An owner of its own: the workspace is built again on the same
            // owner after a disconnect and a new connection, and an owner's
            // cleanup keeps its contexts, so the last workspace's things
            // (disposed with it) would be found again.
            owner: StoredValue::new(
                Owner::current().map_or_else(Owner::default, |parent| parent.child()),
            ),
            live,
            client,
            url_state: StoredValue::new(url_state),
            idle_days: settings.idle_days,
            undo_seconds: settings.undo_seconds,
            changes_made: Later::new(false),
            ticked: Later::new(false),
        };
        state.show_url();
        state
    }

    /// Shows what the page URL names: at the start, and on Back or Forward.
    pub(super) fn show_url(&self) {
        if let Some(shown) = self.url_state.try_with_value(UrlState::read) {
            self.show(shown);
        }
    }
}
