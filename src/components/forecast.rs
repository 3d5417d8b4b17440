//! The forecast view: per currency, a bar chart of open and weighted value by
//! expected close month, and the same figures in a table. The chart is hidden
//! from assistive technology: the table is what it reads.

use deals_contract::Deal;
use deals_i18n::Msg;
use leptos::prelude::*;

use crate::forecast::{forecast, Bucket, CurrencyForecast, Figures, MonthStarts, Period};
use crate::format;
use crate::session::Session;
use crate::totals::amount;
use crate::words::Texts;

/// Width of one bucket in the chart's coordinates; each holds two bars.
const SLOT_WIDTH: usize = 40;
const BAR_WIDTH: usize = 14;
/// Space before, between and after a bucket's two bars.
const BAR_GAP: usize = (SLOT_WIDTH - 2 * BAR_WIDTH) / 3;
/// The chart's height in its own coordinates: the tallest bar. The chart is
/// stretched to its box, so this is resolution, not size.
const CHART_HEIGHT: u32 = 1000;

/// The forecast of `deals` in the user's calendar, as of now.
pub fn local_forecast<'a>(deals: impl IntoIterator<Item = &'a Deal>) -> Vec<CurrencyForecast> {
    let (year, month, _) = format::local_today();
    forecast(
        deals,
        &MonthStarts::new((year, month), format::local_month_start),
    )
}

/// The forecast made by [`local_forecast`], per currency.
#[component]
pub fn ForecastView(#[prop(into)] forecasts: Signal<Vec<CurrencyForecast>>) -> impl IntoView {
    let words = expect_context::<Session>().words();
    move || {
        let texts = words.now();
        forecasts.with(|forecasts| {
            if forecasts.is_empty() {
                return view! { <p class="empty">{texts.get(Msg::NoOpenDealsMatch)}</p> }
                    .into_any();
            }
            let mut sections = Vec::with_capacity(forecasts.len());
            for currency_forecast in forecasts {
                sections.push(currency_section(currency_forecast, texts));
            }
            view! { <div class="forecast">{sections}</div> }.into_any()
        })
    }
}

fn currency_section(currency_forecast: &CurrencyForecast, texts: Texts) -> impl IntoView {
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
        let label = period_label(*period, texts);
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
        rows.push(figures_row(texts.lang().tag(), label, figures, currency));
    }
    let view_box = format!("0 0 {} {CHART_HEIGHT}", buckets.len() * SLOT_WIDTH);
    let caption = texts.fill(Msg::ForecastCaption, &[("currency", currency)]);
    let total_row = figures_row(
        texts.lang().tag(),
        texts.get(Msg::ForecastTotal).to_owned(),
        total,
        currency,
    );
    view! {
        <section class="forecast-currency">
            <h3>{currency.clone()}</h3>
            <div class="forecast-chart" aria-hidden="true">
                <p class="forecast-legend">
                    <span class="forecast-key-open">{texts.get(Msg::OpenValue)}</span>
                    <span class="forecast-key-weighted">{texts.get(Msg::WeightedValue)}</span>
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
                        <th scope="col">{texts.get(Msg::ExpectedClose)}</th>
                        <th scope="col" class="number">{texts.get(Msg::Deals)}</th>
                        <th scope="col" class="number">{texts.get(Msg::OpenValue)}</th>
                        <th scope="col" class="number">{texts.get(Msg::WeightedValue)}</th>
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

fn figures_row(locale: &str, label: String, figures: &Figures, currency: &str) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{label}</th>
            <td class="number">{figures.deals.to_string()}</td>
            <td class="number">{money(locale, figures.open_cents, currency)}</td>
            <td class="number">{money(locale, figures.weighted_cents, currency)}</td>
        </tr>
    }
}

fn money(locale: &str, cents: i128, currency: &str) -> String {
    format::money(locale, amount(cents), currency)
}

fn period_label(period: Period, texts: Texts) -> String {
    match period {
        Period::Overdue => texts.get(Msg::Overdue).to_owned(),
        Period::Month { year, month } => format::month_label(texts.lang().tag(), year, month),
        Period::Later => texts.get(Msg::Later).to_owned(),
        Period::NoDate => texts.get(Msg::NoDate).to_owned(),
    }
}
