//! Where the API key lives between page loads: the tab's sessionStorage, or
//! nowhere but memory when the embedding page asks for that.

use crate::storage_entry::{StorageEntry, WebStorage};

/// The key's entry, per API base.
const WHAT: &str = "api-key";

/// The embedder's choice of where the key is kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum KeyStorage {
    /// The tab's sessionStorage: a reload keeps the key, a new tab does not.
    #[default]
    Session,
    /// Memory only: a reload asks again.
    Memory,
}

impl KeyStorage {
    pub fn from_option(text: &str) -> Option<Self> {
        match text {
            "session" => Some(KeyStorage::Session),
            "memory" => Some(KeyStorage::Memory),
            _ => None,
        }
    }

    /// The sessionStorage entry that keeps `what` for `api_base` under this
    /// choice; none when it is kept in memory only.
    pub fn entry(self, what: &str, api_base: &str) -> Option<StorageEntry> {
        (self == KeyStorage::Session)
            .then(|| StorageEntry::new(WebStorage::Session, what, api_base))
    }
}

/// The key's entry: `None` when keys are kept in memory only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyStore(Option<StorageEntry>);

impl KeyStore {
    /// Keys are kept per API base, so widgets talking to different APIs on one
    /// page never hand one API's key to the other.
    pub fn new(storage: KeyStorage, api_base: &str) -> Self {
        Self(storage.entry(WHAT, api_base))
    }

    pub fn entry_name(api_base: &str) -> String {
        StorageEntry::name(WHAT, api_base)
    }

    pub fn load(&self) -> Option<String> {
        self.0.as_ref()?.read()
    }

    /// A page that forbids storage keeps the key in memory only: saving is
    /// then a no-op, and the widget still works until reload.
    pub fn save(&self, key: &str) {
        if let Some(entry) = &self.0 {
            entry.write(key);
        }
    }

    pub fn forget(&self) {
        if let Some(entry) = &self.0 {
            entry.remove();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_namespaced_by_api_base() {
        assert_eq!(
            KeyStore::entry_name("https://staging.isao.io/api/external/"),
            "isao-deals:api-key:https://staging.isao.io/api/external"
        );
        assert_ne!(
            KeyStore::entry_name("/api/external"),
            KeyStore::entry_name("/other/api")
        );
    }

    #[test]
    fn storage_options_are_the_documented_words() {
        assert_eq!(KeyStorage::from_option("memory"), Some(KeyStorage::Memory));
        assert_eq!(
            KeyStorage::from_option("session"),
            Some(KeyStorage::Session)
        );
        assert_eq!(KeyStorage::from_option("local"), None);
    }
}
