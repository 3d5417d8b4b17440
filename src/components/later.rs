//! The signals that a request's answer writes, typed so that the write is
//! always one that is safe after an `.await`.

use std::panic::Location;

use leptos::prelude::*;
use leptos::reactive::traits::{DefinedAt, ReadUntracked, Track};

/// A signal that code after an `.await` may write: the state every screen
/// shares, and a screen's own progress of a request.
///
/// By the time an answer arrives, the screen that asked, or the whole
/// workspace (a disconnect, the widget removed), may be gone, and with it
/// the signal. A `try_` write does nothing then; a plain `.set()` made
/// after an `.await` is the mistake this type rules out: it offers no
/// plain write at all, only [`Later::try_set`] and [`Later::try_update`].
/// A user's click writes it the same way, which costs nothing while the
/// signal lives. Reads are a signal's own (`get`, `with`, tracked or not).
pub(super) struct Later<T: 'static>(RwSignal<T>);

impl<T> Clone for Later<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Later<T> {}

impl<T: Send + Sync + 'static> Later<T> {
    pub fn new(value: T) -> Self {
        Self(RwSignal::new(value))
    }

    /// Replaces the value, unless the signal is gone.
    pub fn try_set(&self, value: T) {
        self.0.try_set(value);
    }

    /// Changes the value in place, unless the signal is gone.
    pub fn try_update<U>(&self, change: impl FnOnce(&mut T) -> U) -> Option<U> {
        self.0.try_update(change)
    }
}

impl<T> DefinedAt for Later<T> {
    fn defined_at(&self) -> Option<&'static Location<'static>> {
        self.0.defined_at()
    }
}

impl<T: Send + Sync + 'static> Track for Later<T> {
    fn track(&self) {
        self.0.track();
    }
}

impl<T: Send + Sync + 'static> ReadUntracked for Later<T> {
    type Value = <RwSignal<T> as ReadUntracked>::Value;

    fn try_read_untracked(&self) -> Option<Self::Value> {
        self.0.try_read_untracked()
    }
}
