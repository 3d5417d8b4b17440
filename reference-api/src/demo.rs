//! The demo data `serve --demo` loads into an empty database: two companies
//! with contacts, users and deals, and the README's demo keys. The data is
//! the same on every run (a fixed random seed); its dates are relative to the
//! moment of seeding, so the pipeline always looks current. Besides, the
//! demo company holds the records the seed's examples name (`deal_123`,
//! `deal_789`, `contact_456`, ...), as the seed shows them, dates included,
//! so that every example runs unchanged and answers what the seed prints.

use chrono::{DateTime, Duration, Utc};
use deals_contract::permission::{CONTACTS_READ, CONTACTS_WRITE, DEALS_READ, DEALS_WRITE};
use deals_contract::{timestamp, Contact, DealStatus, NewDeal, Priority, User, PIPELINE_STAGES};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::store::{CompanyId, DealRecord, Store, StoreResult};

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
/// Returns whether it seeded.
pub fn seed_if_empty(store: &Store, now: DateTime<Utc>) -> StoreResult<bool> {
    if !store.is_empty()? {
        return Ok(false);
    }
    let mut random = StdRng::seed_from_u64(0x15A0_DEA1);
    for plan in &PLANS {
        seed_company(store, plan, now, &mut random)?;
    }
    seed_example_records(store)?;
    for (key, company, permissions) in KEYS {
        store.add_key(key, company, permissions)?;
    }
    Ok(true)
}

fn seed_company(
    store: &Store,
    plan: &CompanyPlan,
    now: DateTime<Utc>,
    random: &mut StdRng,
) -> StoreResult<()> {
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
    for index in 0..plan.deals {
        let step = random.random_range(0..PIPELINE_STAGES.len());
        let (stage, probability) = (PIPELINE_STAGES[step], STAGE_PROBABILITIES[step]);
        let status = match stage {
            "closed-won" => DealStatus::Won,
            "closed-lost" => DealStatus::Lost,
            // Some deals are abandoned before they reach the end of the pipeline.
            _ if random.random_bool(0.08) => DealStatus::Lost,
            _ => DealStatus::Open,
        };
        let created_at = now
            - Duration::days(random.random_range(0..400))
            - Duration::minutes(random.random_range(0..24 * 60));
        let created_at = crate::store::truncate_to_millis(created_at);
        let expected_close = created_at + Duration::days(random.random_range(14..180));
        let subject = SUBJECTS[random.random_range(0..SUBJECTS.len())];
        let customer = COMPANIES[random.random_range(0..COMPANIES.len())];
        let deal = NewDeal {
            title: format!("{subject} – {customer}"),
            description: random
                .random_bool(0.6)
                .then(|| format!("{subject} for {customer}, scoped with their team.")),
            value: f64::from(random.random_range(10..2_000u32)) * 250.0,
            currency: CURRENCIES[(index * 7 + random.random_range(0..2)) % CURRENCIES.len()]
                .to_owned(),
            stage: Some(stage.to_owned()),
            priority: Priority::ALL[random.random_range(0..Priority::ALL.len())],
            probability: Some(probability),
            expected_close_date: Some(expected_close),
            source: random
                .random_bool(0.8)
                .then(|| SOURCES[random.random_range(0..SOURCES.len())].to_owned()),
            contact_id: random
                .random_bool(0.85)
                .then(|| contacts[random.random_range(0..contacts.len())].clone()),
            assigned_to_id: random
                .random_bool(0.9)
                .then(|| users[random.random_range(0..users.len())].clone()),
        };
        let closed_at = status
            .is_closed()
            .then(|| (expected_close - Duration::days(random.random_range(0..10))).min(now));
        let id = format!("deal_{}", plan.id_base + index);
        store.insert_deal(
            plan.id,
            &DealRecord {
                id: &id,
                deal: &deal,
                status,
                actual_close_date: closed_at,
                created_at,
                // A closed deal was last touched when it closed.
                updated_at: closed_at.map_or(created_at, |closed| closed.max(created_at)),
            },
        )?;
    }
    Ok(())
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
