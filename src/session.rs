//! Who is connected to which API, shared by every view of one widget.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{ApiClient, ApiError, Credentials};
use crate::api_key::ApiKey;
use crate::current_user::RememberedUser;
use crate::host_events::HostEvents;
use crate::kept_draft::KeptDraft;
use crate::key_store::{KeyStorage, KeyStore};
use crate::saved_views::ViewStore;
use crate::words::Words;

/// Who authorises the widget's requests, as the embedding page chose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Auth {
    /// The user's API key, asked for by the key panel.
    #[default]
    Key,
    /// The host's server: a reverse proxy in front of the API adds the key,
    /// which the browser never sees.
    Host,
}

impl Auth {
    pub fn from_option(text: &str) -> Option<Self> {
        match text {
            "key" => Some(Auth::Key),
            "host" => Some(Auth::Host),
            _ => None,
        }
    }
}

/// Answers can arrive after the widget was unmounted, so every write here is
/// a `try_` write: a disposed session is left alone instead of panicking.
#[derive(Clone)]
pub struct Session {
    api_base: Arc<str>,
    /// Where the user's key is kept; `None` when the host authorises the
    /// requests, so that no key is ever read from or written to storage.
    store: Option<KeyStore>,
    credentials: RwSignal<Option<Credentials>>,
    /// Why the user was sent back to the key panel, if not by their own choice.
    pub notice: RwSignal<Option<ApiError>>,
    events: HostEvents,
    words: Words,
    /// Where the key and the new-deal form's draft are kept.
    storage: KeyStorage,
    /// The new-deal form's draft while it waits in memory (`kept_draft.rs`).
    draft_in_memory: StoredValue<Option<String>>,
}

impl Session {
    pub fn new(
        api_base: &str,
        storage: KeyStorage,
        auth: Auth,
        events: HostEvents,
        words: Words,
    ) -> Self {
        let (store, credentials) = match auth {
            Auth::Key => {
                let store = KeyStore::new(storage, api_base);
                // A stored key that no longer parses (edited storage) is asked for again.
                let stored = store.load().and_then(|key| ApiKey::parse(&key).ok());
                (Some(store), stored.map(Credentials::Key))
            }
            Auth::Host => (None, Some(Credentials::Host)),
        };
        if credentials.is_some() {
            events.connection(true);
        }
        Self {
            api_base: api_base.into(),
            store,
            credentials: RwSignal::new(credentials),
            notice: RwSignal::new(None),
            events,
            words,
            storage,
            draft_in_memory: StoredValue::new(None),
        }
    }

    /// The widget's words, in the language it speaks. They travel with the
    /// session rather than in a context of their own: each context type
    /// costs the download its own lookup code.
    pub fn words(&self) -> Words {
        self.words
    }

    /// Whether the user gives the key (and can forget it by disconnecting),
    /// rather than the host's server.
    pub fn asks_for_key(&self) -> bool {
        self.store.is_some()
    }

    /// A client for the credentials in use; `None` while not connected, or
    /// once the host's session has expired. Reactive.
    pub fn client(&self) -> Option<ApiClient> {
        self.credentials
            .try_with(|credentials| {
                credentials
                    .clone()
                    .map(|credentials| ApiClient::new(&self.api_base, credentials))
            })
            .flatten()
    }

    /// A client for a key that is not accepted yet.
    pub fn candidate(&self, key: ApiKey) -> ApiClient {
        ApiClient::new(&self.api_base, key)
    }

    /// Whether the widget has credentials to ask with, now; not tracked.
    pub fn is_connected(&self) -> bool {
        self.credentials
            .try_with_untracked(Option::is_some)
            .unwrap_or(false)
    }

    /// What the host page is told.
    pub fn events(&self) -> HostEvents {
        self.events
    }

    /// The answer to "Who are you?" kept for this API.
    pub fn remembered_user(&self) -> RememberedUser {
        RememberedUser::new(&self.api_base)
    }

    /// The views the user saved for this API.
    pub fn saved_views(&self) -> ViewStore {
        ViewStore::new(&self.api_base)
    }

    /// The "New deal" form's draft, kept until the deal is made.
    pub fn draft(&self) -> KeptDraft {
        KeptDraft::new(self.storage, &self.api_base, self.draft_in_memory)
    }

    pub fn connect(&self, key: ApiKey) {
        if let Some(store) = &self.store {
            store.save(key.as_str());
        }
        self.notice.try_set(None);
        self.credentials.try_set(Some(Credentials::Key(key)));
        self.events.connection(true);
    }

    /// Credentials gone, with `notice` as the reason. The user's own
    /// Disconnect (no notice) leaves nothing of theirs in the tab for the
    /// next person at the screen, not even a draft; after a 401 the draft
    /// waits for the user's return.
    pub fn disconnect(&self, notice: Option<ApiError>) {
        if let Some(store) = &self.store {
            store.forget();
            if notice.is_none() {
                self.draft().forget();
            }
        }
        self.notice.try_set(notice);
        self.credentials.try_set(None);
        self.events.connection(false);
    }

    /// Every view hands its API errors here: the host page hears of each,
    /// and a 401 means the key is no good any more, so it is forgotten and
    /// asked for again with the server's words. When the host authorises,
    /// it means the host's session (its login) has ended, which only a
    /// reload can renew.
    pub fn report(&self, error: &ApiError) {
        self.events.error(error);
        if matches!(error, ApiError::Unauthorized { .. }) {
            self.disconnect(self.asks_for_key().then(|| error.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: `auth` takes the documented words only, exactly as written.
    #[test]
    fn auth_options_are_the_documented_words() {
        assert_eq!(Auth::from_option("key"), Some(Auth::Key));
        assert_eq!(Auth::from_option("host"), Some(Auth::Host));
        assert_eq!(Auth::from_option("Host"), None);
        assert_eq!(Auth::from_option("proxy"), None);
    }
}
