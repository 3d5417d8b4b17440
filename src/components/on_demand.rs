//! Screens left out of the first download. The release build cuts the code
//! of the deal, of the new-deal form, of the CSV export, of the board and
//! forecast views, of the shortcuts' list and of the saved views into wasm
//! chunks
//! of their own (`scripts/release-bundle.sh`), fetched the first time one of
//! them is opened, once per page: a host page that shows the list pays for
//! the list only.
//! Debug builds (`trunk serve`, the component tests) call the same functions
//! directly.
//!
//! Those screens' words are left out of the English built into the first
//! download (`Msg::on_demand`): the first of them fetches the whole English
//! catalogue, with the stylesheet (`Words::whole`).
//!
//! Those screens' rules are left out of the widget's stylesheet too: they are
//! in `isao-deals-screens.css`, found beside it (beside the shipped
//! `isao-deals.css`, or beside the host's `stylesheet` option; beside a
//! `data:` URL there is none, and that URL is the whole CSS). The first of
//! those screens to open in a widget requests that sheet into the widget's
//! shadow root, and each shows once the sheet applies there, so never
//! unstyled. The code that does so travels in the chunks.

use std::cell::Cell;

use deals_i18n::Msg;
use js_sys::Promise;
use leptos::html::P;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;
use wasm_bindgen::prelude::*;
use web_sys::Node;

use super::deal_detail::DealDetail;
use super::deal_form::DealForm;
use super::export::ExportScreen;
use super::later::Later;
use super::list_selection::ListSelectionBar;
use super::outbox::UndoToast;
use super::rebuilt::rebuilt;
use super::saved_views::SavedViewsPanel;
use super::shortcuts::ShortcutList;
use super::state::{Screen, WorkspaceState};
use super::views::MatchingDealsViews;
use crate::session::Session;
use crate::url_state::DealsView;

type Render = fn(WorkspaceState) -> AnyView;

/// A screen whose code may have to be fetched first.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Chunk {
    Deal,
    NewDeal,
    Export,
    /// The board and the forecast.
    Views,
    /// The panels under the toolbar: the list of keyboard shortcuts and
    /// the saved views, and the undo toast. One chunk: each split point
    /// costs the first download its own loader.
    Panels,
}

impl Chunk {
    const COUNT: usize = 5;

    fn index(self) -> usize {
        match self {
            Chunk::Deal => 0,
            Chunk::NewDeal => 1,
            Chunk::Export => 2,
            Chunk::Views => 3,
            Chunk::Panels => 4,
        }
    }

    async fn load(self) -> Result<Render, SplitLoaderError> {
        match self {
            Chunk::Deal => deal_screen().await,
            Chunk::NewDeal => new_deal_screen().await,
            Chunk::Export => export_screen().await,
            Chunk::Views => views_screen().await,
            Chunk::Panels => panels_screen().await,
        }
    }
}

thread_local! {
    // Code, once here, is here for every widget of the page: opening a second
    // deal, or the same screen in another widget, renders at once.
    static LOADED: Cell<[Option<Render>; Chunk::COUNT]> = const { Cell::new([None; Chunk::COUNT]) };
}

fn loaded(chunk: Chunk) -> Option<Render> {
    LOADED.with(|loaded| loaded.get()[chunk.index()])
}

fn remember(chunk: Chunk, render: Render) {
    LOADED.with(|loaded| {
        let mut all = loaded.get();
        all[chunk.index()] = Some(render);
        loaded.set(all);
    });
}

// The shadow root keeps the sheet's link, whose `applied` promise settles
// once it applies or could not be fetched (the link then goes, and the next
// screen to open requests it anew; that screen shows anyway). A widget
// mounted again in the same root empties it, link included.
#[wasm_bindgen(inline_js = "export function screensSheet(node) {
    const root = node.getRootNode();
    let link = root.isaoScreens;
    if (link?.parentNode !== root) {
        link = root.isaoScreens = root.ownerDocument.createElement('link');
        link.rel = 'stylesheet';
        link.applied = new Promise((settled) => {
            link.onload = settled;
            link.onerror = () => settled(link.remove());
        });
        try {
            link.href = new URL('isao-deals-screens.css', root.querySelector('link').href);
        } catch {
            return Promise.resolve();
        }
        root.append(link);
    }
    return link.applied;
}")]
extern "C" {
    /// Requests the screens' stylesheet into the shadow root `node` is in,
    /// unless it is on its way or there; settles once the screens may show.
    #[wasm_bindgen(js_name = screensSheet)]
    fn screens_sheet(node: &Node) -> Promise;
}

/// `screen`, once the screens' stylesheet applies in the widget's shadow
/// root and the widget's words include the screens' (`Words::whole`). Not
/// generic, so that the chunks share one copy.
fn styled(state: WorkspaceState, screen: Render) -> AnyView {
    let words = expect_context::<Session>().words();
    let placeholder = NodeRef::<P>::new();
    let shown = Later::new(false);
    Effect::new(move || {
        if let Some(placeholder) = placeholder.get() {
            let sheet = screens_sheet(&placeholder);
            spawn_local(async move {
                let _ = sheet.await;
                words.whole().await;
                // The user may have left the screen while the sheet was on its way.
                shown.try_set(true);
            });
        }
    });
    // A switch to English on a screen already shown: its words come too
    // (at the start, the wait above fetches them).
    Effect::new(move |started: Option<()>| {
        let whole = words.now().is_whole();
        if started.is_some() && !whole {
            spawn_local(async move {
                words.whole().await;
            });
        }
    });
    rebuilt(move || {
        if shown.get() {
            screen(state)
        } else {
            view! { <p class="status" node_ref=placeholder>{words.text(Msg::Loading)}</p> }
                .into_any()
        }
    })
}

fn render_deal(state: WorkspaceState) -> AnyView {
    styled(state, |state| match state.screen.get_untracked() {
        Screen::Deal(id) => view! { <DealDetail state id /> }.into_any(),
        Screen::List | Screen::NewDeal | Screen::Export => ().into_any(),
    })
}

fn render_new_deal(state: WorkspaceState) -> AnyView {
    styled(state, |state| view! { <DealForm state /> }.into_any())
}

fn render_export(state: WorkspaceState) -> AnyView {
    styled(state, |state| view! { <ExportScreen state /> }.into_any())
}

fn render_views(state: WorkspaceState) -> AnyView {
    styled(state, |state| {
        view! { <MatchingDealsViews state /> }.into_any()
    })
}

/// The list of keyboard shortcuts while it shows, else the saved views
/// while they show; and the undo toast, from the first change on.
fn render_panels(state: WorkspaceState) -> AnyView {
    styled(state, |state| {
        let panel = rebuilt(move || {
            if state.shortcuts.get() {
                view! { <ShortcutList state /> }.into_any()
            } else if state.saved_views.get() {
                view! { <SavedViewsPanel state /> }.into_any()
            } else {
                ().into_any()
            }
        });
        let toast = move || {
            state
                .changes_made
                .get()
                .then(|| view! { <UndoToast state /> })
        };
        // The board has its own, above its columns.
        let list_bar = move || {
            (state.screen.get() == Screen::List && state.view.get() == DealsView::List)
                .then(|| view! { <ListSelectionBar state /> })
        };
        view! { {panel} {list_bar} {toast} }.into_any()
    })
}

#[cfg(not(debug_assertions))]
#[leptos::wasm_split::wasm_split(panels, fallible, wasm_split_path = ::leptos::wasm_split)]
fn panels_screen() -> Result<Render, SplitLoaderError> {
    Ok(render_panels)
}

#[cfg(debug_assertions)]
async fn panels_screen() -> Result<Render, SplitLoaderError> {
    Ok(render_panels)
}

#[cfg(not(debug_assertions))]
#[leptos::wasm_split::wasm_split(deal, fallible, wasm_split_path = ::leptos::wasm_split)]
fn deal_screen() -> Result<Render, SplitLoaderError> {
    Ok(render_deal)
}

#[cfg(not(debug_assertions))]
#[leptos::wasm_split::wasm_split(new_deal, fallible, wasm_split_path = ::leptos::wasm_split)]
fn new_deal_screen() -> Result<Render, SplitLoaderError> {
    Ok(render_new_deal)
}

#[cfg(not(debug_assertions))]
#[leptos::wasm_split::wasm_split(export, fallible, wasm_split_path = ::leptos::wasm_split)]
fn export_screen() -> Result<Render, SplitLoaderError> {
    Ok(render_export)
}

#[cfg(not(debug_assertions))]
#[leptos::wasm_split::wasm_split(views, fallible, wasm_split_path = ::leptos::wasm_split)]
fn views_screen() -> Result<Render, SplitLoaderError> {
    Ok(render_views)
}

#[cfg(debug_assertions)]
async fn deal_screen() -> Result<Render, SplitLoaderError> {
    Ok(render_deal)
}

#[cfg(debug_assertions)]
async fn new_deal_screen() -> Result<Render, SplitLoaderError> {
    Ok(render_new_deal)
}

#[cfg(debug_assertions)]
async fn export_screen() -> Result<Render, SplitLoaderError> {
    Ok(render_export)
}

#[cfg(debug_assertions)]
async fn views_screen() -> Result<Render, SplitLoaderError> {
    Ok(render_views)
}

/// `chunk`'s screen, at once if its code is here, otherwise once it has
/// arrived. A chunk that cannot be fetched (the network, say) leaves a
/// message and a Retry, and the rest of the widget working.
#[component]
pub(super) fn OnDemand(state: WorkspaceState, chunk: Chunk) -> impl IntoView {
    if let Some(render) = loaded(chunk) {
        return render(state);
    }
    let words = expect_context::<Session>().words();
    let arrived = Later::new(None::<Result<Render, ()>>);
    let attempt = RwSignal::new(0_u32);
    Effect::new(move || {
        attempt.track();
        arrived.try_set(None);
        spawn_local(async move {
            let outcome = chunk.load().await.map_err(drop);
            if let Ok(render) = outcome {
                remember(chunk, render);
            }
            // The user may have left the screen while its code was on the way.
            arrived.try_set(Some(outcome));
        });
    });
    let shown = move || {
        match arrived.get() {
            Some(Ok(render)) => render(state),
            Some(Err(())) => view! {
                <div class="error" part="error" role="alert">
                    <p>{words.text(Msg::ScreenNotLoaded)}</p>
                    <button part="button" type="button" on:click=move |_| attempt.update(|count| *count += 1)>{words.text(Msg::Retry)}</button>
                </div>
            }
            .into_any(),
            None => view! { <p class="status">{words.text(Msg::Loading)}</p> }.into_any(),
        }
    };
    rebuilt(shown)
}
