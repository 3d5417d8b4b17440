//! The server's data in SQLite: companies, their API keys (hashed), contacts,
//! users and deals. Every read and write is scoped to one company, so a key
//! can never see or touch another company's rows.
//!
//! Reads go through a pool of read-only connections, which WAL lets run side
//! by side and alongside the one writer; writes go through that single
//! connection, one at a time, as SQLite would serialise them anyway. The pool
//! is r2d2 (with r2d2_sqlite), long kept and small, whose checkout is a plain
//! function call: reads run right on the async workers (see the server's
//! `AppState::read`), where deadpool-sqlite's `interact` would send each one
//! to a blocking thread and back, the very handoff that cost more than the
//! read; a hand-written pool would redo what r2d2 does.

use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, SubsecRound, Utc};
use deals_contract::{
    timestamp, Contact, Deal, DealQuery, DealStatus, NewDeal, PageMeta, StatusChange, User,
};
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row, TransactionBehavior};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

mod deal_json;
mod error;

pub use error::{StoreError, StoreResult};

use crate::company::CompanyId;
use crate::webhooks::{self, EventKind};

/// What is stored of an API key besides its hash: whose it is and what it
/// may do. Never the key itself, which is shown once and not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRecord {
    pub company: CompanyId,
    pub permissions: Vec<String>,
}

impl KeyRecord {
    pub fn allows(&self, permission: &str) -> bool {
        self.permissions.iter().any(|held| held == permission)
    }
}

/// Why a create was refused beyond the field rules: a link to a contact or
/// user that the company does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingLink {
    Contact,
    User,
}

/// A deal as stored, in any state: what [`Store::insert_deal`] writes.
pub struct DealRecord<'a> {
    pub id: &'a str,
    pub deal: &'a NewDeal,
    pub status: DealStatus,
    pub actual_close_date: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub struct Store {
    writer: Mutex<Connection>,
    readers: r2d2::Pool<SqliteConnectionManager>,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS companies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_keys (
    key_hash BLOB PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES companies(id),
    permissions TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS contacts (
    id TEXT PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES companies(id),
    name TEXT NOT NULL,
    email TEXT,
    phone_number TEXT,
    current_company TEXT
);
CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES companies(id),
    name TEXT NOT NULL,
    email TEXT
);
CREATE TABLE IF NOT EXISTS deals (
    id TEXT PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES companies(id),
    title TEXT NOT NULL,
    description TEXT,
    value REAL NOT NULL,
    currency TEXT NOT NULL,
    stage TEXT,
    priority TEXT NOT NULL,
    probability REAL,
    status TEXT NOT NULL,
    expected_close_date TEXT,
    actual_close_date TEXT,
    source TEXT,
    contact_id TEXT REFERENCES contacts(id),
    assigned_to_id TEXT REFERENCES users(id),
    -- Timestamps in the API's fixed-width format sort like the instants they name.
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deals_by_company ON deals (company_id, created_at DESC, id DESC);
";

const DEAL_COLUMNS: &str = "d.id, d.title, d.description, d.value, d.currency, d.stage, d.priority,
    d.probability, d.status, d.expected_close_date, d.actual_close_date, d.source,
    c.id, c.name, c.email, c.phone_number, c.current_company,
    u.id, u.name, u.email, d.created_at, d.updated_at";

const DEAL_FROM: &str = "deals d
    LEFT JOIN contacts c ON c.id = d.contact_id
    LEFT JOIN users u ON u.id = d.assigned_to_id";

pub(crate) fn key_hash(key: &str) -> Vec<u8> {
    Sha256::digest(key.as_bytes()).to_vec()
}

/// Now, to the millisecond the API writes, so what is stored reads back equal.
pub fn now() -> DateTime<Utc> {
    truncate_to_millis(Utc::now())
}

pub fn truncate_to_millis(instant: DateTime<Utc>) -> DateTime<Utc> {
    instant.trunc_subsecs(3)
}

fn stored_time(column: Option<String>) -> Option<DateTime<Utc>> {
    column.as_deref().and_then(timestamp::parse)
}

fn deal_from_row(row: &Row) -> rusqlite::Result<Deal> {
    let contact = match row.get::<_, Option<String>>(12)? {
        Some(id) => Some(Contact {
            id,
            name: row.get(13)?,
            email: row.get(14)?,
            phone_number: row.get(15)?,
            current_company: row.get(16)?,
        }),
        None => None,
    };
    let assigned_to = match row.get::<_, Option<String>>(17)? {
        Some(id) => Some(User {
            id,
            name: row.get(18)?,
            email: row.get(19)?,
        }),
        None => None,
    };
    let priority: String = row.get(6)?;
    let status: String = row.get(8)?;
    let created_at: String = row.get(20)?;
    let updated_at: String = row.get(21)?;
    Ok(Deal {
        id: row.get(0)?,
        title: row.get(1)?,
        description: row.get(2)?,
        value: row.get(3)?,
        currency: row.get(4)?,
        stage: row.get(5)?,
        priority: priority.parse().unwrap_or_default(),
        probability: row.get(7)?,
        status: status.parse().unwrap_or(DealStatus::Open),
        expected_close_date: stored_time(row.get(9)?),
        actual_close_date: stored_time(row.get(10)?),
        source: row.get(11)?,
        contact,
        assigned_to,
        created_at: timestamp::parse(&created_at).unwrap_or_default(),
        updated_at: timestamp::parse(&updated_at).unwrap_or_default(),
    })
}

fn format_time(instant: Option<DateTime<Utc>>) -> Option<String> {
    instant.as_ref().map(timestamp::format)
}

impl Store {
    /// Opens (or creates) the database file. WAL with `synchronous=FULL`: a
    /// write is on disk before the request that made it is answered, so it
    /// survives the process being killed. `readers` is the most reads that
    /// run at once.
    pub fn open(path: &str, readers: u32) -> StoreResult<Self> {
        if path.is_empty() || path.starts_with(':') {
            return Err(StoreError::Database(rusqlite::Error::InvalidPath(
                path.into(),
            )));
        }
        let writer = Connection::open(path)?;
        writer.pragma_update(None, "journal_mode", "WAL")?;
        writer.pragma_update(None, "synchronous", "FULL")?;
        writer.pragma_update(None, "foreign_keys", "ON")?;
        writer.execute_batch(SCHEMA)?;
        writer.execute_batch(webhooks::SCHEMA)?;
        let manager = SqliteConnectionManager::file(path).with_init(|reader| {
            reader.execute_batch("PRAGMA query_only = ON; PRAGMA busy_timeout = 5000;")
        });
        // No test query on checkout: a local file connection does not go stale.
        let readers = r2d2::Pool::builder()
            .max_size(readers.max(1))
            .test_on_check_out(false)
            .build(manager)?;
        Ok(Self {
            writer: Mutex::new(writer),
            readers,
        })
    }

    /// The writer, for the webhook outbox, which keeps its own tables in the
    /// same database and writes beside the API.
    pub fn connection(&self) -> MutexGuard<'_, Connection> {
        self.writer.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn read<T>(&self, work: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> StoreResult<T> {
        let reader = self.readers.get()?;
        Ok(work(&reader)?)
    }

    /// Runs `work` as one transaction on the writer. A panic while it held
    /// the lock leaves no half-done write behind (SQLite rolls back what was
    /// not committed), so a poisoned lock is still safe to take.
    fn write<T>(
        &self,
        work: impl FnOnce(&rusqlite::Transaction) -> rusqlite::Result<T>,
    ) -> StoreResult<T> {
        let mut writer = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        // The write lock from the start: a change reads before it writes, and
        // other connections (the webhook worker, CLI commands) write too, so a
        // deferred transaction could not always upgrade to a write.
        let transaction = writer.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let result = work(&transaction)?;
        transaction.commit()?;
        Ok(result)
    }

    pub fn is_empty(&self) -> StoreResult<bool> {
        self.read(|reader| {
            let companies: i64 =
                reader.query_row("SELECT COUNT(*) FROM companies", [], |row| row.get(0))?;
            Ok(companies == 0)
        })
    }

    pub fn ensure_company(&self, id: CompanyId, name: &str) -> StoreResult<()> {
        self.write(|writer| {
            writer.execute(
                "INSERT OR IGNORE INTO companies (id, name) VALUES (?1, ?2)",
                params![id, name],
            )?;
            Ok(())
        })
    }

    pub fn add_key(&self, key: &str, company: CompanyId, permissions: &[&str]) -> StoreResult<()> {
        self.write(|writer| {
            writer.execute(
                "INSERT OR REPLACE INTO api_keys (key_hash, company_id, permissions) VALUES (?1, ?2, ?3)",
                params![key_hash(key), company, permissions.join(",")],
            )?;
            Ok(())
        })
    }

    /// The key's company and permissions. Keys are stored as SHA-256 hashes:
    /// the lookup is by hash, and the final comparison is constant-time.
    pub fn find_key(&self, key: &str) -> StoreResult<Option<KeyRecord>> {
        let hash = key_hash(key);
        let found: Option<(Vec<u8>, CompanyId, String)> = self.read(|reader| {
            reader
                .prepare_cached(
                    "SELECT key_hash, company_id, permissions FROM api_keys WHERE key_hash = ?1",
                )?
                .query_row(params![hash], |row| {
                    Ok((row.get(0)?, row.get(1)?, row.get(2)?))
                })
                .optional()
        })?;
        Ok(found.and_then(|(stored, company, permissions)| {
            bool::from(stored.ct_eq(&hash)).then(|| KeyRecord {
                company,
                permissions: permissions
                    .split(',')
                    .filter(|permission| !permission.is_empty())
                    .map(str::to_owned)
                    .collect(),
            })
        }))
    }

    pub fn add_contact(&self, company: CompanyId, contact: &Contact) -> StoreResult<()> {
        self.write(|writer| {
            writer.execute(
                "INSERT INTO contacts (id, company_id, name, email, phone_number, current_company)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    contact.id,
                    company,
                    contact.name,
                    contact.email,
                    contact.phone_number,
                    contact.current_company
                ],
            )?;
            Ok(())
        })
    }

    pub fn add_user(&self, company: CompanyId, user: &User) -> StoreResult<()> {
        self.write(|writer| {
            writer.execute(
                "INSERT INTO users (id, company_id, name, email) VALUES (?1, ?2, ?3, ?4)",
                params![user.id, company, user.name, user.email],
            )?;
            Ok(())
        })
    }

    /// One page of the company's deals, newest first (then by id, so that
    /// deals created in the same millisecond keep one order across pages),
    /// with how many deals match in all: the list endpoint's JSON answer.
    pub fn list_deals_json(&self, company: CompanyId, query: &DealQuery) -> StoreResult<Vec<u8>> {
        let mut conditions = vec!["d.company_id = ?"];
        let mut values: Vec<rusqlite::types::Value> = vec![company.into()];
        if let Some(status) = query.status {
            conditions.push("d.status = ?");
            values.push(status.as_str().to_owned().into());
        }
        if let Some(stage) = &query.stage {
            conditions.push("d.stage = ?");
            values.push(stage.clone().into());
        }
        if let Some(since) = &query.created_since {
            conditions.push("d.created_at >= ?");
            values.push(timestamp::format(since).into());
        }
        if let Some(since) = &query.updated_since {
            conditions.push("d.updated_at >= ?");
            values.push(timestamp::format(since).into());
        }
        let filter = conditions.join(" AND ");
        let offset = i64::from(query.page - 1) * i64::from(query.limit);
        let reader = self.readers.get()?;
        {
            // One snapshot for the page and the count, so that they agree
            // while writes go on; it also takes the file lock once, not twice.
            let snapshot =
                rusqlite::Transaction::new_unchecked(&reader, TransactionBehavior::Deferred)?;
            // LIMIT and OFFSET are written as numbers, not bound: SQLite plans
            // with a bound LIMIT's value and so prepares the statement anew on
            // every run. They are integers the query has already checked.
            let limit = query.limit;
            let mut page = snapshot.prepare_cached(&format!(
                "SELECT {DEAL_COLUMNS} FROM {DEAL_FROM} WHERE {filter}
                 ORDER BY d.created_at DESC, d.id DESC LIMIT {limit} OFFSET {offset}"
            ))?;
            let json = deal_json::write_page(page.query(params_from_iter(values.iter()))?, || {
                let total: i64 = snapshot
                    .prepare_cached(&format!("SELECT COUNT(*) FROM deals d WHERE {filter}"))?
                    .query_row(params_from_iter(values.iter()), |row| row.get(0))?;
                Ok(PageMeta::new(
                    query.page,
                    limit,
                    u64::try_from(total).unwrap_or(0),
                ))
            });
            drop(page);
            let json = json?;
            snapshot.commit()?;
            Ok(json)
        }
    }

    pub fn get_deal(&self, company: CompanyId, id: &str) -> StoreResult<Option<Deal>> {
        self.read(|reader| deal_by_id(reader, company, id))
    }

    /// Stores a new open deal for the company, after checking that its contact
    /// and user belong to the company too.
    pub fn create_deal(
        &self,
        company: CompanyId,
        id: &str,
        deal: &NewDeal,
        created_at: DateTime<Utc>,
    ) -> StoreResult<Result<Deal, MissingLink>> {
        self.write(|writer| {
            if let Some(contact) = &deal.contact_id {
                if !owns(writer, "contacts", company, contact)? {
                    return Ok(Err(MissingLink::Contact));
                }
            }
            if let Some(user) = &deal.assigned_to_id {
                if !owns(writer, "users", company, user)? {
                    return Ok(Err(MissingLink::User));
                }
            }
            let record = DealRecord {
                id,
                deal,
                status: DealStatus::Open,
                actual_close_date: None,
                created_at,
                updated_at: created_at,
            };
            insert_deal(writer, company, &record)?;
            let stored =
                deal_by_id(writer, company, id)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
            // The deal and its event are stored together or not at all.
            webhooks::events::record(writer, company, &stored, &[EventKind::Created], created_at)?;
            Ok(Ok(stored))
        })
    }

    /// Inserts a deal as given; the demo data uses it for closed deals too.
    pub fn insert_deal(&self, company: CompanyId, record: &DealRecord) -> StoreResult<()> {
        self.write(|writer| insert_deal(writer, company, record))
    }

    /// Inserts many deals as one transaction: one write to disk for them all,
    /// where a transaction each would sync thousands of times.
    pub fn insert_deals(&self, company: CompanyId, records: &[DealRecord]) -> StoreResult<()> {
        self.write(|writer| {
            records
                .iter()
                .try_for_each(|record| insert_deal(writer, company, record))
        })
    }

    /// Applies a status change by the contract's rules ([`StatusChange::apply`]);
    /// `None` when the company has no such deal.
    pub fn change_status(
        &self,
        company: CompanyId,
        id: &str,
        change: &StatusChange,
        at: DateTime<Utc>,
    ) -> StoreResult<Option<Deal>> {
        self.write(|writer| {
            let Some(current) = deal_by_id(writer, company, id)? else {
                return Ok(None);
            };
            let changed = change.apply(&current, at);
            writer.execute(
                "UPDATE deals SET status = ?1, stage = ?2, probability = ?3,
                    actual_close_date = ?4, updated_at = ?5
                 WHERE id = ?6 AND company_id = ?7",
                params![
                    changed.status.as_str(),
                    changed.stage,
                    changed.probability,
                    format_time(changed.actual_close_date),
                    timestamp::format(&changed.updated_at),
                    id,
                    company
                ],
            )?;
            let stored =
                deal_by_id(writer, company, id)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
            // The change and its events are stored together or not at all.
            let events = webhooks::events::for_status_change(&current, &stored);
            webhooks::events::record(writer, company, &stored, &events, at)?;
            Ok(Some(stored))
        })
    }
}

fn owns(
    connection: &Connection,
    table: &str,
    company: CompanyId,
    id: &str,
) -> rusqlite::Result<bool> {
    let sql = format!("SELECT 1 FROM {table} WHERE id = ?1 AND company_id = ?2");
    Ok(connection
        .prepare_cached(&sql)?
        .query_row(params![id, company], |_| Ok(()))
        .optional()?
        .is_some())
}

fn deal_by_id(
    connection: &Connection,
    company: CompanyId,
    id: &str,
) -> rusqlite::Result<Option<Deal>> {
    connection
        .prepare_cached(&format!(
            "SELECT {DEAL_COLUMNS} FROM {DEAL_FROM} WHERE d.id = ?1 AND d.company_id = ?2"
        ))?
        .query_row(params![id, company], deal_from_row)
        .optional()
}

fn insert_deal(
    connection: &Connection,
    company: CompanyId,
    record: &DealRecord,
) -> rusqlite::Result<()> {
    let deal = record.deal;
    connection.execute(
        "INSERT INTO deals (id, company_id, title, description, value, currency, stage, priority,
            probability, status, expected_close_date, actual_close_date, source, contact_id,
            assigned_to_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            record.id,
            company,
            deal.title,
            deal.description,
            deal.value,
            deal.currency,
            deal.stage,
            deal.priority.as_str(),
            deal.probability,
            record.status.as_str(),
            format_time(deal.expected_close_date),
            format_time(record.actual_close_date),
            deal.source,
            deal.contact_id,
            deal.assigned_to_id,
            timestamp::format(&record.created_at),
            timestamp::format(&record.updated_at),
        ],
    )?;
    Ok(())
}
