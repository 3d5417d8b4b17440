use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::new_deal::FieldReader;
use crate::{timestamp, DealStatus, FieldErrors};

/// The body of `PUT /deals/{id}/status`: at least one of its members.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<DealStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "timestamp::option::serialize"
    )]
    pub actual_close_date: Option<DateTime<Utc>>,
}

impl StatusChange {
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
        let status = reader.text("status", "Status").and_then(|text| {
            let parsed = text.parse().ok();
            if parsed.is_none() {
                reader.fail("status", "Status must be one of open, won, lost");
            }
            parsed
        });
        let stage = reader.text("stage", "Stage");
        let actual_close_date = reader
            .text("actualCloseDate", "Actual close date")
            .and_then(|text| {
                let parsed = timestamp::parse(&text);
                if parsed.is_none() {
                    reader.fail(
                        "actualCloseDate",
                        "Actual close date must be an ISO 8601 date or date-time",
                    );
                }
                parsed
            });
        for name in fields.keys() {
            if !["status", "stage", "actualCloseDate"].contains(&name.as_str()) {
                errors.insert(name.clone(), "Unknown field".to_owned());
            }
        }
        let change = StatusChange {
            status,
            stage,
            actual_close_date,
        };
        if errors.is_empty() && change == StatusChange::default() {
            errors.insert(
                "status".to_owned(),
                "Provide at least one of status, stage, actualCloseDate".to_owned(),
            );
        }
        if errors.is_empty() {
            Ok(change)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_seeds_won_example_passes() {
        let change = StatusChange::from_json(&json!({
            "status": "won", "stage": "closed-won", "actualCloseDate": "2024-11-08T15:30:00.000Z"
        }))
        .unwrap();
        assert_eq!(change.status, Some(DealStatus::Won));
        assert_eq!(change.stage.as_deref(), Some("closed-won"));
    }

    #[test]
    fn a_stage_alone_passes() {
        let change = StatusChange::from_json(&json!({"stage": "contract-review"})).unwrap();
        assert_eq!(change.status, None);
    }

    #[test]
    fn an_empty_change_is_refused() {
        let errors = StatusChange::from_json(&json!({})).unwrap_err();
        assert_eq!(
            errors["status"],
            "Provide at least one of status, stage, actualCloseDate"
        );
    }

    #[test]
    fn bad_values_and_unknown_fields_are_reported_together() {
        let errors = StatusChange::from_json(&json!({
            "status": "pending", "actualCloseDate": "soon", "probability": 60
        }))
        .unwrap_err();
        assert_eq!(errors["status"], "Status must be one of open, won, lost");
        assert_eq!(
            errors["actualCloseDate"],
            "Actual close date must be an ISO 8601 date or date-time"
        );
        assert_eq!(errors["probability"], "Unknown field");
    }
}
