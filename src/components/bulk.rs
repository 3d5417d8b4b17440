//! Many deals changed at once, in the list and on the board alike: the bar
//! of the workspace's selection says how many are selected (and how many
//! left it, no longer matching the filters), moves them all to a stage, Won
//! or Lost (asking first when that reopens won or lost deals), saves them as
//! a CSV file, and clears the selection, as Escape does. The moves go at
//! most four at a time once their undo window is over
//! (`all_matching::move_shown`, `outbox.rs`), their progress shown past ten;
//! the deals the API refuses go back where they were, listed with its
//! reason, and "Retry these" selects them again.

use deals_contract::{Deal, DealStatus, StatusChange};
use deals_i18n::Msg;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::all_matching::move_shown;
use super::later::Later;
use super::state::WorkspaceState;
use crate::api::ApiError;
use crate::csv_export::{deals_csv, file_name, Delimiter, Naming, MIME_TYPE};
use crate::download::save_text_file;
use crate::format;
use crate::pipeline::{move_change, reopens, MoveTarget};
use crate::selection::Selection;
use crate::session::Session;
use crate::words::Texts;

/// The workspace's selection, shared by the list and the board, made the
/// first time one of them needs it.
pub(super) fn selection_of(state: WorkspaceState) -> Later<Selection> {
    state.made_once(|| Later::new(Selection::default()))
}

/// More moves than this show how far they have come.
const PROGRESS_PAST: usize = 10;

/// A deal of the selection that was not moved: the host page refused it
/// (no error), or the API did.
#[derive(Clone)]
struct NotMoved {
    deal: Deal,
    error: Option<ApiError>,
}

impl NotMoved {
    fn in_words(&self, texts: Texts) -> String {
        let title = self.deal.title.as_str();
        match &self.error {
            Some(error) => texts.fill(
                Msg::NotMovedBecause,
                &[("title", title), ("reason", texts.refusal(error).text())],
            ),
            None => texts.fill(Msg::NotMoved, &[("title", title)]),
        }
    }
}

/// Where the last moves, or the last export, of the selection stand.
#[derive(Clone)]
enum Outcome {
    Moving {
        answered: usize,
        total: usize,
    },
    Done {
        total: usize,
        refused: Vec<NotMoved>,
    },
    Exported(usize),
    SaveRefused,
}

/// The select's value of a place to move to: stages are prefixed, so that
/// no stage's name reads as Won or Lost.
fn target_value(target: &MoveTarget) -> String {
    match target {
        MoveTarget::Stage(stage) => format!("stage:{stage}"),
        MoveTarget::Won => "won".to_owned(),
        MoveTarget::Lost => "lost".to_owned(),
    }
}

fn target_of(value: &str) -> Option<MoveTarget> {
    match value {
        "won" => Some(MoveTarget::Won),
        "lost" => Some(MoveTarget::Lost),
        _ => value
            .strip_prefix("stage:")
            .map(|stage| MoveTarget::Stage(stage.to_owned())),
    }
}

/// The selection's bar, shown while a deal is selected or the last moves
/// have something to say.
#[component]
pub(super) fn BulkBar(
    state: WorkspaceState,
    /// The places to move to, in the order shown.
    stages: impl Fn() -> Vec<String> + Copy + Send + Sync + 'static,
    /// A selected deal as the view shows it now, if it does.
    shown: impl Fn(&str) -> Option<Deal> + Copy + Send + Sync + 'static,
    /// Puts the focus on the first deal moved, as the moves start (`false`)
    /// and, if it was lost meanwhile, once they are answered (`true`): the
    /// bar goes with the selection, and the keyboard user's work is there.
    focus_moved: impl Fn(String, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let session = expect_context::<Session>();
    let (words, events) = (session.words(), session.events());
    let selection = selection_of(state);
    // Deals selected on the board are the list's too: its bar, and the code
    // that ticks its rows, come with them.
    Effect::new(move || {
        if !selection.with(Selection::is_empty) {
            state.ticked.try_set(true);
        }
    });
    let target = RwSignal::new(None::<MoveTarget>);
    let outcome = RwSignal::new(None::<Outcome>);
    // The moves of a selection that reopens won or lost deals, waiting for
    // a yes, with the deals the host page refused to move.
    type Asked = (Vec<(Deal, StatusChange)>, Vec<NotMoved>);
    let reopening = RwSignal::new(None::<Asked>);

    let send = move |moves: Vec<(Deal, StatusChange)>, vetoed: Vec<NotMoved>| {
        let total = moves.len() + vetoed.len();
        selection.try_update(Selection::clear);
        if total == 0 {
            // Every selected deal was there already.
            outcome.set(None);
            return;
        }
        if moves.is_empty() {
            outcome.set(Some(Outcome::Done {
                total,
                refused: vetoed,
            }));
            return;
        }
        // The toast says what waits; the bar says how far the sending has
        // come once it starts.
        outcome.set(None);
        let first = moves.first().map(|(deal, _)| deal.id.clone());
        let answered = move |answered| {
            outcome.try_set(Some(Outcome::Moving { answered, total }));
        };
        // The deals show moved from here on.
        let sending = move_shown(state, moves, answered);
        if let Some(first) = first.clone() {
            focus_moved(first, false);
        }
        spawn_local(async move {
            let Some(refused) = sending.await else {
                // Undone: nothing was sent, and the toast says so.
                outcome.try_set(None);
                return;
            };
            if let Some(first) = first {
                focus_moved(first, true);
            }
            let mut not_moved = vetoed;
            not_moved.extend(refused.into_iter().map(|(deal, error)| NotMoved {
                deal,
                error: Some(error),
            }));
            outcome.try_set(Some(Outcome::Done {
                total,
                refused: not_moved,
            }));
        });
    };
    let move_selected = move || {
        let Some(target) = target.get_untracked() else {
            return;
        };
        let now = format::now();
        let mut moves = Vec::new();
        let mut vetoed = Vec::new();
        for deal in selected_now(selection, shown) {
            // A deal already there has nothing to send.
            let Some(change) = move_change(&deal, &target, now) else {
                continue;
            };
            if events.may_change(&deal, &change) {
                moves.push((deal, change));
            } else {
                vetoed.push(NotMoved { deal, error: None });
            }
        }
        if moves.iter().any(|(deal, change)| reopens(deal, change)) {
            reopening.set(Some((moves, vetoed)));
        } else {
            send(moves, vetoed);
        }
    };
    let retry = move || {
        if let Some(Outcome::Done { refused, .. }) = outcome.get_untracked() {
            let refused: Vec<Deal> = refused.into_iter().map(|not| not.deal).collect();
            selection.try_update(|selection| {
                selection.clear();
                selection.set(&refused, true);
            });
            move_selected();
        }
    };
    // The selected deals in the order selected, in the file the export
    // screen would write: columns named in the user's language, the
    // separator their spreadsheet program expects.
    let export_selected = move || {
        let deals = selected_now(selection, shown);
        let delimiter =
            Delimiter::for_decimal_separator(format::decimal_separator(words.locale_untracked()));
        let naming = Naming::Words(words.now_untracked().unwrap_or_else(Texts::english));
        let text = deals_csv(&deals, delimiter, naming);
        let (year, month, day) = format::local_today();
        outcome.set(Some(
            match save_text_file(&file_name(year, month, day), &text, MIME_TYPE) {
                Ok(()) => Outcome::Exported(deals.len()),
                Err(_) => Outcome::SaveRefused,
            },
        ));
    };
    let on_keydown = move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            selection.try_update(Selection::clear);
            reopening.set(None);
        }
    };

    let choices = move || {
        let texts = words.now();
        let mut choices: Vec<(String, String)> = stages()
            .into_iter()
            .map(|stage| {
                let label = texts.stage(Some(&stage)).into_owned();
                (target_value(&MoveTarget::Stage(stage)), label)
            })
            .collect();
        choices.push((
            target_value(&MoveTarget::Won),
            texts.status(DealStatus::Won).to_owned(),
        ));
        choices.push((
            target_value(&MoveTarget::Lost),
            texts.status(DealStatus::Lost).to_owned(),
        ));
        choices
            .into_iter()
            .map(|(value, label)| {
                let chosen = value.clone();
                let selected = move || {
                    target
                        .with(|target| target.as_ref().map(target_value).as_ref() == Some(&chosen))
                };
                view! { <option value=value prop:selected=selected>{label}</option> }
            })
            .collect_view()
    };
    let count = move || {
        let count = selection.with(Selection::len);
        words.now().count(Msg::SelectedDeals, count as f64, &[])
    };
    let left = move || {
        let left = selection.with(Selection::left);
        (left > 0).then(|| words.now().count(Msg::LeftSelection, left as f64, &[]))
    };
    let said = move || {
        let texts = words.now();
        outcome.with(|outcome| match outcome {
            Some(Outcome::Moving { answered, total }) if *total > PROGRESS_PAST => texts.fill(
                Msg::MovingDeals,
                &[
                    ("done", &answered.to_string()),
                    ("total", &total.to_string()),
                ],
            ),
            Some(Outcome::Done { total, refused }) if refused.is_empty() => {
                texts.count(Msg::MovedDeals, *total as f64, &[])
            }
            Some(Outcome::Done { total, refused }) => {
                let (failed, total) = (refused.len().to_string(), total.to_string());
                let reasons: Vec<String> = refused
                    .iter()
                    .map(|not| match &not.error {
                        Some(error) => texts.refusal(error).text().to_owned(),
                        None => String::new(),
                    })
                    .collect();
                if reasons.iter().all(|reason| *reason == reasons[0]) && !reasons[0].is_empty() {
                    texts.fill(
                        Msg::SomeNotMovedBecause,
                        &[
                            ("failed", &failed),
                            ("total", &total),
                            ("reason", &reasons[0]),
                        ],
                    )
                } else {
                    texts.fill(Msg::SomeNotMoved, &[("failed", &failed), ("total", &total)])
                }
            }
            Some(Outcome::Exported(count)) => texts.count(Msg::Exported, *count as f64, &[]),
            Some(Outcome::SaveRefused) => texts.get(Msg::BrowserRefusedSave).to_owned(),
            _ => String::new(),
        })
    };
    let not_moved = move || {
        outcome.with(|outcome| match outcome {
            Some(Outcome::Done { refused, .. }) if !refused.is_empty() => {
                let texts = words.now();
                let items = refused
                    .iter()
                    .map(|not| view! { <li>{not.in_words(texts)}</li> })
                    .collect_view();
                Some(view! {
                    <ul class="not-moved">{items}</ul>
                    <button part="button secondary-button" type="button" class="secondary" on:click=move |_| retry()>
                        {words.text(Msg::RetryThese)}
                    </button>
                })
            }
            _ => None,
        })
    };
    let reopen_question = move || {
        reopening.with(|asked| {
            asked.as_ref().map(|(moves, _)| {
                let closed = moves
                    .iter()
                    .filter(|(deal, change)| reopens(deal, change))
                    .count();
                view! {
                    <div class="move-prompt" role="group" aria-label=words.text(Msg::ReopenDeal)>
                        <p>{move || words.now().count(Msg::ReopenSelected, closed as f64, &[])}</p>
                        <div class="form-actions">
                            <button part="button" type="button" on:click=move |_| {
                                if let Some((moves, vetoed)) = reopening.try_update(Option::take).flatten() {
                                    send(moves, vetoed);
                                }
                            }>
                                {words.text(Msg::ReopenAndMove)}
                            </button>
                            <button part="button secondary-button" type="button" class="secondary" on:click=move |_| reopening.set(None)>
                                {words.text(Msg::Cancel)}
                            </button>
                        </div>
                    </div>
                }
            })
        })
    };

    view! {
        <div class="bulk" on:keydown=on_keydown>
            {move || selection.with(|selection| !selection.is_empty()).then(|| view! {
                <div class="bulk-bar" role="group" aria-label=count>
                    <p class="bulk-count">{count}</p>
                    <label>
                        <span>{words.text(Msg::MoveSelectedTo)}</span>" "
                        <select part="field" on:change:target=move |event| target.set(target_of(&event.target().value()))>
                            <option value="" prop:selected=move || target.with(Option::is_none)>{words.text(Msg::ChooseTarget)}</option>
                            {choices}
                        </select>
                    </label>
                    <button part="button" type="button" disabled=move || target.with(Option::is_none) on:click=move |_| move_selected()>
                        {words.text(Msg::MoveCard)}
                    </button>
                    <button part="button secondary-button" type="button" class="secondary" on:click=move |_| export_selected()>
                        {words.text(Msg::ExportSelection)}
                    </button>
                    <button part="button secondary-button" type="button" class="secondary" on:click=move |_| { selection.try_update(Selection::clear); }>
                        {words.text(Msg::ClearSelection)}
                    </button>
                </div>
            })}
            {reopen_question}
            <p class="bulk-left" part="status" role="status">{left}</p>
            <p class="bulk-said" part="status" role="status">{said}</p>
            {not_moved}
        </div>
    }
}

/// The selected deals as the view shows them now (as last seen if it does
/// not), in the order selected.
fn selected_now(selection: Later<Selection>, shown: impl Fn(&str) -> Option<Deal>) -> Vec<Deal> {
    selection.with_untracked(|selection| {
        selection
            .deals()
            .iter()
            .map(|deal| shown(&deal.id).unwrap_or_else(|| deal.clone()))
            .collect()
    })
}
