//! The widget's views. They speak to the API only through `crate::api` and
//! know nothing of HTTP.

mod board;
mod connect;
mod deal_detail;
mod deal_form;
mod deal_list;
mod deal_table;
mod debounce;
mod export;
mod fields;
mod forecast;
mod latest_answer;
mod on_demand;
mod rate_limit;
mod views;
mod widget;
mod workspace;

pub use forecast::ForecastView;
pub use widget::{DealsWidget, ViewSettings, WidgetConfig};
