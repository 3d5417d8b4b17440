//! The workspace: what a connected user sees. It makes the shared state
//! (`state`), keeps the page URL in step with it, and shows the toolbar and
//! the screen on show: the list in the first download, every other screen
//! through `on_demand`.

use std::time::Duration;

use deals_i18n::Msg;
use leptos::prelude::*;

use super::deal_list::{DealList, Filters};
use super::debounce::Debounce;
use super::on_demand::{Chunk, OnDemand};
use super::state::{Screen, ViewSettings, WorkspaceState};
use super::views::{tab_id, ViewTabs};
use crate::api::ApiClient;
use crate::session::Session;
use crate::url_state::{DealsView, Shown, UrlState};

/// How long the view stays unchanged before the page URL follows it.
const URL_WRITE_DELAY: Duration = Duration::from_millis(250);

/// Everything a connected user works with: the deals as a list, a board or a
/// forecast, their filters, a deal, the new-deal form and the CSV export.
#[component]
pub fn Workspace(client: ApiClient, url_state: UrlState, settings: ViewSettings) -> impl IntoView {
    let session = expect_context::<Session>();
    let words = session.words();
    let state = WorkspaceState::new(client, session.clone(), url_state, settings);

    // The page URL follows once the view has settled: Chromium's
    // replaceState is slow, and, run while the answer was on its way, it
    // held back showing it; and a burst of changes (paging through quickly)
    // makes one write, not one each, which Chromium throttles past a few
    // hundred in ten seconds. A write still waiting when the workspace goes
    // (a disconnect, the widget removed) goes with it.
    let url_write = Debounce::new(URL_WRITE_DELAY);
    Effect::new(move |_| {
        let shown = Shown {
            query: state.query.get(),
            view: state.view.get(),
            deal: state.screen.with(Screen::deal_id),
        };
        let url_state = state.url_state.get_value();
        url_write.call(move || url_state.write(&shown));
    });

    // Board and forecast share one load of every matching deal: switching
    // between them does not rebuild what is under the tabs.
    let shows_list = Memo::new(move |_| state.view.get() == DealsView::List);
    let body = move || {
        match state.screen.get() {
        Screen::List => view! {
            <ViewTabs view=state.view />
            <div class="view-panel" role="tabpanel" id="isao-view-panel" aria-labelledby=move || tab_id(state.view.get())>
                <Filters state />
                {move || if shows_list.get() {
                    view! { <DealList state /> }.into_any()
                } else {
                    view! { <OnDemand state chunk=Chunk::Views /> }.into_any()
                }}
            </div>
        }
        .into_any(),
        Screen::Deal(_) => view! { <OnDemand state chunk=Chunk::Deal /> }.into_any(),
        Screen::NewDeal => view! { <OnDemand state chunk=Chunk::NewDeal /> }.into_any(),
        Screen::Export => view! { <OnDemand state chunk=Chunk::Export /> }.into_any(),
    }
    };

    view! {
        <header class="toolbar" part="toolbar">
            <h2>{words.text(Msg::Deals)}</h2>
            <div class="toolbar-actions">
                <button part="button" type="button" on:click=move |_| state.screen.try_set(Screen::NewDeal)>{words.text(Msg::NewDeal)}</button>
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
        {body}
    }
}
