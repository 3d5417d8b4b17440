use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::field_reader::FieldReader;
use crate::text::Lines;
use crate::{timestamp, FieldErrors, Priority};

/// Longest text each string field takes, in characters: the seed gives only
/// the title's, the others keep a 200-row page to a sensible weight.
pub const TITLE_MAX_CHARS: usize = 255;
pub const DESCRIPTION_MAX_CHARS: usize = 5_000;
pub const STAGE_MAX_CHARS: usize = 100;
pub const SOURCE_MAX_CHARS: usize = 100;
/// For `contactId` and `assignedToId`.
pub const ID_MAX_CHARS: usize = 100;

/// The largest value a deal takes: ten trillion. Up to it, an amount with
/// cents has at most 15 significant digits, which a JSON number read as a
/// double (by the server, the widget, JavaScript) keeps exactly; so every
/// amount is a whole number of cents, and a total in cents is exact.
pub const MAX_VALUE: f64 = 10_000_000_000_000.0;

/// The body of `POST /deals` once it has passed every rule of the seed's
/// "Create Deal". Fields are public so that a test can build one that breaks
/// a rule and see the server refuse it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewDeal {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub value: f64,
    pub currency: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    pub priority: Priority,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "timestamp::option::serialize"
    )]
    pub expected_close_date: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_to_id: Option<String>,
}

impl NewDeal {
    pub const DEFAULT_CURRENCY: &'static str = "EUR";

    /// Checks a request body against every rule at once and applies the
    /// defaults (currency EUR, priority medium). `null` and blank optional
    /// strings count as absent.
    pub fn from_json(body: &Value) -> Result<Self, FieldErrors> {
        let Some(fields) = body.as_object() else {
            return Err(FieldErrors::from([(
                "body",
                "The request body must be a JSON object".to_owned(),
            )]));
        };
        let mut errors = FieldErrors::new();
        let mut reader = FieldReader {
            fields,
            errors: &mut errors,
        };

        let title = reader
            .visible_text("title", "Title", TITLE_MAX_CHARS, Lines::One)
            .unwrap_or_default();
        if title.is_empty() && !reader.has_failed("title") {
            reader.fail("title", "Title is required");
        }
        let value = match reader.present("value") {
            None => {
                reader.fail("value", "Value is required");
                0.0
            }
            Some(raw) => match raw.as_f64() {
                Some(number) if number > MAX_VALUE => {
                    reader.fail("value", "Value must be at most 10,000,000,000,000");
                    0.0
                }
                Some(number) if number >= 0.0 => number,
                _ => {
                    reader.fail("value", "Value must be a positive number");
                    0.0
                }
            },
        };
        let currency = reader
            .text("currency", "Currency")
            .unwrap_or_else(|| Self::DEFAULT_CURRENCY.to_owned());
        if !is_three_capitals(&currency) {
            reader.fail("currency", "Currency must be a 3-letter code such as EUR");
        } else if !is_iso_4217(&currency) {
            reader.fail("currency", "Currency must be an ISO 4217 code such as EUR");
        }
        let priority = match reader.text("priority", "Priority") {
            None => Priority::default(),
            Some(text) => text.parse().unwrap_or_else(|()| {
                reader.fail("priority", "Priority must be one of low, medium, high");
                Priority::default()
            }),
        };
        let probability = reader.probability();
        let expected_close_date = reader
            .text("expectedCloseDate", "Expected close date")
            .and_then(|text| {
                let parsed = timestamp::parse(&text);
                if parsed.is_none() {
                    reader.fail(
                        "expectedCloseDate",
                        "Expected close date must be a date such as 2024-12-30, with a four-digit year",
                    );
                }
                parsed
            });
        let new_deal = NewDeal {
            title,
            description: reader.visible_text(
                "description",
                "Description",
                DESCRIPTION_MAX_CHARS,
                Lines::Many,
            ),
            value,
            currency,
            stage: reader.visible_text("stage", "Stage", STAGE_MAX_CHARS, Lines::One),
            priority,
            probability,
            expected_close_date,
            source: reader.visible_text("source", "Source", SOURCE_MAX_CHARS, Lines::One),
            contact_id: reader.visible_text("contactId", "Contact ID", ID_MAX_CHARS, Lines::One),
            assigned_to_id: reader.visible_text(
                "assignedToId",
                "Assigned to ID",
                ID_MAX_CHARS,
                Lines::One,
            ),
        };
        reader.refuse_unknown(&KNOWN_FIELDS);
        if errors.is_empty() {
            Ok(new_deal)
        } else {
            Err(errors)
        }
    }
}

const KNOWN_FIELDS: [&str; 11] = [
    "title",
    "description",
    "value",
    "currency",
    "stage",
    "priority",
    "probability",
    "expectedCloseDate",
    "source",
    "contactId",
    "assignedToId",
];

fn is_three_capitals(text: &str) -> bool {
    text.len() == 3 && text.bytes().all(|byte| byte.is_ascii_uppercase())
}

/// The active ISO 4217 currency codes, funds and precious metals included
/// (the test code XTS and "no currency" XXX left out), sorted.
const ISO_4217: &str = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND \
BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF \
DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR \
IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA \
MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR \
PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB \
TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU \
XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG ZWL";

fn is_iso_4217(code: &str) -> bool {
    ISO_4217.split(' ').any(|known| known == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_seeds_example_body_passes_with_its_values() {
        let deal = NewDeal::from_json(&json!({
            "title": "Website Redesign Project",
            "description": "Complete website redesign and development",
            "value": 25000,
            "currency": "EUR",
            "stage": "proposal",
            "priority": "medium",
            "probability": 60,
            "expectedCloseDate": "2024-12-30",
            "source": "website",
            "contactId": "contact_456"
        }))
        .unwrap();
        assert_eq!(deal.value, 25000.0);
        assert_eq!(deal.probability, Some(60.0));
        assert_eq!(
            timestamp::format(&deal.expected_close_date.unwrap()),
            "2024-12-30T00:00:00.000Z"
        );
        assert_eq!(deal.contact_id.as_deref(), Some("contact_456"));
    }

    #[test]
    fn defaults_are_eur_and_medium() {
        let deal = NewDeal::from_json(&json!({"title": "T", "value": 0})).unwrap();
        assert_eq!(deal.currency, "EUR");
        assert_eq!(deal.priority, Priority::Medium);
        assert_eq!(deal.value, 0.0);
    }

    #[test]
    fn an_empty_body_reports_both_required_fields() {
        let errors = NewDeal::from_json(&json!({})).unwrap_err();
        assert_eq!(errors["title"], "Title is required");
        assert_eq!(errors["value"], "Value is required");
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn every_broken_rule_is_reported_at_once() {
        let errors = NewDeal::from_json(&json!({
            "title": "x".repeat(256),
            "value": -1,
            "currency": "euro",
            "priority": "urgent",
            "probability": 101,
            "expectedCloseDate": "someday",
            "stage": 7,
            "colour": "red"
        }))
        .unwrap_err();
        assert_eq!(errors["title"], "Title must be at most 255 characters");
        assert_eq!(errors["value"], "Value must be a positive number");
        assert_eq!(
            errors["currency"],
            "Currency must be a 3-letter code such as EUR"
        );
        assert_eq!(
            errors["priority"],
            "Priority must be one of low, medium, high"
        );
        assert_eq!(
            errors["probability"],
            "Probability must be a number from 0 to 100"
        );
        assert_eq!(
            errors["expectedCloseDate"],
            "Expected close date must be a date such as 2024-12-30, with a four-digit year"
        );
        assert_eq!(errors["stage"], "Stage must be text");
        assert_eq!(errors["colour"], "Unknown field");
        assert_eq!(errors.len(), 8);
    }

    #[test]
    fn every_string_field_has_a_limit() {
        let errors = NewDeal::from_json(&json!({
            "title": "T", "value": 1,
            "description": "d".repeat(DESCRIPTION_MAX_CHARS + 1),
            "stage": "s".repeat(STAGE_MAX_CHARS + 1),
            "source": "s".repeat(SOURCE_MAX_CHARS + 1),
            "contactId": "c".repeat(ID_MAX_CHARS + 1),
            "assignedToId": "u".repeat(ID_MAX_CHARS + 1),
        }))
        .unwrap_err();
        assert_eq!(
            errors["description"],
            "Description must be at most 5000 characters"
        );
        assert_eq!(errors["stage"], "Stage must be at most 100 characters");
        assert_eq!(errors["source"], "Source must be at most 100 characters");
        assert_eq!(
            errors["contactId"],
            "Contact ID must be at most 100 characters"
        );
        assert_eq!(
            errors["assignedToId"],
            "Assigned to ID must be at most 100 characters"
        );
        assert_eq!(errors.len(), 5);
        assert!(NewDeal::from_json(&json!({
            "title": "T", "value": 1,
            "description": "é".repeat(DESCRIPTION_MAX_CHARS),
            "stage": "s".repeat(STAGE_MAX_CHARS),
            "source": "s".repeat(SOURCE_MAX_CHARS),
            "contactId": "c".repeat(ID_MAX_CHARS),
            "assignedToId": "u".repeat(ID_MAX_CHARS),
        }))
        .is_ok());
    }

    #[test]
    fn a_title_of_invisible_characters_is_refused() {
        for title in [
            "\u{200B}",
            "\u{200B}\u{FEFF}\u{2060}",
            " \u{200D} ",
            "\u{00AD}\u{3164}",
        ] {
            let errors = NewDeal::from_json(&json!({"title": title, "value": 1})).unwrap_err();
            assert_eq!(
                errors["title"], "Title must contain visible characters",
                "{title:?}"
            );
        }
        let joined = NewDeal::from_json(&json!({"title": "A\u{200D}B", "value": 1})).unwrap();
        assert_eq!(
            joined.title, "A\u{200D}B",
            "invisible characters inside text are kept"
        );
    }

    /// Characters nobody sees, each with the words its message names it by.
    const HIDDEN: [(char, &str); 11] = [
        ('\u{0}', "a control character"),
        ('\u{1B}', "a control character"),
        ('\u{7F}', "a control character"),
        ('\u{202E}', "an invisible format character"),
        ('\u{200B}', "an invisible zero-width character"),
        ('\u{FEFF}', "an invisible zero-width character"),
        ('\u{AD}', "an invisible format character"),
        ('\u{FFF9}', "an invisible format character"),
        ('\u{FFFB}', "an invisible format character"),
        ('\u{FFFC}', "an object replacement character"),
        ('\u{E0041}', "an invisible format character"),
    ];

    /// What breaks a line: refused in a one-line field, kept in the description.
    const LINE_BREAKING: [(char, &str); 4] = [
        ('\t', "a tab"),
        ('\n', "a line break"),
        ('\r', "a line break"),
        ('\u{2028}', "a line break"),
    ];

    /// Texts with no visible character: zero-width and format characters,
    /// a lone combining mark, private use, unassigned, the object
    /// replacement character, a Hangul filler, a blank braille cell, a
    /// variation selector, a joiner.
    const SHOWING_NOTHING: [&str; 12] = [
        "\u{200B}",
        "\u{200B}\u{FEFF}\u{2060}",
        "\u{301}",
        "\u{E000}",
        "\u{F0000}",
        "\u{378}",
        "\u{FFFC}",
        "\u{FFF9}\u{FFFA}\u{FFFB}",
        "\u{AD}\u{3164}",
        "\u{2800}",
        "\u{E0100}",
        " \u{200D} ",
    ];

    /// Every free-text field of a new deal: name, label, kind.
    const FREE_TEXT: [(&str, &str, Lines); 6] = [
        ("title", "Title", Lines::One),
        ("description", "Description", Lines::Many),
        ("stage", "Stage", Lines::One),
        ("source", "Source", Lines::One),
        ("contactId", "Contact ID", Lines::One),
        ("assignedToId", "Assigned to ID", Lines::One),
    ];

    fn with_field(name: &str, text: &str) -> Value {
        let mut body = json!({"title": "T", "value": 1});
        body[name] = json!(text);
        body
    }

    fn refusal(label: &str, position: usize, character: char, words: &str) -> String {
        let label = label.replacen(&label[..1], &label[..1].to_ascii_lowercase(), 1);
        format!(
            "Character {position} of the {label} is {words} (U+{:04X}): remove it",
            u32::from(character)
        )
    }

    #[test]
    fn no_free_text_field_takes_a_character_nobody_sees() {
        for (name, label, _) in FREE_TEXT {
            for (character, words) in HIDDEN {
                let errors =
                    NewDeal::from_json(&with_field(name, &format!("A{character}B"))).unwrap_err();
                assert_eq!(
                    errors[name],
                    refusal(label, 2, character, words),
                    "{name} {character:?}"
                );
                assert_eq!(errors.len(), 1);
            }
        }
    }

    #[test]
    fn only_the_description_takes_tabs_and_line_breaks() {
        for (name, label, lines) in FREE_TEXT {
            for (character, words) in LINE_BREAKING {
                let text = format!("A{character}B");
                let answer = NewDeal::from_json(&with_field(name, &text));
                match lines {
                    Lines::Many => {
                        assert_eq!(answer.unwrap().description, Some(text), "{character:?}")
                    }
                    Lines::One => assert_eq!(
                        answer.unwrap_err()[name],
                        refusal(label, 2, character, words),
                        "{name} {character:?}"
                    ),
                }
            }
        }
    }

    #[test]
    fn no_free_text_field_takes_text_that_shows_nothing() {
        for (name, label, _) in FREE_TEXT {
            for text in SHOWING_NOTHING {
                let errors = NewDeal::from_json(&with_field(name, text)).unwrap_err();
                assert_eq!(
                    errors[name],
                    format!("{label} must contain visible characters"),
                    "{name} {text:?}"
                );
            }
        }
    }

    #[test]
    fn text_in_any_script_passes_with_its_joiners_and_marks() {
        for text in [
            "Caf\u{E9} cr\u{E8}me",
            "Cafe\u{301}",
            "\u{645}\u{6CC}\u{200C}\u{62E}\u{648}\u{627}\u{647}\u{645}",
            "\u{1F468}\u{200D}\u{1F4BB} team",
            "\u{5E2}\u{5D1}\u{5E8}\u{5D9}\u{5EA}",
            "\u{6771}\u{4EAC}",
        ] {
            for (name, _, _) in FREE_TEXT {
                assert!(
                    NewDeal::from_json(&with_field(name, text)).is_ok(),
                    "{name} {text:?}"
                );
            }
        }
    }

    #[test]
    fn currency_is_an_iso_4217_code() {
        for code in ["EUR", "USD", "GBP", "JPY", "CHF", "AED", "ZWL"] {
            assert!(
                NewDeal::from_json(&json!({"title": "T", "value": 1, "currency": code})).is_ok(),
                "{code}"
            );
        }
        for code in ["ABC", "EUD", "XXX", "XTS"] {
            let errors = NewDeal::from_json(&json!({"title": "T", "value": 1, "currency": code}))
                .unwrap_err();
            assert_eq!(
                errors["currency"], "Currency must be an ISO 4217 code such as EUR",
                "{code}"
            );
        }
        let codes: Vec<&str> = ISO_4217.split(' ').collect();
        assert!(
            codes.windows(2).all(|pair| pair[0] < pair[1]),
            "sorted, no repeats"
        );
        assert!(codes.iter().all(|code| is_three_capitals(code)));
    }

    #[test]
    fn dates_need_four_digit_years() {
        for date in ["+10000-01-01", "-0001-01-01", "20240-01-01"] {
            let errors =
                NewDeal::from_json(&json!({"title": "T", "value": 1, "expectedCloseDate": date}))
                    .unwrap_err();
            assert!(
                errors["expectedCloseDate"].starts_with("Expected close date must be"),
                "{date}"
            );
        }
    }

    #[test]
    fn title_limit_counts_characters_not_bytes() {
        assert!(NewDeal::from_json(&json!({"title": "é".repeat(255), "value": 1})).is_ok());
    }

    #[test]
    fn value_is_at_most_ten_trillion() {
        for value in [json!(10_000_000_000_000_u64), json!(9_999_999_999_999.99)] {
            let deal = NewDeal::from_json(&json!({"title": "T", "value": value})).unwrap();
            assert_eq!(Some(deal.value), value.as_f64());
        }
        for value in [
            json!(10_000_000_000_000.01),
            json!(1e14),
            json!(1e308),
            json!(u64::MAX),
        ] {
            let errors = NewDeal::from_json(&json!({"title": "T", "value": value})).unwrap_err();
            assert_eq!(
                errors["value"], "Value must be at most 10,000,000,000,000",
                "{value}"
            );
        }
    }

    /// Why the bound is where it is: up to it, an amount with cents has at
    /// most 15 significant digits, which a JSON number read as a double
    /// keeps, so every amount is a whole number of cents and totals in
    /// cents are exact. Beyond 2^53 cents that fails.
    #[test]
    fn up_to_the_bound_every_amount_keeps_its_cents() {
        for (text, cents) in [
            ("9999999999999.99", 999_999_999_999_999_i64),
            ("9999999999999.01", 999_999_999_999_901),
            ("1234567890123.45", 123_456_789_012_345),
            ("0.07", 7),
            ("10000000000000", 1_000_000_000_000_000),
        ] {
            let value: f64 = serde_json::from_str(text).unwrap();
            assert!(value <= MAX_VALUE);
            assert_eq!((value * 100.0).round() as i64, cents, "{text}");
            let written = serde_json::to_string(&value).unwrap();
            assert_eq!(written.trim_end_matches(".0"), text, "{text}");
        }
        let beyond: f64 = serde_json::from_str("999999999999999.99").unwrap();
        assert_ne!(
            serde_json::to_string(&beyond).unwrap(),
            "999999999999999.99"
        );
    }

    #[test]
    fn blank_title_and_wrongly_typed_value_are_refused() {
        let errors = NewDeal::from_json(&json!({"title": "   ", "value": "25000"})).unwrap_err();
        assert_eq!(errors["title"], "Title is required");
        assert_eq!(errors["value"], "Value must be a positive number");
    }

    #[test]
    fn a_body_that_is_not_an_object_is_refused() {
        assert!(NewDeal::from_json(&json!([1, 2]))
            .unwrap_err()
            .contains("body"));
    }

    #[test]
    fn what_passes_is_written_back_as_an_equivalent_body() {
        let body = json!({"title": "T", "value": 10.5, "currency": "GBP", "priority": "high",
                          "probability": 40, "expectedCloseDate": "2025-01-31T00:00:00.000Z"});
        let deal = NewDeal::from_json(&body).unwrap();
        let written = serde_json::to_value(&deal).unwrap();
        assert_eq!(NewDeal::from_json(&written).unwrap(), deal);
        assert_eq!(written["expectedCloseDate"], "2025-01-31T00:00:00.000Z");
    }
}
