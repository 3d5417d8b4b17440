//! What every screen shows when the API is slow to answer: that it is slow,
//! with Cancel and Retry, and a request that never answers stopped for good.
//!
//! Only the clock that notices a slow request is in the first download:
//! what then shows (`wait_view`) is a chunk of its own, fetched the first
//! time a request is slow, once per page, as the screens are (`on_demand`).

use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

use super::debounce::Debounce;
use super::later::Later;
use super::rebuilt::rebuilt;
pub(super) use super::wait_view::OnWait;
use super::wait_view::{wait_view, Wait};

/// Most answers come well within a second; past a few seconds a person
/// starts to wonder whether anything is happening, so the screen says the
/// API is slow and offers a way out.
const SLOW_AFTER: Duration = Duration::from_secs(4);

type ShowWait = fn(&Wait) -> AnyView;

thread_local! {
    // Code, once here, is here for every wait of the page.
    static WAIT_VIEW: Cell<Option<ShowWait>> = const { Cell::new(None) };
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
                    if let Ok(show) = wait_view_code().await {
                        WAIT_VIEW.set(Some(show));
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
            .then(|| WAIT_VIEW.get().map(|show| show(&wait)))
            .flatten()
            .into_any()
    })
}

#[cfg(not(debug_assertions))]
#[leptos::wasm_split::wasm_split(wait, fallible, wasm_split_path = ::leptos::wasm_split)]
fn wait_view_code() -> Result<ShowWait, SplitLoaderError> {
    Ok(wait_view)
}

#[cfg(debug_assertions)]
async fn wait_view_code() -> Result<ShowWait, SplitLoaderError> {
    Ok(wait_view)
}
