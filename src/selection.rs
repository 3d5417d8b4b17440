//! The deals a user selected to change at once: picked one by one, a page
//! at a time, by a range (Shift+click) or every deal that matches. Each is
//! kept as last seen, so that the selection survives paging (its deals need
//! not be on the page shown) and a bulk change knows what it changes from.
//! A deal that no longer matches the filters leaves it, and is counted, so
//! that the count can say so. No DOM: the list and the board give the deals
//! in the order they show them.

use deals_contract::{Deal, DealQuery};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// In the order they were selected.
    deals: Vec<Deal>,
    /// The deal a Shift+click extends from: the last one clicked.
    anchor: Option<String>,
    /// Deals that left since the user last changed the selection, because
    /// the filters no longer keep them.
    left: usize,
}

/// How much of a page is selected: what the page's checkbox shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageSelected {
    None,
    Some,
    All,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.deals.is_empty()
    }

    pub fn len(&self) -> usize {
        self.deals.len()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.deals.iter().any(|deal| deal.id == id)
    }

    /// The selected deals, as last seen, in the order they were selected.
    pub fn deals(&self) -> &[Deal] {
        &self.deals
    }

    /// How many deals left because the filters no longer keep them.
    pub fn left(&self) -> usize {
        self.left
    }

    /// The user checked (`on`) or unchecked `clicked` on `page` (the deals
    /// in the order shown). With `extend` (Shift), every deal between the
    /// last one clicked and this one follows it; without an earlier click on
    /// this page, only this one does.
    pub fn click(&mut self, page: &[Deal], clicked: &str, on: bool, extend: bool) {
        let Some(at) = page.iter().position(|deal| deal.id == clicked) else {
            return;
        };
        let from = self
            .anchor
            .as_deref()
            .filter(|_| extend)
            .and_then(|anchor| page.iter().position(|deal| deal.id == anchor))
            .unwrap_or(at);
        let range = from.min(at)..=from.max(at);
        self.set(&page[range], on);
        self.anchor = Some(clicked.to_owned());
    }

    /// Selects (`on`) or unselects every deal of `deals`.
    pub fn set(&mut self, deals: &[Deal], on: bool) {
        self.left = 0;
        if on {
            for deal in deals {
                if !self.contains(&deal.id) {
                    self.deals.push(deal.clone());
                }
            }
        } else {
            self.deals
                .retain(|selected| deals.iter().all(|deal| deal.id != selected.id));
        }
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }

    pub fn on_page(&self, page: &[Deal]) -> PageSelected {
        let count = page.iter().filter(|deal| self.contains(&deal.id)).count();
        match count {
            0 => PageSelected::None,
            _ if count == page.len() => PageSelected::All,
            _ => PageSelected::Some,
        }
    }

    /// Takes in the deals as the API now has them (a page, a refresh): a
    /// selected one is kept as it is now, or leaves if `filters` no longer
    /// keep it.
    pub fn update(&mut self, fresh: &[Deal], filters: &DealQuery) {
        for deal in fresh {
            if let Some(at) = self
                .deals
                .iter()
                .position(|selected| selected.id == deal.id)
            {
                if filters.selects(deal) {
                    self.deals[at] = deal.clone();
                } else {
                    self.deals.remove(at);
                    self.left += 1;
                }
            }
        }
    }

    /// The filters changed: the deals they no longer keep leave.
    pub fn keep_matching(&mut self, filters: &DealQuery) {
        let before = self.deals.len();
        self.deals.retain(|deal| filters.selects(deal));
        self.left += before - self.deals.len();
    }

    /// Keeps only the deals `shown` says are still shown (the board's
    /// search, "Mine"); those that go count as left.
    pub fn keep_shown(&mut self, shown: impl Fn(&str) -> bool) {
        let before = self.deals.len();
        self.deals.retain(|deal| shown(&deal.id));
        self.left += before - self.deals.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_deal::deal;
    use deals_contract::DealStatus;

    fn page(ids: &[&str]) -> Vec<Deal> {
        ids.iter().map(|id| deal(id)).collect()
    }

    fn ids(selection: &Selection) -> Vec<&str> {
        selection
            .deals()
            .iter()
            .map(|deal| deal.id.as_str())
            .collect()
    }

    #[test]
    fn a_click_selects_one_and_a_second_unselects_it() {
        let page = page(&["a", "b", "c"]);
        let mut selection = Selection::default();
        selection.click(&page, "b", true, false);
        assert_eq!(ids(&selection), ["b"]);
        selection.click(&page, "b", false, false);
        assert!(selection.is_empty());
    }

    #[test]
    fn shift_selects_the_range_from_the_last_click_either_way() {
        let page = page(&["a", "b", "c", "d", "e"]);
        let mut selection = Selection::default();
        selection.click(&page, "d", true, false);
        selection.click(&page, "b", true, true);
        assert_eq!(ids(&selection), ["d", "b", "c"]);
        // The range follows the box clicked: unchecking with Shift unselects it.
        selection.click(&page, "c", false, true);
        assert_eq!(ids(&selection), ["d"]);
    }

    #[test]
    fn shift_without_an_earlier_click_on_the_page_selects_one() {
        let mut selection = Selection::default();
        selection.click(&page(&["a", "b"]), "a", true, false);
        selection.click(&page(&["c", "d", "e"]), "e", true, true);
        assert_eq!(ids(&selection), ["a", "e"]);
    }

    #[test]
    fn the_selection_survives_paging_and_says_how_much_of_a_page_it_holds() {
        let first = page(&["a", "b"]);
        let second = page(&["c", "d"]);
        let mut selection = Selection::default();
        selection.set(&first, true);
        selection.click(&second, "c", true, false);
        assert_eq!(selection.on_page(&first), PageSelected::All);
        assert_eq!(selection.on_page(&second), PageSelected::Some);
        assert_eq!(selection.on_page(&page(&["e"])), PageSelected::None);
        selection.set(&first, false);
        assert_eq!(ids(&selection), ["c"]);
    }

    #[test]
    fn a_refresh_keeps_deals_as_they_are_now_and_drops_those_the_filters_lose() {
        let mut selection = Selection::default();
        selection.set(&page(&["a", "b", "c"]), true);
        let open = DealQuery {
            status: Some(DealStatus::Open),
            ..DealQuery::default()
        };
        let mut renamed = deal("a");
        renamed.title = "Renamed".to_owned();
        let mut won = deal("b");
        won.status = DealStatus::Won;
        // "z" was never selected: the refresh does not add it.
        selection.update(&[renamed, won, deal("z")], &open);
        assert_eq!(ids(&selection), ["a", "c"]);
        assert_eq!(selection.deals()[0].title, "Renamed");
        assert_eq!(selection.left(), 1);
        // The user's next change starts the count again.
        selection.click(&page(&["a"]), "a", false, false);
        assert_eq!(selection.left(), 0);
    }

    #[test]
    fn new_filters_drop_the_deals_they_do_not_keep() {
        let mut won = deal("b");
        won.status = DealStatus::Won;
        let mut selection = Selection::default();
        selection.set(&[deal("a"), won], true);
        selection.keep_matching(&DealQuery {
            status: Some(DealStatus::Won),
            ..DealQuery::default()
        });
        assert_eq!(ids(&selection), ["b"]);
        assert_eq!(selection.left(), 1);
        selection.keep_shown(|id| id != "b");
        assert!(selection.is_empty());
        assert_eq!(selection.left(), 2);
    }
}
