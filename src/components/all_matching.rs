//! Every deal that matches the filters, loaded page by page, those of them
//! the search finds, and the moves made on the board: one per workspace,
//! shared by the list of what a search found, the board and the forecast, so
//! that switching between them, or clearing a search and typing another,
//! loads nothing again.

use deals_contract::{Deal, DealQuery, StatusChange, MAX_LIMIT};
use futures::channel::oneshot;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::current_user::CurrentUser;
use super::later::Later;
use super::latest_answer::LatestAnswer;
use super::outbox::{Outbox, Settled};
use super::state::{learn_stage, WorkspaceState};
use crate::api::{AllDeals, ApiError};
use crate::deal_search::{SearchIndex, SearchWords};
use crate::forecast::MonthStarts;
use crate::format;
use crate::live_refresh::{changes_since, merge_changes, newest_update};
use crate::narrowing::Narrowing;
use crate::pipeline::expected_after;
use crate::session::Session;

/// The answer to a move on the board, with the deal as it was before.
pub(super) type MoveAnswer = (Deal, Result<(), ApiError>);

/// How far a load of every matching deal has come: deals read, deals counted.
type LoadProgress = (usize, u64);

/// Every deal that matches the filters, shared by the board and the forecast
/// while either is showing (switching between them loads nothing again),
/// and the moves made on the board. Its answers may arrive after the user
/// went back to the list: what they write is a [`Later`] or written with a
/// `try_` method.
#[derive(Clone, Copy)]
pub(super) struct AllMatching {
    /// The filters alone: the list's page and page size do not matter here.
    /// While no view shows the deals, the last filters a view showed: a
    /// change of filters on the plain list loads nothing until a view needs it.
    filters: Memo<DealQuery>,
    /// How many views show the deals now.
    showing: RwSignal<u32>,
    /// The filters of the deals loaded.
    loaded_for: StoredValue<Option<DealQuery>>,
    pub loaded: LatestAnswer<Result<AllDeals, ApiError>>,
    /// The positions, among the loaded deals, of those the search finds (and
    /// "Mine" keeps), in the sort's order (or the API's); `None` when nothing
    /// is searched for, nothing sorted and "Mine" is off.
    pub found: Memo<Option<Vec<usize>>>,
    pub progress: Later<Option<LoadProgress>>,
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
    /// The workspace's one, made the first time a view needs it. Kept by
    /// the workspace, not the view: the load outlives the view, and the next
    /// view shows it at once.
    pub fn shared(state: WorkspaceState) -> Self {
        state.made_once(|| Self::new(state))
    }

    fn new(state: WorkspaceState) -> Self {
        let session = expect_context::<Session>();
        let showing = RwSignal::new(0_u32);
        let filters = Memo::new(move |last: Option<&DealQuery>| {
            let wanted = || {
                state.query.with(|query| DealQuery {
                    page: 1,
                    limit: MAX_LIMIT,
                    ..query.clone()
                })
            };
            match last {
                Some(last) if showing.get() == 0 => last.clone(),
                _ => wanted(),
            }
        });
        let progress = Later::new(None);
        let loaded_for = StoredValue::new(None::<DealQuery>);
        let stop = StoredValue::new(None::<oneshot::Sender<()>>);
        // The load's own answer, which its pages write into as they arrive;
        // set right below, before its first request runs (effects run later).
        let itself = StoredValue::new(None);
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
                    let report = move |page: &[Deal], arrived: usize, total: u64| {
                        progress.try_set(Some((arrived, total)));
                        show_arrived(itself, page, arrived, total);
                    };
                    let answer = client.list_all_deals(&request, report, stopped).await;
                    progress.try_set(None);
                    match &answer {
                        Ok(all) => {
                            all.deals
                                .iter()
                                .for_each(|deal| learn_stage(state.stages, deal));
                            loaded_for.try_set_value(Some(request));
                        }
                        Err(error) => session.report(error),
                    }
                    answer
                }
            }
        });
        itself.set_value(Some(loaded));
        let found = found_and_sorted(state, loaded);
        let held = StoredValue::new(Vec::<String>::new());
        let outbox = Outbox::of(state);
        let move_deal = Action::new_local(move |(before, change): &(Deal, StatusChange)| {
            let moves = vec![(before.clone(), change.clone())];
            let before = before.clone();
            let settling = move_and_settle(Some((loaded, held)), outbox, moves, |_| {});
            async move {
                let refusal = settling
                    .await
                    .and_then(|refused| refused.into_iter().next());
                (before, refusal.map_or(Ok(()), |(_, error)| Err(error)))
            }
        });
        Self {
            filters,
            showing,
            loaded_for,
            loaded,
            found,
            progress,
            stop,
            move_deal,
            held,
            refreshing: StoredValue::new(false),
        }
    }

    /// The workspace's one while a view shows it (the list of what a search
    /// found, say), following the filters.
    pub fn shown(state: WorkspaceState) -> Option<Self> {
        state
            .made::<Self>()
            .filter(|all| all.showing.get_untracked() > 0)
    }

    /// How many loaded deals the search finds (every one when nothing is
    /// searched for); untracked.
    pub fn found_count(self) -> usize {
        self.found.with_untracked(|found| match found {
            Some(found) => found.len(),
            None => self.with_deals_untracked(<[Deal]>::len),
        })
    }

    /// Counts the view being built as showing the deals until it goes: while
    /// one does, the load follows the filters.
    pub fn show_while_mounted(self) {
        self.showing.update(|count| *count += 1);
        on_cleanup(move || {
            self.showing
                .try_update(|count| *count = count.saturating_sub(1));
        });
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
    /// Skipped while a load or a refresh is under way, and while the deals
    /// loaded are for other filters (a load for these is coming).
    pub fn refresh(self, state: WorkspaceState, session: Session) {
        if self.refreshing.get_value() || self.progress.get_untracked().is_some() {
            return;
        }
        if self.loaded_for.get_value() != Some(self.filters.get_untracked()) {
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

    /// Reads the deals in place: those arrived so far while a load runs,
    /// every one once it is over (or what had arrived when the user stopped
    /// it); tracked. In place: with thousands of
    /// deals, a copy of them all on each change is felt.
    pub fn with_deals<R>(self, read: impl FnOnce(&[Deal]) -> R) -> R {
        self.loaded.with(|loaded| read(loaded_deals(loaded)))
    }

    /// Reads the loaded deals that the search finds (every one when nothing
    /// is searched for), in place and in order; tracked.
    pub fn with_found<R>(self, read: impl FnOnce(&mut dyn Iterator<Item = &Deal>) -> R) -> R {
        self.found.with(|found| {
            self.with_deals(|deals| match found {
                Some(found) => read(&mut found.iter().filter_map(|position| deals.get(*position))),
                None => read(&mut deals.iter()),
            })
        })
    }

    pub fn with_deals_untracked<R>(self, read: impl FnOnce(&[Deal]) -> R) -> R {
        self.loaded
            .with_untracked(|loaded| read(loaded_deals(loaded)))
    }

    /// The loaded deal with this id, as it is now.
    pub fn find(self, id: &str) -> Option<Deal> {
        self.with_deals_untracked(|deals| deals.iter().find(|deal| deal.id == id).cloned())
    }

    pub fn stop_loading(self) {
        if let Some(sender) = self.stop.try_update_value(Option::take).flatten() {
            let _ = sender.send(());
        }
    }
}

/// The positions of the loaded deals that the search finds and "Mine" and
/// the narrowing ("Idle", "Closing this month") keep, in the sort's order.
/// The deals are folded for the search, and sorted, once per change of the
/// load (or of the sort), not once a keystroke.
fn found_and_sorted(
    state: WorkspaceState,
    loaded: LatestAnswer<Result<AllDeals, ApiError>>,
) -> Memo<Option<Vec<usize>>> {
    let order = Memo::new(move |_| {
        state.sort.get().map(|sort| {
            loaded.with(|loaded| {
                let deals = loaded_deals(loaded);
                let mut positions: Vec<usize> = (0..deals.len()).collect();
                sort.sort(deals, &mut positions);
                positions
            })
        })
    });
    let words = Memo::new(move |_| state.search.with(|typed| SearchWords::new(typed)));
    let searching = Memo::new(move |_| !words.with(SearchWords::is_empty));
    // Always changed: comparing two indexes would cost as much as making one.
    let index = Memo::new_with_compare(
        move |_| {
            if searching.get() {
                loaded.with(|loaded| SearchIndex::new(loaded_deals(loaded)))
            } else {
                SearchIndex::default()
            }
        },
        |_, _| true,
    );
    // `Some(None)`: "Mine" is on for a user not known yet, whose deals are none.
    let me = CurrentUser::of(state);
    let mine = Memo::new(move |_| state.mine.get().then(|| me.id.get()));
    Memo::new(move |_| {
        let words = words.get();
        let found = order.with(|order| match (order, words.is_empty()) {
            (None, true) => None,
            (Some(order), true) => Some(order.clone()),
            (order, false) => Some(index.with(|index| match order {
                Some(order) => index.matching(&words, order.iter().copied()),
                None => index.matching(&words, 0..index.len()),
            })),
        });
        let narrowing = narrowing(state, mine.get());
        if narrowing.keeps_all() {
            return found;
        }
        loaded.with(|loaded| {
            let deals = loaded_deals(loaded);
            let mut found = found.unwrap_or_else(|| (0..deals.len()).collect());
            found.retain(|position| {
                deals
                    .get(*position)
                    .is_some_and(|deal| narrowing.keeps(deal))
            });
            Some(found)
        })
    })
}

/// What narrows the matching deals as `state` says now ("Mine" for
/// `assigned_to`, the idle deals, those closing this month); tracked.
pub(super) fn narrowing(state: WorkspaceState, assigned_to: Option<Option<String>>) -> Narrowing {
    let (year, month, _) = format::local_today();
    Narrowing {
        assigned_to,
        idle_after_days: state.idle.get().then_some(state.idle_days),
        closing_in: state
            .closing_this_month
            .get()
            .then(|| MonthStarts::new((year, month), format::local_month_start)),
        now: format::now(),
    }
}

/// Adds a page of the load under way to what the views show, so that what a
/// search finds grows as pages arrive: the first page replaces what an
/// earlier load left; the answer, once complete, replaces them all.
fn show_arrived(
    loaded: StoredValue<Option<LatestAnswer<Result<AllDeals, ApiError>>>>,
    page: &[Deal],
    arrived: usize,
    total: u64,
) {
    let Some(loaded) = loaded.try_get_value().flatten() else {
        return;
    };
    loaded.try_update(|shown| match shown {
        Some(Ok(all)) if arrived > page.len() => {
            all.deals.extend_from_slice(page);
            all.total = total;
        }
        _ => {
            *shown = Some(Ok(AllDeals {
                deals: page.to_vec(),
                total,
                complete: false,
            }))
        }
    });
}

fn loaded_deals(loaded: &Option<Result<AllDeals, ApiError>>) -> &[Deal] {
    match loaded {
        Some(Ok(all)) => &all.deals,
        _ => &[],
    }
}

/// Shows `moves` (each deal as it was, and its change) at once, in the
/// views of every matching deal if one loaded them (the list's page shows
/// them moved anyway: the outbox sees to it), each deal kept from live
/// refresh until it settles, and hands them to the outbox, which sends them
/// once their undo window is over. Undone, or refused by the API, a deal
/// goes back where it was; the future gives the refusals, with the API's
/// errors, or `None` once undone. `answered` hears how many have answered
/// so far. The list's bulk moves load nothing more.
pub(super) fn move_shown(
    state: WorkspaceState,
    moves: Vec<(Deal, StatusChange)>,
    answered: impl Fn(usize) + 'static,
) -> impl std::future::Future<Output = Option<Vec<(Deal, ApiError)>>> {
    let all = state.made::<AllMatching>();
    move_and_settle(
        all.map(|all| (all.loaded, all.held)),
        Outbox::of(state),
        moves,
        answered,
    )
}

/// Every matching deal loaded, and those live refresh leaves alone.
type Loaded = (
    LatestAnswer<Result<AllDeals, ApiError>>,
    StoredValue<Vec<String>>,
);

fn replace(loaded: LatestAnswer<Result<AllDeals, ApiError>>, deal: &Deal) {
    loaded.try_update(|loaded| {
        if let Some(Ok(all)) = loaded {
            deal.replace_in(&mut all.deals);
        }
    });
}

/// [`move_shown`], for the board's single moves too: with no `loaded`, only
/// the outbox shows the moves.
fn move_and_settle(
    loaded: Option<Loaded>,
    outbox: Outbox,
    moves: Vec<(Deal, StatusChange)>,
    answered: impl Fn(usize) + 'static,
) -> impl std::future::Future<Output = Option<Vec<(Deal, ApiError)>>> {
    let show = move |deal: &Deal| {
        if let Some((loaded, _)) = loaded {
            replace(loaded, deal);
        }
    };
    let hold = move |id: &str, held_now: bool| {
        if let Some((_, held)) = loaded {
            held.try_update_value(|held| {
                held.retain(|each| each != id);
                if held_now {
                    held.push(id.to_owned());
                }
            });
        }
    };
    for (before, change) in &moves {
        show(&expected_after(before, change));
        hold(&before.id, true);
    }
    let settling = outbox.change(moves.clone(), answered);
    async move {
        match settling.await {
            Settled::Undone => {
                for (before, _) in &moves {
                    show(before);
                    hold(&before.id, false);
                }
                None
            }
            Settled::Answered(answers) => {
                let mut refused = Vec::new();
                for (before, answer) in answers {
                    hold(&before.id, false);
                    match answer {
                        Ok(deal) => show(&deal),
                        Err(error) => {
                            show(&before);
                            refused.push((before, error));
                        }
                    }
                }
                Some(refused)
            }
        }
    }
}
