//! The delivery log in the outbox: one row per event and subscription,
//! pending until a receiver answers 2xx (delivered) or the worker gives up
//! (failed), with the outcome of the last attempt; what the worker sends
//! next and what `webhooks deliveries` shows.

use chrono::{DateTime, Utc};
use deals_contract::timestamp;
use rusqlite::{params, Connection, Row};

use super::sender::{Outcome, Outgoing};

/// A delivery ready to send, with everything needed to send it. No `Debug`:
/// it holds the secret, which must never reach a log.
pub struct Sendable {
    pub id: i64,
    pub subscription: String,
    pub deal: String,
    pub attempts: u32,
    pub queued_at_ms: i64,
    pub next_attempt_ms: i64,
    pub event_id: String,
    pub event: String,
    pub body: String,
    url: String,
    secret: String,
}

impl Sendable {
    pub fn outgoing(&self) -> Outgoing<'_> {
        Outgoing {
            url: &self.url,
            secret: &self.secret,
            event_id: &self.event_id,
            event: &self.event,
            body: &self.body,
        }
    }

    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        Ok(Self {
            id: row.get(0)?,
            subscription: row.get(1)?,
            deal: row.get(2)?,
            attempts: row.get(3)?,
            queued_at_ms: row.get(4)?,
            next_attempt_ms: row.get::<_, Option<i64>>(5)?.unwrap_or_default(),
            event_id: row.get(6)?,
            event: row.get(7)?,
            body: row.get(8)?,
            url: row.get(9)?,
            secret: row.get(10)?,
        })
    }
}

const SENDABLE: &str = "SELECT d.id, d.subscription_id, d.deal_id, d.attempts, d.queued_at_ms,
        d.next_attempt_ms, e.id, e.event, e.body, s.url, s.secret
    FROM webhook_deliveries d
    JOIN webhook_events e ON e.seq = d.event_seq
    JOIN webhook_subscriptions s ON s.id = d.subscription_id";

/// For each subscription and deal, the oldest pending delivery: the only one
/// that may be sent, so that a deal's events arrive in the order they happened.
pub fn pending_heads(connection: &Connection) -> rusqlite::Result<Vec<Sendable>> {
    let mut statement = connection.prepare_cached(&format!(
        "{SENDABLE}
         WHERE d.state = 'pending' AND d.event_seq = (
            SELECT MIN(p.event_seq) FROM webhook_deliveries p
            WHERE p.state = 'pending' AND p.subscription_id = d.subscription_id
                AND p.deal_id = d.deal_id)"
    ))?;
    let rows = statement.query_map([], Sendable::from_row)?;
    rows.collect()
}

/// Every delivery of one event, whatever its state, for `webhooks redeliver`.
pub fn of_event(connection: &Connection, event_id: &str) -> rusqlite::Result<Vec<Sendable>> {
    let mut statement = connection.prepare(&format!(
        "{SENDABLE} WHERE e.id = ?1 ORDER BY d.subscription_id"
    ))?;
    let rows = statement.query_map(params![event_id], Sendable::from_row)?;
    rows.collect()
}

/// What becomes of a delivery after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Delivered,
    RetryAt {
        unix_ms: i64,
    },
    Failed,
    /// A manual redelivery that failed leaves the schedule as it was.
    Unchanged,
}

pub fn record_attempt(
    connection: &Connection,
    delivery: i64,
    outcome: &Outcome,
    at: DateTime<Utc>,
    next: Next,
) -> rusqlite::Result<()> {
    let (state, next_attempt_ms) = match next {
        Next::Delivered => (Some("delivered"), None),
        Next::RetryAt { unix_ms } => (Some("pending"), Some(unix_ms)),
        Next::Failed => (Some("failed"), None),
        Next::Unchanged => (None, None),
    };
    // One statement: the attempt and what follows it are recorded together.
    connection.execute(
        "UPDATE webhook_deliveries
         SET attempts = attempts + 1, last_attempt_at = ?2, last_status = ?3, last_error = ?4,
             state = COALESCE(?5, state),
             next_attempt_ms = CASE WHEN ?5 IS NULL THEN next_attempt_ms ELSE ?6 END
         WHERE id = ?1",
        params![
            delivery,
            timestamp::format(&at),
            outcome.status,
            outcome.error,
            state,
            next_attempt_ms
        ],
    )?;
    Ok(())
}

/// One line of `webhooks deliveries`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub event_id: String,
    pub event: String,
    pub subscription: String,
    pub state: String,
    pub attempts: u32,
    pub last_status: Option<u16>,
    pub last_attempt_at: Option<String>,
    pub next_attempt_at: Option<String>,
    pub last_error: Option<String>,
}

/// Deliveries in the order their events happened, of one subscription or
/// all, and only the failed ones if asked.
pub fn reports(
    connection: &Connection,
    subscription: Option<&str>,
    failed_only: bool,
) -> rusqlite::Result<Vec<Report>> {
    let mut statement = connection.prepare(
        "SELECT e.id, e.event, d.subscription_id, d.state, d.attempts, d.last_status,
            d.last_attempt_at, d.next_attempt_ms, d.last_error
         FROM webhook_deliveries d JOIN webhook_events e ON e.seq = d.event_seq
         WHERE (?1 IS NULL OR d.subscription_id = ?1) AND (?2 = 0 OR d.state = 'failed')
         ORDER BY d.event_seq, d.subscription_id",
    )?;
    let rows = statement.query_map(params![subscription, failed_only], |row| {
        let state: String = row.get(3)?;
        let next_attempt_ms: Option<i64> = row.get(7)?;
        Ok(Report {
            event_id: row.get(0)?,
            event: row.get(1)?,
            subscription: row.get(2)?,
            attempts: row.get(4)?,
            last_status: row.get(5)?,
            last_attempt_at: row.get(6)?,
            next_attempt_at: next_attempt_ms
                .filter(|_| state == "pending")
                .and_then(DateTime::from_timestamp_millis)
                .map(|instant| timestamp::format(&instant)),
            last_error: row.get(8)?,
            state,
        })
    })?;
    rows.collect()
}
