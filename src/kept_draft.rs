//! Where the "New deal" form's draft waits between two visits of the form:
//! in the tab's sessionStorage, in an entry of its own per API base beside
//! the key's, so that leaving the form, a reload, a 401 and connecting again
//! lose nothing typed. With keys kept in memory (or storage forbidden) it
//! waits in memory, for as long as the widget. The key is never in it.

use leptos::prelude::*;

use crate::draft::DealDraft;
use crate::key_store::KeyStorage;

pub struct KeptDraft {
    /// The sessionStorage entry, when keys are kept there.
    entry: Option<String>,
    /// The same, for as long as the widget: the session owns it.
    memory: StoredValue<Option<String>>,
}

impl KeptDraft {
    pub fn new(storage: KeyStorage, api_base: &str, memory: StoredValue<Option<String>>) -> Self {
        Self {
            entry: (storage == KeyStorage::Session).then(|| Self::entry_name(api_base)),
            memory,
        }
    }

    pub fn entry_name(api_base: &str) -> String {
        ["isao-deals:new-deal:", api_base.trim_end_matches('/')].concat()
    }

    /// The draft kept last; `None` when there is none or it no longer reads.
    pub fn load(&self) -> Option<DealDraft> {
        let stored = self
            .session_storage()
            .and_then(|storage| storage.get_item(self.entry.as_deref()?).ok().flatten());
        let kept = stored.or_else(|| self.memory.try_get_value().flatten())?;
        DealDraft::from_kept(&kept)
    }

    /// Keeps `draft`; an untouched one is nothing to keep.
    pub fn save(&self, draft: &DealDraft) {
        if *draft == DealDraft::default() {
            self.forget();
            return;
        }
        let kept = draft.to_kept();
        if let (Some(storage), Some(entry)) = (self.session_storage(), &self.entry) {
            let _ = storage.set_item(entry, &kept);
        }
        self.memory.try_set_value(Some(kept));
    }

    pub fn forget(&self) {
        if let (Some(storage), Some(entry)) = (self.session_storage(), &self.entry) {
            let _ = storage.remove_item(entry);
        }
        self.memory.try_set_value(None);
    }

    fn session_storage(&self) -> Option<web_sys::Storage> {
        self.entry.as_ref()?;
        web_sys::window()?.session_storage().ok().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key_store::KeyStore;

    // Guards: a draft's entry is its API base's, and never the key's.
    #[test]
    fn entries_are_per_api_base_and_not_the_keys() {
        let entry = KeptDraft::entry_name("https://api.example/api/external/");
        assert_eq!(
            entry,
            "isao-deals:new-deal:https://api.example/api/external"
        );
        assert_ne!(
            entry,
            KeyStore::entry_name("https://api.example/api/external")
        );
    }

    // Guards: without a browser (or with keys in memory) a draft still waits
    // in memory, and forgetting it leaves nothing.
    #[test]
    fn a_draft_waits_in_memory_and_is_forgotten() {
        let owner = Owner::new();
        owner.with(|| {
            let kept = KeptDraft::new(
                KeyStorage::Memory,
                "https://api.example/api/external",
                StoredValue::new(None),
            );
            assert_eq!(kept.load(), None);
            let draft = DealDraft {
                title: "Half typed".into(),
                ..DealDraft::default()
            };
            kept.save(&draft);
            assert_eq!(kept.load(), Some(draft));
            kept.forget();
            assert_eq!(kept.load(), None);
            kept.save(&DealDraft::default());
            assert_eq!(kept.load(), None, "an untouched form is not kept");
        });
    }
}
