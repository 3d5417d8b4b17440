//! A read the API refused for now (429): the countdown until it is asked
//! again.

use std::time::Duration;

use deals_i18n::Msg;
use leptos::leptos_dom::helpers::set_interval_with_handle;
use leptos::prelude::*;

use super::api_words::api_words;
use super::later::Later;
use crate::api::DEFAULT_RETRY_SECONDS;
use crate::session::Session;

/// A read the API refused for now (429): the wait counts down where the
/// user can see it, then `retry` asks again by itself. `error` is the API's.
#[component]
pub fn RateLimitWait(
    error: String,
    retry_after_seconds: Option<u64>,
    retry: impl Fn() + 'static,
) -> impl IntoView {
    let left = Later::new(retry_after_seconds.unwrap_or(DEFAULT_RETRY_SECONDS).max(1));
    // Counts down to 0, which means "asking again", once.
    let tick = move || match left.try_get_untracked() {
        Some(1) => {
            left.try_set(0);
            retry();
        }
        Some(seconds) if seconds > 1 => {
            left.try_set(seconds - 1);
        }
        _ => {}
    };
    // The interval ends with this view: the retry's answer replaces it.
    if let Ok(interval) = set_interval_with_handle(tick, Duration::from_secs(1)) {
        on_cleanup(move || interval.clear());
    }
    let words = expect_context::<Session>().words();
    view! {
        <div class="error rate-limited" part="status" role="status">
            <p>
                {move || {
                    let texts = words.now();
                    let said = texts.rate_limited(&error);
                    let wait = match left.get() {
                        0 => texts.get(Msg::TryingAgainNow).to_owned(),
                        seconds => texts.count(Msg::TryingAgainIn, seconds as f64, &[]),
                    };
                    let text = [said.text(), ". ", &wait].concat();
                    let english = said.english().map(|english| api_words(english.to_owned()));
                    view! { {text} {english} }
                }}
            </p>
        </div>
    }
}
