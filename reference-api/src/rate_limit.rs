//! The two throttles, both answered with 429 and `Retry-After`: requests per
//! minute for each API key, and unknown keys per minute from each client
//! address, so that keys cannot be guessed at the speed of the network.

use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};

use crate::error::ApiError;

/// At most so many requests per minute for each API key, counted by the
/// GCRA of `governor`: a key may spend its whole minute at once, then gets
/// one more request every 60/n seconds.
pub struct RateLimit {
    per_minute: NonZeroU32,
    limiter: DefaultKeyedRateLimiter<Vec<u8>>,
}

impl RateLimit {
    /// `None` for 0: no limit.
    pub fn per_minute(requests: u32) -> Option<Arc<Self>> {
        let per_minute = NonZeroU32::new(requests)?;
        Some(Arc::new(Self {
            per_minute,
            limiter: DefaultKeyedRateLimiter::keyed(Quota::per_minute(per_minute)),
        }))
    }

    pub(crate) fn check(&self, key_hash: Vec<u8>) -> Result<(), ApiError> {
        self.limiter.check_key(&key_hash).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            ApiError::RateLimited {
                per_minute: self.per_minute.get(),
                retry_after_seconds: whole_seconds(wait),
            }
        })
    }
}

/// Whole seconds, rounded up, so that a client that waits them is through.
fn whole_seconds(wait: Duration) -> u64 {
    wait.as_secs() + u64::from(wait > Duration::from_secs(wait.as_secs()))
}

/// How long an address's count of unknown keys lasts.
const FAILURE_WINDOW: Duration = Duration::from_secs(60);

/// Addresses remembered before the stale ones are dropped: a bound on memory
/// when guesses come from many addresses.
const MOST_ADDRESSES: usize = 10_000;

/// At most so many unknown API keys a minute from one client address; past
/// that, every request with a key from the address is refused until its
/// minute is over, a valid key's too, or a guess could still be told apart by
/// its answer. Counted in fixed windows from an address's first failure:
/// `governor`, which the per-key limit uses, cannot say whether an address
/// is over its quota without spending from it, and most requests are not
/// failures to spend on.
pub struct AuthFailureLimit {
    per_minute: NonZeroU32,
    windows: RwLock<HashMap<IpAddr, FailureWindow>>,
}

#[derive(Clone, Copy)]
struct FailureWindow {
    started: Instant,
    failures: u32,
}

impl AuthFailureLimit {
    /// `None` for 0: no limit.
    pub fn per_minute(failures: u32) -> Option<Arc<Self>> {
        Some(Arc::new(Self {
            per_minute: NonZeroU32::new(failures)?,
            windows: RwLock::default(),
        }))
    }

    /// 429 while `address` has used up its unknown keys for its minute.
    pub(crate) fn check(&self, address: IpAddr) -> Result<(), ApiError> {
        let windows = self.windows.read().unwrap_or_else(PoisonError::into_inner);
        let Some(window) = windows.get(&address) else {
            return Ok(());
        };
        let left = FAILURE_WINDOW.saturating_sub(window.started.elapsed());
        if window.failures < self.per_minute.get() || left.is_zero() {
            return Ok(());
        }
        Err(ApiError::TooManyUnknownKeys {
            per_minute: self.per_minute.get(),
            retry_after_seconds: whole_seconds(left).max(1),
        })
    }

    /// Counts one unknown key from `address`.
    pub(crate) fn record_failure(&self, address: IpAddr) {
        let now = Instant::now();
        let mut windows = self.windows.write().unwrap_or_else(PoisonError::into_inner);
        if windows.len() >= MOST_ADDRESSES {
            windows.retain(|_, window| now.duration_since(window.started) < FAILURE_WINDOW);
        }
        let window = windows.entry(address).or_insert(FailureWindow {
            started: now,
            failures: 0,
        });
        if now.duration_since(window.started) >= FAILURE_WINDOW {
            *window = FailureWindow {
                started: now,
                failures: 0,
            };
        }
        window.failures = window.failures.saturating_add(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rate_limit_is_per_key_and_says_when_to_retry() {
        assert!(RateLimit::per_minute(0).is_none());
        let limit = RateLimit::per_minute(2).unwrap();
        assert!(limit.check(vec![1]).is_ok());
        assert!(limit.check(vec![1]).is_ok());
        match limit.check(vec![1]) {
            Err(ApiError::RateLimited {
                per_minute: 2,
                retry_after_seconds,
            }) => assert!(
                (1..=30).contains(&retry_after_seconds),
                "{retry_after_seconds}"
            ),
            other => panic!("expected 429, got {other:?}"),
        }
        assert!(
            limit.check(vec![2]).is_ok(),
            "another key has its own budget"
        );
    }

    #[test]
    fn unknown_keys_are_counted_per_address_and_block_it_for_its_minute() {
        assert!(AuthFailureLimit::per_minute(0).is_none());
        let limit = AuthFailureLimit::per_minute(2).unwrap();
        let guesser = IpAddr::from([10, 0, 0, 1]);
        assert!(limit.check(guesser).is_ok());
        limit.record_failure(guesser);
        assert!(limit.check(guesser).is_ok());
        limit.record_failure(guesser);
        match limit.check(guesser) {
            Err(ApiError::TooManyUnknownKeys {
                per_minute: 2,
                retry_after_seconds,
            }) => assert!(
                (59..=60).contains(&retry_after_seconds),
                "{retry_after_seconds}"
            ),
            other => panic!("expected 429, got {other:?}"),
        }
        assert!(
            limit.check(IpAddr::from([10, 0, 0, 2])).is_ok(),
            "another address has its own count"
        );
    }
}
