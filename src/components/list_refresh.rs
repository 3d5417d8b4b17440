//! Live refresh of the list, once it ticks: asking the API what changed
//! since the newest update seen, merging it into the page on screen, and
//! saying what it found (the deals that would change the page, with "Show
//! changes") and its failure once it keeps failing. Nothing of it runs or
//! shows before the first tick, so its code is a chunk fetched then
//! (`deal_list::LiveRefreshNotice`), not part of what a host page downloads
//! to show the list.

use deals_i18n::Msg;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::later::Later;
use super::latest_answer::InFlight;
use super::rebuilt::rebuilt;
use super::refresh_failure::refresh_failure;
use super::state::{learn_stage, WorkspaceState};
use crate::live_refresh::{
    apply_updates, changes_since, newest_update, sort_changes, Changed, Offered,
};
use crate::selection::Selection;
use crate::session::Session;

/// What the list's tick calls, once fetched.
#[derive(Clone, Copy)]
pub(super) struct ListRefresh {
    pub refresh: fn(WorkspaceState, &Session),
    pub notices: fn(WorkspaceState) -> AnyView,
}

pub(super) const LIST_REFRESH: ListRefresh = ListRefresh { refresh, notices };

/// Asks for what changed and merges the answer: rows of the page on screen
/// are changed in place; deals that would enter or leave it are offered.
fn refresh(state: WorkspaceState, session: &Session) {
    let live = state.live;
    let deals = state.deals;
    // What the answer is sorted against is what was on screen when asked.
    let (Some(client), Some(asked)) = (
        state.client.try_get_value(),
        state.query.try_get_untracked(),
    ) else {
        return;
    };
    let since = live.seen.try_get_untracked().flatten();
    let session = session.clone();
    spawn_local(async move {
        let _in_flight = InFlight::start(live.in_flight);
        let answer = client.list_deals(&changes_since(&asked, since)).await;
        let Some(changes) = live.failing.record(&session, answer) else {
            return;
        };
        // A page asked for meanwhile is compared when it arrives.
        let same_page = state.query.try_with_untracked(|now| *now == asked) == Some(true)
            && deals.in_flight.try_get_untracked() == Some(0);
        if !same_page {
            return;
        }
        for deal in &changes.data {
            learn_stage(state.stages, deal);
        }
        // A selected deal changed meanwhile is kept as it is now, or leaves
        // the selection if the filters no longer keep it.
        if let Some(selection) = state.made::<Later<Selection>>() {
            selection.try_update(|selection| selection.update(&changes.data, &asked));
        }
        live.seen
            .try_update(|seen| *seen = newest_update(*seen, &changes.data));
        let sorted = deals
            .try_with_untracked(|shown| match shown {
                Some(Ok(page)) => Some(sort_changes(&page.data, &asked, since, changes)),
                _ => None,
            })
            .flatten();
        let Some(mut sorted) = sorted else { return };
        if sorted.too_many || !sorted.moving.is_empty() {
            live.offered.try_update(|offered| offered.add(&mut sorted));
        }
        if !sorted.updated.is_empty() {
            deals.try_update(|shown| {
                if let Some(Ok(page)) = shown {
                    apply_updates(&mut page.data, sorted.updated);
                }
            });
        }
    });
}

/// The offer of what live refresh found, and its failure.
fn notices(state: WorkspaceState) -> AnyView {
    let live = state.live;
    let words = expect_context::<Session>().words();
    let offer = rebuilt(move || {
        let texts = words.now();
        let changed = live
            .offered
            .with(Offered::summary)
            .map(|changed| match changed {
                Changed::Many => texts.get(Msg::ManyDealsChanged).to_owned(),
                Changed::Deals(count) => texts.count(Msg::DealsChanged, count as f64, &[]),
            });
        changed.map(|changed| view! {
            <p class="refresh-offer">
                {changed} " "
                <button part="button secondary-button" type="button" class="secondary" on:click=move |_| state.deals.refetch()>{texts.get(Msg::ShowChanges)}</button>
            </p>
        })
        .into_any()
    });
    view! {
        {offer}
        {refresh_failure(live)}
    }
    .into_any()
}
