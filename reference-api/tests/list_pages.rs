//! The list endpoint's page, written as JSON straight from SQLite's rows,
//! against the same page serialized from the contract's `Deal`s: byte for
//! byte equal, for the demo data and for rows no API call would store.

mod support;

use chrono::Utc;
use deals_contract::{Deal, DealQuery, Page, PageMeta};
use reference_api::demo::{self, DEMO_COMPANY};
use reference_api::store::Store;
use serde_json::Value;
use support::TempDir;

/// Deals no API call would store: odd text, instants in other layouts or
/// none at all, values out of the enums, probabilities of every kind.
fn store_odd_deals(store: &Store) {
    let connection = store.connection();
    let rows: [[&str; 10]; 5] = [
        // id, title, description, probability, priority, status, expected, actual, created, updated
        [
            "odd_1",
            "Quote \" back\\slash \u{1} tab\t é 😀 </script>",
            "",
            "33.5",
            "urgent",
            "pending",
            "2024-12-30",
            "2024-12-30T01:00:00+01:00",
            "2024-11-01T10:30:00Z",
            "2024-11-01 10:30:00.5",
        ],
        [
            "odd_2",
            "Whole",
            "line\nbreak",
            "100",
            "low",
            "won",
            "not a date",
            "2024-02-30T00:00:00.000Z",
            "never",
            "2024-11-01T10:30:00.000Z",
        ],
        [
            "odd_3",
            "Out of range",
            "",
            "150",
            "high",
            "lost",
            "",
            "",
            "2024-11-01T10:30:00.000Z",
            "2024-11-01T10:30:00.000Z",
        ],
        [
            "odd_4",
            "Negative",
            "",
            "-0",
            "medium",
            "open",
            "9999-12-31T23:59:59.999Z",
            "",
            "0000-01-01T00:00:00.000Z",
            "2024-11-01t10:30:00.000z",
        ],
        [
            "odd_5",
            "No probability",
            "",
            "",
            "high",
            "open",
            "",
            "",
            "2024-11-02T10:30:00.000Z",
            "2024-11-02T10:30:00.000Z",
        ],
    ];
    for [id, title, description, probability, priority, status, expected, actual, created, updated] in
        rows
    {
        let text = |value: &str| (!value.is_empty()).then(|| value.to_owned());
        let number = |value: &str| value.parse::<f64>().ok();
        connection
            .execute(
                "INSERT INTO deals (id, company_id, title, description, value, currency, stage,
                    priority, probability, status, expected_close_date, actual_close_date,
                    source, contact_id, assigned_to_id, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, 1234.5678, 'EUR', NULL, ?5, ?6, ?7, ?8, ?9, NULL,
                    NULL, NULL, ?10, ?11)",
                rusqlite::params![
                    id,
                    DEMO_COMPANY,
                    title,
                    text(description),
                    priority,
                    number(probability),
                    status,
                    text(expected),
                    text(actual),
                    created,
                    updated
                ],
            )
            .unwrap();
    }
}

/// The page as the contract's `Page<Deal>` writes it, from the deals read
/// one by one into `Deal`s.
fn written_by_the_contract(store: &Store, page: &Value, meta: PageMeta) -> Vec<u8> {
    let data: Vec<Deal> = page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|deal| {
            let id = deal["id"].as_str().unwrap();
            store.get_deal(DEMO_COMPANY, id).unwrap().unwrap()
        })
        .collect();
    serde_json::to_vec(&Page {
        success: true,
        data,
        meta,
    })
    .unwrap()
}

// Guards: the list endpoint writes rows straight to JSON; every page must
// be byte for byte what serializing the contract's `Deal`s gives.
#[test]
fn pages_are_the_bytes_the_contracts_types_write() {
    let dir = TempDir::new("pages");
    let store = Store::open(&dir.db(), 2).unwrap();
    demo::seed_if_empty(&store, Utc::now(), None).unwrap();
    store_odd_deals(&store);
    let company_total = u64::try_from(demo::DEMO_COMPANY_DEALS + 5).unwrap();
    let cases: [(&[(&str, &str)], u64); 8] = [
        (&[("page", "1"), ("limit", "50")], company_total),
        (&[("page", "1"), ("limit", "100")], company_total),
        (&[("page", "2"), ("limit", "100")], company_total),
        (&[("page", "3"), ("limit", "100")], company_total),
        (
            &[
                ("page", "1"),
                ("limit", "100"),
                ("createdSince", "2024-11-01"),
            ],
            0,
        ),
        (&[("page", "3"), ("limit", "1")], company_total),
        (&[("page", "99"), ("limit", "50")], company_total),
        (&[("status", "lost"), ("limit", "100")], 0),
    ];
    let mut odd_deals_seen = std::collections::BTreeSet::new();
    for (pairs, total) in cases {
        let query = DealQuery::from_pairs(pairs.iter().copied()).unwrap();
        let json = store.list_deals_json(DEMO_COMPANY, &query).unwrap();
        let page: Value = serde_json::from_slice(&json).unwrap();
        let total = if total == 0 {
            page["meta"]["total"].as_u64().unwrap()
        } else {
            total
        };
        let meta = PageMeta::new(query.page, query.limit, total);
        assert_eq!(
            String::from_utf8(json).unwrap(),
            String::from_utf8(written_by_the_contract(&store, &page, meta)).unwrap(),
            "{pairs:?}"
        );
        odd_deals_seen.extend(
            page["data"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|deal| deal["id"].as_str().filter(|id| id.starts_with("odd_")))
                .map(str::to_owned),
        );
    }
    assert_eq!(
        odd_deals_seen.len(),
        5,
        "every odd deal is on a page compared"
    );
}
