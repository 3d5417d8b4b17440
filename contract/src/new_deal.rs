use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::{timestamp, FieldErrors, Priority};

pub const TITLE_MAX_CHARS: usize = 255;

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
                "body".to_owned(),
                "The request body must be a JSON object".to_owned(),
            )]));
        };
        let mut errors = FieldErrors::new();
        let mut reader = FieldReader {
            fields,
            errors: &mut errors,
        };

        let title = reader.text("title", "Title").unwrap_or_default();
        if title.is_empty() {
            reader.fail("title", "Title is required");
        } else if title.chars().count() > TITLE_MAX_CHARS {
            reader.fail(
                "title",
                format!("Title must be at most {TITLE_MAX_CHARS} characters"),
            );
        }
        let value = match reader.present("value") {
            None => {
                reader.fail("value", "Value is required");
                0.0
            }
            Some(raw) => match raw.as_f64() {
                Some(number) if number.is_finite() && number >= 0.0 => number,
                _ => {
                    reader.fail("value", "Value must be a positive number");
                    0.0
                }
            },
        };
        let currency = reader
            .text("currency", "Currency")
            .unwrap_or_else(|| Self::DEFAULT_CURRENCY.to_owned());
        if !is_currency_code(&currency) {
            reader.fail("currency", "Currency must be a 3-letter code such as EUR");
        }
        let priority = match reader.text("priority", "Priority") {
            None => Priority::default(),
            Some(text) => text.parse().unwrap_or_else(|()| {
                reader.fail("priority", "Priority must be one of low, medium, high");
                Priority::default()
            }),
        };
        let probability = reader
            .present("probability")
            .and_then(|raw| match raw.as_f64() {
                Some(number) if (0.0..=100.0).contains(&number) => Some(number),
                _ => {
                    reader.fail("probability", "Probability must be a number from 0 to 100");
                    None
                }
            });
        let expected_close_date = reader
            .text("expectedCloseDate", "Expected close date")
            .and_then(|text| {
                let parsed = timestamp::parse(&text);
                if parsed.is_none() {
                    reader.fail(
                        "expectedCloseDate",
                        "Expected close date must be a date such as 2024-12-30",
                    );
                }
                parsed
            });
        let new_deal = NewDeal {
            title,
            description: reader.text("description", "Description"),
            value,
            currency,
            stage: reader.text("stage", "Stage"),
            priority,
            probability,
            expected_close_date,
            source: reader.text("source", "Source"),
            contact_id: reader.text("contactId", "Contact ID"),
            assigned_to_id: reader.text("assignedToId", "Assigned to ID"),
        };
        for name in fields.keys() {
            if !KNOWN_FIELDS.contains(&name.as_str()) {
                errors.insert(name.clone(), "Unknown field".to_owned());
            }
        }
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

fn is_currency_code(text: &str) -> bool {
    text.len() == 3 && text.bytes().all(|byte| byte.is_ascii_uppercase())
}

/// Reads members of a JSON object, collecting one message per broken field.
pub(crate) struct FieldReader<'a> {
    pub(crate) fields: &'a Map<String, Value>,
    pub(crate) errors: &'a mut FieldErrors,
}

impl<'a> FieldReader<'a> {
    /// The member, unless it is absent or `null`.
    pub(crate) fn present(&self, name: &str) -> Option<&'a Value> {
        self.fields.get(name).filter(|value| !value.is_null())
    }

    /// A string member, trimmed; blank counts as absent. A member of another
    /// type is reported as `"<label> must be text"`.
    pub(crate) fn text(&mut self, name: &str, label: &str) -> Option<String> {
        match self.present(name)? {
            Value::String(text) => Some(text.trim().to_owned()).filter(|text| !text.is_empty()),
            _ => {
                self.fail(name, format!("{label} must be text"));
                None
            }
        }
    }

    pub(crate) fn fail(&mut self, name: &str, message: impl Into<String>) {
        self.errors
            .entry(name.to_owned())
            .or_insert_with(|| message.into());
    }
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
            "Expected close date must be a date such as 2024-12-30"
        );
        assert_eq!(errors["stage"], "Stage must be text");
        assert_eq!(errors["colour"], "Unknown field");
        assert_eq!(errors.len(), 8);
    }

    #[test]
    fn title_limit_counts_characters_not_bytes() {
        assert!(NewDeal::from_json(&json!({"title": "é".repeat(255), "value": 1})).is_ok());
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
            .contains_key("body"));
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
