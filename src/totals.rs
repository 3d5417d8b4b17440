//! Pipeline sums over a set of deals, one line per currency: amounts in
//! different currencies are never added together. Sums are made in whole
//! cents, each deal rounded once, so that a total is exact and cannot
//! overflow however many deals it adds.

use deals_contract::{Deal, DealStatus};

#[derive(Debug, Clone, PartialEq)]
pub struct CurrencyTotal {
    pub currency: String,
    pub deals: usize,
    /// The sum of the values, made in cents, as an amount.
    pub value: f64,
    /// Σ value × probability / 100, made in cents, as an amount.
    pub weighted_value: f64,
}

/// An amount in whole cents. Up to the contract's `MAX_VALUE` it is exact;
/// an amount beyond, which a server keeping the contract never sends, stops
/// at the largest `i64` rather than wrapping.
pub fn cents(amount: f64) -> i64 {
    nearest_whole(amount * 100.0) as i64
}

/// A deal's value in cents weighted by its probability (a percentage),
/// rounded once. From the value in cents rather than `Deal::weighted_value`:
/// 19.99 × 50 / 100 in floating point is 9.99499…, which would lose the half
/// cent that 1999 × 50 / 100 = 999.5 keeps exactly.
pub fn weighted_cents(value_cents: i64, probability: Option<f64>) -> i64 {
    nearest_whole(value_cents as f64 * probability.unwrap_or(0.0) / 100.0) as i64
}

/// `f64::round` for the amounts of the contract, which are never negative
/// (a half goes up), with wasm's own `floor`: `round` would bring libm's into
/// the first download.
fn nearest_whole(amount: f64) -> f64 {
    let whole = amount.floor();
    if amount - whole >= 0.5 {
        whole + 1.0
    } else {
        whole
    }
}

/// Totals of the open deals, by currency code in alphabetical order.
pub fn open_totals(deals: &[Deal]) -> Vec<CurrencyTotal> {
    currency_totals(deals.iter().filter(|deal| deal.status == DealStatus::Open))
}

/// Totals of `deals` whatever their status, by currency code in alphabetical order.
pub fn currency_totals<'a>(deals: impl IntoIterator<Item = &'a Deal>) -> Vec<CurrencyTotal> {
    // Each deal adds at most 2^63 cents, and there are fewer than 2^64 deals:
    // an i128 sum cannot overflow.
    let mut sums: Vec<(&str, usize, i128, i128)> = Vec::new();
    for deal in deals {
        let index = match sums.binary_search_by(|(currency, ..)| (*currency).cmp(&deal.currency)) {
            Ok(index) => index,
            Err(index) => {
                sums.insert(index, (&deal.currency, 0, 0, 0));
                index
            }
        };
        let value_cents = cents(deal.value);
        let (_, count, value, weighted) = &mut sums[index];
        *count += 1;
        *value += i128::from(value_cents);
        *weighted += i128::from(weighted_cents(value_cents, deal.probability));
    }
    sums.into_iter()
        .map(|(currency, deals, value, weighted)| CurrencyTotal {
            currency: currency.to_owned(),
            deals,
            value: amount(value),
            weighted_value: amount(weighted),
        })
        .collect()
}

/// Cents as an amount of the currency. Through its two 64-bit halves, which
/// wasm converts with one instruction each: `i128 as f64` would bring
/// compiler-builtins' conversion into the first download.
pub fn amount(cents: i128) -> f64 {
    let high = (cents >> 64) as i64;
    let low = cents as u64;
    (high as f64 * 18_446_744_073_709_551_616.0 + low as f64) / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use deals_contract::MAX_VALUE;
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
    fn totals_of_many_deals_at_the_contracts_bound_are_exact() {
        let most = deal("EUR", MAX_VALUE, Some(50.0), "open");
        let deals = vec![most; 100_000];
        let totals = open_totals(&deals);
        assert_eq!(totals[0].deals, 100_000);
        assert_eq!(totals[0].value, 1e18, "100,000 × 10^13");
        assert_eq!(totals[0].weighted_value, 5e17);
    }

    #[test]
    fn a_value_beyond_the_contract_never_makes_an_endless_total() {
        let huge = deal("EUR", 1e308, Some(100.0), "open");
        let totals = open_totals(&[huge.clone(), huge]);
        assert!(totals[0].value.is_finite() && totals[0].value > 0.0);
        assert!(totals[0].weighted_value.is_finite());
    }

    #[test]
    fn no_open_deals_means_no_totals() {
        assert!(open_totals(&[deal("EUR", 5.0, Some(5.0), "won")]).is_empty());
    }
}
