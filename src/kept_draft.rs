//! Where the "New deal" form's draft waits between two visits of the form:
//! in the tab's sessionStorage, in an entry of its own per API base beside
//! the key's, so that leaving the form, a reload, a 401 and connecting again
//! lose nothing typed. With keys kept in memory (or storage forbidden) it
//! waits in memory, for as long as the widget. The key is never in it.

use leptos::prelude::*;

use crate::draft::DealDraft;
use crate::key_store::KeyStorage;

pub struct KeptDraft {
    entry: String,
    in_session_storage: bool,
    /// Where the draft waits otherwise: the session's, so each widget has its own.
    memory: StoredValue<Option<String>>,
}

impl KeptDraft {
    pub fn new(storage: KeyStorage, api_base: &str, memory: StoredValue<Option<String>>) -> Self {
        Self {
            entry: Self::entry_name(api_base),
            in_session_storage: storage == KeyStorage::Session,
            memory,
        }
    }

    pub fn entry_name(api_base: &str) -> String {
        ["isao-deals:new-deal:", api_base.trim_end_matches('/')].concat()
    }

    /// The draft kept last; `None` when there is none or it no longer reads.
    pub fn load(&self) -> Option<DealDraft> {
        let kept = match self.session_storage() {
            Some(storage) => storage.get_item(&self.entry).ok().flatten(),
            None => self.memory.try_get_value().flatten(),
        }?;
        DealDraft::from_kept(&kept)
    }

    /// Keeps `draft`; an untouched one is nothing to keep.
    pub fn save(&self, draft: &DealDraft) {
        if *draft == DealDraft::default() {
            self.forget();
            return;
        }
        let kept = draft.to_kept();
        match self.session_storage() {
            Some(storage) => {
                let _ = storage.set_item(&self.entry, &kept);
            }
            None => {
                self.memory.try_set_value(Some(kept));
            }
        }
    }

    pub fn forget(&self) {
        if let Some(storage) = self.session_storage() {
            let _ = storage.remove_item(&self.entry);
        }
        self.memory.try_set_value(None);
    }

    fn session_storage(&self) -> Option<web_sys::Storage> {
        if !self.in_session_storage {
            return None;
        }
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
    // in memory, one per widget, and forgetting it leaves nothing.
    #[test]
    fn a_draft_waits_in_memory_and_is_forgotten() {
        let owner = Owner::new();
        owner.set();
        let base = "https://api.example/api/external";
        let kept = KeptDraft::new(KeyStorage::Memory, base, StoredValue::new(None));
        let other_widget = KeptDraft::new(KeyStorage::Memory, base, StoredValue::new(None));
        assert_eq!(kept.load(), None);
        let draft = DealDraft {
            title: "Half typed".into(),
            ..DealDraft::default()
        };
        kept.save(&draft);
        let newer = DealDraft {
            title: "Half typed, then more".into(),
            ..DealDraft::default()
        };
        kept.save(&newer);
        assert_eq!(kept.load(), Some(newer));
        assert_eq!(other_widget.load(), None, "another widget has no draft");
        kept.forget();
        assert_eq!(kept.load(), None);
        kept.save(&DealDraft::default());
        assert_eq!(kept.load(), None, "an untouched form is not kept");
    }
}
