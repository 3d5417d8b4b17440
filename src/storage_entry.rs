//! One entry of the browser's web storage, per API base: what the widget
//! keeps between page loads (the key, the new deal's draft, the answer to
//! "Who are you?") is each one such entry, read, written and removed alike.
//! Storage the page may not use (a sandboxed frame, a browser's settings)
//! reads as empty and keeps nothing.

/// Which of the browser's web storages an entry lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebStorage {
    /// The tab's sessionStorage: a reload keeps it, a new tab does not.
    Session,
    /// The browser's localStorage, for this origin: every tab, every visit.
    Local,
}

/// The entry `what` keeps for one API base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageEntry {
    name: String,
    storage: WebStorage,
}

impl StorageEntry {
    pub fn new(storage: WebStorage, what: &str, api_base: &str) -> Self {
        Self {
            name: Self::name(what, api_base),
            storage,
        }
    }

    /// `isao-deals:<what>:<api base>`, the base without its trailing slash.
    pub fn name(what: &str, api_base: &str) -> String {
        ["isao-deals:", what, ":", api_base.trim_end_matches('/')].concat()
    }

    /// What the entry holds; `None` when it is missing or empty.
    pub fn read(&self) -> Option<String> {
        self.storage()?
            .get_item(&self.name)
            .ok()
            .flatten()
            .filter(|text| !text.is_empty())
    }

    pub fn write(&self, text: &str) {
        if let Some(storage) = self.storage() {
            let _ = storage.set_item(&self.name, text);
        }
    }

    pub fn remove(&self) {
        if let Some(storage) = self.storage() {
            let _ = storage.remove_item(&self.name);
        }
    }

    /// Whether the page may use the storage at all.
    pub fn is_usable(&self) -> bool {
        self.storage().is_some()
    }

    fn storage(&self) -> Option<web_sys::Storage> {
        let window = web_sys::window()?;
        match self.storage {
            WebStorage::Session => window.session_storage(),
            WebStorage::Local => window.local_storage(),
        }
        .ok()
        .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_named_by_what_they_keep_and_their_api_base() {
        assert_eq!(
            StorageEntry::name("api-key", "https://staging.isao.io/api/external/"),
            "isao-deals:api-key:https://staging.isao.io/api/external"
        );
        assert_ne!(
            StorageEntry::name("api-key", "/api/external"),
            StorageEntry::name("api-key", "/other/api")
        );
        assert_ne!(
            StorageEntry::name("api-key", "/api/external"),
            StorageEntry::name("new-deal", "/api/external")
        );
    }
}
