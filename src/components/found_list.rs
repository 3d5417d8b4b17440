//! The list while a search, a sort or "Mine" is on: the deals found among every deal
//! that matches the filters, in the sort's order, paged here rather than by
//! the API, which can neither search nor sort. "Page 1 of N", the totals and
//! the count follow what was found.

use deals_contract::{Deal, PageMeta};
use deals_i18n::Msg;
use leptos::prelude::*;

use super::all_matching::AllMatching;
use super::deal_list::{Pager, Totals};
use super::deal_table::DealTable;
use super::rebuilt::rebuilt;
use super::state::WorkspaceState;
use crate::deal_sort::SortKey;
use crate::format;
use crate::session::Session;

/// The page the list's page and page size ask for, of what the search found
/// in the sort's order.
#[component]
pub(super) fn FoundDeals(state: WorkspaceState, all: AllMatching) -> impl IntoView {
    let words = expect_context::<Session>().words();
    let page = Memo::new(move |_| {
        let (page, limit) = state.query.with(|query| (query.page, query.limit));
        all.found.with(|found| {
            all.with_deals(|deals| {
                let found = found.as_deref().unwrap_or_default();
                let total = found.len() as u64;
                let meta = PageMeta {
                    page,
                    limit,
                    total,
                    total_pages: total.div_ceil(u64::from(limit.max(1))),
                };
                let first = (page.max(1) as usize - 1).saturating_mul(limit as usize);
                let shown: Vec<Deal> = found
                    .iter()
                    .skip(first)
                    .take(limit as usize)
                    .filter_map(|position| deals.get(*position).cloned())
                    .collect();
                (meta, shown)
            })
        })
    });
    let announcement = move || {
        let texts = words.now();
        page.with(|(meta, shown)| {
            texts.count(
                Msg::ShowingDeals,
                meta.total as f64,
                &[(
                    "shown",
                    &format::count(texts.lang().tag(), shown.len() as f64),
                )],
            )
        })
    };
    let shown = rebuilt(move || {
        let texts = words.now();
        page.with(|(meta, shown)| {
            let meta = *meta;
            if shown.is_empty() && meta.total == 0 {
                let search = state.search.get_untracked();
                if search.trim().is_empty() && state.mine.get_untracked() {
                    return view! {
                        <div class="empty">
                            <p>{texts.get(Msg::NoDealsMine)}</p>
                            <button part="button secondary-button" type="button" class="secondary" on:click=move |_| state.mine.try_set(false)>
                                {texts.get(Msg::ShowEveryonesDeals)}
                            </button>
                        </div>
                    }
                    .into_any();
                }
                return view! {
                    <div class="empty">
                        <p>{texts.fill(Msg::NoDealsFound, &[("search", search.trim())])}</p>
                        <button part="button secondary-button" type="button" class="secondary" on:click=move |_| state.search.try_set(String::new())>
                            {texts.get(Msg::ClearSearch)}
                        </button>
                    </div>
                }
                .into_any();
            }
            view! {
                <Totals deals=shown.as_slice() texts />
                <DealTable deals=shown.as_slice() meta state texts />
                <Pager meta query=state.query texts />
            }
            .into_any()
        })
    });
    let by_value = move || {
        let by_value = state
            .sort
            .with(|sort| sort.is_some_and(|sort| sort.key == SortKey::Value));
        by_value.then(|| view! { <p class="sort-note">{words.text(Msg::SortedByCurrency)}</p> })
    };
    view! {
        <p class="status" part="status" role="status" aria-live="polite">{announcement}</p>
        {by_value}
        <div class="deal-page">{shown}</div>
    }
}
