//! Who uses the widget, as "Mine" needs it: the host page's word, else the
//! answer to "Who are you?" that this browser remembers for the API
//! (`crate::current_user`). In the chunks only (the views', the export's):
//! the first download holds the "Mine" toggle and the host's word.

use leptos::prelude::*;

use super::later::Later;
use super::state::WorkspaceState;
use crate::session::Session;

/// The user the widget is used by, for "Mine": the host page's, else the
/// answer this browser remembers for the API; `None` until someone says.
#[derive(Clone, Copy)]
pub(super) struct CurrentUser {
    pub id: Later<Option<String>>,
    /// The host page said who: then nobody asks.
    pub from_host: bool,
}

impl CurrentUser {
    /// The workspace's one, shared by the views and the export.
    pub fn of(state: WorkspaceState) -> Self {
        state.made_once(|| {
            let host_user = state.host_user.get_value();
            let from_host = host_user.is_some();
            let id = host_user.or_else(|| expect_context::<Session>().remembered_user().load());
            Self {
                id: Later::new(id),
                from_host,
            }
        })
    }
}
