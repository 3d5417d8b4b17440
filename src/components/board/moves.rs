//! The board's moves of a deal to another stage, whether dragged or chosen
//! in the move prompt: asked, made, announced, and the focus kept on the
//! moved card.

use deals_contract::{Deal, StatusChange};
use deals_i18n::Msg;
use leptos::html::Div;
use leptos::leptos_dom::helpers::request_animation_frame;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRoot};

use crate::components::all_matching::AllMatching;
use crate::format;
use crate::host_events::HostEvents;
use crate::pipeline::{expected_after, move_change, reopens, Column, MoveTarget};
use crate::session::Session;
use crate::words::{Texts, Words};

/// A question the board asks before it moves a deal.
#[derive(Clone)]
pub(super) enum Prompt {
    /// Where to move this deal: the keyboard's way to do what a drag does.
    MoveTo(Deal),
    /// Reopen this won or lost deal to move it to an open stage?
    Reopen(Deal, MoveTarget, StatusChange),
}

impl Prompt {
    fn deal(&self) -> &Deal {
        match self {
            Prompt::MoveTo(deal) | Prompt::Reopen(deal, ..) => deal,
        }
    }
}

/// What the board tells screen readers after a move, kept as what happened
/// and put into words where it is read.
#[derive(Clone)]
pub(super) enum Announcement {
    /// The deal was already where it was to go.
    AlreadyIn { title: String, stage: String },
    /// The host page refused the move.
    NotMoved { title: String },
    /// Where the card went, counted from 1.
    Moved {
        title: String,
        stage: Option<String>,
        position: usize,
        size: usize,
    },
}

impl Announcement {
    pub fn in_words(&self, texts: Texts) -> String {
        match self {
            Announcement::AlreadyIn { title, stage } => texts.fill(
                Msg::AlreadyInStage,
                &[("title", title), ("stage", &texts.stage(Some(stage)))],
            ),
            Announcement::NotMoved { title } => texts.fill(Msg::NotMoved, &[("title", title)]),
            Announcement::Moved {
                title,
                stage,
                position,
                size,
            } => texts.fill(
                Msg::MovedDeal,
                &[
                    ("title", title),
                    ("stage", &texts.stage(stage.as_deref())),
                    ("position", &position.to_string()),
                    ("size", &size.to_string()),
                ],
            ),
        }
    }
}

/// What the board needs to move a deal: the deals, the columns on screen,
/// and what it tells the user.
#[derive(Clone, Copy)]
pub(super) struct Mover {
    pub all: AllMatching,
    pub columns: Memo<Vec<Column>>,
    pub board: NodeRef<Div>,
    /// Read by screen readers: where a moved card went.
    pub announcement: RwSignal<Option<Announcement>>,
    pub prompt: RwSignal<Option<Prompt>>,
    /// Cards moved on this board, shown wherever they fall in their column.
    pub pinned: RwSignal<Vec<String>>,
    /// Asked before each move: the host page may refuse it.
    pub events: HostEvents,
    pub words: Words,
}

impl Mover {
    pub fn new(all: AllMatching, columns: Memo<Vec<Column>>, board: NodeRef<Div>) -> Self {
        // A visit to the board starts without the refusal of an earlier one.
        all.move_deal.value().set(None);
        let session = expect_context::<Session>();
        Self {
            all,
            columns,
            board,
            announcement: RwSignal::new(None),
            prompt: RwSignal::new(None),
            pinned: RwSignal::new(Vec::new()),
            events: session.events(),
            words: session.words(),
        }
    }

    /// Asks where to move deal `id`, if it is still on the board.
    pub fn ask_where(self, id: &str) {
        if let Some(deal) = self.all.find(id) {
            self.prompt.set(Some(Prompt::MoveTo(deal)));
        }
    }

    /// Moves deal `id` to `target`, asking first if that reopens it.
    pub fn request(self, id: &str, target: MoveTarget) {
        let Some(deal) = self.all.find(id) else {
            return;
        };
        match move_change(&deal, &target, format::now()) {
            None => self.announcement.set(Some(Announcement::AlreadyIn {
                title: deal.title,
                stage: target.stage().to_owned(),
            })),
            Some(change) if reopens(&deal, &change) => {
                self.prompt.set(Some(Prompt::Reopen(deal, target, change)));
            }
            Some(change) => self.perform(deal, change),
        }
    }

    /// Shows the move at once, hands it to the outbox, which sends it once
    /// its undo window is over, and says where the card went; unless the
    /// host page refuses it, which says why in its own words: then the card
    /// stays where it was, and nothing is sent.
    pub fn perform(self, deal: Deal, change: StatusChange) {
        let id = deal.id.clone();
        if !self.events.may_change(&deal, &change) {
            self.announcement
                .set(Some(Announcement::NotMoved { title: deal.title }));
            self.focus_card(id);
            return;
        }
        let moved = expected_after(&deal, &change);
        // A card moved past the cards its new column shows is shown anyway.
        self.pinned.update(|pinned| {
            if !pinned.contains(&id) {
                pinned.push(id.clone());
            }
        });
        self.all.move_deal.dispatch_local((deal, change));
        let position = self
            .all
            .with_deals_untracked(|deals| deals.iter().position(|card| card.id == id));
        let place = self.columns.with_untracked(|columns| {
            columns.iter().find_map(|column| {
                let index = column
                    .deals
                    .iter()
                    .position(|&card| Some(card) == position)?;
                Some((column.stage.clone(), index + 1, column.deals.len()))
            })
        });
        if let Some((stage, position, size)) = place {
            self.announcement.set(Some(Announcement::Moved {
                title: moved.title,
                stage,
                position,
                size,
            }));
        }
        self.focus_card(id);
    }

    /// Closes the prompt, the focus going back to the card it asked about.
    pub fn close_prompt(self) {
        let asked_about = self
            .prompt
            .with_untracked(|prompt| prompt.as_ref().map(|asked| asked.deal().id.clone()));
        self.prompt.set(None);
        if let Some(id) = asked_about {
            self.focus_card(id);
        }
    }

    /// Moves the focus to the card of deal `id`, once it is drawn.
    pub fn focus_card(self, id: String) {
        let board = self.board;
        request_animation_frame(move || {
            if let Some(card) = board
                .try_get_untracked()
                .flatten()
                .and_then(|board| find_card(&board, &id))
            {
                let _ = card.focus();
            }
        });
    }

    /// The API's refusal of the last move, once it has answered.
    pub fn refusal(self) -> Option<String> {
        if self.all.move_deal.pending().get() {
            return None;
        }
        self.all.move_deal.value().with(|answer| match answer {
            Some((before, Err(error))) => {
                let texts = self.words.now();
                let reason = texts.refusal(error);
                Some(texts.fill(
                    Msg::NotMovedBecause,
                    &[("title", &before.title), ("reason", reason.text())],
                ))
            }
            _ => None,
        })
    }

    /// The API's answer replaces the moved card's element: keeps the focus
    /// on it.
    pub fn keep_focus_through_answers(self) {
        Effect::new(move |seen: Option<()>| {
            let answered = self
                .all
                .move_deal
                .value()
                .with(|answer| answer.as_ref().map(|(before, _)| before.id.clone()));
            if let (Some(()), Some(id)) = (seen, answered) {
                self.focus_card_if_lost(id);
            }
        });
    }

    /// Gives the focus back to the card of deal `id` once it is drawn, if
    /// the focus went nowhere, as when an answer replaced the focused card.
    pub fn focus_card_if_lost(self, id: String) {
        let board = self.board;
        request_animation_frame(move || {
            if let Some(board) = board.try_get_untracked().flatten() {
                if focus_is_lost(&board) {
                    if let Some(card) = find_card(&board, &id) {
                        let _ = card.focus();
                    }
                }
            }
        });
    }
}

/// The card of deal `id` on the board; compared by attribute, not by a CSS
/// selector, so no id can break the query.
fn find_card(board: &HtmlElement, id: &str) -> Option<HtmlElement> {
    let cards = board.query_selector_all(".card[data-deal-id]").ok()?;
    (0..cards.length())
        .filter_map(|index| cards.item(index)?.dyn_into::<HtmlElement>().ok())
        .find(|card| card.get_attribute("data-deal-id").as_deref() == Some(id))
}

/// Whether keyboard focus went nowhere, as when the focused card was
/// replaced by the API's version of it.
fn focus_is_lost(board: &HtmlElement) -> bool {
    let root = board.get_root_node();
    let active = match root.dyn_ref::<ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => board
            .owner_document()
            .and_then(|document| document.active_element()),
    };
    active.is_none_or(|active| active.tag_name().eq_ignore_ascii_case("body"))
}
