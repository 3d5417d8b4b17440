//! The server's data in SQLite: companies, their API keys (hashed), contacts,
//! users and deals. Every read and write is scoped to one company, so a key
//! can never see or touch another company's rows.

use chrono::{DateTime, SubsecRound, Utc};
use deals_contract::{
    timestamp, Contact, Deal, DealQuery, DealStatus, NewDeal, StatusChange, User,
};
use rusqlite::{
    params, params_from_iter, Connection, OptionalExtension, Row, Transaction, TransactionBehavior,
};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::webhooks::{self, events::EventKind};

pub type CompanyId = i64;

/// What a key may do: the seed's permission names.
pub const PERMISSIONS: [&str; 4] = [
    "deals:read",
    "deals:write",
    "contacts:read",
    "contacts:write",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKey {
    pub company: CompanyId,
    pub permissions: Vec<String>,
}

impl ApiKey {
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

pub struct Store {
    connection: Connection,
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

fn key_hash(key: &str) -> Vec<u8> {
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
    /// Opens (or creates) the database. WAL with `synchronous=FULL`: a write is
    /// on disk before the request that made it is answered, so it survives the
    /// process being killed.
    pub fn open(path: &str) -> rusqlite::Result<Self> {
        let connection = Connection::open(path)?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.pragma_update(None, "foreign_keys", "ON")?;
        connection.execute_batch(SCHEMA)?;
        connection.execute_batch(webhooks::SCHEMA)?;
        Ok(Self { connection })
    }

    /// A transaction that holds the write lock from its start: it reads before
    /// it writes, and other connections (the webhook worker, CLI commands)
    /// write too, so a deferred one could not always upgrade to a write.
    fn write_transaction(&self) -> rusqlite::Result<Transaction<'_>> {
        Transaction::new_unchecked(&self.connection, TransactionBehavior::Immediate)
    }

    /// For the webhook outbox, which keeps its own tables in the same database.
    pub fn connection(&self) -> &Connection {
        &self.connection
    }

    pub fn is_empty(&self) -> rusqlite::Result<bool> {
        let companies: i64 =
            self.connection
                .query_row("SELECT COUNT(*) FROM companies", [], |row| row.get(0))?;
        Ok(companies == 0)
    }

    pub fn ensure_company(&self, id: CompanyId, name: &str) -> rusqlite::Result<()> {
        self.connection.execute(
            "INSERT OR IGNORE INTO companies (id, name) VALUES (?1, ?2)",
            params![id, name],
        )?;
        Ok(())
    }

    pub fn add_key(
        &self,
        key: &str,
        company: CompanyId,
        permissions: &[&str],
    ) -> rusqlite::Result<()> {
        self.connection.execute(
            "INSERT OR REPLACE INTO api_keys (key_hash, company_id, permissions) VALUES (?1, ?2, ?3)",
            params![key_hash(key), company, permissions.join(",")],
        )?;
        Ok(())
    }

    /// The key's company and permissions. Keys are stored as SHA-256 hashes:
    /// the lookup is by hash, and the final comparison is constant-time.
    pub fn find_key(&self, key: &str) -> rusqlite::Result<Option<ApiKey>> {
        let hash = key_hash(key);
        let found: Option<(Vec<u8>, CompanyId, String)> = self
            .connection
            .query_row(
                "SELECT key_hash, company_id, permissions FROM api_keys WHERE key_hash = ?1",
                params![hash],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        Ok(found.and_then(|(stored, company, permissions)| {
            bool::from(stored.ct_eq(&hash)).then(|| ApiKey {
                company,
                permissions: permissions
                    .split(',')
                    .filter(|permission| !permission.is_empty())
                    .map(str::to_owned)
                    .collect(),
            })
        }))
    }

    pub fn add_contact(&self, company: CompanyId, contact: &Contact) -> rusqlite::Result<()> {
        self.connection.execute(
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
    }

    pub fn add_user(&self, company: CompanyId, user: &User) -> rusqlite::Result<()> {
        self.connection.execute(
            "INSERT INTO users (id, company_id, name, email) VALUES (?1, ?2, ?3, ?4)",
            params![user.id, company, user.name, user.email],
        )?;
        Ok(())
    }

    fn owns(&self, table: &str, company: CompanyId, id: &str) -> rusqlite::Result<bool> {
        let sql = format!("SELECT 1 FROM {table} WHERE id = ?1 AND company_id = ?2");
        Ok(self
            .connection
            .query_row(&sql, params![id, company], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// One page of the company's deals, newest first (then by id, so that
    /// deals created in the same millisecond keep one order across pages),
    /// and how many deals match in all.
    pub fn list_deals(
        &self,
        company: CompanyId,
        query: &DealQuery,
    ) -> rusqlite::Result<(Vec<Deal>, u64)> {
        let mut conditions = vec!["d.company_id = ?".to_owned()];
        let mut values: Vec<rusqlite::types::Value> = vec![company.into()];
        if let Some(status) = query.status {
            conditions.push("d.status = ?".to_owned());
            values.push(status.as_str().to_owned().into());
        }
        if let Some(stage) = &query.stage {
            conditions.push("d.stage = ?".to_owned());
            values.push(stage.clone().into());
        }
        if let Some(since) = &query.created_since {
            conditions.push("d.created_at >= ?".to_owned());
            values.push(timestamp::format(since).into());
        }
        if let Some(since) = &query.updated_since {
            conditions.push("d.updated_at >= ?".to_owned());
            values.push(timestamp::format(since).into());
        }
        let filter = conditions.join(" AND ");
        let total: i64 = self.connection.query_row(
            &format!("SELECT COUNT(*) FROM deals d WHERE {filter}"),
            params_from_iter(values.iter()),
            |row| row.get(0),
        )?;
        let offset = i64::from(query.page - 1) * i64::from(query.limit);
        values.push(i64::from(query.limit).into());
        values.push(offset.into());
        let mut statement = self.connection.prepare(&format!(
            "SELECT {DEAL_COLUMNS} FROM {DEAL_FROM} WHERE {filter}
             ORDER BY d.created_at DESC, d.id DESC LIMIT ? OFFSET ?"
        ))?;
        let deals = statement
            .query_map(params_from_iter(values.iter()), deal_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((deals, u64::try_from(total).unwrap_or(0)))
    }

    pub fn get_deal(&self, company: CompanyId, id: &str) -> rusqlite::Result<Option<Deal>> {
        self.connection
            .query_row(
                &format!(
                    "SELECT {DEAL_COLUMNS} FROM {DEAL_FROM} WHERE d.id = ?1 AND d.company_id = ?2"
                ),
                params![id, company],
                deal_from_row,
            )
            .optional()
    }

    /// Stores a new open deal for the company, after checking that its contact
    /// and user belong to the company too.
    pub fn create_deal(
        &self,
        company: CompanyId,
        id: &str,
        deal: &NewDeal,
        created_at: DateTime<Utc>,
    ) -> rusqlite::Result<Result<Deal, MissingLink>> {
        if let Some(contact) = &deal.contact_id {
            if !self.owns("contacts", company, contact)? {
                return Ok(Err(MissingLink::Contact));
            }
        }
        if let Some(user) = &deal.assigned_to_id {
            if !self.owns("users", company, user)? {
                return Ok(Err(MissingLink::User));
            }
        }
        // The deal and its event are stored together or not at all.
        let transaction = self.write_transaction()?;
        self.insert_deal(company, id, deal, DealStatus::Open, None, created_at)?;
        let stored = self
            .get_deal(company, id)?
            .ok_or(rusqlite::Error::QueryReturnedNoRows)?;
        webhooks::events::record(
            &transaction,
            company,
            &stored,
            &[EventKind::Created],
            created_at,
        )?;
        transaction.commit()?;
        Ok(Ok(stored))
    }

    /// Inserts a deal as given; the demo data uses it for closed deals too.
    pub fn insert_deal(
        &self,
        company: CompanyId,
        id: &str,
        deal: &NewDeal,
        status: DealStatus,
        actual_close_date: Option<DateTime<Utc>>,
        created_at: DateTime<Utc>,
    ) -> rusqlite::Result<()> {
        let created = timestamp::format(&created_at);
        // A closed deal was last touched when it closed.
        let updated = timestamp::format(
            &actual_close_date.map_or(created_at, |closed| closed.max(created_at)),
        );
        self.connection.execute(
            "INSERT INTO deals (id, company_id, title, description, value, currency, stage, priority,
                probability, status, expected_close_date, actual_close_date, source, contact_id,
                assigned_to_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            params![
                id,
                company,
                deal.title,
                deal.description,
                deal.value,
                deal.currency,
                deal.stage,
                deal.priority.as_str(),
                deal.probability,
                status.as_str(),
                format_time(deal.expected_close_date),
                format_time(actual_close_date),
                deal.source,
                deal.contact_id,
                deal.assigned_to_id,
                created,
                updated,
            ],
        )?;
        Ok(())
    }

    /// Applies a status change: won or lost without a date closes the deal
    /// now, reopening clears the close date. `None` when the company has no
    /// such deal.
    pub fn change_status(
        &self,
        company: CompanyId,
        id: &str,
        change: &StatusChange,
        at: DateTime<Utc>,
    ) -> rusqlite::Result<Option<Deal>> {
        // The change and its events are stored together or not at all.
        let transaction = self.write_transaction()?;
        let Some(current) = self.get_deal(company, id)? else {
            return Ok(None);
        };
        let status = change.status.unwrap_or(current.status);
        let actual_close_date = match change.status {
            Some(DealStatus::Open) => change.actual_close_date,
            Some(closed) if closed != current.status || current.actual_close_date.is_none() => {
                change.actual_close_date.or(Some(at))
            }
            _ => change.actual_close_date.or(current.actual_close_date),
        };
        let stage = change.stage.clone().or_else(|| current.stage.clone());
        self.connection.execute(
            "UPDATE deals SET status = ?1, stage = ?2, actual_close_date = ?3, updated_at = ?4
             WHERE id = ?5 AND company_id = ?6",
            params![
                status.as_str(),
                stage,
                format_time(actual_close_date),
                timestamp::format(&at),
                id,
                company
            ],
        )?;
        let Some(changed) = self.get_deal(company, id)? else {
            return Ok(None);
        };
        let events = webhooks::events::for_status_change(&current, &changed);
        webhooks::events::record(&transaction, company, &changed, &events, at)?;
        transaction.commit()?;
        Ok(Some(changed))
    }
}
