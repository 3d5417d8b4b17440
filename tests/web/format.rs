//! The widget's amounts and dates against the browser's own `Intl`, built
//! here from a `Date` and an options object: the widget formats each with a
//! cached formatter and passes dates as milliseconds.

use chrono::{DateTime, TimeZone, Utc};
use isao_deals_widget::format;
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn options(pairs: &[(&str, &str)]) -> Object {
    let options = Object::new();
    for (name, value) in pairs {
        Reflect::set(&options, &(*name).into(), &(*value).into()).expect("set option");
    }
    options
}

fn browser_formats(format: Function, value: &JsValue) -> String {
    format
        .call1(&JsValue::UNDEFINED, value)
        .expect("format")
        .as_string()
        .expect("a string")
}

fn browser_date(instant: &DateTime<Utc>, pairs: &[(&str, &str)]) -> String {
    let date = Date::new(&JsValue::from_f64(instant.timestamp_millis() as f64));
    browser_formats(
        Intl::DateTimeFormat::new(&Array::new(), &options(pairs)).format(),
        &date,
    )
}

fn browser_money(value: f64, currency: &str) -> String {
    let pairs = [("style", "currency"), ("currency", currency)];
    browser_formats(
        Intl::NumberFormat::new(&Array::new(), &options(&pairs)).format(),
        &JsValue::from_f64(value),
    )
}

// Guards: each currency keeps its own formatter, whichever was asked for
// first: a cache that matched on the wrong settings would show every amount
// of a mixed page in one currency.
#[wasm_bindgen_test]
fn amounts_keep_their_own_currency() {
    for currency in ["EUR", "USD", "EUR", "JPY", "USD"] {
        assert_eq!(
            format::money("en", 1234.5, currency),
            browser_money(1234.5, currency),
            "{currency}"
        );
    }
    assert_ne!(
        format::money("en", 10.0, "EUR"),
        format::money("en", 10.0, "USD")
    );
}

// Guards: a probability reads as the browser writes the number, whether it
// is whole (written by Rust) or not (written by the browser).
#[wasm_bindgen_test]
fn probabilities_read_as_the_browser_writes_them() {
    for probability in [0.0, 60.0, 100.0, 12.5, 33.333] {
        let written = js_sys::Number::from(probability)
            .to_string_with_radix(10)
            .map(String::from)
            .expect("a number in base 10");
        assert_eq!(format::percent(probability), format!("{written}%"));
    }
}

// Guards: a calendar date is the day it was set to in UTC, late in the day
// too, and a moment with its time is a different format from a date alone.
#[wasm_bindgen_test]
fn dates_are_the_browsers_own_formats_of_the_same_moment() {
    let late_on_the_first = Utc.with_ymd_and_hms(2024, 11, 1, 23, 30, 0).unwrap();
    let date = format::date("en", &late_on_the_first);
    let with_time = format::date_time("en", &late_on_the_first);
    for (shown, options) in [
        (&date, [("dateStyle", "medium"), ("timeZone", "UTC")]),
        (
            &with_time,
            [("dateStyle", "medium"), ("timeStyle", "short")],
        ),
    ] {
        assert_eq!(
            *shown,
            browser_date(&late_on_the_first, &options),
            "{options:?}"
        );
    }
    assert!(date.contains("2024"), "{date}");
    assert_ne!(with_time, date);
}

// Guards: a currency code the browser's `Intl` refuses still shows, as the
// amount and the code, rather than an empty cell or a thrown exception.
#[wasm_bindgen_test]
fn a_currency_the_browser_refuses_shows_as_amount_and_code() {
    assert_eq!(format::money("en", 1234.5, "EURO"), "1234.5 EURO");
    assert_eq!(format::money("en", 10.0, "E1"), "10 E1");
}

// Guards: amounts follow the widget's language, not the browser's (en-US in
// the test browsers): French and German write money their own way.
#[wasm_bindgen_test]
fn amounts_are_written_as_the_widgets_language_writes_them() {
    assert_eq!(
        format::money("fr", 50_000.0, "EUR"),
        "50\u{202f}000,00\u{a0}€"
    );
    assert_eq!(format::money("de", 50_000.0, "EUR"), "50.000,00\u{a0}€");
    assert_eq!(format::money("en", 50_000.0, "EUR"), "€50,000.00");
    assert_eq!(format::count("de", 1257.0), "1.257");
    assert_eq!(format::count("fr", 1257.0), "1\u{202f}257");
}

// Guards: dates follow the widget's language, and each language keeps its
// own cached formatter whichever was asked for first.
#[wasm_bindgen_test]
fn dates_are_written_as_the_widgets_language_writes_them() {
    let day = Utc.with_ymd_and_hms(2024, 12, 15, 0, 0, 0).unwrap();
    for _ in 0..2 {
        assert_eq!(format::date("fr", &day), "15 déc. 2024");
        assert_eq!(format::date("de", &day), "15.12.2024");
        assert_eq!(format::date("en", &day), "Dec 15, 2024");
    }
    assert_eq!(format::month_label("de", 2024, 12), "Dez. 2024");
}

// Guards: the CSV's separator follows the decimal separator of the widget's language.
#[wasm_bindgen_test]
fn the_decimal_separator_is_the_languages() {
    assert_eq!(format::decimal_separator("en"), '.');
    assert_eq!(format::decimal_separator("fr"), ',');
    assert_eq!(format::decimal_separator("de"), ',');
}
