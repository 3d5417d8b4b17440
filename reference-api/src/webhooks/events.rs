//! Which events a change produces, their payload, and how they enter the
//! outbox: inside the transaction of the change itself, so that a change that
//! was acknowledged always has its events, even if the process dies next.

use chrono::{DateTime, Utc};
use deals_contract::{timestamp, Deal, DealStatus};
use rusqlite::{params, Connection};
use serde::Serialize;

use super::subscriptions::subscribed_to;
use super::{random_id, EventKind};
use crate::company::CompanyId;

/// The events of one status change, in the order they are delivered: every
/// change is `deal.updated`; a new stage adds `deal.stage_changed`; becoming
/// won or lost adds `deal.won` or `deal.lost`.
pub fn for_status_change(before: &Deal, after: &Deal) -> Vec<EventKind> {
    let mut kinds = vec![EventKind::Updated];
    if before.stage != after.stage {
        kinds.push(EventKind::StageChanged);
    }
    if before.status != after.status {
        match after.status {
            DealStatus::Won => kinds.push(EventKind::Won),
            DealStatus::Lost => kinds.push(EventKind::Lost),
            DealStatus::Open => {}
        }
    }
    kinds
}

/// `{"id", "event", "occurredAt", "data"}`, in that order.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Payload<'a> {
    id: &'a str,
    event: &'static str,
    occurred_at: String,
    data: EventData<'a>,
}

/// The deal as the API answers it, plus `wonAt` or `lostAt` (its close date)
/// for those events.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EventData<'a> {
    #[serde(flatten)]
    deal: &'a Deal,
    #[serde(skip_serializing_if = "Option::is_none")]
    won_at: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lost_at: Option<Option<String>>,
}

/// The request body of an event, as it is stored, signed and sent.
pub fn payload(
    id: &str,
    kind: EventKind,
    deal: &Deal,
    occurred_at: DateTime<Utc>,
) -> serde_json::Result<String> {
    let closed_at = || deal.actual_close_date.as_ref().map(timestamp::format);
    serde_json::to_string(&Payload {
        id,
        event: kind.as_str(),
        occurred_at: timestamp::format(&occurred_at),
        data: EventData {
            deal,
            won_at: (kind == EventKind::Won).then(closed_at),
            lost_at: (kind == EventKind::Lost).then(closed_at),
        },
    })
}

/// Writes the events of a change of `deal` to the outbox, with one pending
/// delivery for each subscription of the company that wants the event; an
/// event no subscription wants is not kept. Call it inside the transaction
/// that makes the change.
pub fn record(
    connection: &Connection,
    company: CompanyId,
    deal: &Deal,
    kinds: &[EventKind],
    at: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let subscriptions = subscribed_to(connection, company)?;
    for &kind in kinds {
        let wanting: Vec<&String> = subscriptions
            .iter()
            .filter(|(_, wanted)| wanted.contains(&kind))
            .map(|(subscription, _)| subscription)
            .collect();
        if wanting.is_empty() {
            continue;
        }
        let id = random_id("evt_", 24);
        let body = payload(&id, kind, deal, at)
            .map_err(|error| rusqlite::Error::ToSqlConversionFailure(Box::new(error)))?;
        connection.execute(
            "INSERT INTO webhook_events (id, company_id, deal_id, event, body)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, company, deal.id, kind.as_str(), body],
        )?;
        let seq = connection.last_insert_rowid();
        for subscription in wanting {
            connection.execute(
                "INSERT INTO webhook_deliveries
                    (event_seq, subscription_id, deal_id, state, queued_at_ms, next_attempt_ms)
                 VALUES (?1, ?2, ?3, 'pending', ?4, ?4)",
                params![seq, subscription, deal.id, at.timestamp_millis()],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::webhooks::subscriptions;
    use deals_contract::Priority;

    fn deal(stage: &str, status: DealStatus) -> Deal {
        let at = timestamp::parse("2024-11-08T15:30:00.000Z").unwrap_or_default();
        Deal {
            id: "deal_1".into(),
            title: "Website Redesign Project".into(),
            description: None,
            value: 25000.0,
            currency: "EUR".into(),
            stage: Some(stage.into()),
            priority: Priority::Medium,
            probability: Some(60.0),
            status,
            expected_close_date: None,
            actual_close_date: status.is_closed().then_some(at),
            source: None,
            contact: None,
            assigned_to: None,
            created_at: at,
            updated_at: at,
        }
    }

    // Guards: which events a status change produces, and their order.
    #[test]
    fn a_status_change_produces_the_seeds_events_in_order() {
        use EventKind::*;
        let open = deal("proposal", DealStatus::Open);
        assert_eq!(for_status_change(&open, &open), [Updated]);
        let moved = deal("negotiation", DealStatus::Open);
        assert_eq!(for_status_change(&open, &moved), [Updated, StageChanged]);
        let won = deal("closed-won", DealStatus::Won);
        assert_eq!(for_status_change(&open, &won), [Updated, StageChanged, Won]);
        let lost = deal("proposal", DealStatus::Lost);
        assert_eq!(for_status_change(&open, &lost), [Updated, Lost]);
        assert_eq!(for_status_change(&lost, &open), [Updated]);
        assert_eq!(for_status_change(&won, &won), [Updated]);
    }

    // Guards: the payload is the seed's shape, with wonAt / lostAt only on
    // those events.
    #[test]
    fn payloads_carry_the_deal_and_the_close_date_of_won_and_lost() {
        let at = timestamp::parse("2024-11-08T15:31:00.000Z").unwrap_or_default();
        let won = deal("closed-won", DealStatus::Won);
        let parse = |body: serde_json::Result<String>| -> serde_json::Value {
            serde_json::from_str(&body.unwrap_or_default()).unwrap_or_default()
        };
        let text = payload("evt_1", EventKind::Won, &won, at).unwrap_or_default();
        assert!(text.starts_with(r#"{"id":"evt_1","event":"deal.won","occurredAt":"#));
        let body = parse(Ok(text));
        assert_eq!(body["id"], "evt_1");
        assert_eq!(body["event"], "deal.won");
        assert_eq!(body["occurredAt"], "2024-11-08T15:31:00.000Z");
        assert_eq!(body["data"]["status"], "won");
        assert_eq!(body["data"]["wonAt"], "2024-11-08T15:30:00.000Z");
        assert!(body["data"].get("lostAt").is_none());
        let updated = parse(payload("evt_2", EventKind::Updated, &won, at));
        assert!(updated["data"].get("wonAt").is_none());
        assert_eq!(updated["data"]["title"], "Website Redesign Project");
        let lost = deal("proposal", DealStatus::Lost);
        let body = parse(payload("evt_3", EventKind::Lost, &lost, at));
        assert_eq!(body["data"]["lostAt"], "2024-11-08T15:30:00.000Z");
    }

    // Guards: events are kept only for the subscriptions of the deal's company
    // that want them, so a server without subscribers stores none.
    #[test]
    fn only_wanted_events_enter_the_outbox() -> Result<(), Box<dyn std::error::Error>> {
        let connection = &Connection::open_in_memory()?;
        connection.execute_batch(
            "CREATE TABLE companies (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
             INSERT INTO companies VALUES (1, 'Demo'), (2, 'Second');",
        )?;
        connection.execute_batch(crate::webhooks::SCHEMA)?;
        let count = |table: &str| -> rusqlite::Result<i64> {
            connection.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |row| {
                row.get(0)
            })
        };
        let won = deal("closed-won", DealStatus::Won);
        let at = won.updated_at;
        record(connection, 1, &won, &EventKind::ALL, at)?;
        assert_eq!(count("webhook_events")?, 0);

        subscriptions::add(
            connection,
            1,
            "http://a.example/",
            &[EventKind::Won],
            "s",
            at,
        )?;
        subscriptions::add(connection, 2, "http://b.example/", &EventKind::ALL, "s", at)?;
        record(
            connection,
            1,
            &won,
            &[EventKind::Updated, EventKind::Won],
            at,
        )?;
        assert_eq!(count("webhook_events")?, 1);
        assert_eq!(count("webhook_deliveries")?, 1);
        let event: String =
            connection.query_row("SELECT event FROM webhook_events", [], |row| row.get(0))?;
        assert_eq!(event, "deal.won");
        Ok(())
    }
}
