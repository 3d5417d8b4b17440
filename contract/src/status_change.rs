use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::field_reader::FieldReader;
use crate::new_deal::STAGE_MAX_CHARS;
use crate::text::Lines;
use crate::{timestamp, Deal, DealStatus, FieldErrors};

const CLOSE_DATE_WITHOUT_CLOSING: &str =
    "Actual close date can only be given with status won or lost";

/// The body of `PUT /deals/{id}/status`: at least one of its members.
///
/// `probability` is not in the seed's field table, but the seed's own
/// JavaScript client sends it with a stage move, the moment a forecast is
/// revised: it is taken and applied, with the create rule (0 to 100).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<DealStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
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
                "body",
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
        let stage = reader.visible_text("stage", "Stage", STAGE_MAX_CHARS, Lines::One);
        let probability = reader.probability();
        let actual_close_date = reader
            .text("actualCloseDate", "Actual close date")
            .and_then(|text| {
                let parsed = timestamp::parse(&text);
                if parsed.is_none() {
                    reader.fail(
                        "actualCloseDate",
                        "Actual close date must be an ISO 8601 date or date-time with a four-digit year",
                    );
                }
                parsed
            });
        // A close date belongs to a closed deal. Asking for the closing status
        // in the same change makes the rule hold whatever the deal was, so a
        // client (and the widget's form) can check it before sending.
        if actual_close_date.is_some() && !status.is_some_and(DealStatus::is_closed) {
            reader.fail("actualCloseDate", CLOSE_DATE_WITHOUT_CLOSING);
        }
        reader.refuse_unknown(&["status", "stage", "probability", "actualCloseDate"]);
        let change = StatusChange {
            status,
            stage,
            probability,
            actual_close_date,
        };
        if errors.is_empty() && change == StatusChange::default() {
            errors.add(
                "status",
                "Provide at least one of status, stage, probability, actualCloseDate",
            );
        }
        if errors.is_empty() {
            Ok(change)
        } else {
            Err(errors)
        }
    }

    /// The deal after this change, made at `now`. A deal that ends up won or
    /// lost has a close date: the one given, else the one it had if it was
    /// already closed that way, else `now`. A deal that ends up open has none.
    pub fn apply(&self, deal: &Deal, now: DateTime<Utc>) -> Deal {
        let status = self.status.unwrap_or(deal.status);
        let actual_close_date = status.is_closed().then(|| {
            let unchanged = status == deal.status;
            self.actual_close_date
                .or(deal.actual_close_date.filter(|_| unchanged))
                .unwrap_or(now)
        });
        Deal {
            status,
            stage: self.stage.clone().or_else(|| deal.stage.clone()),
            probability: self.probability.or(deal.probability),
            actual_close_date,
            updated_at: now,
            ..deal.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn deal(status: DealStatus, closed: Option<&str>) -> Deal {
        serde_json::from_value(json!({
            "id": "deal_1", "title": "T", "value": 1, "currency": "EUR", "stage": "proposal",
            "probability": 50, "status": status, "actualCloseDate": closed,
            "createdAt": "2024-11-01T10:30:00.000Z", "updatedAt": "2024-11-01T10:30:00.000Z"
        }))
        .unwrap()
    }

    fn at(text: &str) -> DateTime<Utc> {
        timestamp::parse(text).unwrap()
    }

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
    fn the_seeds_javascript_stage_move_with_probability_passes() {
        let change =
            StatusChange::from_json(&json!({"stage": "proposal", "probability": 60})).unwrap();
        assert_eq!(change.probability, Some(60.0));
        let moved = change.apply(&deal(DealStatus::Open, None), at("2024-11-09"));
        assert_eq!(moved.probability, Some(60.0));
        assert_eq!(moved.stage.as_deref(), Some("proposal"));
    }

    #[test]
    fn an_empty_change_is_refused() {
        let errors = StatusChange::from_json(&json!({})).unwrap_err();
        assert_eq!(
            errors["status"],
            "Provide at least one of status, stage, probability, actualCloseDate"
        );
    }

    #[test]
    fn bad_values_and_unknown_fields_are_reported_together() {
        let errors = StatusChange::from_json(&json!({
            "status": "pending", "actualCloseDate": "soon", "probability": 160,
            "stage": "s".repeat(101), "value": 3
        }))
        .unwrap_err();
        assert_eq!(errors["status"], "Status must be one of open, won, lost");
        assert_eq!(
            errors["actualCloseDate"],
            "Actual close date must be an ISO 8601 date or date-time with a four-digit year"
        );
        assert_eq!(
            errors["probability"],
            "Probability must be a number from 0 to 100"
        );
        assert_eq!(errors["stage"], "Stage must be at most 100 characters");
        assert_eq!(errors["value"], "Unknown field");
    }

    #[test]
    fn a_stage_move_takes_the_stage_rules_of_a_new_deal() {
        for (stage, message) in [
            ("\u{200B}\u{301}", "Stage must contain visible characters"),
            (
                "closed\u{1B}won",
                "Character 7 of the stage is a control character (U+001B): remove it",
            ),
            (
                "won\u{202E}",
                "Character 4 of the stage is an invisible format character (U+202E): remove it",
            ),
        ] {
            let errors = StatusChange::from_json(&json!({ "stage": stage })).unwrap_err();
            assert_eq!(errors["stage"], message, "{stage:?}");
        }
    }

    #[test]
    fn a_close_date_comes_with_status_won_or_lost() {
        for body in [
            json!({"status": "open", "actualCloseDate": "2024-01-01"}),
            json!({"actualCloseDate": "2024-01-01"}),
            json!({"stage": "closed-won", "actualCloseDate": "2024-01-01"}),
        ] {
            let errors = StatusChange::from_json(&body).unwrap_err();
            assert_eq!(
                errors["actualCloseDate"], CLOSE_DATE_WITHOUT_CLOSING,
                "{body}"
            );
        }
        let redated =
            StatusChange::from_json(&json!({"status": "won", "actualCloseDate": "2024-01-01"}))
                .unwrap()
                .apply(
                    &deal(DealStatus::Won, Some("2024-11-01T00:00:00Z")),
                    at("2024-11-09"),
                );
        assert_eq!(redated.actual_close_date, Some(at("2024-01-01")));
    }

    #[test]
    fn closing_dates_the_deal_and_reopening_clears_it() {
        let now = at("2024-11-09T12:00:00Z");
        let won = StatusChange {
            status: Some(DealStatus::Won),
            ..StatusChange::default()
        };
        let closed = won.apply(&deal(DealStatus::Open, None), now);
        assert_eq!(
            (closed.status, closed.actual_close_date, closed.updated_at),
            (DealStatus::Won, Some(now), now)
        );
        let earlier = deal(DealStatus::Won, Some("2024-10-01T00:00:00Z"));
        assert_eq!(
            won.apply(&earlier, now).actual_close_date,
            Some(at("2024-10-01T00:00:00Z")),
            "won again keeps its date"
        );
        let lost = StatusChange {
            status: Some(DealStatus::Lost),
            ..StatusChange::default()
        };
        assert_eq!(
            lost.apply(&earlier, now).actual_close_date,
            Some(now),
            "won to lost closes anew"
        );
        let reopen = StatusChange {
            status: Some(DealStatus::Open),
            ..StatusChange::default()
        };
        let reopened = reopen.apply(&earlier, now);
        assert_eq!(
            (reopened.status, reopened.actual_close_date),
            (DealStatus::Open, None)
        );
    }
}
