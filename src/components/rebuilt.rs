//! A part of a view that is built anew whenever a signal it reads changes.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;

type Build = Arc<Mutex<dyn FnMut() -> AnyView + Send>>;

/// `view`, built anew whenever a signal it reads changes. Every such part
/// goes through this one type rather than a closure type of its own, so the
/// code that builds, rebuilds and mounts it is in the download once, not
/// once per closure.
pub(super) fn rebuilt(view: impl FnMut() -> AnyView + Send + 'static) -> AnyView {
    erased(Arc::new(Mutex::new(view)))
}

// Not inlined into each caller, which would make a copy of it per closure
// again.
#[inline(never)]
fn erased(view: Build) -> AnyView {
    view.into_any()
}
