//! ISAO Deals: an embeddable widget for the ISAO Deals API.
//!
//! `api` talks HTTP and knows nothing of the DOM; `components` render and know
//! nothing of HTTP; `embed` puts widgets on a host page.

pub mod api;
pub mod api_key;
pub mod bundle;
pub mod components;
pub mod csv_export;
pub mod current_user;
pub mod deal_search;
pub mod deal_sort;
pub mod download;
pub mod draft;
pub mod embed;
pub mod forecast;
pub mod format;
pub mod host_events;
pub mod kept_draft;
pub mod key_store;
pub mod live_refresh;
pub mod narrowing;
pub mod people;
pub mod pipeline;
pub mod saved_views;
pub mod selection;
pub mod sending;
pub mod session;
pub mod storage_entry;
#[cfg(test)]
mod test_deal;
pub mod totals;
pub mod undo_window;
pub mod url_state;
pub mod words;
