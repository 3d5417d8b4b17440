//! What narrows the deals the API's filters match, which the API cannot do
//! itself: "Mine", the idle deals, those closing this month. The views over
//! every matching deal and the CSV export keep the same deals with it. No
//! DOM here.

use chrono::{DateTime, Utc};
use deals_contract::Deal;

use crate::current_user::is_assigned_to;
use crate::forecast::MonthStarts;
use crate::pipeline::idle_days;

/// Each part that is on keeps only the deals it names.
pub struct Narrowing {
    /// "Mine": the deals assigned to this user; `Some(None)` for a user not
    /// known yet, whose deals are none.
    pub assigned_to: Option<Option<String>>,
    /// The open deals unchanged for this many days (0: none).
    pub idle_after_days: Option<u32>,
    /// The open deals expected to close in the month these start with.
    pub closing_in: Option<MonthStarts>,
    /// The instant idle days are counted to.
    pub now: DateTime<Utc>,
}

impl Narrowing {
    /// Whether no part is on, and every deal is kept.
    pub fn keeps_all(&self) -> bool {
        self.assigned_to.is_none() && self.idle_after_days.is_none() && self.closing_in.is_none()
    }

    pub fn keeps(&self, deal: &Deal) -> bool {
        self.assigned_to.as_ref().is_none_or(|user| {
            user.as_deref()
                .is_some_and(|user| is_assigned_to(deal, user))
        }) && self
            .idle_after_days
            .is_none_or(|days| idle_days(deal, self.now, days).is_some())
            && self
                .closing_in
                .as_ref()
                .is_none_or(|months| months.is_closing_this_month(deal))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use deals_contract::{DealStatus, User};

    use crate::test_deal::deal;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2024, 11, 22, 12, 0, 0).unwrap()
    }

    fn none() -> Narrowing {
        Narrowing {
            assigned_to: None,
            idle_after_days: None,
            closing_in: None,
            now: now(),
        }
    }

    /// An open deal assigned to `user`, last changed `days_ago`, expected to
    /// close on `close` (month, day) of 2024.
    fn open(user: Option<&str>, days_ago: i64, close: Option<(u32, u32)>) -> Deal {
        let mut deal = deal("deal_1");
        deal.status = DealStatus::Open;
        deal.assigned_to = user.map(|id| User {
            id: id.to_owned(),
            name: id.to_owned(),
            email: None,
        });
        deal.updated_at = now() - chrono::Duration::days(days_ago);
        deal.expected_close_date =
            close.map(|(month, day)| Utc.with_ymd_and_hms(2024, month, day, 12, 0, 0).unwrap());
        deal
    }

    // Guards: with nothing on, every deal is kept.
    #[test]
    fn nothing_on_keeps_every_deal() {
        assert!(none().keeps_all());
        assert!(none().keeps(&open(None, 0, None)));
    }

    // Guards: each part keeps only its deals, and parts on together keep
    // the deals that every one of them keeps.
    #[test]
    fn each_part_on_keeps_its_deals_and_together_all_must() {
        let november = MonthStarts::new((2024, 11), |year, month| {
            Utc.with_ymd_and_hms(year, month, 1, 0, 0, 0).unwrap()
        });
        let mine = Narrowing {
            assigned_to: Some(Some("user_7".to_owned())),
            ..none()
        };
        assert!(mine.keeps(&open(Some("user_7"), 0, None)));
        assert!(!mine.keeps(&open(Some("user_8"), 0, None)));
        assert!(!mine.keeps(&open(None, 0, None)));
        let unknown_user = Narrowing {
            assigned_to: Some(None),
            ..none()
        };
        assert!(!unknown_user.keeps(&open(Some("user_7"), 0, None)));

        let idle = Narrowing {
            idle_after_days: Some(14),
            ..none()
        };
        assert!(idle.keeps(&open(None, 14, None)));
        assert!(!idle.keeps(&open(None, 13, None)));

        let closing = Narrowing {
            closing_in: Some(november),
            ..none()
        };
        assert!(closing.keeps(&open(None, 0, Some((11, 30)))));
        assert!(!closing.keeps(&open(None, 0, Some((12, 1)))));

        let all = Narrowing {
            assigned_to: Some(Some("user_7".to_owned())),
            idle_after_days: Some(14),
            ..closing
        };
        assert!(!all.keeps_all());
        assert!(all.keeps(&open(Some("user_7"), 20, Some((11, 2)))));
        assert!(!all.keeps(&open(Some("user_7"), 2, Some((11, 2)))));
        assert!(!all.keeps(&open(Some("user_8"), 20, Some((11, 2)))));
        assert!(!all.keeps(&open(Some("user_7"), 20, Some((10, 2)))));
    }
}
