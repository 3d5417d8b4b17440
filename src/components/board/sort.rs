//! The board's sort control: the cards of every column in the order of one
//! of the list's sortable columns, either way, or as the API lists them. It
//! is the list's sort, so the list and the page URL follow it.

use deals_i18n::Msg;
use leptos::prelude::*;

use crate::components::deal_table::sortable_columns;
use crate::components::later::Later;
use crate::deal_sort::{SortKey, SortOrder};
use crate::words::Words;

#[component]
pub(super) fn SortCards(sort: Later<Option<SortOrder>>, words: Words) -> impl IntoView {
    // A column is one stage: sorting its cards by stage would change nothing.
    let choices = sortable_columns()
        .filter(|(_, key)| *key != SortKey::Stage)
        .flat_map(|(header, key)| {
            [false, true].map(|descending| (header, SortOrder { key, descending }))
        })
        .map(|(header, order)| {
            let way = if order.descending {
                Msg::SortDescending
            } else {
                Msg::SortAscending
            };
            let label = move || {
                let texts = words.now();
                texts.fill(way, &[("column", texts.get(header))])
            };
            view! {
                <option value=order.to_string() prop:selected=move || sort.get() == Some(order)>{label}</option>
            }
        })
        .collect_view();
    view! {
        <label class="sort-cards">
            <span>{words.text(Msg::SortCardsBy)}</span>" "
            <select part="field" on:change:target=move |event| {
                sort.try_set(SortOrder::parse(&event.target().value()));
            }>
                <option value="" prop:selected=move || sort.with(Option::is_none)>{words.text(Msg::ApiOrder)}</option>
                {choices}
            </select>
        </label>
    }
}
