//! Opening the deal whose link was clicked, in the list's rows and the
//! board's cards alike.

use leptos::ev::MouseEvent;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::later::Later;
use super::state::Screen;

/// A click on the title of a row or card opens the deal in the widget; with
/// Ctrl, Cmd or Shift the browser follows the link (a new tab or window). One
/// listener for the whole table or board: a listener per row was kept alive
/// after its rows were replaced, so every page shown grew the wasm memory.
pub(super) fn open_clicked_deal(event: &MouseEvent, screen: Later<Screen>) {
    if event.ctrl_key() || event.meta_key() || event.shift_key() {
        return;
    }
    let row = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|clicked| clicked.closest("a").ok().flatten())
        .and_then(|link| link.closest("[data-deal-id]").ok().flatten());
    if let Some(id) = row.and_then(|row| row.get_attribute("data-deal-id")) {
        event.prevent_default();
        screen.try_set(Screen::Deal(id));
    }
}
