//! What every screen shows when the API is slow to answer: that it is slow,
//! with Cancel and Retry, and a request that never answers stopped for good.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use super::debounce::Debounce;
use super::later::Later;

/// Most answers come well within a second; past a few seconds a person
/// starts to wonder whether anything is happening, so the screen says the
/// API is slow and offers a way out.
const SLOW_AFTER: Duration = Duration::from_secs(4);

/// An answer this late is not coming (a proxy that holds the connection, a
/// server stuck): the request is stopped as if the user had cancelled it,
/// rather than left open for as long as the browser would wait.
const GIVE_UP_AFTER: Duration = Duration::from_secs(30);

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Quiet,
    Slow,
    Cancelled,
    TimedOut,
}

/// What the user may do to a request they are waiting for: shared between
/// the timers, the buttons and the view, which rebuilds them.
pub(super) type OnWait = Arc<dyn Fn() + Send + Sync>;

/// A request's wait as the user sees it. `pending` says a request is under
/// way; a change of any signal it reads starts the clocks again, so a load
/// of many pages is slow only when one page is. `cancel` stops the request
/// (the timeout calls it too); `retry` asks again. `own_cancel`: the screen
/// has its own Cancel (the export, the load of every deal), so none is
/// added here. Not generic, and no `Signal` or `Callback`: one copy serves
/// every screen, in the first download with the list, and no screen's
/// chunk carries one of its own.
pub(super) fn waiting(
    pending: Box<dyn Fn() -> bool>,
    cancel: OnWait,
    retry: OnWait,
    own_cancel: bool,
) -> AnyView {
    let phase = Later::new(Phase::Quiet);
    let slow = Debounce::new(SLOW_AFTER);
    let give_up = Debounce::new(GIVE_UP_AFTER);
    let stop = move |reason: Phase, cancel: &OnWait| {
        phase.try_set(reason);
        cancel();
    };
    // A retry while the request is still pending starts the clocks again too.
    let retried = Trigger::new();
    let timeout = cancel.clone();
    Effect::new(move |_| {
        retried.track();
        if pending() {
            phase.try_set(Phase::Quiet);
            slow.call(move || phase.try_set(Phase::Slow));
            let timeout = timeout.clone();
            give_up.call(move || stop(Phase::TimedOut, &timeout));
        } else {
            slow.cancel();
            give_up.cancel();
            if phase.get_untracked() == Phase::Slow {
                phase.try_set(Phase::Quiet);
            }
        }
    });
    (move || {
        let (role, part, text) = match phase.get() {
            Phase::Quiet => return ().into_any(),
            Phase::Slow => ("status", "status", "The Deals API is slow to answer."),
            Phase::Cancelled => (
                "alert",
                "error",
                "Cancelled: the Deals API had not answered.",
            ),
            Phase::TimedOut => (
                "alert",
                "error",
                "The Deals API did not answer in time: the request was stopped.",
            ),
        };
        let cancellable = phase.get() == Phase::Slow && !own_cancel;
        let (cancel, retry) = (cancel.clone(), retry.clone());
        // Built anew on each change of phase: a view diffed in place would
        // cost the first download more code than it saves work.
        view! {
            <div class="waiting" part=part role=role>
                <p>{text}</p>
                {cancellable.then(|| view! {
                    <button part="button secondary-button" type="button" class="secondary" on:click=move |_| stop(Phase::Cancelled, &cancel)>"Cancel"</button>
                })}
                <button part="button" type="button" on:click=move |_| {
                    retry();
                    retried.notify();
                }>"Retry"</button>
            </div>
        }
        .into_any()
    })
    .into_any()
}
