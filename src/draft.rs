//! What a person has typed into the "New deal" form, kept as typed so that
//! nothing is lost when a rule or the server refuses it.

use deals_contract::{FieldErrors, NewDeal};
use serde_json::{Map, Number, Value};

#[derive(Debug, Clone, PartialEq)]
pub struct DealDraft {
    pub title: String,
    pub value: String,
    pub currency: String,
    pub stage: String,
    pub priority: String,
    pub probability: String,
    pub expected_close_date: String,
    pub source: String,
    pub contact_id: String,
    pub assigned_to_id: String,
    pub description: String,
}

impl Default for DealDraft {
    /// The seed's defaults filled in: EUR and medium.
    fn default() -> Self {
        Self {
            title: String::new(),
            value: String::new(),
            currency: NewDeal::DEFAULT_CURRENCY.to_owned(),
            stage: String::new(),
            priority: "medium".to_owned(),
            probability: String::new(),
            expected_close_date: String::new(),
            source: String::new(),
            contact_id: String::new(),
            assigned_to_id: String::new(),
            description: String::new(),
        }
    }
}

impl DealDraft {
    /// The request body this draft stands for. Blank fields are left out;
    /// numbers that do not read as finite numbers are sent as the text typed,
    /// so the shared rules report them exactly as the server would.
    pub fn to_json(&self) -> Value {
        let mut body = Map::new();
        let texts = [
            ("title", &self.title),
            ("currency", &self.currency),
            ("stage", &self.stage),
            ("priority", &self.priority),
            ("expectedCloseDate", &self.expected_close_date),
            ("source", &self.source),
            ("contactId", &self.contact_id),
            ("assignedToId", &self.assigned_to_id),
            ("description", &self.description),
        ];
        for (name, text) in texts {
            let text = text.trim();
            if !text.is_empty() {
                let text = if name == "currency" {
                    text.to_ascii_uppercase()
                } else {
                    text.to_owned()
                };
                body.insert(name.to_owned(), Value::String(text));
            }
        }
        for (name, text) in [("value", &self.value), ("probability", &self.probability)] {
            let text = text.trim();
            if !text.is_empty() {
                let number = typed_number(text);
                body.insert(
                    name.to_owned(),
                    number.map_or_else(|| Value::String(text.to_owned()), Value::Number),
                );
            }
        }
        Value::Object(body)
    }

    /// The same rules the server applies, checked before sending.
    pub fn validate(&self) -> Result<NewDeal, FieldErrors> {
        NewDeal::from_json(&self.to_json())
    }

    /// The draft as it waits between visits of the form (`kept_draft.rs`):
    /// each field as typed, after its length in bytes and a colon. Read by
    /// hand: serde's reader of arrays would add 3 KB to the form's chunk.
    pub fn to_kept(&self) -> String {
        let mut kept = String::new();
        for field in self.fields() {
            kept.push_str(&field.len().to_string());
            kept.push(':');
            kept.push_str(field);
        }
        kept
    }

    /// The draft [`DealDraft::to_kept`] wrote; `None` for anything else.
    pub fn from_kept(kept: &str) -> Option<Self> {
        let mut rest = kept;
        let mut fields = Vec::with_capacity(11);
        while !rest.is_empty() {
            let (length, after) = rest.split_once(':')?;
            let length = length.parse::<usize>().ok()?;
            fields.push(after.get(..length)?.to_owned());
            rest = after.get(length..)?;
        }
        let [title, value, currency, stage, priority, probability, expected_close_date, source, contact_id, assigned_to_id, description] =
            <[String; 11]>::try_from(fields).ok()?;
        Some(Self {
            title,
            value,
            currency,
            stage,
            priority,
            probability,
            expected_close_date,
            source,
            contact_id,
            assigned_to_id,
            description,
        })
    }

    fn fields(&self) -> [&String; 11] {
        [
            &self.title,
            &self.value,
            &self.currency,
            &self.stage,
            &self.priority,
            &self.probability,
            &self.expected_close_date,
            &self.source,
            &self.contact_id,
            &self.assigned_to_id,
            &self.description,
        ]
    }
}

/// A typed number read as JSON reads it, once the forms people type that
/// JSON lacks (`+5`, `.5`, `5.`, `007`) are spelled out. serde_json's own reader
/// is already in the download; Rust's `f64` parser would be a second one.
fn typed_number(text: &str) -> Option<Number> {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.strip_prefix('+').unwrap_or(text)),
    };
    let starts_like_a_number = digits.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    if !starts_like_a_number || digits == "." {
        return None;
    }
    let unpadded = digits.trim_start_matches('0');
    let leading_zero = if unpadded.starts_with(|c: char| c.is_ascii_digit()) {
        ""
    } else {
        "0"
    };
    let trailing_zero = if digits.ends_with('.') { "0" } else { "" };
    let spelled_out = format!("{sign}{leading_zero}{unpadded}{trailing_zero}");
    serde_json::from_slice::<Number>(spelled_out.as_bytes())
        .ok()
        .filter(|number| number.as_f64().is_some_and(f64::is_finite))
}

#[cfg(test)]
mod tests {
    use super::*;
    use deals_contract::Priority;

    fn filled() -> DealDraft {
        DealDraft {
            title: "  Website Redesign Project ".into(),
            value: "25000".into(),
            currency: "eur".into(),
            stage: "proposal".into(),
            probability: "60".into(),
            expected_close_date: "2024-12-30".into(),
            source: "website".into(),
            contact_id: "contact_456".into(),
            description: "Complete website redesign".into(),
            ..DealDraft::default()
        }
    }

    #[test]
    fn a_filled_draft_becomes_the_seeds_body() {
        let deal = filled().validate().unwrap();
        assert_eq!(deal.title, "Website Redesign Project");
        assert_eq!(deal.value, 25000.0);
        assert_eq!(deal.currency, "EUR");
        assert_eq!(deal.priority, Priority::Medium);
        assert_eq!(deal.probability, Some(60.0));
        assert_eq!(deal.contact_id.as_deref(), Some("contact_456"));
        assert_eq!(deal.assigned_to_id, None);
    }

    // Guards: a kept draft comes back exactly as typed, refusals and all;
    // anything else in its entry (edited, older) is no draft.
    #[test]
    fn a_kept_draft_comes_back_as_typed() {
        let typed = DealDraft {
            value: "12 000,5".into(),
            description: "\"quoted\", line\nbreak, 東京".into(),
            ..filled()
        };
        assert_eq!(DealDraft::from_kept(&typed.to_kept()), Some(typed));
        for other in ["", "5:abc", "3:abc", "x:abc", "1:é", "not kept"] {
            assert_eq!(DealDraft::from_kept(other), None, "{other}");
        }
    }

    #[test]
    fn an_untouched_draft_reports_the_required_fields() {
        let errors = DealDraft::default().validate().unwrap_err();
        assert_eq!(errors["title"], "Title is required");
        assert_eq!(errors["value"], "Value is required");
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn numbers_that_do_not_read_are_refused_with_the_servers_words() {
        for typed in ["abc", "1e400", "-5", "NaN", "inf"] {
            let draft = DealDraft {
                value: typed.into(),
                ..filled()
            };
            assert_eq!(
                draft.validate().unwrap_err()["value"],
                "Value must be a positive number",
                "{typed}"
            );
        }
        let draft = DealDraft {
            probability: "120".into(),
            ..filled()
        };
        assert_eq!(
            draft.validate().unwrap_err()["probability"],
            "Probability must be a number from 0 to 100"
        );
    }

    #[test]
    fn numbers_are_read_in_the_forms_people_type_them() {
        for (typed, read) in [
            ("25000", 25000.0),
            ("25000.50", 25000.5),
            ("+12", 12.0),
            (".5", 0.5),
            ("-.5", -0.5),
            ("7.", 7.0),
            ("1e3", 1000.0),
            ("0.1", 0.1),
            ("007", 7.0),
            ("00", 0.0),
            ("0.25", 0.25),
        ] {
            assert_eq!(
                typed_number(typed).and_then(|n| n.as_f64()),
                Some(read),
                "{typed}"
            );
        }
        for typed in [
            "", ".", "+-1", "1.2.3", "12 000", "0x10", "1e400", "NaN", "inf", "5%",
        ] {
            assert_eq!(typed_number(typed), None, "{typed}");
        }
    }

    #[test]
    fn refusing_a_draft_changes_nothing_typed() {
        let draft = DealDraft {
            value: "lots".into(),
            ..filled()
        };
        let before = draft.clone();
        assert!(draft.validate().is_err());
        assert_eq!(draft, before);
    }
}
