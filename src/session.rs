//! Who is connected to which API, shared by every view of one widget.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{ApiClient, ApiError};
use crate::api_key::ApiKey;
use crate::host_events::HostEvents;
use crate::key_store::{KeyStorage, KeyStore};

/// Answers can arrive after the widget was unmounted, so every write here is
/// a `try_` write: a disposed session is left alone instead of panicking.
#[derive(Clone)]
pub struct Session {
    api_base: Arc<str>,
    store: KeyStore,
    key: RwSignal<Option<ApiKey>>,
    /// Why the user was sent back to the key panel, if not by their own choice.
    pub notice: RwSignal<Option<String>>,
    events: HostEvents,
}

impl Session {
    pub fn new(api_base: &str, storage: KeyStorage, events: HostEvents) -> Self {
        let store = KeyStore::new(storage, api_base);
        // A stored key that no longer parses (edited storage) is asked for again.
        let stored = store.load().and_then(|key| ApiKey::parse(&key).ok());
        if stored.is_some() {
            events.connection(true);
        }
        Self {
            api_base: api_base.into(),
            key: RwSignal::new(stored),
            store,
            notice: RwSignal::new(None),
            events,
        }
    }

    /// A client for the key in use; `None` while not connected. Reactive.
    pub fn client(&self) -> Option<ApiClient> {
        self.key
            .try_with(|key| key.clone().map(|key| ApiClient::new(&self.api_base, key)))
            .flatten()
    }

    /// A client for a key that is not accepted yet.
    pub fn candidate(&self, key: ApiKey) -> ApiClient {
        ApiClient::new(&self.api_base, key)
    }

    /// What the host page is told.
    pub fn events(&self) -> HostEvents {
        self.events
    }

    pub fn connect(&self, key: ApiKey) {
        self.store.save(key.as_str());
        self.notice.try_set(None);
        self.key.try_set(Some(key));
        self.events.connection(true);
    }

    pub fn disconnect(&self, notice: Option<String>) {
        self.store.forget();
        self.notice.try_set(notice);
        self.key.try_set(None);
        self.events.connection(false);
    }

    /// Every view hands its API errors here: the host page hears of each,
    /// and a 401 means the key is no good any more, so it is forgotten and
    /// asked for again with the server's words.
    pub fn report(&self, error: &ApiError) {
        self.events.error(error);
        if matches!(error, ApiError::Unauthorized { .. }) {
            self.disconnect(Some(error.to_string()));
        }
    }
}
