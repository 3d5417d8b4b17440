//! Instants as the API writes them (`2024-11-01T10:30:00.000Z`) and reads them
//! (a date, a date-time with or without offset, any fraction of a second).
//! Years have four digits, in UTC too: the fixed-width text is what the
//! server stores and compares, so a year such as `+10000` or `-0001` would
//! sort wrongly and could not be read back.

use chrono::{
    DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, Timelike, Utc,
};
use serde::{Deserialize, Deserializer, Serializer};

/// The width of `2024-11-01T10:30:00.000Z`.
const WIDTH: usize = 24;

/// Formats an instant the way every timestamp of the API looks. Years
/// 0000-9999, all that the API reads, are written digit by digit: a page of
/// deals writes hundreds of timestamps, and chrono's general formatter was a
/// twentieth of the server's time on the list endpoint. Other years go
/// through chrono.
pub fn format(instant: &DateTime<Utc>) -> String {
    let Ok(year @ 0..=9999) = u32::try_from(instant.year()) else {
        return instant.to_rfc3339_opts(SecondsFormat::Millis, true);
    };
    let (date, time) = (instant.date_naive(), instant.time());
    // chrono keeps a leap second as 59 s and more than a billion nanoseconds,
    // and writes it as :60.
    let leap = u32::from(time.nanosecond() >= 1_000_000_000);
    let mut text = *b"0000-00-00T00:00:00.000Z";
    for (at, digits, value) in [
        (0, 4, year),
        (5, 2, date.month()),
        (8, 2, date.day()),
        (11, 2, time.hour()),
        (14, 2, time.minute()),
        (17, 2, time.second() + leap),
        (20, 3, time.nanosecond() % 1_000_000_000 / 1_000_000),
    ] {
        let mut rest = value;
        for digit in text[at..at + digits].iter_mut().rev() {
            *digit = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
    }
    String::from_utf8_lossy(&text).into_owned()
}

/// Reads the API's own form field by field, the form of every timestamp it
/// answers and stores; `None` for anything else.
fn parse_written(text: &str) -> Option<DateTime<Utc>> {
    let bytes = text.as_bytes();
    let layout_holds = bytes.len() == WIDTH
        && [
            (4, b'-'),
            (7, b'-'),
            (10, b'T'),
            (13, b':'),
            (16, b':'),
            (19, b'.'),
            (23, b'Z'),
        ]
        .iter()
        .all(|&(at, separator)| bytes[at] == separator);
    if !layout_holds {
        return None;
    }
    let number = |from: usize, to: usize| {
        bytes[from..to].iter().try_fold(0_u32, |sum, &byte| {
            byte.is_ascii_digit()
                .then(|| sum * 10 + u32::from(byte - b'0'))
        })
    };
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(number(0, 4)?).ok()?,
        number(5, 7)?,
        number(8, 10)?,
    )?;
    let time = NaiveTime::from_hms_milli_opt(
        number(11, 13)?,
        number(14, 16)?,
        number(17, 19)?,
        number(20, 23)?,
    )?;
    Some(date.and_time(time).and_utc())
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
    if let Some(instant) = parse_written(text) {
        return Some(instant);
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
    fn the_digit_by_digit_forms_agree_with_chrono() {
        let mut instants: Vec<DateTime<Utc>> = [
            "0000-01-01T00:00:00Z",
            "0009-09-09T09:09:09.009Z",
            "1970-01-01T00:00:00Z",
            "2024-02-29T23:59:59.999Z",
            "2024-11-01T10:30:00.1Z",
            "9999-12-31T23:59:59.999Z",
        ]
        .iter()
        .map(|text| {
            DateTime::parse_from_rfc3339(text)
                .unwrap()
                .with_timezone(&Utc)
        })
        .collect();
        let start = instants[2];
        instants.extend((0..2_000).map(|step| {
            start + chrono::Duration::milliseconds(step * 7_919_999_989 + step * step * 13)
        }));
        for instant in instants {
            let written = format(&instant);
            assert_eq!(
                written,
                instant.to_rfc3339_opts(SecondsFormat::Millis, true)
            );
            assert_eq!(
                parse_written(&written),
                parse_any_year(&written),
                "{written}"
            );
        }
        let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
            .and_then(|date| date.and_hms_milli_opt(23, 59, 59, 1_500))
            .unwrap()
            .and_utc();
        assert_eq!(
            format(&leap),
            leap.to_rfc3339_opts(SecondsFormat::Millis, true)
        );
        for other in [
            "2024-11-01T10:30:00.000+00:00",
            "2024-11-01T10:30:00Z",
            "2024-13-01T10:30:00.000Z",
            "2024-11-01T10:30:00.0a0Z",
            "2024-11-01 10:30:00.000Z",
        ] {
            assert_eq!(parse_written(other), None, "{other}");
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
