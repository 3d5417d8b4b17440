//! Live refresh's failure, once it keeps happening: the list and the board
//! show it alike.

use leptos::prelude::*;

use super::rebuilt::rebuilt;
use super::state::LiveRefresh;

/// Refreshes that fail in a row before the failure is shown: one lost
/// request on a flaky network is not worth the user's attention.
const QUIET_REFRESH_FAILURES: u32 = 3;

/// The failure of `live`'s refreshes, once there are enough in a row.
pub(super) fn refresh_failure(live: LiveRefresh) -> AnyView {
    rebuilt(move || {
        live.failing
            .0
            .with(|(count, error)| {
                (*count >= QUIET_REFRESH_FAILURES).then(|| {
                    let text = format!(
                        "Live refresh failed {count} times in a row: {error}. It keeps trying."
                    );
                    view! { <p class="refresh-failure">{text}</p> }
                })
            })
            .into_any()
    })
}
