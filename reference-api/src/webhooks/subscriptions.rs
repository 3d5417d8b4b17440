//! Subscriptions: a company's URL, the events it wants and the secret its
//! deliveries are signed with. The worker reads them from the database on
//! every event, so one added or removed while the server runs counts at once.

use axum::http::Uri;
use chrono::{DateTime, Utc};
use deals_contract::timestamp;
use rusqlite::{params, Connection};

use super::{random_id, EventKind};
use crate::company::CompanyId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub id: String,
    pub company: CompanyId,
    pub url: String,
    pub events: Vec<EventKind>,
    pub created_at: String,
}

/// The shortest signing secret accepted: 128 bits, what an HMAC key needs
/// to be out of a guesser's reach.
pub const MIN_SECRET_BYTES: usize = 16;

/// A signing secret long enough, or why not (without repeating it).
pub fn check_secret(secret: &str) -> Result<(), String> {
    if secret.len() < MIN_SECRET_BYTES {
        return Err(format!(
            "the secret must be at least {MIN_SECRET_BYTES} bytes; leave --secret out to have one generated"
        ));
    }
    Ok(())
}

/// An absolute http or https URL without a user name or password, or why
/// not. A URL with credentials is refused without being repeated: they
/// would reach the terminal, and a receiver authenticates deliveries by
/// their signature anyway.
pub fn check_url(url: &str) -> Result<(), String> {
    let authority = url
        .split_once("://")
        .and_then(|(_, rest)| rest.split(['/', '?', '#']).next());
    if authority.is_some_and(|authority| authority.contains('@')) {
        return Err(
            "the URL must not carry a user name or password (…@host): deliveries are signed"
                .to_owned(),
        );
    }
    let uri: Uri = url.parse().map_err(|_| format!("{url:?} is not a URL"))?;
    match uri.scheme_str() {
        Some("http" | "https") if uri.host().is_some_and(|host| !host.is_empty()) => Ok(()),
        _ => Err(format!(
            "{url:?} must be an http:// or https:// URL with a host"
        )),
    }
}

/// Event names, or `*` for all five.
pub fn parse_events(names: &[String]) -> Result<Vec<EventKind>, String> {
    if names.iter().any(|name| name.trim() == "*") {
        return Ok(EventKind::ALL.to_vec());
    }
    let mut kinds = Vec::new();
    for name in names {
        let kind = EventKind::parse(name.trim()).ok_or_else(|| {
            let known: Vec<&str> = EventKind::ALL.iter().map(|kind| kind.as_str()).collect();
            format!("unknown event {name:?}; use * or {}", known.join(", "))
        })?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    if kinds.is_empty() {
        return Err("name at least one event, or *".to_owned());
    }
    Ok(kinds)
}

/// `deal.created,deal.won`: how event lists are stored and shown.
pub fn event_names(kinds: &[EventKind]) -> String {
    kinds
        .iter()
        .map(|kind| kind.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn event_kinds(names: &str) -> Vec<EventKind> {
    names.split(',').filter_map(EventKind::parse).collect()
}

/// A new random signing secret.
pub fn new_secret() -> String {
    random_id("whsec_", 32)
}

/// Stores a subscription and returns its id.
pub fn add(
    connection: &Connection,
    company: CompanyId,
    url: &str,
    events: &[EventKind],
    secret: &str,
    at: DateTime<Utc>,
) -> rusqlite::Result<String> {
    let id = random_id("wh_", 16);
    connection.execute(
        "INSERT INTO webhook_subscriptions (id, company_id, url, events, secret, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            company,
            url,
            event_names(events),
            secret,
            timestamp::format(&at)
        ],
    )?;
    Ok(id)
}

/// Every subscription, or one company's; never their secrets.
pub fn list(
    connection: &Connection,
    company: Option<CompanyId>,
) -> rusqlite::Result<Vec<Subscription>> {
    let mut statement = connection.prepare(
        "SELECT id, company_id, url, events, created_at FROM webhook_subscriptions
         WHERE ?1 IS NULL OR company_id = ?1 ORDER BY created_at, id",
    )?;
    let rows = statement.query_map(params![company], |row| {
        Ok(Subscription {
            id: row.get(0)?,
            company: row.get(1)?,
            url: row.get(2)?,
            events: event_kinds(&row.get::<_, String>(3)?),
            created_at: row.get(4)?,
        })
    })?;
    rows.collect()
}

/// Removes a subscription and its deliveries; false when there was none.
pub fn remove(connection: &Connection, id: &str) -> rusqlite::Result<bool> {
    Ok(connection.execute(
        "DELETE FROM webhook_subscriptions WHERE id = ?1",
        params![id],
    )? > 0)
}

/// The company's subscriptions with the events each wants.
pub(super) fn subscribed_to(
    connection: &Connection,
    company: CompanyId,
) -> rusqlite::Result<Vec<(String, Vec<EventKind>)>> {
    let mut statement = connection
        .prepare_cached("SELECT id, events FROM webhook_subscriptions WHERE company_id = ?1")?;
    let rows = statement.query_map(params![company], |row| {
        Ok((row.get(0)?, event_kinds(&row.get::<_, String>(1)?)))
    })?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: only absolute http(s) URLs without credentials are accepted.
    #[test]
    fn urls_must_be_http_or_https_with_a_host() {
        assert!(check_url("http://127.0.0.1:4000/hooks").is_ok());
        assert!(check_url("https://crm.intranet.example/isao").is_ok());
        assert!(check_url("https://crm.intranet.example/isao?by=a@b").is_ok());
        for bad in [
            "ftp://example.com/",
            "file:///etc/passwd",
            "/hooks",
            "example.com",
            "",
            "https://user:password@crm.intranet.example/isao",
            "https://user@crm.intranet.example/isao",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }

    // Guards: `*` means all five; unknown names are refused; repeats collapse.
    #[test]
    fn event_lists_accept_names_and_star() {
        let all = parse_events(&["*".to_owned()]);
        assert_eq!(all, Ok(EventKind::ALL.to_vec()));
        let two = parse_events(&["deal.won".into(), " deal.lost".into(), "deal.won".into()]);
        assert_eq!(two, Ok(vec![EventKind::Won, EventKind::Lost]));
        assert!(parse_events(&["deal.deleted".into()]).is_err());
        assert!(parse_events(&[]).is_err());
    }
}
