//! Where the "New deal" form's draft waits between two visits of the form:
//! in the tab's sessionStorage, in an entry of its own per API base beside
//! the key's, so that leaving the form, a reload, a 401 and connecting again
//! lose nothing typed. With keys kept in memory (or storage forbidden) it
//! waits in memory, for as long as the page. The key is never in it.

use std::cell::RefCell;

use crate::draft::DealDraft;
use crate::key_store::KeyStorage;

thread_local! {
    /// The drafts that wait in memory, by entry name. A static rather than a
    /// field of the session: the user's Disconnect, on the first download,
    /// then costs it one line instead of a reactive value per widget.
    static IN_MEMORY: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

pub struct KeptDraft {
    entry: String,
    in_session_storage: bool,
}

impl KeptDraft {
    pub fn new(storage: KeyStorage, api_base: &str) -> Self {
        Self {
            entry: Self::entry_name(api_base),
            in_session_storage: storage == KeyStorage::Session,
        }
    }

    pub fn entry_name(api_base: &str) -> String {
        ["isao-deals:new-deal:", api_base.trim_end_matches('/')].concat()
    }

    /// The draft kept last; `None` when there is none or it no longer reads.
    pub fn load(&self) -> Option<DealDraft> {
        let kept = match self.session_storage() {
            Some(storage) => storage.get_item(&self.entry).ok().flatten(),
            None => IN_MEMORY.with_borrow(|drafts| {
                drafts
                    .iter()
                    .find(|(entry, _)| *entry == self.entry)
                    .map(|(_, kept)| kept.clone())
            }),
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
            None => IN_MEMORY.with_borrow_mut(|drafts| {
                drafts.retain(|(entry, _)| *entry != self.entry);
                drafts.push((self.entry.clone(), kept));
            }),
        }
    }

    pub fn forget(&self) {
        if let Some(storage) = self.session_storage() {
            let _ = storage.remove_item(&self.entry);
        }
        IN_MEMORY.with_borrow_mut(|drafts| drafts.retain(|(entry, _)| *entry != self.entry));
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
    // in memory, one per API base, and forgetting it leaves nothing.
    #[test]
    fn a_draft_waits_in_memory_and_is_forgotten() {
        let kept = KeptDraft::new(KeyStorage::Memory, "https://api.example/api/external");
        let other_api = KeptDraft::new(KeyStorage::Memory, "https://other.example/api");
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
        assert_eq!(other_api.load(), None, "another API's widget has no draft");
        kept.forget();
        assert_eq!(kept.load(), None);
        kept.save(&DealDraft::default());
        assert_eq!(kept.load(), None, "an untouched form is not kept");
    }
}
