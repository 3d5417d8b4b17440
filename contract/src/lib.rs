//! The ISAO Deals API contract (`shared/seed/deals-api.txt`) as Rust types and rules.
//!
//! Both the reference server and the widget depend on this crate, so a rule the
//! widget checks before sending is, by construction, the rule the server enforces.

mod error;
mod field_reader;
mod model;
mod new_deal;
mod object_reader;
pub mod permission;
mod query;
mod status_change;
pub mod text;
pub mod timestamp;

pub use error::{ErrorBody, FieldErrors, CONTACT_NOT_FOUND, USER_NOT_FOUND};
pub use model::{
    Contact, Deal, DealStatus, Envelope, Page, PageMeta, Priority, User, PIPELINE_STAGES,
};
pub use new_deal::{
    NewDeal, DESCRIPTION_MAX_CHARS, ID_MAX_CHARS, MAX_VALUE, SOURCE_MAX_CHARS, STAGE_MAX_CHARS,
    TITLE_MAX_CHARS,
};
pub use query::{DealQuery, DEFAULT_LIMIT, MAX_LIMIT};
pub use status_change::StatusChange;
