//! Pipeline sums over a set of deals, one line per currency: amounts in
//! different currencies are never added together.

use deals_contract::{Deal, DealStatus};

#[derive(Debug, Clone, PartialEq)]
pub struct CurrencyTotal {
    pub currency: String,
    pub deals: usize,
    pub value: f64,
    /// Σ value × probability / 100.
    pub weighted_value: f64,
}

/// Totals of the open deals, by currency code in alphabetical order.
pub fn open_totals(deals: &[Deal]) -> Vec<CurrencyTotal> {
    currency_totals(deals.iter().filter(|deal| deal.status == DealStatus::Open))
}

/// Totals of `deals` whatever their status, by currency code in alphabetical order.
pub fn currency_totals<'a>(deals: impl IntoIterator<Item = &'a Deal>) -> Vec<CurrencyTotal> {
    let mut totals: Vec<CurrencyTotal> = Vec::new();
    for deal in deals {
        let index =
            match totals.binary_search_by(|total| total.currency.as_str().cmp(&deal.currency)) {
                Ok(index) => index,
                Err(index) => {
                    totals.insert(
                        index,
                        CurrencyTotal {
                            currency: deal.currency.clone(),
                            deals: 0,
                            value: 0.0,
                            weighted_value: 0.0,
                        },
                    );
                    index
                }
            };
        let total = &mut totals[index];
        total.deals += 1;
        total.value += deal.value;
        total.weighted_value += deal.weighted_value();
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn deal(currency: &str, value: f64, probability: Option<f64>, status: &str) -> Deal {
        serde_json::from_value(json!({
            "id": "deal_1", "title": "T", "value": value, "currency": currency,
            "probability": probability, "status": status, "priority": "medium",
            "createdAt": "2024-11-01T10:30:00.000Z", "updatedAt": "2024-11-01T10:30:00.000Z"
        }))
        .unwrap()
    }

    #[test]
    fn sums_open_deals_per_currency_and_weights_by_probability() {
        let deals = [
            deal("EUR", 1000.0, Some(50.0), "open"),
            deal("USD", 200.0, Some(10.0), "open"),
            deal("EUR", 3000.0, None, "open"),
            deal("EUR", 999.0, Some(100.0), "won"),
            deal("GBP", 50.0, Some(100.0), "lost"),
        ];
        assert_eq!(
            open_totals(&deals),
            vec![
                CurrencyTotal {
                    currency: "EUR".into(),
                    deals: 2,
                    value: 4000.0,
                    weighted_value: 500.0
                },
                CurrencyTotal {
                    currency: "USD".into(),
                    deals: 1,
                    value: 200.0,
                    weighted_value: 20.0
                },
            ]
        );
    }

    #[test]
    fn currency_totals_count_closed_deals_too() {
        let deals = [
            deal("EUR", 999.0, Some(100.0), "won"),
            deal("EUR", 1.0, Some(50.0), "open"),
        ];
        let totals = currency_totals(&deals);
        assert_eq!(totals.len(), 1);
        assert_eq!(
            (totals[0].deals, totals[0].value, totals[0].weighted_value),
            (2, 1000.0, 999.5)
        );
    }

    #[test]
    fn no_open_deals_means_no_totals() {
        assert!(open_totals(&[deal("EUR", 5.0, Some(5.0), "won")]).is_empty());
    }
}
