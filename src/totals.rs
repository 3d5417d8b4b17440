//! Pipeline sums over the deals on screen, one line per currency: amounts in
//! different currencies are never added together.

use deals_contract::{Deal, DealStatus};

#[derive(Debug, Clone, PartialEq)]
pub struct CurrencyTotal {
    pub currency: String,
    pub open_deals: usize,
    pub open_value: f64,
    /// Σ value × probability / 100 over the open deals.
    pub weighted_value: f64,
}

/// Totals of the open deals, by currency code in alphabetical order.
pub fn open_totals(deals: &[Deal]) -> Vec<CurrencyTotal> {
    let mut totals: Vec<CurrencyTotal> = Vec::new();
    for deal in deals.iter().filter(|deal| deal.status == DealStatus::Open) {
        let index =
            match totals.binary_search_by(|total| total.currency.as_str().cmp(&deal.currency)) {
                Ok(index) => index,
                Err(index) => {
                    totals.insert(
                        index,
                        CurrencyTotal {
                            currency: deal.currency.clone(),
                            open_deals: 0,
                            open_value: 0.0,
                            weighted_value: 0.0,
                        },
                    );
                    index
                }
            };
        let total = &mut totals[index];
        total.open_deals += 1;
        total.open_value += deal.value;
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
                    open_deals: 2,
                    open_value: 4000.0,
                    weighted_value: 500.0
                },
                CurrencyTotal {
                    currency: "USD".into(),
                    open_deals: 1,
                    open_value: 200.0,
                    weighted_value: 20.0
                },
            ]
        );
    }

    #[test]
    fn no_open_deals_means_no_totals() {
        assert!(open_totals(&[deal("EUR", 5.0, Some(5.0), "won")]).is_empty());
    }
}
