use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{ApiClient, ApiError};
use crate::key_store::{KeyStorage, KeyStore};

/// Who is connected to which API, shared by every view of one widget.
#[derive(Clone)]
pub struct Session {
    api_base: Arc<str>,
    store: KeyStore,
    key: RwSignal<Option<String>>,
    /// Why the user was sent back to the key panel, if not by their own choice.
    pub notice: RwSignal<Option<String>>,
}

impl Session {
    pub fn new(api_base: &str, storage: KeyStorage) -> Self {
        let store = KeyStore::new(storage, api_base);
        Self {
            api_base: api_base.into(),
            key: RwSignal::new(store.load()),
            store,
            notice: RwSignal::new(None),
        }
    }

    /// A client for the key in use; `None` while not connected. Reactive.
    pub fn client(&self) -> Option<ApiClient> {
        self.key.with(|key| {
            key.as_deref()
                .map(|key| ApiClient::new(&self.api_base, key))
        })
    }

    /// A client for a key that is not accepted yet.
    pub fn candidate(&self, key: &str) -> ApiClient {
        ApiClient::new(&self.api_base, key)
    }

    pub fn connect(&self, key: String) {
        self.store.save(&key);
        self.notice.set(None);
        self.key.set(Some(key));
    }

    pub fn disconnect(&self, notice: Option<String>) {
        self.store.forget();
        self.notice.set(notice);
        self.key.set(None);
    }

    /// Every view hands its API errors here: a 401 means the key is no good
    /// any more, so it is forgotten and asked for again with the server's words.
    pub fn report(&self, error: &ApiError) {
        if matches!(error, ApiError::Unauthorized { .. }) {
            self.disconnect(Some(error.to_string()));
        }
    }
}
