//! Instants as the API writes them (`2024-11-01T10:30:00.000Z`) and reads them
//! (a date, a date-time with or without offset, any fraction of a second).
//! Years have four digits, in UTC too: the fixed-width text is what the
//! server stores and compares, so a year such as `+10000` or `-0001` would
//! sort wrongly and could not be read back.

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Timelike, Utc};
use serde::{Deserialize, Deserializer, Serializer};

/// Formats an instant the way every timestamp of the API looks, written
/// field by field: a page of deals writes hundreds of them, and chrono's
/// general formatter costs the server time and the widget bytes.
pub fn format(instant: &DateTime<Utc>) -> String {
    // chrono keeps a leap second as 59 s and more than a billion
    // nanoseconds; it is written as :60.
    let nanos = instant.nanosecond();
    let leap = u32::from(nanos >= 1_000_000_000);
    format!(
        "{}T{:02}:{:02}:{:02}.{:03}Z",
        format_date(instant),
        instant.hour(),
        instant.minute(),
        instant.second() + leap,
        nanos % 1_000_000_000 / 1_000_000
    )
}

/// The calendar date of an instant in UTC, as `2024-12-30`.
pub fn format_date(instant: &DateTime<Utc>) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        instant.year(),
        instant.month(),
        instant.day()
    )
}

/// Reads an ISO 8601 date (`2024-12-30`, midnight UTC) or date-time
/// (`2024-12-30T10:30`, with optional seconds and fraction, and an optional
/// `Z` or `±HH:MM` offset; without one it is UTC, as clients such as Python's
/// `isoformat()` send it). The fixed layouts are read by hand: chrono's
/// general parser would weigh more in the widget than the rest of chrono.
pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    let mut reader = Reader(text.trim().as_bytes());
    let year = reader.digits(4)?;
    reader.expect(b"-")?;
    let month = reader.digits(2)?;
    reader.expect(b"-")?;
    let day = reader.digits(2)?;
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    if reader.is_done() {
        return Some(date.and_hms_opt(0, 0, 0)?.and_utc());
    }
    reader.expect_any(b"Tt ")?;
    let hour = reader.digits(2)?;
    reader.expect(b":")?;
    let minute = reader.digits(2)?;
    let (second, nanos) = if reader.expect(b":").is_some() {
        let second = reader.digits(2)?;
        let nanos = if reader.expect(b".").is_some() {
            reader.fraction()?
        } else {
            0
        };
        (second, nanos)
    } else {
        (0, 0)
    };
    let local = date
        .and_hms_nano_opt(hour, minute, second, nanos)?
        .and_utc();
    let offset_seconds = reader.offset()?;
    if !reader.is_done() {
        return None;
    }
    let instant = local.checked_sub_signed(TimeDelta::seconds(offset_seconds))?;
    // Four-digit years in UTC too: the server stores and compares the text.
    (0..=9999).contains(&instant.year()).then_some(instant)
}

/// A cursor over the bytes of a timestamp.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn is_done(&self) -> bool {
        self.0.is_empty()
    }

    fn expect(&mut self, expected: &[u8]) -> Option<()> {
        self.0 = self.0.strip_prefix(expected)?;
        Some(())
    }

    fn expect_any(&mut self, choices: &[u8]) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        choices.contains(&first).then(|| {
            self.0 = rest;
            first
        })
    }

    /// Exactly `count` ASCII digits.
    fn digits(&mut self, count: usize) -> Option<u32> {
        let digits = self.0.get(..count)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.0 = &self.0[count..];
        Some(
            digits
                .iter()
                .fold(0, |number, digit| number * 10 + u32::from(digit - b'0')),
        )
    }

    /// One or more digits after the decimal point, as nanoseconds (digits past
    /// the ninth are dropped).
    fn fraction(&mut self) -> Option<u32> {
        let length = self
            .0
            .iter()
            .take_while(|byte| byte.is_ascii_digit())
            .count();
        if length == 0 {
            return None;
        }
        let nanos = self.0[..length]
            .iter()
            .chain(std::iter::repeat(&b'0'))
            .take(9)
            .fold(0, |number, digit| number * 10 + u32::from(digit - b'0'));
        self.0 = &self.0[length..];
        Some(nanos)
    }

    /// `Z`, `±HH:MM` or nothing, in seconds east of UTC.
    fn offset(&mut self) -> Option<i64> {
        if self.is_done() {
            return Some(0);
        }
        match self.expect_any(b"Zz+-")? {
            b'Z' | b'z' => Some(0),
            sign => {
                let hours = self.digits(2)?;
                self.expect(b":")?;
                let minutes = self.digits(2)?;
                if hours > 23 || minutes > 59 {
                    return None;
                }
                let seconds = i64::from(hours * 3600 + minutes * 60);
                Some(if sign == b'-' { -seconds } else { seconds })
            }
        }
    }
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
    fn reads_offsets_lowercase_separators_and_long_fractions() {
        assert_eq!(
            format(&parse("2024-12-31T23:30:00-01:30").unwrap()),
            "2025-01-01T01:00:00.000Z"
        );
        assert_eq!(
            format(&parse("2024-12-30t10:30:15.5z").unwrap()),
            "2024-12-30T10:30:15.500Z"
        );
        assert_eq!(
            format(&parse("2024-12-30 10:30:15.123456789123+00:00").unwrap()),
            "2024-12-30T10:30:15.123Z"
        );
        assert_eq!(format_date(&parse("0042-03-04").unwrap()), "0042-03-04");
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
            "2024-12-30T10:30:00.",
            "2024-12-30T10:30:00+1:00",
            "2024-12-30T10:30:00+24:00",
            "2024-12-30T10:30:00Z junk",
            "2024-1-30",
            "+2024-01-30",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn the_hand_written_forms_agree_with_chrono() {
        use chrono::SecondsFormat;
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
            let by_chrono = DateTime::parse_from_rfc3339(&written)
                .unwrap()
                .with_timezone(&Utc);
            assert_eq!(parse(&written), Some(by_chrono), "{written}");
        }
        let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
            .and_then(|date| date.and_hms_milli_opt(23, 59, 59, 1_500))
            .unwrap()
            .and_utc();
        assert_eq!(
            format(&leap),
            leap.to_rfc3339_opts(SecondsFormat::Millis, true)
        );
        for other in ["2024-13-01T10:30:00.000Z", "2024-11-01T10:30:00.0a0Z"] {
            assert_eq!(parse(other), None, "{other}");
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
