//! Where the "New deal" form's draft waits between two visits of the form:
//! in the tab's sessionStorage, in an entry of its own per API base beside
//! the key's, so that leaving the form, a reload, a 401 and connecting again
//! lose nothing typed. With keys kept in memory (or storage forbidden) it
//! waits in memory, for as long as the widget. The key is never in it.

use leptos::prelude::*;

use crate::draft::DealDraft;
use crate::key_store::KeyStorage;
use crate::storage_entry::StorageEntry;

/// The draft's entry, per API base.
const WHAT: &str = "new-deal";

pub struct KeptDraft {
    /// `None` when keys are kept in memory only.
    entry: Option<StorageEntry>,
    /// Where the draft waits otherwise: the session's, so each widget has its own.
    memory: StoredValue<Option<String>>,
}

impl KeptDraft {
    pub fn new(storage: KeyStorage, api_base: &str, memory: StoredValue<Option<String>>) -> Self {
        Self {
            entry: storage.entry(WHAT, api_base),
            memory,
        }
    }

    pub fn entry_name(api_base: &str) -> String {
        StorageEntry::name(WHAT, api_base)
    }

    /// The draft kept last; `None` when there is none or it no longer reads.
    pub fn load(&self) -> Option<DealDraft> {
        let kept = match self.stored() {
            Some(entry) => entry.read(),
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
        match self.stored() {
            Some(entry) => entry.write(&kept),
            None => {
                self.memory.try_set_value(Some(kept));
            }
        }
    }

    pub fn forget(&self) {
        if let Some(entry) = &self.entry {
            entry.remove();
        }
        self.memory.try_set_value(None);
    }

    /// The entry, when the page may use sessionStorage.
    fn stored(&self) -> Option<&StorageEntry> {
        self.entry.as_ref().filter(|entry| entry.is_usable())
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
