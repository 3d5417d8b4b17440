//! The widget's views. They speak to the API only through `crate::api` and
//! know nothing of HTTP.

mod all_matching;
mod api_words;
mod board;
mod bulk;
mod clicked_deal;
mod connect;
mod current_user;
mod deal_detail;
mod deal_form;
mod deal_list;
mod deal_table;
mod debounce;
mod export;
mod fields;
mod forecast;
mod found_list;
mod known_people;
mod later;
mod latest_answer;
mod list_refresh;
mod list_selection;
mod mine;
mod no_rows;
mod on_demand;
mod outbox;
mod person_picker;
mod rate_limit;
mod rebuilt;
mod refresh_failure;
mod saved_views;
mod shortcuts;
mod state;
mod views;
mod wait_view;
mod waiting;
mod widget;
mod workspace;

pub use forecast::{local_forecast, ForecastView};
pub use state::ViewSettings;
pub use widget::{DealsWidget, WidgetConfig};
