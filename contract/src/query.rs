use chrono::{DateTime, Utc};

use crate::{timestamp, Deal, DealStatus, FieldErrors, STAGE_MAX_CHARS};

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 200;

/// The query of `GET /deals`: one page of a company's deals, narrowed by filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealQuery {
    pub page: u32,
    pub limit: u32,
    pub status: Option<DealStatus>,
    pub stage: Option<String>,
    pub created_since: Option<DateTime<Utc>>,
    pub updated_since: Option<DateTime<Utc>>,
}

impl Default for DealQuery {
    fn default() -> Self {
        Self {
            page: 1,
            limit: DEFAULT_LIMIT,
            status: None,
            stage: None,
            created_since: None,
            updated_since: None,
        }
    }
}

impl DealQuery {
    /// Reads query parameters, reporting every bad one by its name. Empty values
    /// count as absent (clients build queries from optional form fields), and
    /// parameters the API does not know are ignored, as HTTP APIs usually do.
    pub fn from_pairs<K, V>(pairs: impl IntoIterator<Item = (K, V)>) -> Result<Self, FieldErrors>
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut query = Self::default();
        let mut errors = FieldErrors::new();
        for (name, value) in pairs {
            let (name, value) = (name.as_ref(), value.as_ref().trim());
            if value.is_empty() {
                continue;
            }
            let problem = match name {
                "page" => match value.parse::<u32>() {
                    Ok(page) if page >= 1 => {
                        query.page = page;
                        None
                    }
                    _ => Some("Page must be a whole number of at least 1".to_owned()),
                },
                "limit" => match value.parse::<u32>() {
                    Ok(limit) if (1..=MAX_LIMIT).contains(&limit) => {
                        query.limit = limit;
                        None
                    }
                    _ => Some(format!(
                        "Limit must be a whole number from 1 to {MAX_LIMIT}"
                    )),
                },
                "status" => match value.parse() {
                    Ok(status) => {
                        query.status = Some(status);
                        None
                    }
                    Err(()) => Some("Status must be one of open, won, lost".to_owned()),
                },
                "stage" if value.chars().count() > STAGE_MAX_CHARS => Some(format!(
                    "Stage must be at most {STAGE_MAX_CHARS} characters"
                )),
                "stage" => {
                    query.stage = Some(value.to_owned());
                    None
                }
                "createdSince" | "updatedSince" => match timestamp::parse(value) {
                    Some(instant) => {
                        if name == "createdSince" {
                            query.created_since = Some(instant);
                        } else {
                            query.updated_since = Some(instant);
                        }
                        None
                    }
                    None => Some(format!(
                        "{name} must be an ISO 8601 date or date-time with a four-digit year"
                    )),
                },
                _ => None,
            };
            if let Some(message) = problem {
                errors.add(name, message);
            }
        }
        if errors.is_empty() {
            Ok(query)
        } else {
            Err(errors)
        }
    }

    /// The query parameters that say this query, defaults included so the
    /// request is explicit; filters only when set.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![
            ("page", self.page.to_string()),
            ("limit", self.limit.to_string()),
        ];
        if let Some(status) = self.status {
            pairs.push(("status", status.as_str().to_owned()));
        }
        if let Some(stage) = &self.stage {
            pairs.push(("stage", stage.clone()));
        }
        if let Some(instant) = &self.created_since {
            pairs.push(("createdSince", timestamp::format(instant)));
        }
        if let Some(instant) = &self.updated_since {
            pairs.push(("updatedSince", timestamp::format(instant)));
        }
        pairs
    }

    /// Whether the filters keep `deal`, as the list endpoint filters: status and
    /// stage equal (stage to the letter), creation and update at or after the
    /// instants. Page and size play no part. The reference server's SQL is held
    /// to the same answers by its HTTP tests.
    pub fn selects(&self, deal: &Deal) -> bool {
        self.status.is_none_or(|status| deal.status == status)
            && self
                .stage
                .as_ref()
                .is_none_or(|stage| deal.stage.as_ref() == Some(stage))
            && self
                .created_since
                .is_none_or(|since| deal.created_at >= since)
            && self
                .updated_since
                .is_none_or(|since| deal.updated_at >= since)
    }

    /// Back to every deal from page 1, keeping the page size.
    pub fn reset_filters(&mut self) {
        *self = DealQuery {
            limit: self.limit,
            ..DealQuery::default()
        };
    }

    /// Whether any filter narrows the list (page and size are not filters).
    pub fn is_filtered(&self) -> bool {
        self.status.is_some()
            || self.stage.is_some()
            || self.created_since.is_some()
            || self.updated_since.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_seeds() {
        let query = DealQuery::from_pairs(Vec::<(&str, &str)>::new()).unwrap();
        assert_eq!(query.page, 1);
        assert_eq!(query.limit, 50);
        assert!(!query.is_filtered());
    }

    #[test]
    fn reads_the_seeds_combined_filter_example() {
        let query = DealQuery::from_pairs([
            ("status", "open"),
            ("stage", "proposal"),
            ("createdSince", "2024-11-01T00:00:00.000Z"),
        ])
        .unwrap();
        assert_eq!(query.status, Some(DealStatus::Open));
        assert_eq!(query.stage.as_deref(), Some("proposal"));
        assert_eq!(
            query.to_pairs(),
            vec![
                ("page", "1".to_owned()),
                ("limit", "50".to_owned()),
                ("status", "open".to_owned()),
                ("stage", "proposal".to_owned()),
                ("createdSince", "2024-11-01T00:00:00.000Z".to_owned()),
            ]
        );
    }

    #[test]
    fn limit_is_bounded_by_one_and_two_hundred() {
        assert_eq!(
            DealQuery::from_pairs([("limit", "200")]).unwrap().limit,
            200
        );
        for bad in ["0", "201", "-1", "ten", "1.5"] {
            let errors = DealQuery::from_pairs([("limit", bad)]).unwrap_err();
            assert_eq!(
                errors["limit"], "Limit must be a whole number from 1 to 200",
                "{bad}"
            );
        }
    }

    #[test]
    fn every_bad_parameter_is_reported_at_once() {
        let errors = DealQuery::from_pairs([
            ("page", "0"),
            ("status", "pending"),
            ("createdSince", "yesterday"),
            ("updatedSince", "2024-02-30"),
        ])
        .unwrap_err();
        assert_eq!(
            errors.fields().collect::<Vec<_>>(),
            ["page", "status", "createdSince", "updatedSince"]
        );
    }

    #[test]
    fn dates_need_four_digit_years_and_stages_a_bound() {
        let errors = DealQuery::from_pairs([
            ("updatedSince", "+10000-01-01"),
            ("createdSince", "-0001-01-01"),
            ("stage", &"s".repeat(101)),
        ])
        .unwrap_err();
        assert_eq!(
            errors["updatedSince"],
            "updatedSince must be an ISO 8601 date or date-time with a four-digit year"
        );
        assert!(errors.contains("createdSince"));
        assert_eq!(errors["stage"], "Stage must be at most 100 characters");
    }

    #[test]
    fn empty_and_unknown_parameters_are_ignored() {
        let query =
            DealQuery::from_pairs([("status", ""), ("stage", " "), ("sort", "title")]).unwrap();
        assert_eq!(query, DealQuery::default());
    }
}
