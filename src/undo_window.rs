//! The time a change waits, undoable, before it is sent: it runs down while
//! the user is elsewhere, and stands still while the pointer is over the
//! undo toast or the keyboard's focus is in it, so that nobody loses the
//! chance to undo while reaching for the button (WCAG 2.2.1, Timing
//! Adjustable). Times are milliseconds on any clock that only goes forward.

/// What keeps the countdown standing still.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    Pointer,
    Focus,
}

/// The undo window of one change.
#[derive(Debug, Clone, PartialEq)]
pub struct Countdown {
    /// Left at `running_since`, or now while held.
    left_ms: f64,
    /// When it last started running; `None` while held.
    running_since: Option<f64>,
    pointer: bool,
    focus: bool,
}

impl Countdown {
    /// A window of `seconds`, running from `now`.
    pub fn start(seconds: u32, now: f64) -> Self {
        Self {
            left_ms: f64::from(seconds) * 1000.0,
            running_since: Some(now),
            pointer: false,
            focus: false,
        }
    }

    /// How long until the window ends, from `now`; `None` while it is held.
    pub fn left(&self, now: f64) -> Option<f64> {
        self.running_since
            .map(|since| (self.left_ms - (now - since)).max(0.0))
    }

    /// Whether the window is over at `now`.
    pub fn is_over(&self, now: f64) -> bool {
        self.left(now) == Some(0.0)
    }

    /// `why` holds the window from `now` on.
    pub fn hold(&mut self, why: Hold, now: f64) {
        if let Some(left) = self.left(now) {
            self.left_ms = left;
            self.running_since = None;
        }
        *self.flag(why) = true;
    }

    /// `why` no longer holds the window: it runs again from `now` once
    /// nothing else holds it.
    pub fn release(&mut self, why: Hold, now: f64) {
        *self.flag(why) = false;
        if !self.pointer && !self.focus && self.running_since.is_none() {
            self.running_since = Some(now);
        }
    }

    fn flag(&mut self, why: Hold) -> &mut bool {
        match why {
            Hold::Pointer => &mut self.pointer,
            Hold::Focus => &mut self.focus,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: the window runs down from its start and ends, never below 0.
    #[test]
    fn runs_down_and_ends() {
        let countdown = Countdown::start(6, 1_000.0);
        assert_eq!(countdown.left(1_000.0), Some(6_000.0));
        assert_eq!(countdown.left(4_000.0), Some(3_000.0));
        assert!(!countdown.is_over(6_999.0));
        assert!(countdown.is_over(7_000.0));
        assert_eq!(countdown.left(9_000.0), Some(0.0));
    }

    // Guards: a hover stops the clock where it was; leaving starts it again
    // with the time that was left, not a fresh window and not less.
    #[test]
    fn a_hold_stands_the_time_still() {
        let mut countdown = Countdown::start(6, 0.0);
        countdown.hold(Hold::Pointer, 2_000.0);
        assert_eq!(countdown.left(60_000.0), None);
        assert!(!countdown.is_over(60_000.0));
        countdown.release(Hold::Pointer, 60_000.0);
        assert_eq!(countdown.left(60_000.0), Some(4_000.0));
        assert!(countdown.is_over(64_000.0));
    }

    // Guards: pointer and focus hold it each on their own: the pointer
    // leaving while the focus stays keeps it held.
    #[test]
    fn both_holds_must_go() {
        let mut countdown = Countdown::start(6, 0.0);
        countdown.hold(Hold::Focus, 1_000.0);
        countdown.hold(Hold::Pointer, 2_000.0);
        countdown.release(Hold::Pointer, 3_000.0);
        assert_eq!(countdown.left(10_000.0), None);
        countdown.release(Hold::Focus, 10_000.0);
        assert_eq!(countdown.left(10_000.0), Some(5_000.0));
    }

    // Guards: a second hold of the same kind, or a release of nothing,
    // changes nothing.
    #[test]
    fn repeated_events_are_harmless() {
        let mut countdown = Countdown::start(6, 0.0);
        countdown.release(Hold::Focus, 1_000.0);
        assert_eq!(countdown.left(1_000.0), Some(5_000.0));
        countdown.hold(Hold::Pointer, 1_000.0);
        countdown.hold(Hold::Pointer, 3_000.0);
        countdown.release(Hold::Pointer, 3_000.0);
        assert_eq!(countdown.left(3_000.0), Some(5_000.0));
    }

    // Guards: a window of 0 seconds is over as it starts.
    #[test]
    fn zero_seconds_is_over_at_once() {
        assert!(Countdown::start(0, 5.0).is_over(5.0));
    }
}
