//! The CSV export screen, fetched the first time it opens (`on_demand`):
//! every deal the filters match, the search finds and "Mine", "Idle" and
//! "Closing this month" keep, all pages of them, in the sort's order, saved
//! as a file with the separator the user's spreadsheet program expects, its columns named in the widget's language
//! or, for a file to import again, as the API names them.

use deals_contract::Deal;
use deals_i18n::Msg;
use futures::channel::oneshot;
use leptos::prelude::*;
use std::sync::Arc;

use super::all_matching::narrowing;
use super::current_user::CurrentUser;
use super::later::Later;
use super::state::{Screen, WorkspaceState};
use super::waiting::waiting;
use crate::api::ApiError;
use crate::csv_export::{deals_csv, file_name, Delimiter, Naming, MIME_TYPE};
use crate::deal_search::SearchWords;
use crate::deal_sort::SortOrder;
use crate::download::save_text_file;
use crate::format;
use crate::session::Session;
use crate::words::Texts;

/// How an export ended.
#[derive(Clone)]
enum ExportOutcome {
    Saved {
        rows: usize,
    },
    Cancelled,
    /// The browser would not save the file.
    SaveRefused,
    Failed(ApiError),
}

/// Deals read so far, and how many the API counts.
type Progress = (usize, u64);

/// The separator (the locale's unless the user picks the other), the
/// API's names for re-import or the language's words, "Save CSV",
/// the progress with a Cancel, and how the last export ended. Leaving the
/// screen cancels an export under way: nothing is saved after it.
#[component]
pub(super) fn ExportScreen(state: WorkspaceState) -> impl IntoView {
    let session = expect_context::<Session>();
    let words = session.words();
    let delimiter = RwSignal::new(Delimiter::for_decimal_separator(format::decimal_separator(
        words.locale_untracked(),
    )));
    let api_names = RwSignal::new(false);
    let progress = Later::new(None::<Progress>);
    // Dropping the sender, as leaving the screen does, cancels too.
    let stop = StoredValue::new(None::<oneshot::Sender<()>>);
    let export = Action::new_local(move |&(delimiter, api_names): &(Delimiter, bool)| {
        let session = session.clone();
        let client = state.client.get_value();
        let request = state.query.get_untracked();
        let searched = SearchWords::new(&state.search.get_untracked());
        let sort = state.sort.get_untracked();
        // `Some(None)`: "Mine" for a user not known yet, whose deals are none.
        let mine = state
            .mine
            .get_untracked()
            .then(|| CurrentUser::of(state).id.get_untracked());
        let narrowing = untrack(|| narrowing(state, mine));
        let (sender, stopped) = oneshot::channel();
        stop.set_value(Some(sender));
        progress.try_set(Some((0, 0)));
        async move {
            let report = |_: &[Deal], loaded: usize, total: u64| {
                progress.try_set(Some((loaded, total)));
            };
            let answer = client.list_all_deals(&request, report, stopped).await;
            progress.try_set(None);
            match answer {
                Ok(all) if !all.complete => ExportOutcome::Cancelled,
                Ok(mut all) => {
                    if !searched.is_empty() {
                        all.deals.retain(|deal| searched.matches(deal));
                    }
                    if !narrowing.keeps_all() {
                        all.deals.retain(|deal| narrowing.keeps(deal));
                    }
                    if let Some(sort) = sort {
                        all.deals = sorted(all.deals, sort);
                    }
                    // Named in the language spoken when the file is written.
                    let naming = if api_names {
                        Naming::Api
                    } else {
                        Naming::Words(words.now_untracked().unwrap_or_else(Texts::english))
                    };
                    let text = deals_csv(&all.deals, delimiter, naming);
                    let (year, month, day) = format::local_today();
                    match save_text_file(&file_name(year, month, day), &text, MIME_TYPE) {
                        Ok(()) => ExportOutcome::Saved {
                            rows: all.deals.len(),
                        },
                        Err(_) => ExportOutcome::SaveRefused,
                    }
                }
                Err(error) => {
                    session.report(&error);
                    ExportOutcome::Failed(error)
                }
            }
        }
    });
    let busy = export.pending();
    let stop_export = move || {
        if let Some(sender) = stop.try_update_value(Option::take).flatten() {
            let _ = sender.send(());
        }
    };
    let waiting = waiting(
        Arc::new(move || progress.get().is_some()),
        Arc::new(stop_export),
        Arc::new(move || {
            export.dispatch_local((delimiter.get_untracked(), api_names.get_untracked()));
        }),
        true,
    );
    let shown_progress = move || {
        progress.get().map(|(loaded, total)| {
            let texts = words.now();
            let text = if total == 0 {
                texts.get(Msg::ExportStarting).to_owned()
            } else {
                texts.count(
                    Msg::ExportProgress,
                    total as f64,
                    &[("loaded", &format::count(texts.lang().tag(), loaded as f64))],
                )
            };
            view! {
                <span>{text}</span>
                <button part="button secondary-button" type="button" class="secondary" on:click=move |_| stop_export()>
                    {words.text(Msg::CancelExport)}
                </button>
            }
        })
    };
    let outcome = move || {
        if busy.get() {
            return None;
        }
        let texts = words.now();
        export.value().with(|outcome| match outcome {
            Some(ExportOutcome::Saved { rows }) => {
                Some(("status", texts.count(Msg::Exported, *rows as f64, &[])))
            }
            Some(ExportOutcome::Cancelled) => {
                Some(("status", texts.get(Msg::ExportCancelled).to_owned()))
            }
            Some(ExportOutcome::SaveRefused) => {
                Some(("alert", texts.get(Msg::BrowserRefusedSave).to_owned()))
            }
            Some(ExportOutcome::Failed(error)) => Some((
                "alert",
                texts.fill(
                    Msg::ExportFailed,
                    &[("reason", texts.api_error(error).text())],
                ),
            )),
            None => None,
        })
    };
    view! {
        <section class="export" aria-labelledby="isao-export-heading">
            <h3 id="isao-export-heading">{words.text(Msg::ExportCsv)}</h3>
            <p class="export-scope">{words.text(Msg::ExportScope)}</p>
            <label>
                <span>{words.text(Msg::CsvSeparator)}</span>
                <select part="field" on:change:target=move |event| {
                    if let Ok(chosen) = event.target().value().parse() {
                        delimiter.set(chosen);
                    }
                }>
                    {Delimiter::ALL
                        .into_iter()
                        .map(|each| {
                            view! {
                                <option value=each.as_str() prop:selected=move || delimiter.get() == each>
                                    {words.text(each.label())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="export-api-names">
                <input type="checkbox" part="field" prop:checked=move || api_names.get() on:change:target=move |event| api_names.set(event.target().checked()) />
                <span>{words.text(Msg::CsvForReimport)}</span>
            </label>
            <button part="button" type="button" disabled=move || busy.get() on:click=move |_| {
                export.dispatch_local((delimiter.get_untracked(), api_names.get_untracked()));
            }>
                {words.text(Msg::SaveCsv)}
            </button>
            <button part="button secondary-button" type="button" class="secondary" on:click=move |_| state.screen.try_set(Screen::List)>
                {words.text(Msg::BackToList)}
            </button>
            <p class="export-progress" part="status" role="status">{shown_progress}</p>
            {waiting}
            {move || outcome().map(|(role, text)| view! { <p class="export-outcome" role=role>{text}</p> })}
        </section>
    }
}

/// `deals` in `sort`'s order.
fn sorted(deals: Vec<Deal>, sort: SortOrder) -> Vec<Deal> {
    let mut positions: Vec<usize> = (0..deals.len()).collect();
    sort.sort(&deals, &mut positions);
    let mut deals: Vec<Option<Deal>> = deals.into_iter().map(Some).collect();
    positions
        .into_iter()
        .filter_map(|position| deals.get_mut(position).and_then(Option::take))
        .collect()
}
