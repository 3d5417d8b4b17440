//! The answer to the latest of a series of requests; shows nothing itself,
//! the screens show what it holds.

use std::future::Future;

use futures::future::{abortable, AbortHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::later::Later;

/// The answer to the latest of a series of requests: the list's page, the
/// open deal, the board's deals.
///
/// Leptos's `LocalResource` does this job too, but brings along the
/// machinery of transitions and suspense, which the widget does not use: an
/// `mpsc` channel that pulls std's channel and thread code into wasm, an
/// async lock, all of which the first download would carry.
pub(super) struct LatestAnswer<T: 'static> {
    answer: Later<Option<T>>,
    refetches: Trigger,
    /// Requests not yet answered (or abandoned for a newer one).
    pub in_flight: Later<u32>,
    /// Set by [`LatestAnswer::cancel`]: the next run asks nothing.
    cancelling: Later<bool>,
}

impl<T> Clone for LatestAnswer<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for LatestAnswer<T> {}

/// Drops the request it stands for when it is dropped itself: when a newer
/// request replaces it, or when the owner of the answer goes away.
struct Replaceable(AbortHandle);

impl Drop for Replaceable {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Counts a request as in flight until it is answered or dropped: a request
/// overtaken by a newer one is dropped, never answered.
pub(super) struct InFlight(Later<u32>);

impl InFlight {
    pub fn start(count: Later<u32>) -> Self {
        count.try_update(|count| *count += 1);
        Self(count)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.try_update(|count| *count = count.saturating_sub(1));
    }
}

impl<T: Send + Sync + 'static> LatestAnswer<T> {
    /// Runs `request` now, again whenever a signal it reads before its first
    /// `.await` changes, and on `refetch`. A request overtaken by a newer one
    /// is dropped, never answered; the last answer stays until the next one
    /// arrives.
    pub fn new<Request>(request: impl Fn() -> Request + 'static) -> Self
    where
        Request: Future<Output = T> + 'static,
    {
        let answer = Later::new(None);
        let refetches = Trigger::new();
        let in_flight = Later::new(0);
        let cancelling = Later::new(false);
        Effect::new(move |replaced: Option<Option<Replaceable>>| {
            refetches.track();
            drop(replaced);
            // Made even when cancelled, so that the signals it reads stay
            // tracked; a future does nothing until it is polled.
            let request = request();
            if cancelling.get_untracked() {
                cancelling.try_set(false);
                return None;
            }
            let (request, handle) = abortable(request);
            let counted = InFlight::start(in_flight);
            spawn_local(async move {
                let _counted = counted;
                if let Ok(arrived) = request.await {
                    answer.try_set(Some(arrived));
                }
            });
            Some(Replaceable(handle))
        });
        Self {
            answer,
            refetches,
            in_flight,
            cancelling,
        }
    }

    /// Reads the answer, `None` until the first one arrives; tracked.
    pub fn with<U>(&self, read: impl FnOnce(&Option<T>) -> U) -> U {
        self.answer.with(read)
    }

    pub fn with_untracked<U>(&self, read: impl FnOnce(&Option<T>) -> U) -> U {
        self.answer.with_untracked(read)
    }

    pub fn try_with_untracked<U>(&self, read: impl FnOnce(&Option<T>) -> U) -> Option<U> {
        self.answer.try_with_untracked(read)
    }

    /// Changes the answer on screen in place (a deal the user just moved, say).
    pub fn try_update<U>(&self, change: impl FnOnce(&mut Option<T>) -> U) -> Option<U> {
        self.answer.try_update(change)
    }

    /// Stops the request under way, if any (the user gave up waiting): it is
    /// dropped, its fetch aborted, and the last answer stays.
    pub fn cancel(&self) {
        self.cancelling.try_set(true);
        self.refetches.notify();
    }

    /// Asks again with the same inputs.
    pub fn refetch(&self) {
        self.refetches.notify();
    }
}
