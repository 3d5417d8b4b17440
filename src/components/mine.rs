//! "Mine" over every matching deal: who the user is, asked once when the
//! host page does not say it, and which user's deals are shown, with a way
//! back when the answer was wrong. In the views chunk.

use deals_i18n::Msg;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::all_matching::AllMatching;
use super::current_user::CurrentUser;
use super::state::WorkspaceState;
use crate::people::People;
use crate::session::Session;

/// "Who are you?": the people the loaded deals are assigned to, to choose
/// from once; the answer is remembered for this API in this browser.
#[component]
pub(super) fn WhoAreYou(state: WorkspaceState, all: AllMatching) -> impl IntoView {
    let session = expect_context::<Session>();
    let words = session.words();
    let me = CurrentUser::of(state);
    let people = Memo::new(move |_| {
        let mut users = People::default();
        all.with_deals(|deals| users.add_users(deals));
        users
    });
    let chosen = RwSignal::new(None::<String>);
    let choose = move |event: SubmitEvent| {
        event.prevent_default();
        let first =
            || people.with_untracked(|people| people.iter().next().map(|user| user.id.clone()));
        if let Some(id) = chosen.get_untracked().or_else(first) {
            session.remembered_user().save(&id);
            me.id.try_set(Some(id));
        }
    };
    let choices = move || {
        let texts = words.now();
        people.with(|people| {
            if people.is_empty() {
                return view! { <p>{texts.get(Msg::NobodyAssigned)}</p> }.into_any();
            }
            let options = people
                .iter()
                .map(|user| {
                    let label = match &user.email {
                        Some(email) => format!("{} ({email})", user.name),
                        None => user.name.clone(),
                    };
                    view! { <option value=user.id.clone()>{label}</option> }
                })
                .collect_view();
            view! {
                <select part="field" aria-labelledby="isao-who-are-you" on:change:target=move |event| {
                    chosen.set(Some(event.target().value()));
                }>
                    {options}
                </select>
                <button part="button" type="submit">{texts.get(Msg::ShowMyDeals)}</button>
            }
            .into_any()
        })
    };
    view! {
        <form class="who-are-you" aria-labelledby="isao-who-are-you" on:submit=choose>
            <h3 id="isao-who-are-you">{words.text(Msg::WhoAreYou)}</h3>
            <p>{words.text(Msg::WhoAreYouHelp)}</p>
            <div class="who-are-you-choice">
                {choices}
                <button part="button secondary-button" type="button" class="secondary" on:click=move |_| state.mine.try_set(false)>
                    {words.text(Msg::ShowEveryonesDeals)}
                </button>
            </div>
        </form>
    }
}

/// Whose deals "Mine" shows, by name, with "Not you?" to answer again when
/// the answer came from this browser rather than from the host page.
#[component]
pub(super) fn MineNote(state: WorkspaceState, all: AllMatching) -> impl IntoView {
    let session = expect_context::<Session>();
    let words = session.words();
    let me = CurrentUser::of(state);
    let name = move || {
        let id = me.id.get()?;
        let name = all.with_deals(|deals| {
            deals
                .iter()
                .filter_map(|deal| deal.assigned_to.as_ref())
                .find(|user| user.id == id)
                .map(|user| user.name.clone())
        });
        Some(name.unwrap_or(id))
    };
    let not_you = move |_| {
        session.remembered_user().forget();
        me.id.try_set(None);
    };
    move || {
        let name = name().filter(|_| state.mine.get())?;
        let texts = words.now();
        let not_you = not_you.clone();
        Some(view! {
            <p class="mine-note">
                {texts.fill(Msg::AssignedToUser, &[("name", &name)])}
                {(!me.from_host).then(|| view! {
                    " "
                    <button part="button secondary-button" type="button" class="secondary" on:click=not_you>
                        {texts.get(Msg::NotYou)}
                    </button>
                })}
            </p>
        })
    }
}
