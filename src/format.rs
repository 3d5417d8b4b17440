//! Amounts and dates as the widget's language writes them, through the
//! browser's `Intl` (format.js, which deal_rows.js shares). Each takes the
//! `locale` of the language the widget speaks (`Words::locale`), not the
//! browser's: a French widget writes `50 000,00 €` in an English browser. A
//! currency code `Intl` refuses still shows, as "1234.5 XYZ".

use chrono::{DateTime, Utc};
use deals_contract::timestamp;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/format.js")]
extern "C" {
    #[wasm_bindgen(js_name = money)]
    fn browser_money(locale: &str, value: f64, currency: &str) -> String;

    #[wasm_bindgen(js_name = calendarDate)]
    fn browser_calendar_date(locale: &str, millis: f64) -> String;

    /// `new Intl[kind](locale, options).format(value)`, `options` as
    /// JSON, or `None` where the browser refuses them: a refusal must not
    /// take the widget down.
    #[wasm_bindgen(js_name = intlFormat)]
    fn intl_format(locale: &str, kind: &str, options: &str, value: &JsValue) -> Option<String>;

    #[wasm_bindgen(js_name = decimalSeparator)]
    fn browser_decimal_separator(locale: &str) -> String;

    /// The plural category (`Intl.PluralRules`) of `count` in `locale`.
    #[wasm_bindgen(js_name = pluralCategory)]
    pub fn plural_category(locale: &str, count: f64) -> String;
}

/// `value` in `currency`, as `locale` writes money.
pub fn money(locale: &str, value: f64, currency: &str) -> String {
    browser_money(locale, value, currency)
}

/// A calendar date such as an expected close date: shown as the date it was
/// set to, whatever the user's time zone.
pub fn date(locale: &str, instant: &DateTime<Utc>) -> String {
    browser_calendar_date(locale, epoch_millis(instant))
}

/// A moment such as a creation time, in the user's time zone.
pub fn date_time(locale: &str, instant: &DateTime<Utc>) -> String {
    intl_format(
        locale,
        "DateTimeFormat",
        r#"{"dateStyle":"medium","timeStyle":"short"}"#,
        &JsValue::from_f64(epoch_millis(instant)),
    )
    .unwrap_or_else(|| {
        let utc = timestamp::format(instant);
        format!("{} {} UTC", &utc[..10], &utc[11..16])
    })
}

/// A month such as "Nov 2024", as `locale` writes it. `month` is 1–12.
pub fn month_label(locale: &str, year: i32, month: u32) -> String {
    let first_day = js_sys::Date::new_with_year_month_day(year as u32, month as i32 - 1, 1);
    intl_format(
        locale,
        "DateTimeFormat",
        r#"{"month":"short","year":"numeric"}"#,
        &first_day.into(),
    )
    .unwrap_or_else(|| format!("{year:04}-{month:02}"))
}

/// The instant at which month `month` (1–12) of `year` begins in the user's
/// time zone.
pub fn local_month_start(year: i32, month: u32) -> DateTime<Utc> {
    let first_day = js_sys::Date::new_with_year_month_day(year as u32, month as i32 - 1, 1);
    DateTime::from_timestamp_millis(first_day.get_time() as i64).unwrap_or_default()
}

/// `open` as a label shows it: `Open`. The words are the API's, all ASCII.
pub fn capitalised(word: &str) -> String {
    let mut letters = word.chars();
    letters
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + letters.as_str())
        .unwrap_or_default()
}

/// A count as `locale` groups digits: "1,257", "1 257".
pub fn count(locale: &str, value: f64) -> String {
    intl_format(locale, "NumberFormat", "{}", &JsValue::from_f64(value))
        .unwrap_or_else(|| number_text(value))
}

/// Today's date where the user is: (year, month 1–12, day).
pub fn local_today() -> (i32, u32, u32) {
    let today = js_sys::Date::new_0();
    (
        today.get_full_year() as i32,
        today.get_month() + 1,
        today.get_date(),
    )
}

/// The current moment, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

pub fn percent(probability: f64) -> String {
    format!("{}%", number_text(probability))
}

/// A number as JavaScript writes it (`12.5`, `60`): Rust's own float
/// formatting would add kilobytes to the download for the same digits. Whole
/// numbers, such as nearly every probability, are written as integers here:
/// the same digits without three calls into the browser, in a table that
/// shows one per row.
fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&value) {
        return (value as u32).to_string();
    }
    js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// The decimal separator of `locale`, `.` when the browser does not say:
/// `new Intl.NumberFormat(locale).formatToParts(1.5)`.
pub fn decimal_separator(locale: &str) -> char {
    browser_decimal_separator(locale)
        .chars()
        .next()
        .unwrap_or('.')
}

/// Now, as a `datetime-local` input shows it (local time, to the minute).
pub fn local_input_now() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes()
    )
}

/// A `datetime-local` input's value, read in the user's time zone.
pub fn local_input_to_utc(text: &str) -> Option<DateTime<Utc>> {
    let millis = js_sys::Date::new(&JsValue::from_str(text.trim())).get_time();
    if millis.is_nan() {
        return None;
    }
    DateTime::from_timestamp_millis(millis as i64)
}

/// `2024-11-01T00:00:00.000Z` as a date input shows it, and back.
pub fn date_input_value(instant: Option<&DateTime<Utc>>) -> String {
    instant.map(timestamp::format_date).unwrap_or_default()
}

pub fn date_from_input(text: &str) -> Option<DateTime<Utc>> {
    Some(text.trim())
        .filter(|text| !text.is_empty())
        .and_then(timestamp::parse)
}

/// What `Date` and `Intl.DateTimeFormat.format` take for a moment: a table's
/// dates are formatted without making a `Date` object each.
pub(crate) fn epoch_millis(instant: &DateTime<Utc>) -> f64 {
    instant.timestamp_millis() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_percentages_are_written_as_javascript_writes_them() {
        assert_eq!(percent(60.0), "60%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(-0.0), "0%");
        assert_eq!(percent(100.0), "100%");
    }

    #[test]
    fn date_inputs_round_trip_as_midnight_utc() {
        let instant = date_from_input("2024-11-01").unwrap();
        assert_eq!(timestamp::format(&instant), "2024-11-01T00:00:00.000Z");
        assert_eq!(date_input_value(Some(&instant)), "2024-11-01");
        assert_eq!(date_from_input(""), None);
    }

    #[test]
    fn status_words_are_capitalised_for_labels() {
        assert_eq!(capitalised("open"), "Open");
        assert_eq!(capitalised(""), "");
    }
}
