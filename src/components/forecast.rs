//! The forecast view: per currency, a bar chart of open and weighted value by
//! expected close month, and the same figures in a table. The chart is hidden
//! from assistive technology: the table is what it reads.

use deals_contract::Deal;
use leptos::prelude::*;

use crate::forecast::{forecast, Bucket, CurrencyForecast, Figures, MonthStarts, Period};
use crate::format;
use crate::totals::amount;

/// Width of one bucket in the chart's coordinates; each holds two bars.
const SLOT_WIDTH: usize = 40;
const BAR_WIDTH: usize = 14;
/// Space before, between and after a bucket's two bars.
const BAR_GAP: usize = (SLOT_WIDTH - 2 * BAR_WIDTH) / 3;
/// The chart's height in its own coordinates: the tallest bar. The chart is
/// stretched to its box, so this is resolution, not size.
const CHART_HEIGHT: u32 = 1000;

/// The forecast of `deals` in the user's calendar, as of now.
pub fn local_forecast(deals: &[Deal]) -> Vec<CurrencyForecast> {
    let (year, month, _) = format::local_today();
    forecast(
        deals,
        &MonthStarts::new((year, month), format::local_month_start),
    )
}

/// The forecast made by [`local_forecast`], per currency.
#[component]
pub fn ForecastView(#[prop(into)] forecasts: Signal<Vec<CurrencyForecast>>) -> impl IntoView {
    move || {
        forecasts.with(|forecasts| {
            if forecasts.is_empty() {
                return view! { <p class="empty">"No open deals match these filters."</p> }
                    .into_any();
            }
            let mut sections = Vec::with_capacity(forecasts.len());
            for currency_forecast in forecasts {
                sections.push(currency_section(currency_forecast));
            }
            view! { <div class="forecast">{sections}</div> }.into_any()
        })
    }
}

fn currency_section(currency_forecast: &CurrencyForecast) -> impl IntoView {
    let CurrencyForecast {
        currency,
        buckets,
        total,
    } = currency_forecast;
    let mut largest_open_cents = 0;
    for bucket in buckets {
        largest_open_cents = largest_open_cents.max(bucket.figures.open_cents);
    }
    let mut bars = Vec::with_capacity(buckets.len() * 2);
    let mut axis_labels = Vec::with_capacity(buckets.len());
    let mut rows = Vec::with_capacity(buckets.len());
    for (slot, Bucket { period, figures }) in buckets.iter().enumerate() {
        let label = period_label(*period);
        let left = slot * SLOT_WIDTH + BAR_GAP;
        bars.push(bar(
            "forecast-bar-open",
            left,
            figures.open_cents,
            largest_open_cents,
        ));
        bars.push(bar(
            "forecast-bar-weighted",
            left + BAR_WIDTH + BAR_GAP,
            figures.weighted_cents,
            largest_open_cents,
        ));
        axis_labels.push(view! { <li>{label.clone()}</li> });
        rows.push(figures_row(label, figures, currency));
    }
    let view_box = format!("0 0 {} {CHART_HEIGHT}", buckets.len() * SLOT_WIDTH);
    let caption = format!("{currency} forecast by expected close month");
    let total_row = figures_row("Total".to_owned(), total, currency);
    view! {
        <section class="forecast-currency">
            <h3>{currency.clone()}</h3>
            <div class="forecast-chart" aria-hidden="true">
                <p class="forecast-legend">
                    <span class="forecast-key-open">"Open value"</span>
                    <span class="forecast-key-weighted">"Weighted value"</span>
                </p>
                <svg class="forecast-bars" viewBox=view_box preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    {bars}
                </svg>
                <ol class="forecast-axis">{axis_labels}</ol>
            </div>
            <table class="forecast-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Expected close"</th>
                        <th scope="col" class="number">"Deals"</th>
                        <th scope="col" class="number">"Open value"</th>
                        <th scope="col" class="number">"Weighted value"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>{total_row}</tfoot>
            </table>
        </section>
    }
}

/// One bar, as tall against the chart as `cents` against `largest_cents`.
fn bar(class: &'static str, left: usize, cents: i128, largest_cents: i128) -> impl IntoView {
    let height = if largest_cents > 0 {
        let share = cents as f64 / largest_cents as f64;
        ((share * f64::from(CHART_HEIGHT)).round() as u32).min(CHART_HEIGHT)
    } else {
        0
    };
    view! {
        <rect
            class=class
            x=left.to_string()
            y=(CHART_HEIGHT - height).to_string()
            width=BAR_WIDTH.to_string()
            height=height.to_string()
        />
    }
}

fn figures_row(label: String, figures: &Figures, currency: &str) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{label}</th>
            <td class="number">{figures.deals.to_string()}</td>
            <td class="number">{money(figures.open_cents, currency)}</td>
            <td class="number">{money(figures.weighted_cents, currency)}</td>
        </tr>
    }
}

fn money(cents: i128, currency: &str) -> String {
    format::money(amount(cents), currency)
}

fn period_label(period: Period) -> String {
    match period {
        Period::Overdue => "Overdue".to_owned(),
        Period::Month { year, month } => format::month_label(year, month),
        Period::Later => "Later".to_owned(),
        Period::NoDate => "No date".to_owned(),
    }
}
