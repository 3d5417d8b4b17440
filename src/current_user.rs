//! Who is using the widget, for "Mine": the host page says so
//! (`current-user`), or the user answers "Who are you?" once, among the
//! people the deals are assigned to. The answer is remembered per API base
//! in the browser's localStorage: a user id is no secret (the API key never
//! goes there), and the same person on the same intranet is asked once.

use deals_contract::Deal;

use crate::storage_entry::{StorageEntry, WebStorage};

/// The answer's entry, per API base.
const WHAT: &str = "current-user";

/// Whether `deal` is assigned to the user with id `user_id`.
pub fn is_assigned_to(deal: &Deal, user_id: &str) -> bool {
    deal.assigned_to
        .as_ref()
        .is_some_and(|user| user.id == user_id)
}

/// The answer to "Who are you?" for one API base.
pub struct RememberedUser(StorageEntry);

impl RememberedUser {
    pub fn new(api_base: &str) -> Self {
        Self(StorageEntry::new(WebStorage::Local, WHAT, api_base))
    }

    pub fn entry_name(api_base: &str) -> String {
        StorageEntry::name(WHAT, api_base)
    }

    /// The user id remembered; `None` when there is none, or storage is
    /// forbidden to the page.
    pub fn load(&self) -> Option<String> {
        self.0.read().filter(|id| !id.trim().is_empty())
    }

    /// Remembers `user_id`; where storage is forbidden, the answer lasts as
    /// long as the widget.
    pub fn save(&self, user_id: &str) {
        self.0.write(user_id);
    }

    pub fn forget(&self) {
        self.0.remove();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key_store::KeyStore;
    use crate::test_deal::deal;

    use deals_contract::User;

    fn assigned(id: &str, user: Option<(&str, &str)>) -> Deal {
        let mut deal = deal(id);
        deal.assigned_to = user.map(|(id, name)| User {
            id: id.to_owned(),
            name: name.to_owned(),
            email: None,
        });
        deal
    }

    // Guards: "Mine" keeps the deals assigned to that id, and no unassigned deal.
    #[test]
    fn a_deal_is_mine_when_assigned_to_my_id() {
        let deals = [
            assigned("deal_1", Some(("user_789", "Ann"))),
            assigned("deal_2", Some(("user_790", "Ben"))),
            assigned("deal_3", None),
        ];
        let mine: Vec<&str> = deals
            .iter()
            .filter(|deal| is_assigned_to(deal, "user_789"))
            .map(|deal| deal.id.as_str())
            .collect();
        assert_eq!(mine, ["deal_1"]);
    }

    // Guards: the answer is the API base's own, and never in the key's entry.
    #[test]
    fn the_answer_is_kept_per_api_base_away_from_the_key() {
        let base = "https://staging.isao.io/api/external";
        assert_eq!(
            RememberedUser::entry_name(&format!("{base}/")),
            RememberedUser::entry_name(base)
        );
        assert_ne!(
            RememberedUser::entry_name(base),
            RememberedUser::entry_name("/other/api")
        );
        assert_ne!(RememberedUser::entry_name(base), KeyStore::entry_name(base));
    }
}
