//! Who is using the widget, for "Mine": the host page says so
//! (`current-user`), or the user answers "Who are you?" once, among the
//! people the deals are assigned to. The answer is remembered per API base
//! in the browser's localStorage: a user id is no secret (the API key never
//! goes there), and the same person on the same intranet is asked once.

use deals_contract::{Deal, User};

use crate::deal_search::folded;

/// Whether `deal` is assigned to the user with id `user_id`.
pub fn is_assigned_to(deal: &Deal, user_id: &str) -> bool {
    deal.assigned_to
        .as_ref()
        .is_some_and(|user| user.id == user_id)
}

/// The users `deals` are assigned to, each once, by name as the search
/// compares names (case and accents aside), then by id.
pub fn assignees<'a>(deals: impl IntoIterator<Item = &'a Deal>) -> Vec<User> {
    // Kept in order as they come, by an insertion: a slice sort of its own
    // would cost the views chunk kilobytes for a list of a few dozen.
    let mut seen: Vec<(String, User)> = Vec::new();
    for user in deals
        .into_iter()
        .filter_map(|deal| deal.assigned_to.as_ref())
    {
        if seen.iter().any(|(_, known)| known.id == user.id) {
            continue;
        }
        let name = folded(&user.name);
        let at = seen.partition_point(|(seen_name, seen_user)| {
            (seen_name.as_str(), seen_user.id.as_str()) < (name.as_str(), user.id.as_str())
        });
        seen.insert(at, (name, user.clone()));
    }
    seen.into_iter().map(|(_, user)| user).collect()
}

/// The answer to "Who are you?" for one API base.
pub struct RememberedUser {
    entry: String,
}

impl RememberedUser {
    pub fn new(api_base: &str) -> Self {
        Self {
            entry: Self::entry_name(api_base),
        }
    }

    pub fn entry_name(api_base: &str) -> String {
        ["isao-deals:current-user:", api_base.trim_end_matches('/')].concat()
    }

    /// The user id remembered; `None` when there is none, or storage is
    /// forbidden to the page.
    pub fn load(&self) -> Option<String> {
        Self::local_storage()?
            .get_item(&self.entry)
            .ok()
            .flatten()
            .filter(|id| !id.trim().is_empty())
    }

    /// Remembers `user_id`; where storage is forbidden, the answer lasts as
    /// long as the widget.
    pub fn save(&self, user_id: &str) {
        if let Some(storage) = Self::local_storage() {
            let _ = storage.set_item(&self.entry, user_id);
        }
    }

    pub fn forget(&self) {
        if let Some(storage) = Self::local_storage() {
            let _ = storage.remove_item(&self.entry);
        }
    }

    fn local_storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key_store::KeyStore;
    use crate::test_deal::deal;

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

    // Guards: "Who are you?" offers each person once, in the order a reader
    // expects: "Émile" between "Dana" and "Fred", whatever the case.
    #[test]
    fn assignees_are_listed_once_each_by_folded_name() {
        let deals = [
            assigned("deal_1", Some(("user_3", "fred"))),
            assigned("deal_2", Some(("user_1", "Émile"))),
            assigned("deal_3", None),
            assigned("deal_4", Some(("user_3", "fred"))),
            assigned("deal_5", Some(("user_2", "Dana"))),
        ];
        let names: Vec<String> = assignees(&deals)
            .into_iter()
            .map(|user| user.name)
            .collect();
        assert_eq!(names, ["Dana", "Émile", "fred"]);
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
