//! Changes of deals waiting to be sent: each shows at once on the screen
//! that made it, and waits `undo-seconds` (6 by default) with a toast that
//! offers to undo it; only then do its requests go out, at most four at a
//! time, a 429 waited out (`sending::send_all`). Undo sends nothing, and
//! the screen puts everything back where it was. The toast's time stands
//! still while the pointer is over it or the focus is in it
//! (`undo_window.rs`). A page closed or reloaded meanwhile sends what waits
//! at once, with requests the browser finishes after the page has gone
//! (`keepalive`), and asks first before it goes. One per workspace: a change
//! made on the deal still waits, and can be undone, back on the list.

use std::future::Future;
use std::time::Duration;

use deals_contract::{Deal, DealStatus, StatusChange};
use deals_i18n::Msg;
use futures::channel::oneshot;
use futures::future::join_all;
use leptos::ev;
use leptos::html::Div;
use leptos::leptos_dom::helpers::{set_timeout, set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::later::Later;
use super::state::{learn_stage, WorkspaceState};
use crate::api::{ApiClient, ApiError};
use crate::pipeline::{expected_after, MoveTarget};
use crate::sending::send_all;
use crate::session::Session;
use crate::undo_window::{Countdown, Hold};
use crate::words::Texts;

/// What a change does, as the toast says it.
#[derive(Clone, PartialEq)]
struct Summary {
    count: usize,
    /// The first deal's title: the toast names a single deal.
    title: String,
    target: MoveTarget,
}

impl Summary {
    /// What `moves` do, read off the first.
    fn of(moves: &[(Deal, StatusChange)]) -> Self {
        let (title, target) = match moves.first() {
            Some((before, change)) => {
                let after = expected_after(before, change);
                let target = match after.status {
                    DealStatus::Won => MoveTarget::Won,
                    DealStatus::Lost => MoveTarget::Lost,
                    DealStatus::Open => MoveTarget::Stage(after.stage.unwrap_or_default()),
                };
                (before.title.clone(), target)
            }
            None => (String::new(), MoveTarget::Stage(String::new())),
        };
        Self {
            count: moves.len(),
            title,
            target,
        }
    }

    fn in_words(&self, texts: Texts) -> String {
        let (msg, stage) = match &self.target {
            MoveTarget::Stage(stage) => (Msg::MovedDealTo, texts.stage(Some(stage)).into_owned()),
            MoveTarget::Won => (Msg::MarkedWon, String::new()),
            MoveTarget::Lost => (Msg::MarkedLost, String::new()),
        };
        texts.count(
            msg,
            self.count as f64,
            &[("title", &self.title), ("stage", &stage)],
        )
    }
}

/// How a change ended.
pub(super) enum Settled {
    /// Undone: nothing was sent.
    Undone,
    /// Sent: each deal as it was, with the API's answer.
    Answered(Vec<(Deal, Result<Deal, ApiError>)>),
}

/// A change in its undo window.
struct Waiting {
    moves: Vec<(Deal, StatusChange)>,
    settled: oneshot::Sender<Settled>,
    /// Hears how many moves have their answer, from 0 when sending starts.
    answered: Box<dyn Fn(usize)>,
}

/// What the toast says.
#[derive(Clone, PartialEq)]
enum Notice {
    Waiting(Summary),
    Undone(Summary),
}

#[derive(Clone, Copy)]
pub(super) struct Outbox {
    state: WorkspaceState,
    session: StoredValue<Session>,
    waiting: StoredValue<Option<Waiting>, LocalStorage>,
    notice: Later<Option<Notice>>,
    countdown: StoredValue<Option<Countdown>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Outbox {
    /// The workspace's one, which outlives the screen that made a change.
    pub fn of(state: WorkspaceState) -> Self {
        state.made_once(|| Self::new(state))
    }

    fn new(state: WorkspaceState) -> Self {
        let outbox = Self {
            state,
            session: StoredValue::new(expect_context::<Session>()),
            waiting: StoredValue::new_local(None),
            notice: Later::new(None),
            countdown: StoredValue::new(None),
            timer: StoredValue::new(None),
        };
        // The user leaves with a change still undoable: the browser asks
        // first; once gone, the change goes (a page kept in the back/forward
        // cache comes back to its answers).
        let asking = window_event_listener(ev::beforeunload, move |event| {
            if outbox.is_waiting() {
                event.prevent_default();
            }
        });
        let leaving = window_event_listener(ev::pagehide, move |_| outbox.send_waiting(true));
        // Disconnected or removed from the page: what waits goes too.
        on_cleanup(move || {
            asking.remove();
            leaving.remove();
            outbox.send_waiting(true);
        });
        outbox
    }

    /// `moves` (each deal as it was, and its change), already shown by the
    /// screen that made them, wait for their undo window, then go; at once
    /// with `undo-seconds` 0. An earlier change still waiting goes now. The
    /// future tells how they ended; `answered` hears how many have their
    /// answer, from 0 when the sending starts.
    pub fn change(
        self,
        moves: Vec<(Deal, StatusChange)>,
        answered: impl Fn(usize) + 'static,
    ) -> impl Future<Output = Settled> {
        let summary = Summary::of(&moves);
        let (settled, settling) = oneshot::channel();
        let waiting = Waiting {
            moves,
            settled,
            answered: Box::new(answered),
        };
        self.state.changes_made.try_set(true);
        // The list shows the change at once too, back on it before it went.
        for (before, change) in &waiting.moves {
            self.show_in_list(&expected_after(before, change));
        }
        self.send_waiting(false);
        if self.state.undo_seconds == 0 {
            self.send(waiting, false);
        } else {
            self.waiting.set_value(Some(waiting));
            self.countdown
                .set_value(Some(Countdown::start(self.state.undo_seconds, now())));
            self.notice.try_set(Some(Notice::Waiting(summary)));
            self.run_down();
        }
        // A workspace gone before the change settled left no screen to tell.
        async move { settling.await.unwrap_or(Settled::Undone) }
    }

    /// Takes back the change waiting: nothing is sent.
    pub fn undo(self) {
        let Some(waiting) = self.waiting.try_update_value(Option::take).flatten() else {
            return;
        };
        self.stop_timer();
        for (before, _) in &waiting.moves {
            self.show_in_list(before);
        }
        let _ = waiting.settled.send(Settled::Undone);
        self.notice.try_update(|notice| {
            if let Some(Notice::Waiting(summary)) = notice.take() {
                *notice = Some(Notice::Undone(summary));
            }
        });
    }

    /// Shows `deal` in the list's page, if it is there.
    fn show_in_list(self, deal: &Deal) {
        self.state.deals.try_update(|page| {
            if let Some(Ok(page)) = page {
                deal.replace_in(&mut page.data);
            }
        });
    }

    fn is_waiting(self) -> bool {
        self.waiting
            .try_with_value(Option::is_some)
            .unwrap_or(false)
    }

    /// `why` holds the undo window.
    fn hold(self, why: Hold) {
        self.stop_timer();
        self.countdown.try_update_value(|countdown| {
            if let Some(countdown) = countdown {
                countdown.hold(why, now());
            }
        });
    }

    /// `why` no longer holds the undo window.
    fn release(self, why: Hold) {
        self.countdown.try_update_value(|countdown| {
            if let Some(countdown) = countdown {
                countdown.release(why, now());
            }
        });
        self.run_down();
    }

    /// Sends the change waiting once its window is over.
    fn run_down(self) {
        self.stop_timer();
        let left = self
            .countdown
            .try_with_value(|countdown| {
                countdown
                    .as_ref()
                    .and_then(|countdown| countdown.left(now()))
            })
            .flatten();
        let Some(left) = left else {
            return;
        };
        let timer = set_timeout_with_handle(
            move || {
                let over = self.countdown.try_with_value(|countdown| {
                    countdown
                        .as_ref()
                        .is_some_and(|countdown| countdown.is_over(now()))
                });
                match over {
                    Some(true) => self.send_waiting(false),
                    // A timer fires a little early in some browsers.
                    Some(false) => self.run_down(),
                    None => {}
                }
            },
            Duration::from_millis(left.ceil() as u64),
        );
        self.timer.try_set_value(timer.ok());
    }

    fn stop_timer(self) {
        if let Some(timer) = self.timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    }

    /// Sends the change waiting, if any, now; `leaving`: the page is going.
    fn send_waiting(self, leaving: bool) {
        self.stop_timer();
        self.countdown.try_set_value(None);
        if let Some(waiting) = self.waiting.try_update_value(Option::take).flatten() {
            self.notice.try_set(None);
            self.send(waiting, leaving);
        }
    }

    fn send(self, waiting: Waiting, leaving: bool) {
        let (Some(client), Some(session)) = (
            self.state.client.try_get_value(),
            self.session.try_get_value(),
        ) else {
            return;
        };
        let state = self.state;
        let Waiting {
            moves,
            settled,
            answered,
        } = waiting;
        // Spawned, not awaited: a page going away starts its requests in this
        // task's first step, before the page is gone.
        spawn_local(async move {
            answered(0);
            let answers = if leaving {
                send_while_leaving(&client, moves).await
            } else {
                send_all(
                    moves,
                    |(before, change)| {
                        let (client, id, change) =
                            (client.clone(), before.id.clone(), change.clone());
                        async move { client.update_status(&id, &change).await }
                    },
                    |error: &ApiError| error.retry_after().map(sleep),
                    answered,
                )
                .await
            };
            let events = session.events();
            let mut told = Vec::with_capacity(answers.len());
            let mut first_error = None;
            for ((before, _), answer) in answers {
                match &answer {
                    Ok(sent) => {
                        events.deal_changed(sent, &before);
                        learn_stage(state.stages, &sent.deal);
                    }
                    Err(error) => {
                        first_error.get_or_insert_with(|| error.clone());
                    }
                }
                told.push((before, answer.map(|sent| sent.deal)));
            }
            if let Some(error) = first_error {
                session.report(&error);
            }
            state.deals.refetch();
            let _ = settled.send(Settled::Answered(told));
        });
    }
}

type Sent = ((Deal, StatusChange), Result<crate::api::SentDeal, ApiError>);

/// Every move at once, each request kept alive past the page.
async fn send_while_leaving(client: &ApiClient, moves: Vec<(Deal, StatusChange)>) -> Vec<Sent> {
    join_all(moves.into_iter().map(|(before, change)| async move {
        let answer = client
            .update_status_while_leaving(&before.id, &change)
            .await;
        ((before, change), answer)
    }))
    .await
}

/// Settles once `wait` has passed.
async fn sleep(wait: Duration) {
    let (done, waited) = oneshot::channel();
    set_timeout(
        move || {
            let _ = done.send(());
        },
        wait,
    );
    let _ = waited.await;
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// The toast of the change waiting: what it does, and Undo. A polite live
/// region, reachable with Tab where it stands, that never takes the focus;
/// its time stands still while hovered or focused.
#[component]
pub(super) fn UndoToast(state: WorkspaceState) -> impl IntoView {
    let outbox = Outbox::of(state);
    let words = expect_context::<Session>().words();
    let toast = NodeRef::<Div>::new();
    // Filled once the region is on the page, so that screen readers hear
    // the first change too.
    let shown = RwSignal::new(None::<Notice>);
    Effect::new(move || shown.set(outbox.notice.get()));
    let said = move || {
        let texts = words.now();
        shown.with(|notice| match notice {
            Some(Notice::Waiting(summary)) => summary.in_words(texts),
            Some(Notice::Undone(summary)) => {
                texts.fill(Msg::ChangeUndone, &[("change", &summary.in_words(texts))])
            }
            None => String::new(),
        })
    };
    let undo = move || {
        // The button goes: the focus stays in the toast, not lost.
        if let Some(toast) = toast.get_untracked() {
            let _ = toast.focus();
        }
        outbox.undo();
    };
    view! {
        <div
            class="undo-toast"
            class:shown=move || shown.with(Option::is_some)
            part="toast"
            role="status"
            tabindex="-1"
            node_ref=toast
            on:mouseenter=move |_| outbox.hold(Hold::Pointer)
            on:mouseleave=move |_| outbox.release(Hold::Pointer)
            on:focusin=move |_| outbox.hold(Hold::Focus)
            on:focusout=move |_| outbox.release(Hold::Focus)
        >
            <span>{said}</span>
            {move || shown.with(|notice| matches!(notice, Some(Notice::Waiting(_)))).then(|| view! {
                <button part="button" type="button" on:click=move |_| undo()>
                    {words.text(Msg::UndoChange)}
                </button>
            })}
        </div>
    }
}
