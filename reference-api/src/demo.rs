//! The demo data `serve --demo` loads into an empty database: two companies
//! with contacts, users and deals, and the README's demo keys. The data is
//! the same on every run (a fixed random seed); its dates are relative to the
//! moment of seeding, so the pipeline always looks current. Besides, the
//! demo company holds the records the seed's examples name (`deal_123`,
//! `deal_789`, `contact_456`, ...), as the seed shows them, dates included,
//! so that every example runs unchanged and answers what the seed prints.
//!
//! `serve --demo --demo-deals <n>` gives the demo company n deals instead,
//! mostly open and due in the coming months, to try the board and the
//! forecast at the scale of a real sales team.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use deals_contract::permission::{CONTACTS_READ, CONTACTS_WRITE, DEALS_READ, DEALS_WRITE};
use deals_contract::{timestamp, Contact, DealStatus, NewDeal, Priority, User, PIPELINE_STAGES};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::company::CompanyId;
use crate::store::{DealRecord, Store, StoreResult};

pub const DEMO_COMPANY: CompanyId = 1;
pub const OTHER_COMPANY: CompanyId = 2;
/// The seed's example deals and the generated ones. Deliberately not a
/// multiple of the page sizes, so the last page is partial.
pub const DEMO_COMPANY_DEALS: usize = 2 + 257;
pub const OTHER_COMPANY_DEALS: usize = 31;

pub const KEYS: [(&str, CompanyId, &[&str]); 4] = [
    (
        "isao_demo_rw",
        DEMO_COMPANY,
        &[DEALS_READ, DEALS_WRITE, CONTACTS_READ],
    ),
    ("isao_demo_ro", DEMO_COMPANY, &[DEALS_READ]),
    (
        "isao_demo_contacts",
        DEMO_COMPANY,
        &[CONTACTS_READ, CONTACTS_WRITE],
    ),
    ("isao_demo_other", OTHER_COMPANY, &[DEALS_READ, DEALS_WRITE]),
];

/// The probability a demo deal gets at each stage of the pipeline
/// ([`PIPELINE_STAGES`], in the same order).
const STAGE_PROBABILITIES: [f64; 7] = [10.0, 25.0, 50.0, 70.0, 85.0, 100.0, 0.0];

const FIRST_NAMES: [&str; 12] = [
    "Amélie", "Jonas", "Priya", "Lucas", "Sofia", "Mateo", "Hannah", "Youssef", "Chloé", "Elias",
    "Mei", "Oliver",
];
const LAST_NAMES: [&str; 10] = [
    "Martin", "Schmidt", "Patel", "Rossi", "García", "Dubois", "Nowak", "Jensen", "Costa", "Kim",
];
const COMPANIES: [&str; 8] = [
    "Tech Corp",
    "Nordwind AG",
    "Lumen Retail",
    "Atlas Logistics",
    "Verde Foods",
    "Helios Energy",
    "Quarry Media",
    "Brightpath Health",
];
const SUBJECTS: [&str; 10] = [
    "Enterprise Software License",
    "Website Redesign Project",
    "Data Platform Migration",
    "Support Renewal",
    "E-commerce Platform",
    "Security Audit",
    "Mobile App Build",
    "Analytics Rollout",
    "Cloud Cost Review",
    "Training Programme",
];
const SOURCES: [&str; 5] = ["website", "referral", "event", "outbound", "partner"];
const CURRENCIES: [&str; 3] = ["EUR", "USD", "GBP"];
const PIPELINE_CURRENCIES: [&str; 4] = ["EUR", "USD", "GBP", "CHF"];
/// The stages of [`PIPELINE_STAGES`] before closed-won and closed-lost.
const OPEN_STAGES: usize = 5;
/// First number of the ids of `--demo-deals`, above every other demo id.
const PIPELINE_ID_BASE: usize = 100_000;
/// Most deals `--demo-deals` takes: the seed's two and the generated ones.
pub const MOST_DEMO_DEALS: u32 = 100_000;
/// How far ahead the open deals of `--demo-deals` are expected to close.
const PIPELINE_HORIZON_DAYS: i64 = 8 * 30;

struct CompanyPlan {
    id: CompanyId,
    name: &'static str,
    deals: usize,
    contacts: usize,
    users: usize,
    /// First number of this company's ids, so ids never collide across companies.
    id_base: usize,
}

const PLANS: [CompanyPlan; 2] = [
    CompanyPlan {
        id: DEMO_COMPANY,
        name: "ISAO Demo",
        deals: 257,
        contacts: 24,
        users: 5,
        id_base: 1000,
    },
    CompanyPlan {
        id: OTHER_COMPANY,
        name: "Second Company",
        deals: OTHER_COMPANY_DEALS,
        contacts: 6,
        users: 2,
        id_base: 5000,
    },
];

/// Fills an empty database; a database with data is left as it is.
/// Returns whether it seeded. `demo_deals`, when given, is how many deals
/// the demo company gets in all, the seed's two included, in place of the
/// default set.
pub fn seed_if_empty(
    store: &Store,
    now: DateTime<Utc>,
    demo_deals: Option<usize>,
) -> StoreResult<bool> {
    if !store.is_empty()? {
        return Ok(false);
    }
    let mut random = StdRng::seed_from_u64(0x15A0_DEA1);
    for plan in &PLANS {
        let people = seed_people(store, plan)?;
        let deals: Vec<DemoDeal> = match demo_deals {
            Some(total) if plan.id == DEMO_COMPANY => (0..total.saturating_sub(2))
                .map(|index| pipeline_deal(index, now, &mut random, &people))
                .collect(),
            _ => (0..plan.deals)
                .map(|index| default_deal(plan, index, now, &mut random, &people))
                .collect(),
        };
        let records: Vec<DealRecord> = deals.iter().map(DemoDeal::record).collect();
        store.insert_deals(plan.id, &records)?;
    }
    seed_example_records(store)?;
    for (key, company, permissions) in KEYS {
        store.add_key(key, company, permissions)?;
    }
    Ok(true)
}

/// The ids of a company's contacts and users, whom its deals name.
struct People {
    contacts: Vec<String>,
    users: Vec<String>,
}

/// The company with its contacts and users.
fn seed_people(store: &Store, plan: &CompanyPlan) -> StoreResult<People> {
    store.ensure_company(plan.id, plan.name)?;
    let contacts: Vec<String> = (0..plan.contacts)
        .map(|index| format!("contact_{}", plan.id_base + index))
        .collect();
    for (index, id) in contacts.iter().enumerate() {
        let first = FIRST_NAMES[(index + plan.id_base) % FIRST_NAMES.len()];
        let last = LAST_NAMES[(index * 7 + plan.id_base) % LAST_NAMES.len()];
        let company = COMPANIES[index % COMPANIES.len()];
        store.add_contact(
            plan.id,
            &Contact {
                id: id.clone(),
                name: format!("{first} {last}"),
                email: Some(format!(
                    "{}.{}@{}.example",
                    ascii_lower(first),
                    ascii_lower(last),
                    ascii_lower(company)
                )),
                phone_number: (index % 4 != 3)
                    .then(|| format!("+33 1 23 45 {:02} {:02}", index, plan.id)),
                current_company: Some(company.to_owned()),
            },
        )?;
    }
    let users: Vec<String> = (0..plan.users)
        .map(|index| format!("user_{}", plan.id_base + 700 + index))
        .collect();
    for (index, id) in users.iter().enumerate() {
        let first = FIRST_NAMES[(index * 5 + 3) % FIRST_NAMES.len()];
        store.add_user(
            plan.id,
            &User {
                id: id.clone(),
                name: format!("{first} (Sales)"),
                email: Some(format!(
                    "{}.sales{}@isao.example",
                    ascii_lower(first),
                    index + 1
                )),
            },
        )?;
    }
    Ok(People { contacts, users })
}

/// A deal as the demo stores it, in any state.
struct DemoDeal {
    id: String,
    deal: NewDeal,
    status: DealStatus,
    closed_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl DemoDeal {
    fn record(&self) -> DealRecord<'_> {
        DealRecord {
            id: &self.id,
            deal: &self.deal,
            status: self.status,
            actual_close_date: self.closed_at,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// A deal of the default set: created over the past year or so, in any
/// stage, its expected close date a few months after its creation.
fn default_deal(
    plan: &CompanyPlan,
    index: usize,
    now: DateTime<Utc>,
    random: &mut StdRng,
    people: &People,
) -> DemoDeal {
    let step = random.random_range(0..PIPELINE_STAGES.len());
    let (stage, probability) = (PIPELINE_STAGES[step], STAGE_PROBABILITIES[step]);
    let status = match closing_status(stage) {
        Some(closed) => closed,
        // Some deals are abandoned before they reach the end of the pipeline.
        None if random.random_bool(0.08) => DealStatus::Lost,
        None => DealStatus::Open,
    };
    let created_at = now
        - Duration::days(random.random_range(0..400))
        - Duration::minutes(random.random_range(0..24 * 60));
    let created_at = crate::store::truncate_to_millis(created_at);
    let expected_close = created_at + Duration::days(random.random_range(14..180));
    let (title, description) = draw_title(random);
    let mut deal = NewDeal {
        title,
        description,
        value: f64::from(random.random_range(10..2_000u32)) * 250.0,
        currency: CURRENCIES[(index * 7 + random.random_range(0..2)) % CURRENCIES.len()].to_owned(),
        stage: Some(stage.to_owned()),
        priority: Priority::default(),
        probability: Some(probability),
        expected_close_date: Some(expected_close),
        source: None,
        contact_id: None,
        assigned_to_id: None,
    };
    draw_particulars(&mut deal, random, people);
    let closed_at = status
        .is_closed()
        .then(|| (expected_close - Duration::days(random.random_range(0..10))).min(now));
    DemoDeal {
        id: format!("deal_{}", plan.id_base + index),
        deal,
        status,
        closed_at,
        created_at,
        // A closed deal was last touched when it closed.
        updated_at: closed_at.map_or(created_at, |closed| closed.max(created_at)),
    }
}

/// A deal of `--demo-deals`: mostly open, in every stage, expected to close
/// within the next eight months or without a date, last touched anywhere
/// between its creation and now, so that some look idle.
fn pipeline_deal(
    index: usize,
    now: DateTime<Utc>,
    random: &mut StdRng,
    people: &People,
) -> DemoDeal {
    let closed = random.random_bool(0.12);
    let step = if closed {
        random.random_range(OPEN_STAGES..PIPELINE_STAGES.len())
    } else {
        random.random_range(0..OPEN_STAGES)
    };
    let (stage, probability) = (PIPELINE_STAGES[step], STAGE_PROBABILITIES[step]);
    let status = closing_status(stage).unwrap_or(DealStatus::Open);
    let created_at = crate::store::truncate_to_millis(
        now - Duration::days(random.random_range(7..365))
            - Duration::minutes(random.random_range(0..24 * 60)),
    );
    let age_minutes = (now - created_at).num_minutes();
    let updated_at = crate::store::truncate_to_millis(
        created_at + Duration::minutes(random.random_range(0..=age_minutes)),
    );
    let today = now.date_naive().and_time(NaiveTime::MIN).and_utc();
    let closed_at = closed.then_some(updated_at);
    let expected_close_date = if closed {
        Some(updated_at.date_naive().and_time(NaiveTime::MIN).and_utc())
    } else {
        random
            .random_bool(0.9)
            .then(|| today + Duration::days(random.random_range(0..PIPELINE_HORIZON_DAYS)))
    };
    let (title, description) = draw_title(random);
    let mut deal = NewDeal {
        title,
        description,
        // Cents too, so that sums are checked to the cent.
        value: f64::from(random.random_range(50_000..50_000_000u32)) / 100.0,
        currency: PIPELINE_CURRENCIES[random.random_range(0..PIPELINE_CURRENCIES.len())].to_owned(),
        stage: Some(stage.to_owned()),
        priority: Priority::default(),
        probability: Some(probability),
        expected_close_date,
        source: None,
        contact_id: None,
        assigned_to_id: None,
    };
    draw_particulars(&mut deal, random, people);
    DemoDeal {
        id: format!("deal_{}", PIPELINE_ID_BASE + index),
        deal,
        status,
        closed_at,
        created_at,
        updated_at,
    }
}

/// The status of a deal in `stage` when the stage itself closes it.
fn closing_status(stage: &str) -> Option<DealStatus> {
    match stage {
        "closed-won" => Some(DealStatus::Won),
        "closed-lost" => Some(DealStatus::Lost),
        _ => None,
    }
}

/// A title such as "Security Audit – Tech Corp", and most often a description.
fn draw_title(random: &mut StdRng) -> (String, Option<String>) {
    let subject = SUBJECTS[random.random_range(0..SUBJECTS.len())];
    let customer = COMPANIES[random.random_range(0..COMPANIES.len())];
    let description = random
        .random_bool(0.6)
        .then(|| format!("{subject} for {customer}, scoped with their team."));
    (format!("{subject} – {customer}"), description)
}

/// The priority, and most often a source, a contact and an assignee.
fn draw_particulars(deal: &mut NewDeal, random: &mut StdRng, people: &People) {
    deal.priority = Priority::ALL[random.random_range(0..Priority::ALL.len())];
    deal.source = random
        .random_bool(0.8)
        .then(|| SOURCES[random.random_range(0..SOURCES.len())].to_owned());
    deal.contact_id = random
        .random_bool(0.85)
        .then(|| people.contacts[random.random_range(0..people.contacts.len())].clone());
    deal.assigned_to_id = random
        .random_bool(0.9)
        .then(|| people.users[random.random_range(0..people.users.len())].clone());
}

/// The contacts, user and deals the seed's examples name, with the seed's values.
fn seed_example_records(store: &Store) -> StoreResult<()> {
    let contacts = [
        (
            "contact_456",
            "John Smith",
            "john@techcorp.com",
            "+33123456789",
            "Tech Corp",
        ),
        (
            "contact_789",
            "Marie Dubois",
            "marie@lumenretail.example",
            "+33198765432",
            "Lumen Retail",
        ),
        (
            "contact_123",
            "Ana Costa",
            "ana@atlaslogistics.example",
            "+351212345678",
            "Atlas Logistics",
        ),
    ];
    for (id, name, email, phone, company) in contacts {
        store.add_contact(
            DEMO_COMPANY,
            &Contact {
                id: id.to_owned(),
                name: name.to_owned(),
                email: Some(email.to_owned()),
                phone_number: Some(phone.to_owned()),
                current_company: Some(company.to_owned()),
            },
        )?;
    }
    store.add_user(
        DEMO_COMPANY,
        &User {
            id: "user_789".to_owned(),
            name: "Sales Rep".to_owned(),
            email: Some("sales@isao.io".to_owned()),
        },
    )?;
    let at = |text: &str| timestamp::parse(text).unwrap_or_default();
    let license = NewDeal {
        title: "Enterprise Software License".to_owned(),
        description: Some("Annual software license for 500 users".to_owned()),
        value: 50_000.0,
        currency: "EUR".to_owned(),
        stage: Some("negotiation".to_owned()),
        priority: Priority::High,
        probability: Some(75.0),
        expected_close_date: Some(at("2024-12-15")),
        source: Some("website".to_owned()),
        contact_id: Some("contact_456".to_owned()),
        assigned_to_id: Some("user_789".to_owned()),
    };
    let redesign = NewDeal {
        title: "Website Redesign Project".to_owned(),
        description: Some("Complete website redesign and development".to_owned()),
        value: 25_000.0,
        stage: Some("proposal".to_owned()),
        priority: Priority::Medium,
        probability: Some(60.0),
        expected_close_date: Some(at("2024-12-30")),
        assigned_to_id: None,
        ..license.clone()
    };
    let records = [
        (
            "deal_123",
            &license,
            "2024-11-01T10:30:00.000Z",
            "2024-11-08T09:15:00.000Z",
        ),
        (
            "deal_789",
            &redesign,
            "2024-11-08T10:30:00.000Z",
            "2024-11-08T10:30:00.000Z",
        ),
    ];
    for (id, deal, created, updated) in records {
        store.insert_deal(
            DEMO_COMPANY,
            &DealRecord {
                id,
                deal,
                status: DealStatus::Open,
                actual_close_date: None,
                created_at: at(created),
                updated_at: at(updated),
            },
        )?;
    }
    Ok(())
}

fn ascii_lower(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|letter| letter.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn pipeline_deals(count: usize, now: DateTime<Utc>) -> Vec<DemoDeal> {
        let mut random = StdRng::seed_from_u64(7);
        let people = People {
            contacts: vec!["contact_1".to_owned(), "contact_2".to_owned()],
            users: vec!["user_1".to_owned()],
        };
        (0..count)
            .map(|index| pipeline_deal(index, now, &mut random, &people))
            .collect()
    }

    // Guards: the deals of --demo-deals fill a board and a forecast: mostly
    // open, in every stage, in several currencies, due over the coming
    // months or without a date, last touched at many different times.
    #[test]
    fn pipeline_deals_spread_over_stages_currencies_and_the_coming_months() {
        let now = timestamp::parse("2026-03-15T10:20:30.456Z").unwrap();
        let deals = pipeline_deals(2000, now);

        let open = deals
            .iter()
            .filter(|deal| deal.status == DealStatus::Open)
            .count();
        assert!((1600..1900).contains(&open), "{open} open");
        let stages: BTreeSet<&str> = deals
            .iter()
            .filter_map(|deal| deal.deal.stage.as_deref())
            .collect();
        assert_eq!(stages, BTreeSet::from(PIPELINE_STAGES));
        let currencies: BTreeSet<&str> = deals
            .iter()
            .map(|deal| deal.deal.currency.as_str())
            .collect();
        assert_eq!(currencies, BTreeSet::from(PIPELINE_CURRENCIES));

        let today = timestamp::parse("2026-03-15").unwrap();
        let open_deals = deals.iter().filter(|deal| deal.status == DealStatus::Open);
        let due: Vec<DateTime<Utc>> = open_deals
            .clone()
            .filter_map(|deal| deal.deal.expected_close_date)
            .collect();
        assert!(open - due.len() > 100, "some open deals have no date");
        assert!(due
            .iter()
            .all(|date| *date >= today && *date < today + Duration::days(240)));
        let months: BTreeSet<String> = due
            .iter()
            .map(|date| timestamp::format_date(date)[..7].to_owned())
            .collect();
        assert_eq!(months.len(), 9, "{months:?}");

        for deal in &deals {
            assert!(deal.created_at <= deal.updated_at && deal.updated_at <= now);
            assert_eq!(deal.closed_at.is_some(), deal.status.is_closed());
        }
        let idle_days: BTreeSet<i64> = open_deals
            .map(|deal| (now - deal.updated_at).num_days())
            .collect();
        assert!(idle_days.len() > 200, "{} idle ages", idle_days.len());
    }

    // Guards: the ids of --demo-deals are all different and never those of
    // the seed's deals or of the other company.
    #[test]
    fn pipeline_deal_ids_are_unique_and_apart_from_the_other_demo_ids() {
        let deals = pipeline_deals(3000, Utc::now());
        let ids: BTreeSet<&str> = deals.iter().map(|deal| deal.id.as_str()).collect();
        assert_eq!(ids.len(), 3000);
        for taken in [
            "deal_123",
            "deal_789",
            "deal_1000",
            "deal_5000",
            "deal_5030",
        ] {
            assert!(!ids.contains(taken), "{taken}");
        }
    }
}
