//! A call made once a burst of calls has settled; shows nothing itself.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::prelude::*;

/// Runs the last of a burst of calls once `delay` has passed without
/// another: the page URL once the view has settled, the list's loading mark
/// once an answer is slow to come. Dropped, it drops the call waiting.
#[derive(Clone)]
pub(super) struct Debounce(Rc<Waiting>);

struct Waiting {
    delay_ms: i32,
    timer: RefCell<Option<Timer>>,
}

/// A timer armed in the browser, and the closure it calls. Dropped, it is
/// cleared and its closure freed at once: Leptos's `set_timeout` leaves its
/// closure to the JavaScript garbage collector, which Firefox runs seldom
/// enough for a timer a change to look like a leak.
struct Timer {
    handle: i32,
    _call: Closure<dyn FnMut()>,
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.handle);
        }
    }
}

impl Debounce {
    pub fn new(delay: Duration) -> Self {
        Self(Rc::new(Waiting {
            delay_ms: i32::try_from(delay.as_millis()).unwrap_or(i32::MAX),
            timer: RefCell::new(None),
        }))
    }

    /// Runs `then` after the delay, unless `call` or `cancel` comes first.
    /// Whatever `then` touches may be gone by then: it writes with `try_`.
    pub fn call(&self, then: impl FnOnce() + 'static) {
        self.call_boxed(Box::new(then));
    }

    /// One copy of the timer's code for every kind of call: each closure
    /// given to `call` costs only its boxing.
    fn call_boxed(&self, then: Box<dyn FnOnce()>) {
        let call = Closure::once(then);
        let timer = web_sys::window()
            .and_then(|window| {
                window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(
                        call.as_ref().unchecked_ref(),
                        self.0.delay_ms,
                    )
                    .ok()
            })
            .map(|handle| Timer {
                handle,
                _call: call,
            });
        drop(self.0.timer.replace(timer));
    }

    pub fn cancel(&self) {
        drop(self.0.timer.take());
    }
}
