//! The workspace: what a connected user sees. It makes the shared state
//! (`state`), keeps the page URL in step with it, and shows the toolbar and
//! the screen on show: the list in the first download, every other screen
//! through `on_demand`.

use std::time::Duration;

use deals_i18n::Msg;
use leptos::ev;
use leptos::prelude::*;

use super::deal_list::{DealList, Filters};
use super::debounce::Debounce;
use super::on_demand::{Chunk, OnDemand};
use super::rebuilt::rebuilt;
use super::shortcuts::on_shortcut_key;
use super::state::{Screen, ViewSettings, WorkspaceState};
use super::views::{tab_id, ViewTabs};
use crate::api::ApiClient;
use crate::session::Session;
use crate::url_state::{DealsView, HistoryStep, Shown, UrlState};

/// How long the view stays unchanged before the page URL follows it.
const URL_WRITE_DELAY: Duration = Duration::from_millis(250);

/// Everything a connected user works with: the deals as a list, a board or a
/// forecast, their filters, a deal, the new-deal form and the CSV export.
#[component]
pub fn Workspace(
    client: ApiClient,
    url_state: UrlState,
    settings: ViewSettings,
    /// Who the user is, as the host page says.
    current_user: Option<String>,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let words = session.words();
    let state = WorkspaceState::new(client, session.clone(), url_state, settings, current_user);

    // Filters reach the page URL once they have settled: Chromium's
    // replaceState is slow, and, run while the answer was on its way, it
    // held back showing it; and a burst of changes (paging through quickly)
    // makes one write, not one each, which Chromium throttles past a few
    // hundred in ten seconds. A write still waiting when the workspace goes
    // (a disconnect, the widget removed) goes with it.
    //
    // A change of screen or view is a new history entry (Back returns from
    // it), written at once so that no screen is merged into the next; a
    // change of filters rewrites the entry in force once they settle;
    // nothing is written when the URL already shows the state (read on Back
    // or Forward, or at the start). The URL itself is what it shows: no copy
    // is kept to fall out of step with it.
    let url_write = Debounce::new(URL_WRITE_DELAY);
    let write = move |shown: Shown, step: HistoryStep| {
        state
            .url_state
            .try_with_value(|url_state| url_state.write(&shown, step));
    };
    Effect::new(move |_| {
        let shown = state.shown();
        let in_url = state.url_state.with_value(UrlState::read);
        match HistoryStep::between(&in_url, &shown) {
            Some(HistoryStep::Push) => {
                url_write.cancel();
                write(shown, HistoryStep::Push);
            }
            Some(HistoryStep::Replace) => {
                url_write.call(move || write(shown, HistoryStep::Replace));
            }
            None => url_write.cancel(),
        }
    });
    // Back and Forward show what the URL they land on names.
    if state.url_state.with_value(UrlState::is_on) {
        let moved = window_event_listener(ev::popstate, move |_| state.show_url());
        let (url_state, session) = (state.url_state.get_value(), session.clone());
        on_cleanup(move || {
            moved.remove();
            // Disconnected (not removed from the page, which keeps the view
            // for a widget mounted again on this URL): a widget connected
            // again starts from the list.
            if !session.is_connected() {
                url_state.clear();
            }
        });
    }

    // Board, forecast and the list searched, sorted or narrowed to "Mine"
    // share one load of every matching deal: switching between them does not
    // rebuild what is under the tabs. The list pages through the API's pages
    // when nothing is searched for, no column sorts it and "Mine" is off (the
    // API can filter by none of these).
    let shows_list = Memo::new(move |_| {
        state.view.get() == DealsView::List
            && state.search.with(|typed| typed.trim().is_empty())
            && state.sort.with(Option::is_none)
            && !state.mine.get()
            && !state.idle.get()
            && !state.closing_this_month.get()
    });
    let body = rebuilt(move || {
        let chunk = match state.screen.get() {
            Screen::List => {
                return view! {
                    <ViewTabs view=state.view />
                    <div class="view-panel" role="tabpanel" id="isao-view-panel" aria-labelledby=move || tab_id(state.view.get())>
                        <Filters state />
                        {rebuilt(move || if shows_list.get() {
                            view! { <DealList state /> }.into_any()
                        } else {
                            on_demand(state, Chunk::Views)
                        })}
                    </div>
                }
                .into_any()
            }
            Screen::Deal(_) => Chunk::Deal,
            Screen::NewDeal => Chunk::NewDeal,
            Screen::Export => Chunk::Export,
        };
        on_demand(state, chunk)
    });

    // A memo: the panels' place is built again only when it comes or goes,
    // not when one of its panels does (that would rebuild the toast).
    let panels_shown = Memo::new(move |_| {
        state.shortcuts.get()
            || state.saved_views.get()
            || state.changes_made.get()
            || state.ticked.get()
    });
    view! {
        <div class="workspace" on:keydown=move |event| on_shortcut_key(state, &event)>
            <header class="toolbar" part="toolbar">
                <h2>{words.text(Msg::Deals)}</h2>
                <div class="toolbar-actions">
                    <button part="button" type="button" on:click=move |_| state.screen.try_set(Screen::NewDeal)>{words.text(Msg::NewDeal)}</button>
                    <button part="button secondary-button" type="button" class="secondary"
                        aria-expanded=move || state.saved_views.get().to_string()
                        on:click=move |_| {
                            state.saved_views.try_update(|shown| *shown = !*shown);
                        }>
                        {words.text(Msg::SavedViews)}
                    </button>
                    <button part="button secondary-button" type="button" class="secondary" on:click=move |_| state.screen.try_set(Screen::Export)>
                        {words.text(Msg::ExportCsv)}
                    </button>
                    // With the host authorising, there is no key to forget.
                    {session.asks_for_key().then(|| view! {
                        <button part="button secondary-button" type="button" class="secondary" on:click=move |_| session.disconnect(None)>
                            {words.text(Msg::Disconnect)}
                        </button>
                    })}
                </div>
            </header>
            // One panel at a time under the toolbar: the shortcuts' list
            // over the saved views, which show again once it closes; the
            // list's selection bar; the undo toast from the first change on.
            {rebuilt(move || {
                if panels_shown.get() {
                    on_demand(state, Chunk::Panels)
                } else {
                    ().into_any()
                }
            })}
            {body}
        </div>
    }
}

/// `chunk`'s screen, built in one place for every screen and panel: each
/// place that builds a component carries that code of its own.
fn on_demand(state: WorkspaceState, chunk: Chunk) -> AnyView {
    view! { <OnDemand state chunk /> }.into_any()
}
