//! "Saved views": a panel under the toolbar with the views built in and
//! those the user saved (kept per API base, `saved_views.rs`), each a link to
//! the page URL that shows it, opened in the widget by a plain click; the
//! view on show saved under a name; a saved view renamed or deleted. In the
//! `panels` chunk with the list of shortcuts, fetched the first time either
//! opens.

use deals_contract::DealStatus;
use deals_i18n::Msg;
use leptos::ev::{KeyboardEvent, MouseEvent, SubmitEvent};
use leptos::html::{Section, H3};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::state::WorkspaceState;
use crate::deal_sort::SortOrder;
use crate::saved_views::{unknown_stage, NameProblem, SavedView, SavedViews};
use crate::session::Session;
use crate::url_state::Shown;
use crate::words::Words;

/// The toolbar's button that opens the panel, which takes the focus back
/// when the panel closes: the toolbar's only button with `aria-expanded`.
const TOGGLE: &str = ".toolbar button[aria-expanded]";

/// The views every user has: the open deals, "Mine", the idle deals (unless
/// the embedder turned the idle marker off) and those closing this month,
/// soonest first.
fn built_in(idle_days: u32) -> Vec<(Msg, Shown)> {
    let mut open = Shown::default();
    open.query.status = Some(DealStatus::Open);
    let mine = Shown {
        mine: true,
        ..Shown::default()
    };
    let idle = Shown {
        idle: true,
        ..open.clone()
    };
    let closing = Shown {
        closing_this_month: true,
        sort: SortOrder::parse("expectedCloseDate"),
        ..open.clone()
    };
    let mut views = vec![(Msg::ViewOpenDeals, open), (Msg::Mine, mine)];
    if idle_days != 0 {
        views.push((Msg::ViewIdle, idle));
    }
    views.push((Msg::ViewClosingThisMonth, closing));
    views
}

fn problem_text(words: Words, problem: Option<NameProblem>, name: &str) -> String {
    let texts = words.now();
    match problem {
        Some(NameProblem::Missing) => texts.get(Msg::ViewNameMissing).to_owned(),
        Some(NameProblem::Taken) => texts.fill(Msg::ViewNameTaken, &[("name", name.trim())]),
        None => String::new(),
    }
}

/// The panel: its heading takes the focus when it opens; Close, or Escape
/// outside a field, closes it and gives the focus back to the toolbar's
/// button.
#[component]
pub(super) fn SavedViewsPanel(state: WorkspaceState) -> impl IntoView {
    let session = expect_context::<Session>();
    let words = session.words();
    let store = StoredValue::new(session.saved_views());
    let usable = store.with_value(|store| store.is_usable());
    let views = RwSignal::new(store.with_value(|store| store.load()));
    // Another tab may have saved or deleted a view since the panel opened:
    // each change starts from what storage holds now, so none is lost.
    let latest = move || {
        if usable {
            store.with_value(|store| store.load())
        } else {
            views.get_untracked()
        }
    };
    let keep = move |edited: SavedViews| {
        store.with_value(|store| store.keep(&edited));
        views.set(edited);
    };
    // What was announced, kept as the message and the view's name: a switch
    // of language says it again in the new one.
    let said = RwSignal::new(None::<(Msg, String)>);
    let stage_gone = RwSignal::new(None::<String>);

    let section = NodeRef::<Section>::new();
    let heading = NodeRef::<H3>::new();
    Effect::new(move || {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let close = move || {
        let toggle = section
            .get_untracked()
            .and_then(|section| section.closest(".workspace").ok().flatten())
            .and_then(|workspace| workspace.query_selector(TOGGLE).ok().flatten())
            .and_then(|toggle| toggle.dyn_into::<HtmlElement>().ok());
        state.saved_views.try_set(false);
        if let Some(toggle) = toggle {
            let _ = toggle.focus();
        }
    };
    let on_keydown = move |event: KeyboardEvent| {
        let in_field = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|target| target.tag_name() == "INPUT");
        if event.key() == "Escape" && !in_field {
            event.prevent_default();
            close();
        }
    };

    // What the list shows now, whatever its page: what a view saves.
    let on_show = move || {
        let mut shown = state.shown();
        shown.query.page = 1;
        shown
    };
    // The same as a saved view says it, to mark the view on show.
    let on_show_params = Memo::new(move |_| SavedView::new("", &on_show()).params);
    let open = move |event: MouseEvent, shown: Shown| {
        if event.ctrl_key() || event.meta_key() || event.shift_key() {
            return;
        }
        event.prevent_default();
        let gone = state
            .stages
            .with_untracked(|stages| unknown_stage(&shown, stages).map(str::to_owned));
        stage_gone.set(gone);
        state.show(shown);
    };
    let link = move |shown: Shown| {
        let href = state
            .url_state
            .with_value(|url_state| url_state.url_for(&shown))
            .unwrap_or_else(|| "#".to_owned());
        let params = SavedView::new("", &shown).params;
        let current = move || {
            on_show_params
                .with(|on_show| *on_show == params)
                .then_some("true")
        };
        (href, current)
    };

    let built_in_rows = built_in(state.idle_days)
        .into_iter()
        .map(|(name, shown)| {
            let (href, current) = link(shown.clone());
            view! {
                <li>
                    <a href=href aria-current=current on:click=move |event| open(event, shown.clone())>
                        {words.text(name)}
                    </a>
                </li>
            }
        })
        .collect_view();

    let renaming = RwSignal::new(None::<String>);
    let saved_rows = move || {
        views.with(|views| {
            views
                .iter()
                .enumerate()
                .map(|(index, view)| {
                    let name = view.name.clone();
                    let shown = view.shown();
                    if renaming.with(|renaming| renaming.as_deref() == Some(name.as_str())) {
                        return view! { <RenameView name views=latest keep renaming /> }.into_any();
                    }
                    let (href, current) = link(shown.clone());
                    let link_id = format!("isao-view-{index}");
                    let rename_id = format!("isao-view-{index}-rename");
                    let delete_id = format!("isao-view-{index}-delete");
                    let (to_rename, deleted) = (name.clone(), name.clone());
                    view! {
                        <li>
                            <a id=link_id.clone() href=href aria-current=current on:click=move |event| open(event, shown.clone())>
                                {name}
                            </a>
                            " "
                            <button part="button secondary-button" type="button" class="secondary" id=rename_id.clone()
                                aria-labelledby=format!("{rename_id} {link_id}")
                                on:click=move |_| { renaming.set(Some(to_rename.clone())); }>
                                {words.text(Msg::Rename)}
                            </button>
                            <button part="button secondary-button" type="button" class="secondary" id=delete_id.clone()
                                aria-labelledby=format!("{delete_id} {link_id}")
                                on:click=move |_| {
                                    let mut edited = latest();
                                    edited.delete(&deleted);
                                    keep(edited);
                                    said.set(Some((Msg::ViewDeleted, deleted.clone())));
                                }>
                                {words.text(Msg::Delete)}
                            </button>
                        </li>
                    }
                    .into_any()
                })
                .collect_view()
        })
    };

    let typed = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<NameProblem>);
    let save = move |event: SubmitEvent| {
        event.prevent_default();
        let name = typed.get_untracked();
        let mut edited = latest();
        match edited.save(&name, &untrack(on_show)) {
            Ok(()) => {
                keep(edited);
                problem.set(None);
                typed.set(String::new());
                said.set(Some((Msg::ViewSaved, name.trim().to_owned())));
            }
            Err(refused) => problem.set(Some(refused)),
        }
    };

    view! {
        <section class="saved-views" node_ref=section aria-labelledby="isao-saved-views" on:keydown=on_keydown>
            <h3 id="isao-saved-views" tabindex="-1" node_ref=heading>{words.text(Msg::SavedViews)}</h3>
            {(!usable).then(|| view! { <p class="notice">{words.text(Msg::ViewsNotKept)}</p> })}
            <ul class="view-links">
                {built_in_rows}
                {saved_rows}
            </ul>
            <p class="notice" role="status">
                {move || stage_gone.get().map(|stage| words.now().fill(Msg::ViewStageGone, &[("stage", &stage)]))}
            </p>
            <form class="save-view" novalidate on:submit=save>
                <div class="field">
                    <label for="isao-view-name">{words.text(Msg::ViewName)}</label>
                    <input id="isao-view-name" type="text" maxlength="80"
                        aria-invalid=move || problem.get().is_some().to_string()
                        aria-describedby="isao-view-name-error"
                        prop:value=move || typed.get()
                        on:input:target=move |event| typed.set(event.target().value()) />
                    <p class="field-error" id="isao-view-name-error">{move || problem_text(words, problem.get(), &typed.get())}</p>
                </div>
                <button part="button" type="submit">{words.text(Msg::SaveView)}</button>
            </form>
            <p class="visually-hidden" part="status" role="status" aria-live="polite">
                {move || said.get().map(|(msg, name)| words.now().fill(msg, &[("name", &name)]))}
            </p>
            <button part="button secondary-button" type="button" class="secondary" on:click=move |_| close()>{words.text(Msg::Close)}</button>
        </section>
    }
}

/// A saved view's row while it is renamed: its name in a field, Rename and
/// Cancel; a refused name says why under the field and stays as typed.
#[component]
fn RenameView(
    name: String,
    views: impl Fn() -> SavedViews + Copy + Send + Sync + 'static,
    keep: impl Fn(SavedViews) + Copy + Send + Sync + 'static,
    renaming: RwSignal<Option<String>>,
) -> impl IntoView {
    let words = expect_context::<Session>().words();
    let typed = RwSignal::new(name.clone());
    let problem = RwSignal::new(None::<NameProblem>);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move || {
        if let Some(input) = input.get() {
            let _ = input.focus();
        }
    });
    let rename = move |event: SubmitEvent| {
        event.prevent_default();
        let mut edited = views();
        match edited.rename(&name, &typed.get_untracked()) {
            Ok(()) => {
                keep(edited);
                renaming.set(None);
            }
            Err(refused) => problem.set(Some(refused)),
        }
    };
    view! {
        <li>
            <form class="rename-view" novalidate on:submit=rename>
                <input type="text" maxlength="80" node_ref=input
                    aria-label=words.text(Msg::ViewName)
                    aria-invalid=move || problem.get().is_some().to_string()
                    aria-describedby="isao-rename-view-error"
                    prop:value=move || typed.get()
                    on:input:target=move |event| typed.set(event.target().value()) />
                " "
                <button part="button" type="submit">{words.text(Msg::Rename)}</button>
                <button part="button secondary-button" type="button" class="secondary" on:click=move |_| renaming.set(None)>
                    {words.text(Msg::Cancel)}
                </button>
                <p class="field-error" id="isao-rename-view-error">{move || problem_text(words, problem.get(), &typed.get())}</p>
            </form>
        </li>
    }
}
