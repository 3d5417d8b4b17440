//! The delivery worker: sends what the outbox holds, oldest first per
//! subscription and deal, several subscriptions at once, and reschedules
//! failures with exponential backoff and jitter until a give-up horizon.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use chrono::Utc;
use rand::Rng;
use rusqlite::Connection;
use tokio::sync::Notify;
use tokio::time::Instant;

use super::delivery_log::{self, Next, Sendable};
use super::sender::Sender;
use crate::store::Store;

/// The longest wait between two attempts.
const MAX_RETRY_DELAY: Duration = Duration::from_secs(3600);
/// How often the worker asks SQLite whether another connection (the API's,
/// a `webhooks` command's) committed: a check that reads no table, so new
/// events leave within about this long without coupling the API to the worker.
const CHANGE_CHECK_INTERVAL: Duration = Duration::from_millis(50);
/// The longest the outbox goes unread, whatever happens.
const MAX_IDLE: Duration = Duration::from_secs(1);
/// Deliveries sent at once to one subscription (for different deals): a slow
/// receiver uses up only its own share.
const MAX_IN_FLIGHT_PER_SUBSCRIPTION: usize = 4;

#[derive(Debug, Clone, clap::Args)]
pub struct WorkerOptions {
    /// Mark a webhook delivery failed once this many seconds have passed since its event.
    #[arg(
        long = "webhook-give-up-after",
        value_name = "SECONDS",
        default_value_t = 24 * 3600
    )]
    pub give_up_after_secs: u64,
    /// The first retry waits about this long (milliseconds), doubling at each
    /// attempt; tests shorten it.
    #[arg(long = "webhook-retry-base-ms", default_value_t = 5000, hide = true)]
    pub retry_base_ms: u64,
}

/// How long to wait before the next attempt after `attempts` failed ones:
/// `base · 2^(attempts-1)`, at most an hour, then scaled into its upper half
/// by `jitter` in 0..=1 so that receivers coming back are not hit all at once.
pub fn retry_delay(base: Duration, attempts: u32, jitter: f64) -> Duration {
    let doublings = attempts.saturating_sub(1).min(31);
    let exponential = base.saturating_mul(1 << doublings).min(MAX_RETRY_DELAY);
    exponential.mul_f64(0.5 + jitter.clamp(0.0, 1.0) / 2.0)
}

/// Starts the worker on the current tokio runtime with its own connection to
/// `db`. An in-memory database has no worker: nothing else can reach it to
/// subscribe.
pub fn spawn(db: &str, options: WorkerOptions) -> Result<(), String> {
    if db == ":memory:" {
        return Ok(());
    }
    let store =
        Store::open(db, 1).map_err(|error| format!("cannot open database {db}: {error}"))?;
    let sender = Sender::new().map_err(|error| format!("cannot set up TLS: {error}"))?;
    let worker = Arc::new(Worker {
        store: Arc::new(Mutex::new(store)),
        sender,
        options,
        done: Mutex::default(),
        finished: Notify::new(),
    });
    tokio::spawn(worker.run());
    Ok(())
}

struct Worker {
    store: Arc<Mutex<Store>>,
    sender: Sender,
    options: WorkerOptions,
    /// (subscription, deal) pairs whose attempt is over and recorded.
    done: Mutex<Vec<InFlight>>,
    finished: Notify,
}

/// A subscription and a deal: at most one delivery of the pair is on its way.
type InFlight = (String, String);

impl Worker {
    async fn run(self: Arc<Self>) {
        let mut in_flight: HashSet<InFlight> = HashSet::new();
        loop {
            // Pairs are released only here, before reading the outbox, so a
            // read never sees a delivery as pending that was just sent.
            for pair in self
                .done
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .drain(..)
            {
                in_flight.remove(&pair);
            }
            let seen = self.data_version();
            let mut wait = MAX_IDLE;
            if let Some(heads) = self.with_connection(delivery_log::pending_heads).await {
                let now = Utc::now().timestamp_millis();
                for head in heads {
                    let due_in = head.next_attempt_ms.saturating_sub(now);
                    if due_in > 0 {
                        wait = wait.min(Duration::from_millis(due_in.unsigned_abs()));
                    } else if claim(&mut in_flight, &head) {
                        tokio::spawn(Arc::clone(&self).attempt(head));
                    }
                }
            }
            self.wait_for_work(wait, seen).await;
        }
    }

    /// Returns once `wait` is over, an attempt has finished, or another
    /// connection has committed since the outbox was read at version `seen`.
    async fn wait_for_work(&self, wait: Duration, seen: Option<i64>) {
        let deadline = Instant::now() + wait;
        loop {
            tokio::select! {
                () = tokio::time::sleep_until(deadline.min(Instant::now() + CHANGE_CHECK_INTERVAL)) => {}
                () = self.finished.notified() => return,
            }
            if Instant::now() >= deadline || self.data_version() != seen {
                return;
            }
        }
    }

    async fn attempt(self: Arc<Self>, head: Sendable) {
        let outcome = self.sender.send(&head.outgoing()).await;
        let at = Utc::now();
        let next = if outcome.delivered() {
            Next::Delivered
        } else {
            let attempts = head.attempts + 1;
            let base = Duration::from_millis(self.options.retry_base_ms);
            let delay = retry_delay(base, attempts, rand::rng().random::<f64>());
            let retry_at = at
                .timestamp_millis()
                .saturating_add(i64::try_from(delay.as_millis()).unwrap_or(i64::MAX));
            let horizon = i64::try_from(self.options.give_up_after_secs.saturating_mul(1000))
                .unwrap_or(i64::MAX);
            let next = if retry_at - head.queued_at_ms > horizon {
                Next::Failed
            } else {
                Next::RetryAt { unix_ms: retry_at }
            };
            // The subscription's id, never its URL or secret: both may be confidential.
            eprintln!(
                "reference-api: webhook {} ({}) to {}, attempt {attempts}: {}; {}",
                head.event_id,
                head.event,
                head.subscription,
                outcome.error.as_deref().unwrap_or("failed"),
                match next {
                    Next::Failed => "giving up".to_owned(),
                    _ => format!("next attempt in {:.1} s", delay.as_secs_f64()),
                }
            );
            next
        };
        let delivery = head.id;
        self.with_connection(move |connection| {
            delivery_log::record_attempt(connection, delivery, &outcome, at, next)
        })
        .await;
        self.done
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((head.subscription, head.deal));
        self.finished.notify_one();
    }

    /// SQLite's count of other connections' commits, read on the async
    /// thread: it touches no table and takes microseconds. `None` when the
    /// connection is busy with an attempt's record, which wakes the loop anyway.
    fn data_version(&self) -> Option<i64> {
        let store = self.store.try_lock().ok()?;
        let connection = store.connection();
        connection
            .query_row("PRAGMA data_version", [], |row| row.get(0))
            .ok()
    }

    /// Runs `work` on the worker's connection off the async threads; a
    /// database error is logged and leaves the outbox as it was, to be read
    /// again at the next round.
    async fn with_connection<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Option<T> {
        let store = Arc::clone(&self.store);
        let result = tokio::task::spawn_blocking(move || {
            let store = store
                .lock()
                .map_err(|_| "the worker's connection is poisoned".to_owned())?;
            let connection = store.connection();
            work(&connection).map_err(|error| error.to_string())
        })
        .await
        .map_err(|error| error.to_string())
        .and_then(|result| result);
        result
            .inspect_err(|error| eprintln!("reference-api: webhook outbox: {error}"))
            .ok()
    }
}

/// Marks the head's deal as in flight for its subscription, unless it
/// already is or the subscription has enough deliveries on their way.
fn claim(in_flight: &mut HashSet<InFlight>, head: &Sendable) -> bool {
    let busy = in_flight
        .iter()
        .filter(|(subscription, _)| *subscription == head.subscription)
        .count();
    busy < MAX_IN_FLIGHT_PER_SUBSCRIPTION
        && in_flight.insert((head.subscription.clone(), head.deal.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: the backoff doubles from the base, is capped at an hour, and
    // the jitter keeps it within the upper half.
    #[test]
    fn retries_back_off_exponentially_with_jitter() {
        let base = Duration::from_secs(5);
        assert_eq!(retry_delay(base, 1, 1.0), Duration::from_secs(5));
        assert_eq!(retry_delay(base, 1, 0.0), Duration::from_millis(2500));
        assert_eq!(retry_delay(base, 3, 1.0), Duration::from_secs(20));
        assert_eq!(retry_delay(base, 3, 0.5), Duration::from_secs(15));
        assert_eq!(retry_delay(base, 12, 1.0), MAX_RETRY_DELAY);
        assert_eq!(retry_delay(base, u32::MAX, 1.0), MAX_RETRY_DELAY);
        assert_eq!(retry_delay(base, 0, 1.0), Duration::from_secs(5));
    }
}
