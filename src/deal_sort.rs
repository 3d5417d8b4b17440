//! Sorting the deals the widget has loaded by one of the list's columns: the
//! API lists deals in its own order only. Empty values go last whichever
//! way; amounts are grouped by currency before they are compared, since
//! 100 EUR and 100 JPY are not the same money.

use std::cmp::Ordering;
use std::fmt;

use deals_contract::{Deal, Priority, PIPELINE_STAGES};

use crate::deal_search::folded;

/// A column the deals can be sorted by, named in the page URL as the API
/// names the member (`deals.sort=-expectedCloseDate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Title,
    Value,
    Stage,
    Priority,
    Probability,
    ExpectedClose,
    Updated,
}

impl SortKey {
    pub const ALL: [SortKey; 7] = [
        SortKey::Title,
        SortKey::Value,
        SortKey::Stage,
        SortKey::Priority,
        SortKey::Probability,
        SortKey::ExpectedClose,
        SortKey::Updated,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SortKey::Title => "title",
            SortKey::Value => "value",
            SortKey::Stage => "stage",
            SortKey::Priority => "priority",
            SortKey::Probability => "probability",
            SortKey::ExpectedClose => "expectedCloseDate",
            SortKey::Updated => "updatedAt",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|key| key.name() == name)
    }

    /// What a deal is sorted on: a text, then a number; `None` for a deal
    /// without the value, which goes last.
    fn of(self, deal: &Deal) -> Option<(String, f64)> {
        let number = |number: f64| Some((String::new(), number));
        match self {
            SortKey::Title => Some((folded(&deal.title), 0.0)),
            SortKey::Value => Some((deal.currency.clone(), deal.value)),
            // The pipeline's stages in its order, then the others by name.
            SortKey::Stage => deal.stage.as_deref().map(|stage| {
                match PIPELINE_STAGES.iter().position(|known| *known == stage) {
                    Some(index) => (String::new(), index as f64),
                    None => (folded(stage), 0.0),
                }
            }),
            SortKey::Priority => number(match deal.priority {
                Priority::Low => 0.0,
                Priority::Medium => 1.0,
                Priority::High => 2.0,
            }),
            SortKey::Probability => deal.probability.and_then(number),
            SortKey::ExpectedClose => deal
                .expected_close_date
                .and_then(|date| number(date.timestamp_millis() as f64)),
            SortKey::Updated => number(deal.updated_at.timestamp_millis() as f64),
        }
    }
}

/// A sort of the deals: by a column, one way or the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortOrder {
    pub key: SortKey,
    pub descending: bool,
}

impl SortOrder {
    /// Reads `value` or `-value` (descending), as the page URL has it.
    pub fn parse(text: &str) -> Option<Self> {
        let (descending, name) = match text.strip_prefix('-') {
            Some(name) => (true, name),
            None => (false, text),
        };
        SortKey::parse(name).map(|key| Self { key, descending })
    }

    /// The sort after a click on `key`'s header: that column ascending, or
    /// the other way if it was already sorted by it.
    pub fn after_click(current: Option<Self>, key: SortKey) -> Self {
        Self {
            key,
            descending: current.is_some_and(|current| current.key == key && !current.descending),
        }
    }

    /// Sorts `positions`, places in `deals`, in this order; deals that
    /// compare equal keep their order (the API's), and a position past the
    /// deals goes last.
    pub fn sort(self, deals: &[Deal], positions: &mut [usize]) {
        let mut keyed: Vec<(Option<(String, f64)>, usize)> = positions
            .iter()
            .map(|position| {
                (
                    deals.get(*position).and_then(|deal| self.key.of(deal)),
                    *position,
                )
            })
            .collect();
        // Amounts keep their currencies in one order whichever way they go.
        let text_too = self.key != SortKey::Value;
        let directed = |ordering: Ordering| {
            if self.descending {
                ordering.reverse()
            } else {
                ordering
            }
        };
        keyed.sort_by(|(left, _), (right, _)| match (left, right) {
            (Some((left_text, left_number)), Some((right_text, right_number))) => {
                let texts = left_text.cmp(right_text);
                let texts = if text_too { directed(texts) } else { texts };
                texts.then_with(|| directed(left_number.total_cmp(right_number)))
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        });
        for (position, (_, sorted)) in positions.iter_mut().zip(keyed) {
            *position = sorted;
        }
    }
}

/// As the page URL writes it: `value`, `-value`.
impl fmt::Display for SortOrder {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.descending { "-" } else { "" };
        write!(formatter, "{sign}{}", self.key.name())
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::test_deal::deal;

    fn sorted_ids(deals: &[Deal], order: &str) -> Vec<String> {
        let order = SortOrder::parse(order).expect("a sort");
        let mut positions: Vec<usize> = (0..deals.len()).collect();
        order.sort(deals, &mut positions);
        positions
            .into_iter()
            .map(|position| deals[position].id.clone())
            .collect()
    }

    fn date(text: &str) -> DateTime<Utc> {
        text.parse().expect("a date")
    }

    #[test]
    fn a_sort_reads_back_from_its_url_name() {
        for key in SortKey::ALL {
            for descending in [false, true] {
                let order = SortOrder { key, descending };
                assert_eq!(SortOrder::parse(&order.to_string()), Some(order));
            }
        }
        assert_eq!(
            SortOrder::parse("-value").map(|order| order.descending),
            Some(true)
        );
        assert_eq!(
            SortOrder::parse("expectedCloseDate").map(|order| order.key),
            Some(SortKey::ExpectedClose)
        );
        assert_eq!(SortOrder::parse("colour"), None);
        assert_eq!(SortOrder::parse("--value"), None);
        assert_eq!(SortOrder::parse(""), None);
    }

    #[test]
    fn a_second_click_reverses_and_another_column_starts_ascending() {
        let first = SortOrder::after_click(None, SortKey::Value);
        assert!(!first.descending);
        let second = SortOrder::after_click(Some(first), SortKey::Value);
        assert!(second.descending);
        assert!(!SortOrder::after_click(Some(second), SortKey::Value).descending);
        let other = SortOrder::after_click(Some(second), SortKey::Title);
        assert_eq!((other.key, other.descending), (SortKey::Title, false));
    }

    #[test]
    fn amounts_are_grouped_by_currency_whichever_way() {
        let amounts = [
            ("a", "USD", 50.0),
            ("b", "EUR", 900.0),
            ("c", "EUR", 20.0),
            ("d", "USD", 7000.0),
            ("e", "EUR", 20.0),
        ];
        let deals: Vec<Deal> = amounts
            .iter()
            .map(|(id, currency, value)| Deal {
                currency: (*currency).to_owned(),
                value: *value,
                ..deal(id)
            })
            .collect();
        assert_eq!(sorted_ids(&deals, "value"), ["c", "e", "b", "a", "d"]);
        assert_eq!(
            sorted_ids(&deals, "-value"),
            ["b", "c", "e", "d", "a"],
            "equal amounts keep their order"
        );
    }

    #[test]
    fn empty_values_go_last_whichever_way() {
        let deals = [
            Deal {
                probability: None,
                ..deal("none")
            },
            Deal {
                probability: Some(80.0),
                ..deal("high")
            },
            Deal {
                probability: Some(0.0),
                ..deal("zero")
            },
        ];
        assert_eq!(sorted_ids(&deals, "probability"), ["zero", "high", "none"]);
        assert_eq!(sorted_ids(&deals, "-probability"), ["high", "zero", "none"]);

        let dated = [
            deal("undated"),
            Deal {
                expected_close_date: Some(date("2025-03-01T00:00:00Z")),
                ..deal("march")
            },
            Deal {
                expected_close_date: Some(date("2025-01-15T00:00:00Z")),
                ..deal("january")
            },
        ];
        assert_eq!(
            sorted_ids(&dated, "expectedCloseDate"),
            ["january", "march", "undated"]
        );
        assert_eq!(
            sorted_ids(&dated, "-expectedCloseDate"),
            ["march", "january", "undated"]
        );
    }

    #[test]
    fn stages_follow_the_pipeline_then_their_names() {
        let deals = [
            Deal {
                stage: Some("zeta".to_owned()),
                ..deal("zeta")
            },
            Deal {
                stage: Some("negotiation".to_owned()),
                ..deal("negotiation")
            },
            deal("none"),
            Deal {
                stage: Some("Alpha".to_owned()),
                ..deal("alpha")
            },
            Deal {
                stage: Some("discovery".to_owned()),
                ..deal("discovery")
            },
        ];
        assert_eq!(
            sorted_ids(&deals, "stage"),
            ["discovery", "negotiation", "alpha", "zeta", "none"]
        );
        assert_eq!(
            sorted_ids(&deals, "-stage"),
            ["zeta", "alpha", "negotiation", "discovery", "none"]
        );
    }

    #[test]
    fn titles_sort_whatever_the_case_and_accents_and_priorities_by_rank() {
        let deals = [
            Deal {
                title: "zèbre".to_owned(),
                priority: Priority::Low,
                ..deal("z")
            },
            Deal {
                title: "Éclair".to_owned(),
                priority: Priority::High,
                ..deal("e")
            },
            Deal {
                title: "avion".to_owned(),
                priority: Priority::Medium,
                ..deal("a")
            },
        ];
        assert_eq!(sorted_ids(&deals, "title"), ["a", "e", "z"]);
        assert_eq!(sorted_ids(&deals, "-title"), ["z", "e", "a"]);
        assert_eq!(sorted_ids(&deals, "priority"), ["z", "a", "e"]);
        assert_eq!(sorted_ids(&deals, "-priority"), ["e", "a", "z"]);
    }

    #[test]
    fn updated_sorts_by_the_instant() {
        let deals = [
            Deal {
                updated_at: date("2025-02-01T10:00:00Z"),
                ..deal("later")
            },
            Deal {
                updated_at: date("2025-02-01T09:59:59Z"),
                ..deal("sooner")
            },
        ];
        assert_eq!(sorted_ids(&deals, "updatedAt"), ["sooner", "later"]);
        assert_eq!(sorted_ids(&deals, "-updatedAt"), ["later", "sooner"]);
    }
}
