//! The wait on show, once the API has been slow to answer: the message, with
//! Cancel and Retry, and the request stopped when no answer is coming; and
//! the list's wait once the API refused it for now (429); and, as rare, the
//! list's page with no rows (`no_rows`). Its code is fetched only when one of
//! them first shows (`waiting`).

use std::sync::Arc;
use std::time::Duration;

use deals_i18n::Msg;
use leptos::prelude::*;

use deals_contract::{DealQuery, PageMeta};

use super::debounce::Debounce;
use super::later::Later;
use super::no_rows::no_rows_view;
use super::rate_limit::RateLimitWait;
use crate::session::Session;
use crate::words::Texts;

/// An answer this late is not coming (a proxy that holds the connection, a
/// server stuck): the request is stopped as if the user had cancelled it,
/// rather than left open for as long as the browser would wait. Counted from
/// the moment the wait shows.
const GIVE_UP_AFTER: Duration = Duration::from_secs(26);

/// What the user may do to a request they are waiting for: shared between
/// the timers, the buttons and the view, which rebuilds them.
pub(super) type OnWait = Arc<dyn Fn() + Send + Sync>;

/// A request's wait: what `waiting` hands to the code fetched when the wait
/// first shows.
pub(super) struct Wait {
    /// Whether a request is under way; a change of any signal it reads
    /// starts the clocks again.
    pub pending: Arc<dyn Fn() -> bool + Send + Sync>,
    /// Stops the request (the timeout calls it too).
    pub cancel: OnWait,
    /// Asks again.
    pub retry: OnWait,
    /// The screen has its own Cancel (the export, the load of every deal),
    /// so none is added here.
    pub own_cancel: bool,
    /// Whether the wait shows; hiding it starts the clocks again.
    pub shown: Later<bool>,
}

/// What this chunk shows, as `waiting` calls it.
#[derive(Clone, Copy)]
pub(super) struct WaitViews {
    pub wait: fn(&Wait) -> AnyView,
    pub rate_limited: fn(String, Option<u64>, OnWait) -> AnyView,
    pub no_rows: fn(PageMeta, Later<DealQuery>, Texts) -> AnyView,
}

pub(super) const WAIT_VIEWS: WaitViews = WaitViews {
    wait: wait_view,
    rate_limited: rate_limited_view,
    no_rows: no_rows_view,
};

/// The list's read refused for now (429): the countdown, then `retry`.
fn rate_limited_view(error: String, retry_after_seconds: Option<u64>, retry: OnWait) -> AnyView {
    view! { <RateLimitWait error retry_after_seconds retry=move || retry() /> }.into_any()
}

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Slow,
    Cancelled,
    TimedOut,
}

/// The wait, from the moment the request is slow: "slow to answer" with
/// Cancel and Retry, until the answer comes (then it hides), the user
/// cancels or the time is up (then it says so, with Retry).
fn wait_view(wait: &Wait) -> AnyView {
    let Wait {
        pending,
        cancel,
        retry,
        own_cancel,
        shown,
    } = wait;
    let (cancel, retry, own_cancel, shown) = (cancel.clone(), retry.clone(), *own_cancel, *shown);
    let phase = Later::new(Phase::Slow);
    let stop = move |reason: Phase, cancel: &OnWait| {
        phase.try_set(reason);
        cancel();
    };
    let give_up = Debounce::new(GIVE_UP_AFTER);
    let timeout = cancel.clone();
    give_up.call(move || stop(Phase::TimedOut, &timeout));
    // An answer hides the wait, and so does a new request or a step of a
    // long load (the clocks start again); a request the user or the timeout
    // stopped leaves its message.
    let pending = pending.clone();
    Effect::new(move |first: Option<()>| {
        let pending = pending();
        if first.is_some() && (pending || phase.get_untracked() == Phase::Slow) {
            give_up.cancel();
            shown.try_set(false);
        }
    });
    let words = expect_context::<Session>().words();
    (move || {
        let (role, part, text) = match phase.get() {
            Phase::Slow => ("status", "status", Msg::ApiSlow),
            Phase::Cancelled => ("alert", "error", Msg::WaitCancelled),
            Phase::TimedOut => ("alert", "error", Msg::ApiTimedOut),
        };
        let cancellable = phase.get() == Phase::Slow && !own_cancel;
        let (cancel, retry) = (cancel.clone(), retry.clone());
        // Built anew on each change of phase: a view diffed in place would
        // cost more code than it saves work.
        view! {
            <div class="waiting" part=part role=role>
                <p>{words.text(text)}</p>
                {cancellable.then(|| view! {
                    <button part="button secondary-button" type="button" class="secondary" on:click=move |_| stop(Phase::Cancelled, &cancel)>{words.text(Msg::Cancel)}</button>
                })}
                <button part="button" type="button" on:click=move |_| {
                    retry();
                    shown.try_set(false);
                }>{words.text(Msg::Retry)}</button>
            </div>
        }
        .into_any()
    })
    .into_any()
}
