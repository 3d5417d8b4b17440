//! The CSV export screen, fetched the first time it opens (`on_demand`):
//! every deal the filters match, all pages of them, saved as a file with the
//! separator the user's spreadsheet program expects.

use futures::channel::oneshot;
use leptos::prelude::*;
use std::sync::Arc;

use super::later::Later;
use super::state::{Screen, WorkspaceState};
use super::waiting::waiting;
use crate::csv_export::{deals_csv, file_name, Delimiter, MIME_TYPE};
use crate::download::save_text_file;
use crate::format;
use crate::session::Session;

/// How an export ended.
#[derive(Debug, Clone, PartialEq)]
enum ExportOutcome {
    Saved { rows: usize },
    Cancelled,
    Failed(String),
}

/// Deals read so far, and how many the API counts.
type Progress = (usize, u64);

/// The separator (the locale's unless the user picks the other), "Save CSV",
/// the progress with a Cancel, and how the last export ended. Leaving the
/// screen cancels an export under way: nothing is saved after it.
#[component]
pub(super) fn ExportScreen(state: WorkspaceState) -> impl IntoView {
    let session = expect_context::<Session>();
    let delimiter = RwSignal::new(Delimiter::for_decimal_separator(format::decimal_separator()));
    let progress = Later::new(None::<Progress>);
    // Dropping the sender, as leaving the screen does, cancels too.
    let stop = StoredValue::new(None::<oneshot::Sender<()>>);
    let export = Action::new_local(move |delimiter: &Delimiter| {
        let (delimiter, session) = (*delimiter, session.clone());
        let client = state.client.get_value();
        let request = state.query.get_untracked();
        let (sender, stopped) = oneshot::channel();
        stop.set_value(Some(sender));
        progress.try_set(Some((0, 0)));
        async move {
            let report = |loaded: usize, total: u64| {
                progress.try_set(Some((loaded, total)));
            };
            let answer = client.list_all_deals(&request, report, stopped).await;
            progress.try_set(None);
            match answer {
                Ok(all) if !all.complete => ExportOutcome::Cancelled,
                Ok(all) => {
                    let text = deals_csv(&all.deals, delimiter);
                    let (year, month, day) = format::local_today();
                    match save_text_file(&file_name(year, month, day), &text, MIME_TYPE) {
                        Ok(()) => ExportOutcome::Saved {
                            rows: all.deals.len(),
                        },
                        Err(reason) => ExportOutcome::Failed(reason),
                    }
                }
                Err(error) => {
                    session.report(&error);
                    ExportOutcome::Failed(error.to_string())
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
            export.dispatch_local(delimiter.get_untracked());
        }),
        true,
    );
    let shown_progress = move || {
        progress.get().map(|(loaded, total)| {
            let text = if total == 0 {
                "Exporting…".to_owned()
            } else {
                format!(
                    "Exporting: {} of {} deals",
                    format::count(loaded as f64),
                    format::count(total as f64)
                )
            };
            view! {
                <span>{text}</span>
                <button part="button secondary-button" type="button" class="secondary" on:click=move |_| stop_export()>
                    "Cancel export"
                </button>
            }
        })
    };
    let outcome = move || {
        if busy.get() {
            return None;
        }
        export.value().with(|outcome| match outcome {
            Some(ExportOutcome::Saved { rows: 1 }) => {
                Some(("status", "Exported 1 deal.".to_owned()))
            }
            Some(ExportOutcome::Saved { rows }) => Some((
                "status",
                format!("Exported {} deals.", format::count(*rows as f64)),
            )),
            Some(ExportOutcome::Cancelled) => Some(("status", "Export cancelled.".to_owned())),
            Some(ExportOutcome::Failed(reason)) => {
                Some(("alert", format!("Export failed: {reason}")))
            }
            None => None,
        })
    };
    view! {
        <section class="export" aria-labelledby="isao-export-heading">
            <h3 id="isao-export-heading">"Export CSV"</h3>
            <p class="export-scope">"Every deal the filters match, all pages, in one file."</p>
            <label>
                <span>"CSV separator"</span>
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
                                    {each.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <button part="button" type="button" disabled=move || busy.get() on:click=move |_| {
                export.dispatch_local(delimiter.get_untracked());
            }>
                "Save CSV"
            </button>
            <button part="button secondary-button" type="button" class="secondary" on:click=move |_| state.screen.try_set(Screen::List)>
                "Back to list"
            </button>
            <p class="export-progress" part="status" role="status">{shown_progress}</p>
            {waiting}
            {move || outcome().map(|(role, text)| view! { <p class="export-outcome" role=role>{text}</p> })}
        </section>
    }
}
