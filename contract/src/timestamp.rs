//! Instants as the API writes them (`2024-11-01T10:30:00.000Z`) and reads them
//! (a date, a date-time with or without offset, any fraction of a second).

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serializer};

/// Formats an instant the way every timestamp of the API looks.
pub fn format(instant: &DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Reads an ISO 8601 date or date-time. A date means midnight UTC; a date-time
/// without offset is taken as UTC (clients such as Python's `isoformat()` send those).
pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
        return Some(instant.with_timezone(&Utc));
    }
    for layout in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(text, layout) {
            return Some(naive.and_utc());
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|date| date.and_hms_opt(0, 0, 0))
        .map(|naive| naive.and_utc())
}

pub fn serialize<S: Serializer>(instant: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format(instant))
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse(&text).ok_or_else(|| serde::de::Error::custom(format!("not an ISO 8601 instant: {text}")))
}

/// The same for nullable or absent timestamps.
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(
        instant: &Option<DateTime<Utc>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match instant {
            Some(instant) => super::serialize(instant, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            None => Ok(None),
            Some(text) => parse(&text).map(Some).ok_or_else(|| {
                serde::de::Error::custom(format!("not an ISO 8601 instant: {text}"))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_milliseconds_and_zulu() {
        let instant = parse("2024-11-01T10:30:00Z").unwrap();
        assert_eq!(format(&instant), "2024-11-01T10:30:00.000Z");
    }

    #[test]
    fn reads_every_form_the_seed_and_its_clients_send() {
        let midnight = "2024-12-30T00:00:00.000Z";
        assert_eq!(format(&parse("2024-12-30").unwrap()), midnight);
        assert_eq!(
            format(&parse("2024-12-30T00:00:00.000Z").unwrap()),
            midnight
        );
        assert_eq!(
            format(&parse("2024-12-30T01:00:00+01:00").unwrap()),
            midnight
        );
        assert_eq!(
            format(&parse("2024-11-08T15:30:00.123456").unwrap()),
            "2024-11-08T15:30:00.123Z"
        );
        assert_eq!(
            format(&parse("2024-11-08T15:30").unwrap()),
            "2024-11-08T15:30:00.000Z"
        );
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in [
            "",
            "tomorrow",
            "2024-13-01",
            "2024-02-30",
            "30/12/2024",
            "2024-12-30T25:00",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
