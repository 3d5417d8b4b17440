//! Live refresh's failure, once it keeps happening: the list and the board
//! show it alike.

use deals_i18n::Msg;
use leptos::prelude::*;

use super::api_words::api_words;
use super::rebuilt::rebuilt;
use super::state::LiveRefresh;
use crate::session::Session;

/// Refreshes that fail in a row before the failure is shown: one lost
/// request on a flaky network is not worth the user's attention.
const QUIET_REFRESH_FAILURES: u32 = 3;

/// The failure of `live`'s refreshes, once there are enough in a row.
pub(super) fn refresh_failure(live: LiveRefresh) -> AnyView {
    let words = expect_context::<Session>().words();
    rebuilt(move || {
        let texts = words.now();
        live.failing
            .0
            .with(|(count, error)| {
                let error = error
                    .as_ref()
                    .filter(|_| *count >= QUIET_REFRESH_FAILURES)?;
                let said = texts.api_error(error);
                let text = texts.count(
                    Msg::RefreshFailing,
                    f64::from(*count),
                    &[("error", said.text())],
                );
                let english = said.english().map(|english| api_words(english.to_owned()));
                Some(view! { <p class="refresh-failure">{text} {english}</p> })
            })
            .into_any()
    })
}
