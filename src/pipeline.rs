//! The board's logic: deals grouped into stage columns, what a move to a
//! column asks of the API, and which deals have gone idle. No DOM here.

use chrono::{DateTime, Utc};
use deals_contract::{Deal, DealStatus, StatusChange, PIPELINE_STAGES};

pub const WON_STAGE: &str = "closed-won";
pub const LOST_STAGE: &str = "closed-lost";

/// Where a dragged or moved card may land.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveTarget {
    Stage(String),
    Won,
    Lost,
}

impl MoveTarget {
    /// The stage the deal will be in once moved.
    pub fn stage(&self) -> &str {
        match self {
            MoveTarget::Stage(stage) => stage,
            MoveTarget::Won => WON_STAGE,
            MoveTarget::Lost => LOST_STAGE,
        }
    }

    fn status(&self) -> Option<DealStatus> {
        match self.stage() {
            WON_STAGE => Some(DealStatus::Won),
            LOST_STAGE => Some(DealStatus::Lost),
            _ => None,
        }
    }
}

/// One column of the board: a stage, or the deals that have none.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub stage: Option<String>,
    /// Where its deals are in the slice that was grouped, in that slice's order.
    pub deals: Vec<usize>,
}

/// The pipeline's stages in order, then every other stage seen in
/// alphabetical order, then "no stage" when some deal has none. Only the
/// deals at `positions` in `deals` that `shown` keeps are placed, in the
/// order of `positions` (a search's, a sort's), by their position: grouping
/// thousands of deals copies none of them.
pub fn columns(deals: &[Deal], positions: impl IntoIterator<Item = usize>) -> Vec<Column> {
    let mut columns: Vec<Column> = PIPELINE_STAGES
        .iter()
        .map(|stage| Column {
            stage: Some((*stage).to_owned()),
            deals: Vec::new(),
        })
        .collect();
    let mut no_stage = Vec::new();
    for position in positions {
        let Some(deal) = deals.get(position) else {
            continue;
        };
        let Some(stage) = deal.stage.as_deref() else {
            no_stage.push(position);
            continue;
        };
        let index = match columns
            .iter()
            .position(|column| column.stage.as_deref() == Some(stage))
        {
            Some(index) => index,
            None => {
                let others = &columns[PIPELINE_STAGES.len()..];
                let index = PIPELINE_STAGES.len()
                    + others.partition_point(|column| column.stage.as_deref() < Some(stage));
                columns.insert(
                    index,
                    Column {
                        stage: Some(stage.to_owned()),
                        deals: Vec::new(),
                    },
                );
                index
            }
        };
        columns[index].deals.push(position);
    }
    if !no_stage.is_empty() {
        columns.push(Column {
            stage: None,
            deals: no_stage,
        });
    }
    columns
}

/// Cards a column draws at once, and then in each animation frame until it
/// shows those asked for: drawing dozens of cards in every column in one go
/// holds the page in one long task.
pub const CARDS_PER_FRAME: usize = 5;

/// How many cards a column that has drawn `drawn` draws in its next frame:
/// a few more, up to the `wanted` ones.
pub fn cards_to_draw(drawn: usize, wanted: usize) -> usize {
    wanted.min(drawn + CARDS_PER_FRAME)
}

/// The cards a column shows, in column order: its first `drawn`, and those
/// `pinned` wherever they fall (the cards moved on this board). `positions`
/// are the column's places among `deals` ([`Column::deals`]).
pub fn shown_cards<'a>(
    deals: &'a [Deal],
    positions: &'a [usize],
    drawn: usize,
    pinned: &'a [String],
) -> impl Iterator<Item = &'a Deal> + 'a {
    positions
        .iter()
        .enumerate()
        .filter_map(move |(index, &position)| {
            let deal = deals.get(position)?;
            (index < drawn || pinned.contains(&deal.id)).then_some(deal)
        })
}

/// What moving `deal` to `target` asks of the API, or `None` when the deal
/// is already there. A move to closed-won or closed-lost closes the deal now;
/// any other stage keeps its status, except that a closed deal is reopened.
pub fn move_change(deal: &Deal, target: &MoveTarget, now: DateTime<Utc>) -> Option<StatusChange> {
    let stage = target.stage();
    let status = target.status();
    let same_stage = deal.stage.as_deref() == Some(stage);
    match status {
        Some(closing) if deal.status == closing && same_stage => None,
        Some(closing) => Some(StatusChange {
            status: Some(closing),
            stage: Some(stage.to_owned()),
            actual_close_date: Some(now),
            ..StatusChange::default()
        }),
        None if same_stage && deal.status == DealStatus::Open => None,
        None => Some(StatusChange {
            status: deal.status.is_closed().then_some(DealStatus::Open),
            stage: Some(stage.to_owned()),
            ..StatusChange::default()
        }),
    }
}

/// Whether the move reopens a won or lost deal, which the user confirms first.
pub fn reopens(deal: &Deal, change: &StatusChange) -> bool {
    deal.status.is_closed() && change.status == Some(DealStatus::Open)
}

/// The deal as it will be once the API has taken `change`: shown at once,
/// and put back if the API refuses.
pub fn expected_after(deal: &Deal, change: &StatusChange) -> Deal {
    let mut moved = deal.clone();
    if let Some(stage) = &change.stage {
        moved.stage = Some(stage.clone());
    }
    if let Some(status) = change.status {
        moved.status = status;
        moved.actual_close_date = if status.is_closed() {
            change.actual_close_date
        } else {
            None
        };
    }
    moved
}

/// Whole days since an open deal last changed, when that is at least
/// `threshold_days`; a threshold of 0 marks nothing.
pub fn idle_days(deal: &Deal, now: DateTime<Utc>, threshold_days: u32) -> Option<i64> {
    if threshold_days == 0 || deal.status != DealStatus::Open {
        return None;
    }
    let days = (now - deal.updated_at).num_days();
    (days >= i64::from(threshold_days)).then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use serde_json::json;

    fn deal(id: &str, stage: Option<&str>, status: &str) -> Deal {
        serde_json::from_value(json!({
            "id": id, "title": id, "value": 100, "currency": "EUR", "stage": stage,
            "status": status, "priority": "medium",
            "createdAt": "2024-11-01T10:30:00.000Z", "updatedAt": "2024-11-01T10:30:00.000Z"
        }))
        .unwrap()
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2024, 11, 22, 12, 0, 0).unwrap()
    }

    fn stages(columns: &[Column]) -> Vec<Option<&str>> {
        columns
            .iter()
            .map(|column| column.stage.as_deref())
            .collect()
    }

    #[test]
    fn columns_follow_the_pipeline_then_other_stages_then_no_stage() {
        let deals = [
            deal("a", Some("zeta"), "open"),
            deal("b", None, "open"),
            deal("c", Some("proposal"), "open"),
            deal("d", Some("alpha"), "open"),
            deal("e", Some("proposal"), "won"),
        ];
        let columns = columns(&deals, 0..deals.len());
        let mut expected: Vec<Option<&str>> = PIPELINE_STAGES.iter().map(|s| Some(*s)).collect();
        expected.extend([Some("alpha"), Some("zeta"), None]);
        assert_eq!(stages(&columns), expected);
        let proposal = &columns[2];
        let ids: Vec<&str> = proposal
            .deals
            .iter()
            .map(|&position| deals[position].id.as_str())
            .collect();
        assert_eq!(ids, ["c", "e"], "order within a column is kept");
        assert_eq!(columns.last().unwrap().deals, [1], "b, at position 1");
    }

    #[test]
    fn empty_pipeline_still_shows_its_stages_and_no_no_stage_column() {
        assert_eq!(columns(&[], []).len(), PIPELINE_STAGES.len());
    }

    #[test]
    fn only_the_deals_kept_are_placed_and_their_stages_alone_add_columns() {
        let deals = [
            deal("a", Some("zeta"), "open"),
            deal("b", Some("proposal"), "won"),
            deal("c", None, "won"),
            deal("d", Some("proposal"), "open"),
        ];
        let columns = columns(&deals, [0, 3]);
        let mut expected: Vec<Option<&str>> = PIPELINE_STAGES.iter().map(|s| Some(*s)).collect();
        expected.push(Some("zeta"));
        assert_eq!(
            stages(&columns),
            expected,
            "no column for c's missing stage"
        );
        assert_eq!(columns[2].deals, [3], "d, and not b, in proposal");
        assert_eq!(columns.last().unwrap().deals, [0]);

        let in_order = super::columns(&deals, [3, 9, 1, 0]);
        assert_eq!(in_order[2].deals, [3, 1], "proposal in the order given");
        assert_eq!(in_order.last().unwrap().deals, [0]);
        assert_eq!(
            in_order
                .iter()
                .map(|column| column.deals.len())
                .sum::<usize>(),
            3,
            "c left out, the position past the deals skipped"
        );
    }

    #[test]
    fn a_column_draws_a_few_more_cards_each_frame_up_to_those_asked_for() {
        let mut drawn = CARDS_PER_FRAME;
        let mut frames = 0;
        while drawn < 25 {
            drawn = cards_to_draw(drawn, 25);
            frames += 1;
        }
        assert_eq!((drawn, frames), (25, 4), "5 at once, then 5 a frame");
        assert_eq!(cards_to_draw(25, 27), 27, "never past those asked for");
        assert_eq!(cards_to_draw(25, 25), 25);
    }

    #[test]
    fn a_column_shows_its_first_drawn_cards_and_every_pinned_one() {
        let deals = [
            deal("a", Some("proposal"), "open"),
            deal("b", Some("discovery"), "open"),
            deal("c", Some("proposal"), "open"),
            deal("d", Some("proposal"), "open"),
            deal("e", Some("proposal"), "open"),
        ];
        let positions = [0, 2, 3, 4];
        let ids = |drawn, pinned: &[String]| -> Vec<String> {
            shown_cards(&deals, &positions, drawn, pinned)
                .map(|deal| deal.id.clone())
                .collect()
        };
        assert_eq!(ids(2, &[]), ["a", "c"]);
        assert_eq!(
            ids(2, &["e".to_owned(), "b".to_owned()]),
            ["a", "c", "e"],
            "a pinned card past the drawn ones, in column order; b is not in the column"
        );
        assert_eq!(ids(10, &[]), ["a", "c", "d", "e"]);
        assert!(
            shown_cards(&deals[..3], &positions, 10, &[]).count() == 2,
            "positions past the deals (a stale column) are skipped"
        );
    }

    #[test]
    fn moving_to_closed_won_marks_the_deal_won_now() {
        let change = move_change(
            &deal("a", Some("proposal"), "open"),
            &MoveTarget::Stage(WON_STAGE.into()),
            now(),
        )
        .unwrap();
        assert_eq!(change.status, Some(DealStatus::Won));
        assert_eq!(change.stage.as_deref(), Some(WON_STAGE));
        assert_eq!(change.actual_close_date, Some(now()));
        assert_eq!(
            move_change(
                &deal("a", Some("proposal"), "open"),
                &MoveTarget::Won,
                now()
            ),
            Some(change)
        );
    }

    #[test]
    fn moving_to_closed_lost_marks_the_deal_lost() {
        let change = move_change(&deal("a", None, "open"), &MoveTarget::Lost, now()).unwrap();
        assert_eq!(change.status, Some(DealStatus::Lost));
        assert_eq!(change.stage.as_deref(), Some(LOST_STAGE));
    }

    #[test]
    fn moving_an_open_deal_sets_only_its_stage() {
        let change = move_change(
            &deal("a", Some("proposal"), "open"),
            &MoveTarget::Stage("negotiation".into()),
            now(),
        )
        .unwrap();
        assert_eq!(
            change,
            StatusChange {
                stage: Some("negotiation".into()),
                ..StatusChange::default()
            }
        );
        assert!(!reopens(&deal("a", Some("proposal"), "open"), &change));
    }

    #[test]
    fn moving_a_closed_deal_to_an_open_stage_reopens_it_after_confirmation() {
        let won = deal("a", Some(WON_STAGE), "won");
        let change = move_change(&won, &MoveTarget::Stage("negotiation".into()), now()).unwrap();
        assert_eq!(change.status, Some(DealStatus::Open));
        assert!(reopens(&won, &change));
        let after = expected_after(&won, &change);
        assert_eq!(
            (
                after.status,
                after.stage.as_deref(),
                after.actual_close_date
            ),
            (DealStatus::Open, Some("negotiation"), None)
        );
    }

    #[test]
    fn a_move_to_where_the_deal_already_is_asks_nothing() {
        assert_eq!(
            move_change(
                &deal("a", Some("proposal"), "open"),
                &MoveTarget::Stage("proposal".into()),
                now()
            ),
            None
        );
        assert_eq!(
            move_change(&deal("a", Some(WON_STAGE), "won"), &MoveTarget::Won, now()),
            None
        );
        assert!(
            move_change(&deal("a", Some(WON_STAGE), "lost"), &MoveTarget::Won, now()).is_some()
        );
    }

    #[test]
    fn the_expected_deal_shows_the_close_date_of_a_closing_move() {
        let open = deal("a", Some("proposal"), "open");
        let change = move_change(&open, &MoveTarget::Won, now()).unwrap();
        let after = expected_after(&open, &change);
        assert_eq!(
            (after.status, after.actual_close_date),
            (DealStatus::Won, Some(now()))
        );
        assert_eq!(after.title, open.title);
    }

    #[test]
    fn idle_counts_whole_days_from_the_last_change_of_open_deals() {
        let open = deal("a", None, "open");
        assert_eq!(idle_days(&open, now(), 14), Some(21));
        assert_eq!(idle_days(&open, now(), 21), Some(21));
        assert_eq!(idle_days(&open, now(), 22), None);
        assert_eq!(idle_days(&open, now(), 0), None, "0 turns the marker off");
        assert_eq!(idle_days(&deal("b", None, "won"), now(), 14), None);
    }
}
