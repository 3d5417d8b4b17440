//! What every screen shows when the API is slow to answer: that it is slow,
//! with Cancel and Retry, and a request that never answers stopped for good.
//!
//! Only the clock that notices a slow request is in the first download:
//! what then shows (`wait_view`) is a chunk of its own, fetched the first
//! time a request is slow, once per page, as the screens are (`on_demand`).
//! The list's countdown after a 429, and its page with no rows, come with
//! the same chunk.

use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

use deals_contract::{DealQuery, PageMeta};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

use super::debounce::Debounce;
use super::later::Later;
use super::rebuilt::rebuilt;
pub(super) use super::wait_view::OnWait;
use super::wait_view::{Wait, WaitViews, WAIT_VIEWS};
use crate::words::Texts;

/// Most answers come well within a second; past a few seconds a person
/// starts to wonder whether anything is happening, so the screen says the
/// API is slow and offers a way out.
const SLOW_AFTER: Duration = Duration::from_secs(4);

thread_local! {
    // Code, once here, is here for every wait of the page.
    static WAIT_CODE: Cell<Option<WaitViews>> = const { Cell::new(None) };
}

/// The chunk's code: at once when a wait fetched it already; `None` when it
/// cannot be fetched.
async fn wait_code() -> Option<WaitViews> {
    if let Some(code) = WAIT_CODE.get() {
        return Some(code);
    }
    let code = wait_views_code().await.ok()?;
    WAIT_CODE.set(Some(code));
    Some(code)
}

/// A request's wait as the user sees it: nothing, until `pending` has held
/// for a few seconds; then the wait (`wait_view`). `cancel` stops the
/// request (the timeout calls it too), `retry` asks again; `own_cancel`:
/// the screen has its own Cancel, so none is added. Not generic, and no
/// `Signal` or `Callback`: one copy serves every screen, and no screen's
/// chunk carries one of its own.
pub(super) fn waiting(
    pending: Arc<dyn Fn() -> bool + Send + Sync>,
    cancel: OnWait,
    retry: OnWait,
    own_cancel: bool,
) -> AnyView {
    let shown = Later::new(false);
    let slow = Debounce::new(SLOW_AFTER);
    let wait = Wait {
        pending: pending.clone(),
        cancel,
        retry,
        own_cancel,
        shown,
    };
    Effect::new(move |_| {
        if pending() && !shown.get() {
            // A chunk that cannot be fetched shows nothing more than before;
            // the next slow request tries again.
            slow.call(move || {
                spawn_local(async move {
                    if wait_code().await.is_some() {
                        shown.try_set(true);
                    }
                });
            });
        } else {
            slow.cancel();
        }
    });
    rebuilt(move || {
        shown
            .get()
            .then(|| WAIT_CODE.get().map(|code| (code.wait)(&wait)))
            .flatten()
            .into_any()
    })
}

/// A read the API refused for now (429), as the list shows it: the
/// countdown until `retry` asks again, from the wait's chunk; `refused`, the
/// error with a Retry, if that chunk cannot be fetched.
pub(super) fn rate_limited(
    error: String,
    retry_after_seconds: Option<u64>,
    retry: OnWait,
    refused: impl Fn() -> AnyView + Send + Sync + 'static,
) -> AnyView {
    from_wait_chunk(
        Arc::new(move |code| {
            (code.rate_limited)(error.clone(), retry_after_seconds, retry.clone())
        }),
        Arc::new(refused),
    )
}

/// The list's page with no rows, from the wait's chunk: why, and the way
/// out; nothing more than the pager's "0 deals" if it cannot be fetched.
pub(super) fn no_rows(meta: PageMeta, query: Later<DealQuery>, texts: Texts) -> AnyView {
    from_wait_chunk(
        Arc::new(move |code| (code.no_rows)(meta, query, texts)),
        Arc::new(|| ().into_any()),
    )
}

/// `shown` with the wait's chunk, fetched first if need be; `unfetched` if
/// it cannot be. One copy for both of the list's uses: the closures are
/// shared pointers, not generic.
fn from_wait_chunk(
    shown: Arc<dyn Fn(WaitViews) -> AnyView + Send + Sync>,
    unfetched: Arc<dyn Fn() -> AnyView + Send + Sync>,
) -> AnyView {
    // Whether the chunk's fetch has ended, well (its code is here) or not.
    let fetched = Later::new(WAIT_CODE.get().is_some());
    if !fetched.get_untracked() {
        spawn_local(async move {
            wait_code().await;
            fetched.try_set(true);
        });
    }
    rebuilt(move || match (fetched.get(), WAIT_CODE.get()) {
        (true, Some(code)) => shown(code),
        (true, None) => unfetched(),
        (false, _) => ().into_any(),
    })
}

#[cfg(not(debug_assertions))]
#[leptos::wasm_split::wasm_split(wait, fallible, wasm_split_path = ::leptos::wasm_split)]
fn wait_views_code() -> Result<WaitViews, SplitLoaderError> {
    Ok(WAIT_VIEWS)
}

#[cfg(debug_assertions)]
async fn wait_views_code() -> Result<WaitViews, SplitLoaderError> {
    Ok(WAIT_VIEWS)
}
