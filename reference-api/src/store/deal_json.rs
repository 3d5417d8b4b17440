//! A page of deals written as JSON straight from SQLite's rows: the very
//! bytes of serializing a [`deals_contract::Page`] of [`deals_contract::Deal`]s,
//! without first copying each deal's dozen strings out of SQLite and reading
//! its four instants only to write them back as the same text, a detour that
//! cost the list endpoint much of its CPU time.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, Utc};
use deals_contract::{timestamp, DealStatus, PageMeta, Priority};
use rusqlite::types::{FromSqlError, Type, ValueRef};
use rusqlite::{Row, Rows};
use serde::Serialize;

use super::error::{StoreError, StoreResult};

/// Text as a JSON string. Most text needs no escaping and is copied as it
/// is, after a check the compiler vectorises, where serde_json escapes byte
/// by byte. Text that does need it is left to
/// serde_json, so that every string is written exactly as serde_json would.
fn write_text(json: &mut Vec<u8>, text: &str) -> StoreResult<()> {
    let needs_escaping = text.bytes().fold(false, |found, byte| {
        found | (byte < 0x20) | (byte == b'"') | (byte == b'\\')
    });
    if needs_escaping {
        return serde_json::to_writer(json, text).map_err(StoreError::Encoding);
    }
    json.push(b'"');
    json.extend_from_slice(text.as_bytes());
    json.push(b'"');
    Ok(())
}

fn write_optional_text(json: &mut Vec<u8>, text: Option<&str>) -> StoreResult<()> {
    match text {
        Some(text) => write_text(json, text),
        None => {
            json.extend_from_slice(b"null");
            Ok(())
        }
    }
}

fn write_number(json: &mut Vec<u8>, number: impl Serialize) -> StoreResult<()> {
    serde_json::to_writer(json, &number).map_err(StoreError::Encoding)
}

/// A probability as the contract's `Deal` writes it: a whole percentage as
/// an integer (`75`, as the seed shows), any other as the number it is.
fn write_percent(json: &mut Vec<u8>, percent: Option<f64>) -> StoreResult<()> {
    match percent {
        Some(whole) if whole.fract() == 0.0 && (0.0..=100.0).contains(&whole) => {
            write_number(json, whole as u8)
        }
        Some(other) => write_number(json, other),
        None => {
            json.extend_from_slice(b"null");
            Ok(())
        }
    }
}

fn conversion_failure(column: usize, error: FromSqlError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, Type::Text, Box::new(error))
}

fn text<'row>(row: &'row Row, column: usize) -> rusqlite::Result<&'row str> {
    row.get_ref(column)?
        .as_str()
        .map_err(|error| conversion_failure(column, error))
}

fn optional_text<'row>(row: &'row Row, column: usize) -> rusqlite::Result<Option<&'row str>> {
    match row.get_ref(column)? {
        ValueRef::Null => Ok(None),
        value => value
            .as_str()
            .map(Some)
            .map_err(|error| conversion_failure(column, error)),
    }
}

/// The layout in which the server stores instants, which is the one the API
/// writes.
const API_INSTANT_SHAPE: &[u8; 24] = b"0000-00-00T00:00:00.000Z";

fn has_api_instant_shape(text: &[u8]) -> bool {
    text.len() == API_INSTANT_SHAPE.len()
        && text
            .iter()
            .zip(API_INSTANT_SHAPE)
            .all(|(&byte, &shape)| match shape {
                b'0' => byte.is_ascii_digit(),
                _ => byte == shape,
            })
}

/// Whether text of the API's shape names an instant: a real date and a time
/// of day, which is all `timestamp::parse` asks of that shape (its year has
/// four digits and it is in UTC already), checked without building the
/// instant, a good part of a page's time.
fn is_api_instant(text: &[u8]) -> bool {
    let number = |start: usize, end: usize| {
        text[start..end]
            .iter()
            .fold(0, |number, digit| number * 10 + u32::from(digit - b'0'))
    };
    has_api_instant_shape(text)
        && number(11, 13) < 24
        && number(14, 16) < 60
        && number(17, 19) < 60
        && i32::try_from(number(0, 4))
            .ok()
            .and_then(|year| NaiveDate::from_ymd_opt(year, number(5, 7), number(8, 10)))
            .is_some()
}

/// A stored instant as the API writes it, `None` when it is no instant. An
/// instant in the API's shape is exactly the text writing it gives, so it is
/// kept; any other text that reads as one is written anew.
fn stored_instant(text: &str) -> Option<Cow<'_, str>> {
    if is_api_instant(text.as_bytes()) {
        return Some(Cow::Borrowed(text));
    }
    timestamp::parse(text).map(|instant| Cow::Owned(timestamp::format(&instant)))
}

fn optional_instant<'row>(
    row: &'row Row,
    column: usize,
) -> rusqlite::Result<Option<Cow<'row, str>>> {
    Ok(optional_text(row, column)?.and_then(stored_instant))
}

/// An instant the deal must have; one that does not read is written as the
/// epoch, as the `Deal` read from the same row would hold it.
fn required_instant<'row>(row: &'row Row, column: usize) -> rusqlite::Result<Cow<'row, str>> {
    Ok(stored_instant(text(row, column)?)
        .unwrap_or_else(|| Cow::Owned(timestamp::format(&DateTime::<Utc>::default()))))
}

/// A deal's contact or assignee, `null` when it has none: `id` from
/// `id_column`, then `name` and `email` from the next two columns, then each
/// of `more` (member name with its leading `,"…":`) from the columns after.
fn write_person(json: &mut Vec<u8>, row: &Row, id_column: usize, more: &[&str]) -> StoreResult<()> {
    let Some(id) = optional_text(row, id_column)? else {
        json.extend_from_slice(b"null");
        return Ok(());
    };
    json.extend_from_slice(br#"{"id":"#);
    write_text(json, id)?;
    json.extend_from_slice(br#","name":"#);
    write_text(json, text(row, id_column + 1)?)?;
    json.extend_from_slice(br#","email":"#);
    write_optional_text(json, optional_text(row, id_column + 2)?)?;
    for (offset, member) in more.iter().enumerate() {
        json.extend_from_slice(member.as_bytes());
        write_optional_text(json, optional_text(row, id_column + 3 + offset)?)?;
    }
    json.push(b'}');
    Ok(())
}

/// One row of the deal query (`store::DEAL_COLUMNS`) as serializing the
/// contract's `Deal` writes it: its members in the same order, `null` for
/// what is absent.
fn write_deal(json: &mut Vec<u8>, row: &Row) -> StoreResult<()> {
    json.extend_from_slice(br#"{"id":"#);
    write_text(json, text(row, 0)?)?;
    json.extend_from_slice(br#","title":"#);
    write_text(json, text(row, 1)?)?;
    json.extend_from_slice(br#","description":"#);
    write_optional_text(json, optional_text(row, 2)?)?;
    json.extend_from_slice(br#","value":"#);
    write_number(json, row.get::<_, f64>(3)?)?;
    json.extend_from_slice(br#","currency":"#);
    write_text(json, text(row, 4)?)?;
    json.extend_from_slice(br#","stage":"#);
    write_optional_text(json, optional_text(row, 5)?)?;
    json.extend_from_slice(br#","priority":"#);
    let priority: Priority = text(row, 6)?.parse().unwrap_or_default();
    write_text(json, priority.as_str())?;
    json.extend_from_slice(br#","probability":"#);
    write_percent(json, row.get(7)?)?;
    json.extend_from_slice(br#","status":"#);
    let status: DealStatus = text(row, 8)?.parse().unwrap_or(DealStatus::Open);
    write_text(json, status.as_str())?;
    json.extend_from_slice(br#","expectedCloseDate":"#);
    write_optional_text(json, optional_instant(row, 9)?.as_deref())?;
    json.extend_from_slice(br#","actualCloseDate":"#);
    write_optional_text(json, optional_instant(row, 10)?.as_deref())?;
    json.extend_from_slice(br#","source":"#);
    write_optional_text(json, optional_text(row, 11)?)?;
    json.extend_from_slice(br#","contact":"#);
    write_person(
        json,
        row,
        12,
        &[r#","phoneNumber":"#, r#","currentCompany":"#],
    )?;
    json.extend_from_slice(br#","assignedTo":"#);
    write_person(json, row, 17, &[])?;
    json.extend_from_slice(br#","createdAt":"#);
    write_text(json, &required_instant(row, 20)?)?;
    json.extend_from_slice(br#","updatedAt":"#);
    write_text(json, &required_instant(row, 21)?)?;
    json.push(b'}');
    Ok(())
}

/// `{"success":true,"data":[…],"meta":{…}}` from the deal rows; `meta` is
/// asked for after the rows, so its count may be taken after them.
pub fn write_page(
    mut rows: Rows,
    meta: impl FnOnce() -> rusqlite::Result<PageMeta>,
) -> StoreResult<Vec<u8>> {
    // Room for a typical page, so that most pages are written without regrowing.
    let mut json = Vec::with_capacity(32 * 1024);
    json.extend_from_slice(br#"{"success":true,"data":["#);
    let mut first = true;
    while let Some(row) = rows.next()? {
        if !first {
            json.push(b',');
        }
        first = false;
        write_deal(&mut json, row)?;
    }
    drop(rows);
    json.extend_from_slice(br#"],"meta":"#);
    serde_json::to_writer(&mut json, &meta()?).map_err(StoreError::Encoding)?;
    json.push(b'}');
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apis_own_layout_counts_as_its_shape() {
        assert!(has_api_instant_shape(b"2024-11-01T10:30:00.000Z"));
        for other in [
            "2024-11-01",
            "2024-11-01T10:30:00Z",
            "2024-11-01T10:30:00.000+00:00",
            "2024-11-01t10:30:00.000Z",
            "2024-11-01T10:30:00.000z",
            " 2024-11-01T10:30:00.00Z",
            "2024-11-01T10:30:00.0000",
            "2024-11-01T10:3a:00.000Z",
        ] {
            assert!(!has_api_instant_shape(other.as_bytes()), "{other}");
        }
    }

    #[test]
    fn stored_instants_are_written_as_the_api_writes_them() {
        let kept = "2024-11-01T10:30:00.000Z";
        assert!(matches!(stored_instant(kept), Some(Cow::Borrowed(text)) if text == kept));
        assert_eq!(
            stored_instant("2024-12-30").as_deref(),
            Some("2024-12-30T00:00:00.000Z")
        );
        assert_eq!(
            stored_instant("2024-12-30T01:00:00+01:00").as_deref(),
            Some("2024-12-30T00:00:00.000Z")
        );
        assert_eq!(stored_instant("2024-02-30T10:30:00.000Z"), None);
        assert_eq!(stored_instant("2024-11-01T24:30:00.000Z"), None);
        assert_eq!(stored_instant("2024-11-01T10:30:60.000Z"), None);
        assert_eq!(stored_instant("soon"), None);
    }

    // Guards: the quick check of the API's shape accepts exactly what the
    // contract's parser reads, field by field at and around each limit.
    #[test]
    fn the_quick_check_agrees_with_the_contracts_parser() {
        let mut checked = 0;
        for year in ["0000", "0001", "1900", "2000", "2023", "2024", "9999"] {
            for month in ["00", "01", "02", "04", "12", "13", "99"] {
                for day in ["00", "01", "28", "29", "30", "31", "32"] {
                    for (hour, minute, second) in [
                        ("00", "00", "00"),
                        ("23", "59", "59"),
                        ("24", "00", "00"),
                        ("00", "60", "00"),
                        ("00", "00", "60"),
                        ("99", "99", "99"),
                    ] {
                        let text = format!("{year}-{month}-{day}T{hour}:{minute}:{second}.999Z");
                        assert_eq!(
                            is_api_instant(text.as_bytes()),
                            timestamp::parse(&text).is_some(),
                            "{text}"
                        );
                        checked += usize::from(is_api_instant(text.as_bytes()));
                    }
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }
}
