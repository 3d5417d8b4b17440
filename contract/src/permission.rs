//! The seed's permission names, as keys carry them and 403s name them.

pub const DEALS_READ: &str = "deals:read";
pub const DEALS_WRITE: &str = "deals:write";
pub const CONTACTS_READ: &str = "contacts:read";
pub const CONTACTS_WRITE: &str = "contacts:write";

/// Every permission a key can hold.
pub const ALL: [&str; 4] = [DEALS_READ, DEALS_WRITE, CONTACTS_READ, CONTACTS_WRITE];
