//! Which company a row, an API key or a webhook subscription belongs to: the
//! tenant every read and write is scoped to.

pub type CompanyId = i64;
