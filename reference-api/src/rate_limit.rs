//! Requests per minute for each API key, answered with 429 and `Retry-After`
//! beyond.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

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
                // Whole seconds, rounded up, so a client that waits them is through.
                retry_after_seconds: wait.as_secs()
                    + u64::from(wait > Duration::from_secs(wait.as_secs())),
            }
        })
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
}
