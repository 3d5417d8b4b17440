//! A deal for the native tests: open, 0 EUR, every optional member empty,
//! made and changed at the epoch; a test sets what it is about.

use chrono::DateTime;
use deals_contract::{Deal, DealStatus, Priority};

pub(crate) fn deal(id: &str) -> Deal {
    Deal {
        id: id.to_owned(),
        title: id.to_owned(),
        description: None,
        value: 0.0,
        currency: "EUR".to_owned(),
        stage: None,
        priority: Priority::Medium,
        probability: None,
        status: DealStatus::Open,
        expected_close_date: None,
        actual_close_date: None,
        source: None,
        contact: None,
        assigned_to: None,
        created_at: DateTime::UNIX_EPOCH,
        updated_at: DateTime::UNIX_EPOCH,
    }
}
