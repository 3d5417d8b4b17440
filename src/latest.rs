//! Out-of-order answers: only the answer to the newest request may be shown.

use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket(u64);

/// Hands out a ticket per request; an answer is applied only while its ticket
/// is the newest, so a slow earlier answer never overwrites a newer one.
/// Atomic only so that it can sit in reactive callbacks, which must be `Sync`.
#[derive(Debug, Default)]
pub struct Latest {
    issued: AtomicU64,
}

impl Latest {
    pub fn issue(&self) -> Ticket {
        Ticket(self.issued.fetch_add(1, Ordering::Relaxed) + 1)
    }

    pub fn is_current(&self, ticket: Ticket) -> bool {
        self.issued.load(Ordering::Relaxed) == ticket.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_to_an_older_request_is_stale_whatever_order_they_arrive_in() {
        let latest = Latest::default();
        let first = latest.issue();
        let second = latest.issue();
        assert!(latest.is_current(second));
        assert!(!latest.is_current(first));
        let third = latest.issue();
        assert!(!latest.is_current(second));
        assert!(latest.is_current(third));
    }
}
