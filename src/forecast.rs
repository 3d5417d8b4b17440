//! The forecast: open and probability-weighted value of the open deals by the
//! month they are expected to close, one table per currency (amounts in
//! different currencies are never added together).
//!
//! Months are the user's: the caller passes the current month and the
//! instant each month begins where the user is ([`MonthStarts`]), so the
//! logic stays free of the browser and testable in any time zone, and a deal
//! finds its month by comparing instants, without asking the browser about
//! each of thousands of dates. Amounts are summed in whole cents, each deal rounded once, so a
//! total agrees to the cent with the sum of the API's values.

use chrono::{DateTime, Utc};
use deals_contract::{Deal, DealStatus};

use crate::totals::{cents, weighted_cents};

/// Months after the current one that get a bucket of their own.
const MONTHS_AHEAD: i32 = 5;

/// Overdue, this month and the next five, later, no date.
const SLOTS: usize = MONTHS_AHEAD as usize + 4;
const OVERDUE_SLOT: usize = 0;
const LATER_SLOT: usize = SLOTS - 2;
const NO_DATE_SLOT: usize = SLOTS - 1;

/// The user's calendar around now: the current month and the instants at
/// which it, each month with a bucket of its own and the month after them
/// begin.
pub struct MonthStarts {
    /// Months since year 0.
    this_month: i32,
    starts: [DateTime<Utc>; MONTHS_AHEAD as usize + 2],
}

impl MonthStarts {
    /// `this_month` is the user's (year, month 1–12) now; `local_start` gives
    /// the instant a (year, month) begins in the user's time zone.
    pub fn new(this_month: (i32, u32), local_start: impl Fn(i32, u32) -> DateTime<Utc>) -> Self {
        let this_month = month_number(this_month);
        let starts = std::array::from_fn(|ahead| {
            let (year, month) = year_month(this_month + ahead as i32);
            local_start(year, month)
        });
        Self { this_month, starts }
    }

    /// Whether `deal` is open and expected to close in the user's current
    /// month: "Closing this month".
    pub fn is_closing_this_month(&self, deal: &Deal) -> bool {
        deal.status == DealStatus::Open
            && deal
                .expected_close_date
                .is_some_and(|date| self.slot(&date) == 1)
    }

    /// The bucket of an expected close instant: overdue, a month, or later.
    fn slot(&self, date: &DateTime<Utc>) -> usize {
        // 0 before this month, 1 + the months ahead within the buckets, and
        // past the last one, later.
        self.starts.partition_point(|start| start <= date)
    }
}

/// Which expected close dates a bucket holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Before the current month.
    Overdue,
    /// A calendar month, 1–12.
    Month {
        year: i32,
        month: u32,
    },
    /// After the last month with a bucket of its own.
    Later,
    NoDate,
}

/// How many deals, and their open and weighted values in cents. A deal adds
/// at most 2^63 cents, and there are fewer than 2^64 deals: the sums cannot
/// overflow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Figures {
    pub deals: u32,
    pub open_cents: i128,
    pub weighted_cents: i128,
}

impl Figures {
    fn add(&mut self, other: &Figures) {
        self.deals = self.deals.saturating_add(other.deals);
        self.open_cents += other.open_cents;
        self.weighted_cents += other.weighted_cents;
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    pub period: Period,
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyForecast {
    pub currency: String,
    /// "Overdue" only when it holds deals, then the current month and the
    /// next five, "Later" and "No date", always.
    pub buckets: Vec<Bucket>,
    /// The sum of the buckets.
    pub total: Figures,
}

/// The forecast of the open deals, by currency code in alphabetical order;
/// no currency without open deals.
pub fn forecast<'a>(
    deals: impl IntoIterator<Item = &'a Deal>,
    months: &MonthStarts,
) -> Vec<CurrencyForecast> {
    let mut currencies: Vec<(String, [Figures; SLOTS])> = Vec::new();
    for deal in deals {
        if deal.status != DealStatus::Open {
            continue;
        }
        let slot = match &deal.expected_close_date {
            None => NO_DATE_SLOT,
            Some(date) => months.slot(date),
        };
        let index = match currencies.binary_search_by(|(code, _)| code.as_str().cmp(&deal.currency))
        {
            Ok(index) => index,
            Err(index) => {
                currencies.insert(index, (deal.currency.clone(), [Figures::default(); SLOTS]));
                index
            }
        };
        let open_cents = cents(deal.value);
        currencies[index].1[slot].add(&Figures {
            deals: 1,
            open_cents: i128::from(open_cents),
            weighted_cents: i128::from(weighted_cents(open_cents, deal.probability)),
        });
    }
    let mut forecasts = Vec::with_capacity(currencies.len());
    for (currency, slots) in currencies {
        let mut buckets = Vec::with_capacity(SLOTS);
        let mut total = Figures::default();
        for (slot, figures) in slots.iter().enumerate() {
            let period = match slot {
                OVERDUE_SLOT if figures.deals == 0 => continue,
                OVERDUE_SLOT => Period::Overdue,
                LATER_SLOT => Period::Later,
                NO_DATE_SLOT => Period::NoDate,
                month => {
                    let (year, month) = year_month(months.this_month + month as i32 - 1);
                    Period::Month { year, month }
                }
            };
            total.add(figures);
            buckets.push(Bucket {
                period,
                figures: *figures,
            });
        }
        forecasts.push(CurrencyForecast {
            currency,
            buckets,
            total,
        });
    }
    forecasts
}

/// Months since year 0, so that months add across years.
fn month_number((year, month): (i32, u32)) -> i32 {
    year * 12 + month as i32 - 1
}

fn year_month(number: i32) -> (i32, u32) {
    (number.div_euclid(12), number.rem_euclid(12) as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Duration, FixedOffset, NaiveDate};
    use deals_contract::MAX_VALUE;
    use serde_json::json;

    fn deal(
        currency: &str,
        value: f64,
        probability: Option<f64>,
        status: &str,
        close: Option<&str>,
    ) -> Deal {
        serde_json::from_value(json!({
            "id": "deal_1", "title": "T", "value": value, "currency": currency,
            "probability": probability, "status": status, "priority": "medium",
            "expectedCloseDate": close,
            "createdAt": "2024-11-01T10:30:00.000Z", "updatedAt": "2024-11-01T10:30:00.000Z"
        }))
        .unwrap()
    }

    fn open(value: f64, probability: f64, close: &str) -> Deal {
        deal("EUR", value, Some(probability), "open", Some(close))
    }

    fn instant(text: &str) -> DateTime<Utc> {
        deals_contract::timestamp::parse(text).unwrap()
    }

    /// The months as of `now` of a place whose offset from UTC at an instant
    /// is `offset(instant)` hours.
    fn months_where(now: &str, offset: impl Fn(&DateTime<Utc>) -> i32) -> MonthStarts {
        let hours = |hours: i32| Duration::hours(hours.into());
        let now = instant(now);
        let local_now = now.with_timezone(&FixedOffset::east_opt(offset(&now) * 3600).unwrap());
        MonthStarts::new((local_now.year(), local_now.month()), |year, month| {
            let midnight = NaiveDate::from_ymd_opt(year, month, 1)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
                .and_utc();
            // The offset in force around the local midnight, not at UTC's.
            let roughly = midnight - hours(offset(&midnight));
            midnight - hours(offset(&roughly))
        })
    }

    /// A place always `hours` ahead of UTC.
    fn fixed(hours: i32) -> impl Fn(&DateTime<Utc>) -> i32 {
        move |_| hours
    }

    fn months(forecast: &CurrencyForecast) -> Vec<(Period, u32)> {
        forecast
            .buckets
            .iter()
            .map(|bucket| (bucket.period, bucket.figures.deals))
            .collect()
    }

    fn month(year: i32, month: u32) -> Period {
        Period::Month { year, month }
    }

    #[test]
    fn buckets_the_current_month_the_next_five_later_and_no_date() {
        let deals = [
            open(100.0, 50.0, "2024-11-30T12:00:00.000Z"),
            open(200.0, 10.0, "2024-12-01T00:00:00.000Z"),
            open(300.0, 10.0, "2025-04-30T23:59:59.000Z"),
            open(400.0, 10.0, "2025-05-01T00:00:00.000Z"),
            deal("EUR", 500.0, Some(10.0), "open", None),
        ];
        let result = forecast(&deals, &months_where("2024-11-15T09:00:00Z", fixed(0)));
        assert_eq!(result.len(), 1);
        assert_eq!(
            months(&result[0]),
            vec![
                (month(2024, 11), 1),
                (month(2024, 12), 1),
                (month(2025, 1), 0),
                (month(2025, 2), 0),
                (month(2025, 3), 0),
                (month(2025, 4), 1),
                (Period::Later, 1),
                (Period::NoDate, 1),
            ],
            "no overdue bucket when nothing is overdue; November to April across the new year"
        );
        assert_eq!(
            result[0].buckets[0].figures,
            Figures {
                deals: 1,
                open_cents: 10_000,
                weighted_cents: 5_000
            }
        );
    }

    #[test]
    fn deals_before_this_month_are_overdue_and_come_first() {
        let deals = [
            open(10.0, 100.0, "2023-02-01T00:00:00Z"),
            open(20.0, 100.0, "2024-10-31T23:59:59Z"),
        ];
        let result = forecast(&deals, &months_where("2024-11-01T00:00:00Z", fixed(0)));
        assert_eq!(result[0].buckets[0].period, Period::Overdue);
        assert_eq!(
            result[0].buckets[0].figures,
            Figures {
                deals: 2,
                open_cents: 3_000,
                weighted_cents: 3_000
            }
        );
        assert_eq!(result[0].buckets.len(), 9);
    }

    #[test]
    fn month_edges_follow_the_users_time_zone() {
        let last_second_of_november_utc = open(1.0, 0.0, "2024-11-30T23:59:59Z");
        let first_second_of_december_utc = open(2.0, 0.0, "2024-12-01T00:00:00Z");
        let deals = [last_second_of_november_utc, first_second_of_december_utc];
        let open_cents_by_month = |hours| {
            let result = forecast(&deals, &months_where("2024-11-15T12:00:00Z", fixed(hours)));
            let mut found = Vec::new();
            for bucket in &result[0].buckets {
                if bucket.figures.deals > 0 {
                    found.push((bucket.period, bucket.figures.open_cents));
                }
            }
            found
        };
        assert_eq!(
            open_cents_by_month(0),
            vec![(month(2024, 11), 100), (month(2024, 12), 200)]
        );
        assert_eq!(
            open_cents_by_month(14),
            vec![(month(2024, 12), 300)],
            "in UTC+14 both are in December"
        );
        assert_eq!(
            open_cents_by_month(-12),
            vec![(month(2024, 11), 300)],
            "in UTC−12 both are in November"
        );
    }

    #[test]
    fn the_current_month_is_the_users_too() {
        let deals = [open(1.0, 0.0, "2024-12-15T00:00:00Z")];
        let new_years_eve_in_utc = "2024-12-31T23:30:00Z";
        let in_kiritimati = forecast(&deals, &months_where(new_years_eve_in_utc, fixed(14)));
        assert_eq!(in_kiritimati[0].buckets[0].period, Period::Overdue);
        assert_eq!(in_kiritimati[0].buckets[1].period, month(2025, 1));
        let in_baker_island = forecast(&deals, &months_where(new_years_eve_in_utc, fixed(-12)));
        assert_eq!(in_baker_island[0].buckets[0].period, month(2024, 12));
        assert_eq!(in_baker_island[0].buckets[0].figures.deals, 1);
    }

    #[test]
    fn a_change_of_offset_during_the_year_moves_only_the_instants_it_affects() {
        // Central Europe: UTC+1 in winter, UTC+2 from the last Sunday of March.
        let summer_time_starts = instant("2025-03-30T01:00:00Z");
        let central_europe = |moment: &DateTime<Utc>| {
            if moment >= &summer_time_starts {
                2
            } else {
                1
            }
        };
        let deals = [
            open(1.0, 0.0, "2025-02-28T22:59:59Z"),
            open(2.0, 0.0, "2025-02-28T23:00:00Z"),
            open(4.0, 0.0, "2025-03-31T21:59:59Z"),
            open(8.0, 0.0, "2025-03-31T22:00:00Z"),
        ];
        let result = forecast(
            &deals,
            &months_where("2025-01-10T00:00:00Z", central_europe),
        );
        let open_cents: Vec<(Period, i128)> = result[0]
            .buckets
            .iter()
            .map(|bucket| (bucket.period, bucket.figures.open_cents))
            .collect();
        assert_eq!(
            &open_cents[1..4],
            &[
                (month(2025, 2), 100),
                (month(2025, 3), 600),
                (month(2025, 4), 800)
            ]
        );
        assert_eq!(result[0].buckets[0].period, month(2025, 1));
    }

    #[test]
    fn currencies_stay_apart_in_alphabetical_order() {
        let deals = [
            deal("USD", 5.0, Some(20.0), "open", None),
            deal("EUR", 7.0, Some(50.0), "open", None),
            deal("GBP", 9.0, Some(100.0), "won", None),
            deal("CHF", 11.0, Some(100.0), "lost", None),
            deal("EUR", 1.0, Some(50.0), "open", None),
        ];
        let result = forecast(&deals, &months_where("2024-11-15T00:00:00Z", fixed(0)));
        let mut seen = Vec::new();
        for currency in &result {
            seen.push((currency.currency.as_str(), currency.total));
        }
        assert_eq!(
            seen,
            vec![
                (
                    "EUR",
                    Figures {
                        deals: 2,
                        open_cents: 800,
                        weighted_cents: 400
                    }
                ),
                (
                    "USD",
                    Figures {
                        deals: 1,
                        open_cents: 500,
                        weighted_cents: 100
                    }
                ),
            ],
            "won and lost deals are left out, and so is a currency with only those"
        );
    }

    #[test]
    fn a_deal_without_probability_counts_in_open_value_only() {
        let deals = [deal(
            "EUR",
            250.0,
            None,
            "open",
            Some("2024-11-20T00:00:00Z"),
        )];
        let result = forecast(&deals, &months_where("2024-11-15T00:00:00Z", fixed(0)));
        assert_eq!(
            result[0].buckets[0].figures,
            Figures {
                deals: 1,
                open_cents: 25_000,
                weighted_cents: 0
            }
        );
    }

    #[test]
    fn sums_are_exact_to_the_cent_and_totals_are_the_sum_of_buckets() {
        let mut deals = Vec::new();
        for _ in 0..10 {
            deals.push(open(0.1, 100.0, "2024-11-20T00:00:00Z"));
            deals.push(open(0.2, 100.0, "2025-01-20T00:00:00Z"));
        }
        deals.push(open(1234.5, 33.0, "2030-01-01T00:00:00Z"));
        deals.push(open(19.99, 50.0, "2020-01-01T00:00:00Z"));
        let result = forecast(&deals, &months_where("2024-11-15T00:00:00Z", fixed(0)));
        let currency = &result[0];
        assert_eq!(currency.buckets[1].figures.open_cents, 100, "ten times 0.1");
        assert_eq!(currency.buckets[3].figures.open_cents, 200, "ten times 0.2");
        assert_eq!(
            currency.buckets[7].figures.weighted_cents, 40_739,
            "1234.5 × 33% = 407.385"
        );
        assert_eq!(
            currency.buckets[0].figures.weighted_cents, 1_000,
            "19.99 × 50% = 9.995"
        );
        let mut sum = Figures::default();
        for bucket in &currency.buckets {
            sum.add(&bucket.figures);
        }
        assert_eq!(currency.total, sum);
        assert_eq!(
            currency.total,
            Figures {
                deals: 22,
                open_cents: 125_749,
                weighted_cents: 42_039
            }
        );
    }

    #[test]
    fn many_deals_at_the_contracts_bound_add_up_exactly() {
        let most = open(MAX_VALUE, 100.0, "2024-11-20T00:00:00Z");
        let deals = vec![most; 100_000];
        let result = forecast(&deals, &months_where("2024-11-15T00:00:00Z", fixed(0)));
        let cents_at_the_bound = 1_000_000_000_000_000_i128;
        assert_eq!(
            result[0].total,
            Figures {
                deals: 100_000,
                open_cents: 100_000 * cents_at_the_bound,
                weighted_cents: 100_000 * cents_at_the_bound
            },
            "beyond what an i64 of cents holds"
        );
    }

    #[test]
    fn no_open_deals_means_no_forecast() {
        let deals = [deal("EUR", 5.0, Some(5.0), "won", None)];
        assert!(forecast(&deals, &months_where("2024-11-15T00:00:00Z", fixed(0))).is_empty());
    }

    // Guards: "Closing this month" keeps the open deals expected to close in
    // the user's current month (its first and last instant where the user
    // is), not an earlier or a later one, not a closed deal, not one without
    // a date.
    #[test]
    fn closing_this_month_is_open_and_expected_in_the_users_month() {
        let paris = months_where("2024-11-22T12:00:00.000Z", |_| 1);
        let closing = |status: &str, close: Option<&str>| {
            paris.is_closing_this_month(&deal("EUR", 1.0, None, status, close))
        };
        assert!(
            closing("open", Some("2024-10-31T23:00:00.000Z")),
            "1 Nov, 00:00 in Paris"
        );
        assert!(closing("open", Some("2024-11-30T22:59:59.000Z")));
        assert!(!closing("open", Some("2024-10-31T22:59:59.000Z")));
        assert!(
            !closing("open", Some("2024-11-30T23:00:00.000Z")),
            "1 Dec in Paris"
        );
        assert!(!closing("won", Some("2024-11-15T12:00:00.000Z")));
        assert!(!closing("open", None));
    }
}
