//! Live refresh: which deals changed since the page on screen (or every
//! matching deal, for the board and the forecast) was loaded, and what each
//! change means for what is shown. The screens ask and show; this knows
//! nothing of timers or of the DOM.

use chrono::{DateTime, Utc};
use deals_contract::{Deal, DealQuery, Page, MAX_LIMIT};

/// The request for every change after `seen`, the newest `updatedAt` already
/// shown (with nothing seen yet, every deal counts as changed). Status and
/// stage are not sent: a deal that a change takes out of them must come back
/// too, to be seen leaving, so `DealQuery::selects` sorts the answer instead.
/// The creation date is sent, as no change moves it.
pub fn changes_since(shown: &DealQuery, seen: Option<DateTime<Utc>>) -> DealQuery {
    DealQuery {
        page: 1,
        limit: MAX_LIMIT,
        status: None,
        stage: None,
        created_since: shown.created_since,
        updated_since: seen,
    }
}

/// The newest `updatedAt` among `deals` and `seen`.
pub fn newest_update<'a>(
    seen: Option<DateTime<Utc>>,
    deals: impl IntoIterator<Item = &'a Deal>,
) -> Option<DateTime<Utc>> {
    deals
        .into_iter()
        .map(|deal| deal.updated_at)
        .fold(seen, |newest, updated| {
            Some(newest.map_or(updated, |newest| newest.max(updated)))
        })
}

/// What a refresh found for the page on screen.
#[derive(Debug, Default, PartialEq)]
pub struct PageChanges {
    /// New versions of deals on the page that the filters still keep: they
    /// replace their rows where they stand.
    pub updated: Vec<Deal>,
    /// Deals that would enter the page, or leave it, or shift it: rows are
    /// not moved under the user's pointer, so these are offered, not applied.
    pub moving: Vec<String>,
    /// More deals changed than one request returns: only a reload tells
    /// what the page should hold now.
    pub too_many: bool,
}

/// Sorts a refresh's answer against `page`, the rows on screen for `query`.
/// The contract says "updated after" `seen`, the reference server answers "at
/// or after": deals updated at `seen` itself were seen already, and are left out
/// here rather than by asking a millisecond later, which cost chrono's date
/// arithmetic in the download.
pub fn sort_changes(
    page: &[Deal],
    query: &DealQuery,
    seen: Option<DateTime<Utc>>,
    changes: Page<Deal>,
) -> PageChanges {
    let mut sorted = PageChanges {
        too_many: changes.meta.total > changes.data.len() as u64,
        ..PageChanges::default()
    };
    let page_is_full = page.len() >= query.limit as usize;
    let news = changes
        .data
        .into_iter()
        .filter(|deal| seen.is_none_or(|seen| deal.updated_at > seen));
    for deal in news {
        match page.iter().find(|shown| shown.id == deal.id) {
            Some(shown) if shown.updated_at == deal.updated_at => {}
            Some(_) if query.selects(&deal) => sorted.updated.push(deal),
            Some(_) => sorted.moving.push(deal.id),
            None if query.selects(&deal) && (!page_is_full || sorts_before_last(page, &deal)) => {
                sorted.moving.push(deal.id)
            }
            None => {}
        }
    }
    sorted
}

/// The list is newest first, then by id descending (as the reference server
/// orders it): a deal that sorts before the last row of a full page either
/// belongs on it or pushes it along.
fn sorts_before_last(page: &[Deal], deal: &Deal) -> bool {
    page.last().is_none_or(|last| {
        (deal.created_at, deal.id.as_str()) > (last.created_at, last.id.as_str())
    })
}

/// What refreshes found that would move rows, gathered until the page on
/// screen is loaded again: the user chooses when to see it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Offered {
    moving: Vec<String>,
    too_many: bool,
}

impl Offered {
    /// Adds a refresh's finds; a deal that changed twice counts once.
    pub fn add(&mut self, changes: &mut PageChanges) {
        self.too_many |= changes.too_many;
        for id in changes.moving.drain(..) {
            if !self.moving.contains(&id) {
                self.moving.push(id);
            }
        }
    }

    /// What the offer says, `None` while there is nothing to offer.
    pub fn summary(&self) -> Option<Changed> {
        match (self.moving.len(), self.too_many) {
            (_, true) => Some(Changed::Many),
            (0, false) => None,
            (count, false) => Some(Changed::Deals(count)),
        }
    }
}

/// What a refresh found that would move rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// More changed deals than the refresh's answer held.
    Many,
    Deals(usize),
}

/// Puts each updated deal in its row, where it stands.
pub fn apply_updates(page: &mut [Deal], updated: Vec<Deal>) {
    for deal in updated {
        deal.replace_in(page);
    }
}

/// Merges a refresh's answer into every deal the filters match (what the
/// board and the forecast show): a changed deal the filters still select
/// replaces its old version, one they now take in joins where the API's order
/// (newest first) puts it, one they no longer select leaves. Deals in `held`,
/// being dragged or moved and not yet answered, stay as the user left them.
/// Returns whether `all` changed.
pub fn merge_changes(
    all: &mut Vec<Deal>,
    filters: &DealQuery,
    seen: Option<DateTime<Utc>>,
    changes: Vec<Deal>,
    held: &[String],
) -> bool {
    let mut changed = false;
    let news = changes
        .into_iter()
        .filter(|deal| seen.is_none_or(|seen| deal.updated_at > seen))
        .filter(|deal| !held.contains(&deal.id));
    for deal in news {
        let index = all.iter().position(|shown| shown.id == deal.id);
        match index {
            Some(index) if all[index].updated_at == deal.updated_at => continue,
            Some(index) if filters.selects(&deal) => all[index] = deal,
            Some(index) => {
                all.remove(index);
            }
            None if filters.selects(&deal) => {
                let place = all
                    .iter()
                    .position(|shown| {
                        (shown.created_at, shown.id.as_str()) < (deal.created_at, deal.id.as_str())
                    })
                    .unwrap_or(all.len());
                all.insert(place, deal);
            }
            None => continue,
        }
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use deals_contract::{timestamp, DealStatus, PageMeta};

    fn deal(id: &str, created: &str, updated: &str) -> Deal {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "title": format!("Deal {id}"),
            "value": 1000,
            "currency": "EUR",
            "stage": "proposal",
            "status": "open",
            "createdAt": created,
            "updatedAt": updated,
        }))
        .unwrap()
    }

    fn answer(data: Vec<Deal>) -> Page<Deal> {
        Page {
            success: true,
            meta: PageMeta::new(1, MAX_LIMIT, data.len() as u64),
            data,
        }
    }

    fn query(limit: u32) -> DealQuery {
        DealQuery {
            limit,
            status: Some(DealStatus::Open),
            ..DealQuery::default()
        }
    }

    /// Rows d3, d2 (newest first), on a page of two.
    fn full_page() -> Vec<Deal> {
        vec![
            deal("d3", "2024-03-01T00:00:00.000Z", "2024-03-01T00:00:00.000Z"),
            deal("d2", "2024-02-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z"),
        ]
    }

    #[test]
    fn changes_are_asked_for_after_the_newest_seen_within_the_creation_filter() {
        let shown = DealQuery {
            page: 3,
            limit: 10,
            status: Some(DealStatus::Won),
            stage: Some("proposal".into()),
            created_since: timestamp::parse("2024-01-01"),
            updated_since: timestamp::parse("2024-01-02"),
        };
        let asked = changes_since(&shown, timestamp::parse("2024-05-01T10:00:00.000Z"));
        assert_eq!(
            asked.to_pairs(),
            [
                ("page", "1".to_owned()),
                ("limit", "200".to_owned()),
                ("createdSince", "2024-01-01T00:00:00.000Z".to_owned()),
                ("updatedSince", "2024-05-01T10:00:00.000Z".to_owned()),
            ]
        );
        assert_eq!(changes_since(&shown, None).updated_since, None);
    }

    #[test]
    fn the_newest_update_counts_what_was_seen_before() {
        let page = full_page();
        assert_eq!(newest_update(None, &[]), None);
        assert_eq!(newest_update(None, &page), Some(page[0].updated_at));
        let later = timestamp::parse("2025-01-01").unwrap();
        assert_eq!(newest_update(Some(later), &page), Some(later));
    }

    #[test]
    fn a_shown_deal_still_in_the_filters_is_updated_in_place() {
        let page = full_page();
        let mut renamed = deal("d2", "2024-02-01T00:00:00.000Z", "2024-06-01T00:00:00.000Z");
        renamed.title = "Renamed".into();
        let changes = sort_changes(&page, &query(2), None, answer(vec![renamed.clone()]));
        assert_eq!(changes.updated, [renamed.clone()]);
        assert!(changes.moving.is_empty());
        let mut rows = page;
        apply_updates(&mut rows, changes.updated);
        assert_eq!(rows[1].title, "Renamed");
        assert_eq!(rows[0].id, "d3");
    }

    #[test]
    fn a_shown_deal_the_filters_no_longer_keep_is_offered_not_removed() {
        let mut won = deal("d3", "2024-03-01T00:00:00.000Z", "2024-06-01T00:00:00.000Z");
        won.status = DealStatus::Won;
        let changes = sort_changes(&full_page(), &query(2), None, answer(vec![won]));
        assert_eq!(changes.moving, ["d3"]);
        assert!(changes.updated.is_empty());
    }

    #[test]
    fn a_deal_not_shown_is_offered_when_it_sorts_into_or_before_the_page() {
        let page = full_page();
        let newer = deal("d9", "2024-06-01T00:00:00.000Z", "2024-06-01T00:00:00.000Z");
        let between = deal("d4", "2024-02-15T00:00:00.000Z", "2024-06-01T00:00:00.000Z");
        let older = deal("d1", "2024-01-01T00:00:00.000Z", "2024-06-01T00:00:00.000Z");
        let changes = sort_changes(
            &page,
            &query(2),
            None,
            answer(vec![newer, between, older.clone()]),
        );
        assert_eq!(changes.moving, ["d9", "d4"]);
        // A page with room left is the last one: any deal the filters keep lands on it.
        let changes = sort_changes(&page, &query(3), None, answer(vec![older]));
        assert_eq!(changes.moving, ["d1"]);
    }

    #[test]
    fn deals_outside_the_filters_or_unchanged_are_ignored() {
        let page = full_page();
        let mut lost = deal("d8", "2024-06-01T00:00:00.000Z", "2024-06-01T00:00:00.000Z");
        lost.status = DealStatus::Lost;
        let unchanged = page[0].clone();
        let changes = sort_changes(&page, &query(2), None, answer(vec![lost, unchanged]));
        assert_eq!(changes, PageChanges::default());
    }

    #[test]
    fn deals_updated_when_last_seen_are_not_news() {
        let page = full_page();
        let seen = timestamp::parse("2024-06-01T00:00:00.000Z");
        let at_seen = deal("d9", "2024-06-01T00:00:00.000Z", "2024-06-01T00:00:00.000Z");
        let after = deal("d8", "2024-06-01T00:00:00.000Z", "2024-06-01T00:00:00.001Z");
        let changes = sort_changes(&page, &query(2), seen, answer(vec![at_seen, after]));
        assert_eq!(changes.moving, ["d8"]);
    }

    #[test]
    fn offers_count_each_deal_once_over_refreshes() {
        let mut offered = Offered::default();
        assert_eq!(offered.summary(), None);
        let mut first = PageChanges {
            moving: vec!["d1".into()],
            ..PageChanges::default()
        };
        offered.add(&mut first);
        assert_eq!(offered.summary(), Some(Changed::Deals(1)));
        let mut second = PageChanges {
            moving: vec!["d2".into(), "d1".into()],
            ..PageChanges::default()
        };
        offered.add(&mut second);
        assert_eq!(offered.summary(), Some(Changed::Deals(2)));
        offered.add(&mut PageChanges {
            too_many: true,
            ..PageChanges::default()
        });
        assert_eq!(offered.summary(), Some(Changed::Many));
    }

    #[test]
    fn more_changes_than_one_answer_holds_ask_for_a_reload() {
        let mut changes = answer(vec![]);
        changes.meta.total = 201;
        assert!(sort_changes(&full_page(), &query(2), None, changes).too_many);
    }

    fn ids(deals: &[Deal]) -> Vec<&str> {
        deals.iter().map(|deal| deal.id.as_str()).collect()
    }

    #[test]
    fn a_merge_replaces_changed_deals_where_they_stand() {
        let mut all = full_page();
        let newer = deal("d2", "2024-02-01T00:00:00.000Z", "2024-06-01T00:00:00.000Z");
        let seen = timestamp::parse("2024-03-01T00:00:00.000Z");
        assert!(merge_changes(
            &mut all,
            &query(200),
            seen,
            vec![newer.clone()],
            &[]
        ));
        assert_eq!(ids(&all), ["d3", "d2"]);
        assert_eq!(all[1], newer);
    }

    #[test]
    fn a_merge_takes_in_new_matches_in_the_api_order_and_drops_leavers() {
        let mut all = full_page();
        let seen = timestamp::parse("2024-03-01T00:00:00.000Z");
        let mut won = deal("d3", "2024-03-01T00:00:00.000Z", "2024-06-01T00:00:00.000Z");
        won.status = DealStatus::Won;
        let between = deal(
            "d25",
            "2024-02-15T00:00:00.000Z",
            "2024-06-01T00:00:00.000Z",
        );
        let oldest = deal("d1", "2024-01-01T00:00:00.000Z", "2024-06-01T00:00:00.000Z");
        let changes = vec![won, between, oldest];
        assert!(merge_changes(&mut all, &query(200), seen, changes, &[]));
        assert_eq!(ids(&all), ["d25", "d2", "d1"]);
    }

    #[test]
    fn a_merge_leaves_held_and_already_seen_deals_alone() {
        let mut all = full_page();
        let seen = timestamp::parse("2024-03-01T00:00:00.000Z");
        let mut moved_elsewhere =
            deal("d2", "2024-02-01T00:00:00.000Z", "2024-06-01T00:00:00.000Z");
        moved_elsewhere.stage = Some("negotiation".into());
        let seen_already = deal("d3", "2024-03-01T00:00:00.000Z", "2024-03-01T00:00:00.000Z");
        let unchanged = deal("d3", "2024-03-01T00:00:00.000Z", "2024-03-01T00:00:00.000Z");
        assert!(!merge_changes(
            &mut all,
            &query(200),
            seen,
            vec![moved_elsewhere, seen_already],
            &["d2".to_owned()],
        ));
        assert_eq!(all, full_page());
        assert!(!merge_changes(
            &mut all,
            &query(200),
            None,
            vec![unchanged],
            &[]
        ));
    }
}
