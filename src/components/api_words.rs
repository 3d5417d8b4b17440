//! The API's messages on screen: in the widget's language when the contract
//! knows them, the API's own English words kept on a line of their own;
//! marked English when they are shown as the API wrote them.

use leptos::prelude::*;

use crate::words::Said;

/// `said` as every screen shows an error of the API.
pub fn said_view(said: Said) -> AnyView {
    match said {
        Said::Translated { text, english } => view! { {text} {api_words(english)} }.into_any(),
        Said::AsWritten(text) => view! { <span lang="en">{text}</span> }.into_any(),
    }
}

/// The API's own words under their translation.
pub(super) fn api_words(english: String) -> impl IntoView {
    view! { <br /> <span class="api-words" lang="en">{english}</span> }
}
