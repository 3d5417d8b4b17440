//! The seed's webhook events (`deal.created`, `deal.updated`,
//! `deal.stage_changed`, `deal.won`, `deal.lost`), delivered the way trusted
//! senders do it: written to an outbox in the same SQLite transaction as the
//! change, then sent by a worker, signed, at least once, in order per deal,
//! with retries and a record of every attempt.

pub mod cli;
pub mod delivery_log;
pub mod events;
pub mod sender;
pub mod signature;
pub mod subscriptions;
pub mod worker;

use rand::distr::{Alphanumeric, SampleString};

/// The outbox's tables; created with the rest of the schema.
pub const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS webhook_subscriptions (
    id TEXT PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES companies(id),
    url TEXT NOT NULL,
    -- Comma-separated event names.
    events TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS webhook_events (
    -- The order the events happened in.
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    company_id INTEGER NOT NULL REFERENCES companies(id),
    deal_id TEXT NOT NULL,
    event TEXT NOT NULL,
    -- The request body exactly as it is sent and signed.
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS webhook_deliveries (
    id INTEGER PRIMARY KEY,
    event_seq INTEGER NOT NULL REFERENCES webhook_events(seq),
    subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
    deal_id TEXT NOT NULL,
    -- pending, delivered or failed.
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    -- Unix milliseconds: when it was queued, and when to try next (pending only).
    queued_at_ms INTEGER NOT NULL,
    next_attempt_ms INTEGER,
    last_attempt_at TEXT,
    last_status INTEGER,
    last_error TEXT,
    UNIQUE (event_seq, subscription_id)
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_pending
    ON webhook_deliveries (state, subscription_id, deal_id, event_seq);
";

/// The seed's five webhook events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Created,
    Updated,
    StageChanged,
    Won,
    Lost,
}

impl EventKind {
    pub const ALL: [EventKind; 5] = [
        EventKind::Created,
        EventKind::Updated,
        EventKind::StageChanged,
        EventKind::Won,
        EventKind::Lost,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Created => "deal.created",
            EventKind::Updated => "deal.updated",
            EventKind::StageChanged => "deal.stage_changed",
            EventKind::Won => "deal.won",
            EventKind::Lost => "deal.lost",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

fn random_id(prefix: &str, length: usize) -> String {
    format!(
        "{prefix}{}",
        Alphanumeric
            .sample_string(&mut rand::rng(), length)
            .to_lowercase()
    )
}
