//! Instants as the API writes them (`2024-11-01T10:30:00.000Z`) and reads them
//! (a date, a date-time with or without offset, any fraction of a second).
//! Years have four digits, in UTC too: the fixed-width text is what the
//! server stores and compares, so a year such as `+10000` or `-0001` would
//! sort wrongly and could not be read back.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serializer};

/// Formats an instant the way every timestamp of the API looks.
pub fn format(instant: &DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Reads an ISO 8601 date or date-time with a four-digit year (0000 to 9999,
/// before and after conversion to UTC). A date means midnight UTC; a date-time
/// without offset is taken as UTC (clients such as Python's `isoformat()` send those).
pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    let four_digit_year = text.len() > 4
        && text.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && text.as_bytes()[4] == b'-';
    if !four_digit_year {
        return None;
    }
    parse_any_year(text).filter(|instant| (0..=9999).contains(&instant.year()))
}

fn parse_any_year(text: &str) -> Option<DateTime<Utc>> {
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
    use chrono::SubsecRound;

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

    #[test]
    fn years_have_four_digits_before_and_after_conversion_to_utc() {
        for text in [
            "+10000-01-01",
            "-0001-01-01",
            "+2024-01-01",
            "10000-01-01T00:00:00Z",
            "24-01-01",
            "9999-12-31T23:00:00-02:00",
            "0000-01-01T00:30:00+01:00",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
        assert_eq!(
            format(&parse("9999-12-31T23:59:59.999Z").unwrap()),
            "9999-12-31T23:59:59.999Z"
        );
        assert_eq!(
            format(&parse("0000-01-01").unwrap()),
            "0000-01-01T00:00:00.000Z"
        );
    }

    #[test]
    fn what_is_read_is_written_back_as_text_that_reads_the_same() {
        let dates = [
            "0000-01-01",
            "0001-02-28",
            "1970-01-01",
            "2024-02-29",
            "9999-12-31",
        ];
        let times = ["", "T00:00", "T12:34:56", "T23:59:59.999", "T08:00:00.5"];
        let offsets = ["", "Z", "+00:00", "+14:00", "-12:00", "+05:30"];
        for date in dates {
            for time in times {
                for offset in offsets {
                    if time.is_empty() && !offset.is_empty() {
                        continue;
                    }
                    let text = format!("{date}{time}{offset}");
                    let Some(instant) = parse(&text) else {
                        continue;
                    };
                    let written = format(&instant);
                    assert_eq!(written.len(), "2024-11-01T10:30:00.000Z".len(), "{text}");
                    let truncated = instant.trunc_subsecs(3);
                    assert_eq!(parse(&written), Some(truncated), "{text} -> {written}");
                }
            }
        }
    }
}
