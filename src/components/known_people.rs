//! The people the new-deal form's pickers offer: the contacts and users of
//! the company's deals, and those the host page lists in the `directory`
//! property of the element the widget is mounted on:
//! `{contacts: [{id, name, email, currentCompany}], users: [{id, name, email}]}`.

use deals_contract::{Deal, DealQuery};
use futures::channel::oneshot;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use super::later::Later;
use super::state::WorkspaceState;
use crate::people::{People, Person};
use crate::session::Session;

/// More entries than this in one list of the host's directory are left
/// out: the pickers search it on each keystroke.
const DIRECTORY_MOST: u32 = 20_000;

/// The contacts and users of the company's deals: those of the page at
/// hand at once, then those of every deal, page by page as they arrive, read
/// once per workspace (the first time the form opens), so that the pickers
/// know everyone by the time the user reaches them.
#[derive(Clone, Copy)]
pub(super) struct KnownPeople {
    pub contacts: Later<People>,
    pub users: Later<People>,
    /// Dropped with the workspace, which ends the load.
    _stop: StoredValue<oneshot::Sender<()>>,
}

impl KnownPeople {
    pub fn shared(state: WorkspaceState) -> Self {
        state.made_once(|| Self::load(state))
    }

    fn load(state: WorkspaceState) -> Self {
        let (mut contacts, mut users) = (People::default(), People::default());
        state.deals.with_untracked(|answer| {
            if let Some(Ok(page)) = answer {
                contacts.add_contacts(&page.data);
                users.add_users(&page.data);
            }
        });
        let (contacts, users) = (Later::new(contacts), Later::new(users));
        let (stop, stopped) = oneshot::channel();
        let client = state.client.get_value();
        let learn = move |deals: &[Deal]| {
            contacts.try_update(|known| known.add_contacts(deals));
            users.try_update(|known| known.add_users(deals));
        };
        spawn_local(async move {
            // Without them the pickers offer fewer people, and the list
            // shows the same refusal on its next request: nothing to say here.
            let arrived = |page: &[Deal], _, _| learn(page);
            if let Ok(all) = client
                .list_all_deals(&DealQuery::default(), arrived, stopped)
                .await
            {
                learn(&all.deals);
            }
        });
        Self {
            contacts,
            users,
            _stop: StoredValue::new(stop),
        }
    }
}

/// The people the host page lists under `list` (`contacts` or `users`) in
/// its `directory`, as it is now; an entry without an id or a name is left
/// out, and so is anything that is not a list of objects.
pub(super) fn host_directory(session: &Session, list: &str) -> People {
    let entries = member(&session.events().directory(), list);
    let count = member(&entries, "length")
        .as_f64()
        .filter(|count| count.is_finite() && *count > 0.0)
        .map_or(0, |count| count.min(f64::from(DIRECTORY_MOST)) as u32);
    let mut people = People::default();
    for index in 0..count {
        let entry = js_sys::Reflect::get(&entries, &JsValue::from(index)).unwrap_or_default();
        let text = |name: &str| {
            member(&entry, name)
                .as_string()
                .map(|text| text.trim().to_owned())
                .filter(|text| !text.is_empty())
        };
        if let (Some(id), Some(name)) = (text("id"), text("name")) {
            people.add(Person {
                id,
                name,
                email: text("email"),
                company: text("currentCompany"),
            });
        }
    }
    people
}

/// `object[name]`, or `undefined` when `object` has no members (`undefined`,
/// a number…): `Reflect.get` refuses those.
fn member(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or_default()
}
