//! The board's pointer events fed to the drag machine ([`super::drag`]), and
//! what its answers do on the page: the card follows the pointer, the column
//! or zone under it is marked, and a drop asks for the move.

use leptos::ev::PointerEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::drag::{Drag, Point, Press};
use super::moves::Mover;
use crate::pipeline::MoveTarget;

/// The drag of a card on the board. The machine decides; the signals show
/// its state to the view.
#[derive(Clone, Copy)]
pub(super) struct CardDrag {
    machine: StoredValue<Drag<HtmlElement>, LocalStorage>,
    /// Whether a card follows the pointer: the Won and Lost zones show then.
    pub dragging: RwSignal<bool>,
    /// The column or zone under the dragged card.
    pub over: RwSignal<Option<MoveTarget>>,
}

impl CardDrag {
    pub fn new() -> Self {
        Self {
            machine: StoredValue::new_local(Drag::Idle),
            dragging: RwSignal::new(false),
            over: RwSignal::new(None),
        }
    }

    pub fn pointer_down(self, event: &PointerEvent) {
        let on_card = pressed_card(event).map(|(card, id)| Press {
            card,
            id,
            pointer_id: event.pointer_id(),
            start: point_of(event),
        });
        self.machine
            .update_value(|machine| machine.pointer_down(on_card));
    }

    pub fn pointer_move(self, event: &PointerEvent, mover: Mover) {
        let point = point_of(event);
        let started = self.machine.try_update_value(|machine| {
            let moved = machine.pointer_move(event.pointer_id(), point)?;
            if moved.started.is_some() {
                let _ = moved.card.set_pointer_capture(event.pointer_id());
                let _ = moved.card.class_list().add_1("dragging");
            }
            // Whole pixels, as the pointer reports them: written as integers,
            // they keep Rust's float formatting out of the download.
            let (dx, dy) = moved.offset;
            let _ = moved
                .card
                .style()
                .set_property("transform", &format!("translate({dx}px, {dy}px)"));
            Some(moved.started.map(str::to_owned))
        });
        let Some(Some(started)) = started else {
            return;
        };
        event.prevent_default();
        if let Some(id) = started {
            mover.all.hold(&id);
            self.dragging.set(true);
        }
        let over = mover
            .board
            .get_untracked()
            .and_then(|board| drop_target_at(&board, point));
        let changed = self
            .machine
            .try_update_value(|machine| machine.hover(over.clone()));
        if changed == Some(true) {
            self.over.set(over);
        }
    }

    /// The pointer released (`drop`) or cancelled by the browser.
    pub fn pointer_up(self, event: &PointerEvent, drop: bool, mover: Mover) {
        let Some(ended) = self
            .machine
            .try_update_value(|machine| machine.pointer_up(drop))
            .flatten()
        else {
            return;
        };
        mover.all.release(&ended.id);
        let _ = ended.card.style().remove_property("transform");
        let _ = ended.card.class_list().remove_1("dragging");
        let _ = ended.card.release_pointer_capture(event.pointer_id());
        self.dragging.set(false);
        self.over.set(None);
        match ended.target {
            Some(target) => mover.request(&ended.id, target),
            None => mover.focus_card(ended.id),
        }
    }

    /// Whether a click on the board is the release of a drag, to be ignored.
    pub fn click_ends_drag(self) -> bool {
        self.machine
            .try_update_value(Drag::click_ends_drag)
            .unwrap_or(false)
    }
}

fn point_of(event: &PointerEvent) -> Point {
    (f64::from(event.client_x()), f64::from(event.client_y()))
}

/// The card a press of the main button landed on, and its deal's id; none
/// for a press on a control inside it.
fn pressed_card(event: &PointerEvent) -> Option<(HtmlElement, String)> {
    if event.button() != 0 {
        return None;
    }
    let pressed = event.target()?.dyn_into::<Element>().ok()?;
    if matches!(pressed.closest("button, select, input"), Ok(Some(_))) {
        return None;
    }
    let card = pressed
        .closest(".card[data-deal-id]")
        .ok()??
        .dyn_into::<HtmlElement>()
        .ok()?;
    let id = card.get_attribute("data-deal-id")?;
    Some((card, id))
}

/// The column or Won/Lost zone under a point. Compared by rectangles: the
/// dragged card itself is under the pointer, and the board may sit in a
/// shadow root, which `elementFromPoint` of the document does not see into.
fn drop_target_at(board: &HtmlElement, (x, y): Point) -> Option<MoveTarget> {
    ["[data-drop-close]", "[data-drop-stage]"]
        .into_iter()
        .find_map(|selector| {
            let zones = board.query_selector_all(selector).ok()?;
            (0..zones.length())
                .filter_map(|index| zones.item(index)?.dyn_into::<Element>().ok())
                .find(|zone| {
                    let rect = zone.get_bounding_client_rect();
                    x >= rect.left() && x <= rect.right() && y >= rect.top() && y <= rect.bottom()
                })
        })
        .and_then(
            |zone| match zone.get_attribute("data-drop-close").as_deref() {
                Some("won") => Some(MoveTarget::Won),
                Some("lost") => Some(MoveTarget::Lost),
                _ => zone.get_attribute("data-drop-stage").map(MoveTarget::Stage),
            },
        )
}
