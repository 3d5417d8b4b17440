//! Why the list's page has no rows: past the last page, filters that match
//! nothing, or a company with no deals at all; each with its way out. Rarely
//! shown, so it comes in the chunk of the list's rare states (`waiting`).

use deals_contract::{DealQuery, PageMeta};
use deals_i18n::Msg;
use leptos::prelude::*;

use super::later::Later;
use crate::words::Texts;

/// A change of the query that leads to rows, given the last page.
type WayOut = fn(&mut DealQuery, u32);

pub(super) fn no_rows_view(meta: PageMeta, query: Later<DealQuery>, texts: Texts) -> AnyView {
    view! { <NoRows meta query texts /> }.into_any()
}

#[component]
fn NoRows(meta: PageMeta, query: Later<DealQuery>, texts: Texts) -> impl IntoView {
    let asked = query.with_untracked(|query| query.page);
    let last_page = u32::try_from(meta.total_pages).unwrap_or(u32::MAX).max(1);
    // What is said, and the way out offered: one view for the three cases.
    let (said, way_out): (String, Option<(String, WayOut)>) = if meta.total > 0 && asked > last_page
    {
        let missing = texts.count(
            Msg::PageMissing,
            f64::from(last_page),
            &[("page", &asked.to_string())],
        );
        let go = texts.fill(Msg::GoToPage, &[("page", &last_page.to_string())]);
        (
            missing,
            Some((go, |query, last_page| query.page = last_page)),
        )
    } else if query.with_untracked(DealQuery::is_filtered) {
        let reset = texts.get(Msg::ResetFilters).to_owned();
        (
            texts.get(Msg::NoDealsMatch).to_owned(),
            Some((reset, |query, _| query.reset_filters())),
        )
    } else {
        (texts.get(Msg::NoDealsYet).to_owned(), None)
    };
    view! {
        <div class="empty">
            <p>{said}</p>
            {way_out.map(|(label, change)| view! {
                <button part="button secondary-button" type="button" class="secondary" on:click=move |_| { query.try_update(|query| change(query, last_page)); }>
                    {label}
                </button>
            })}
        </div>
    }
}
