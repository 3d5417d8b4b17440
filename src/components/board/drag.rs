//! A card's drag on the board, as a state machine with no DOM in it: the
//! board feeds it the pointer's events and does what its answers say.

use crate::pipeline::MoveTarget;

/// How far the pointer travels before a press on a card becomes a drag, so
/// that a click on its title still opens the deal.
pub(super) const DRAG_THRESHOLD_PX: f64 = 6.0;

/// Where the pointer is, in the viewport's pixels.
pub(super) type Point = (f64, f64);

/// The press that may become a drag: which card, under which pointer, from where.
pub(super) struct Press<Card> {
    pub card: Card,
    pub id: String,
    pub pointer_id: i32,
    pub start: Point,
}

/// The drag of a card, from the press to the click that follows the release.
/// `Card` is the pressed card's element on the board.
pub(super) enum Drag<Card> {
    Idle,
    /// Pressed, not yet moved past [`DRAG_THRESHOLD_PX`]: still a click.
    Pressed(Press<Card>),
    /// Following the pointer, over a column or zone or none.
    Dragging {
        press: Press<Card>,
        over: Option<MoveTarget>,
    },
    /// Released after a drag: the click the browser sends for the release is
    /// not a click on the card.
    Dropped,
}

/// What a pointer move did to a drag.
pub(super) struct Moved<'a, Card> {
    pub card: &'a Card,
    /// The card's id when this move is the one that starts the drag.
    pub started: Option<&'a str>,
    /// How far the card has come from where it was pressed, in whole pixels.
    pub offset: (i32, i32),
}

/// A drag that ended: put its card back, then move the deal or not.
pub(super) struct Ended<Card> {
    pub card: Card,
    pub id: String,
    /// Where to move the deal: `None` when released over no column or zone,
    /// or when the drag was cancelled.
    pub target: Option<MoveTarget>,
}

/// How far `point` is from `start`, along each axis.
fn offset(start: Point, point: Point) -> (f64, f64) {
    (point.0 - start.0, point.1 - start.1)
}

impl<Card> Drag<Card> {
    /// A pointer pressed anywhere on the board, on a card or not: the click
    /// that follows is its own, whatever an earlier drag was.
    pub fn pointer_down(&mut self, on_card: Option<Press<Card>>) {
        if let Some(press) = on_card {
            *self = Self::Pressed(press);
        } else if matches!(self, Self::Dropped) {
            *self = Self::Idle;
        }
    }

    /// The pointer `pointer_id` moved to `point`. `None` when no drag
    /// follows that pointer (not pressed, another pointer, or still within
    /// the threshold of a click).
    pub fn pointer_move(&mut self, pointer_id: i32, point: Point) -> Option<Moved<'_, Card>> {
        let starting = match self {
            Self::Pressed(press) if press.pointer_id == pointer_id => {
                let (dx, dy) = offset(press.start, point);
                if dx.hypot(dy) < DRAG_THRESHOLD_PX {
                    return None;
                }
                true
            }
            Self::Dragging { press, .. } if press.pointer_id == pointer_id => false,
            _ => return None,
        };
        if starting {
            if let Self::Pressed(press) = std::mem::replace(self, Self::Idle) {
                *self = Self::Dragging { press, over: None };
            }
        }
        let Self::Dragging { press, .. } = self else {
            return None;
        };
        let (dx, dy) = offset(press.start, point);
        Some(Moved {
            card: &press.card,
            started: starting.then_some(press.id.as_str()),
            offset: (dx as i32, dy as i32),
        })
    }

    /// The column or zone now under the dragged card; true when that changed.
    pub fn hover(&mut self, target: Option<MoveTarget>) -> bool {
        match self {
            Self::Dragging { over, .. } if *over != target => {
                *over = target;
                true
            }
            _ => false,
        }
    }

    /// The pointer was released (`drop`) or the browser cancelled it. Ends a
    /// drag under way; a press that never became one is a click, and ends
    /// with nothing to do.
    pub fn pointer_up(&mut self, drop: bool) -> Option<Ended<Card>> {
        match std::mem::replace(self, Self::Idle) {
            Self::Dragging { press, over } => {
                *self = Self::Dropped;
                Some(Ended {
                    card: press.card,
                    id: press.id,
                    target: over.filter(|_| drop),
                })
            }
            Self::Pressed(_) => None,
            unchanged @ (Self::Idle | Self::Dropped) => {
                *self = unchanged;
                None
            }
        }
    }

    /// A click on the board: true when it is the release of a drag, to be
    /// ignored.
    pub fn click_ends_drag(&mut self) -> bool {
        let dropped = matches!(self, Self::Dropped);
        if dropped {
            *self = Self::Idle;
        }
        dropped
    }

    /// Whether a card is following the pointer.
    #[cfg(test)]
    fn is_dragging(&self) -> bool {
        matches!(self, Self::Dragging { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POINTER: i32 = 1;

    /// A drag of card "card-a" pressed at (100, 100) by [`POINTER`].
    fn pressed() -> Drag<&'static str> {
        let mut drag = Drag::Idle;
        drag.pointer_down(Some(Press {
            card: "card-a",
            id: "a".to_owned(),
            pointer_id: POINTER,
            start: (100.0, 100.0),
        }));
        drag
    }

    fn dragging() -> Drag<&'static str> {
        let mut drag = pressed();
        drag.pointer_move(POINTER, (120.0, 100.0));
        assert!(drag.is_dragging());
        drag
    }

    #[test]
    fn a_press_stays_a_click_within_the_threshold() {
        let mut drag = pressed();
        assert!(drag.pointer_move(POINTER, (103.0, 104.9)).is_none());
        assert!(!drag.is_dragging());
        assert!(drag.pointer_up(true).is_none());
        assert!(!drag.click_ends_drag(), "the click opens the deal");
    }

    #[test]
    fn the_move_past_the_threshold_starts_the_drag_once() {
        let mut drag = pressed();
        let moved = drag.pointer_move(POINTER, (103.9, 105.2)).expect("a drag");
        assert_eq!(moved.started, Some("a"));
        assert_eq!(moved.card, &"card-a");
        assert_eq!(moved.offset, (3, 5));
        let moved = drag
            .pointer_move(POINTER, (90.5, 80.0))
            .expect("still a drag");
        assert_eq!(moved.started, None);
        assert_eq!(moved.offset, (-9, -20), "whole pixels, towards zero");
    }

    #[test]
    fn another_pointer_does_not_move_the_card() {
        let mut drag = pressed();
        assert!(drag.pointer_move(POINTER + 1, (200.0, 200.0)).is_none());
        assert!(!drag.is_dragging());
        let mut drag = dragging();
        assert!(drag.pointer_move(POINTER + 1, (200.0, 200.0)).is_none());
    }

    #[test]
    fn no_press_no_drag() {
        let mut drag = Drag::<&str>::Idle;
        assert!(drag.pointer_move(POINTER, (500.0, 500.0)).is_none());
        assert!(!drag.hover(Some(MoveTarget::Won)));
        assert!(drag.pointer_up(true).is_none());
        assert!(!drag.click_ends_drag());
    }

    #[test]
    fn hover_reports_only_changes() {
        let mut drag = dragging();
        assert!(!drag.hover(None), "over nothing from the start");
        assert!(drag.hover(Some(MoveTarget::Stage("proposal".to_owned()))));
        assert!(!drag.hover(Some(MoveTarget::Stage("proposal".to_owned()))));
        assert!(drag.hover(Some(MoveTarget::Won)));
        assert!(drag.hover(None));
    }

    #[test]
    fn a_release_over_a_target_moves_the_deal_there() {
        let mut drag = dragging();
        drag.hover(Some(MoveTarget::Lost));
        let ended = drag.pointer_up(true).expect("the drag ends");
        assert_eq!((ended.card, ended.id.as_str()), ("card-a", "a"));
        assert_eq!(ended.target, Some(MoveTarget::Lost));
        assert!(!drag.is_dragging());
    }

    #[test]
    fn a_release_over_nothing_or_a_cancel_moves_nothing() {
        let mut drag = dragging();
        assert_eq!(drag.pointer_up(true).expect("ended").target, None);
        let mut drag = dragging();
        drag.hover(Some(MoveTarget::Won));
        assert_eq!(drag.pointer_up(false).expect("ended").target, None);
    }

    #[test]
    fn the_click_of_a_release_is_ignored_once() {
        let mut drag = dragging();
        drag.pointer_up(true);
        assert!(drag.pointer_up(true).is_none(), "a drag ends once");
        assert!(drag.click_ends_drag());
        assert!(!drag.click_ends_drag(), "the next click is a click");
    }

    #[test]
    fn a_new_press_forgets_the_drag_before() {
        let mut drag = dragging();
        drag.pointer_up(true);
        drag.pointer_down(None);
        assert!(!drag.click_ends_drag());

        let mut drag = dragging();
        drag.pointer_up(true);
        drag.pointer_down(Some(Press {
            card: "card-b",
            id: "b".to_owned(),
            pointer_id: POINTER,
            start: (0.0, 0.0),
        }));
        assert!(!drag.click_ends_drag());
        let moved = drag.pointer_move(POINTER, (0.0, 10.0)).expect("b drags");
        assert_eq!(moved.started, Some("b"));
    }

    #[test]
    fn a_press_elsewhere_leaves_a_drag_under_way() {
        let mut drag = dragging();
        drag.pointer_down(None);
        assert!(drag.is_dragging());
    }
}
