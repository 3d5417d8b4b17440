//! What every handler shares: the store and the throttles.

use std::sync::Arc;

use crate::error::ApiError;
use crate::rate_limit::{AuthFailureLimit, RateLimit};
use crate::store::{Store, StoreResult};

#[derive(Clone)]
pub struct AppState {
    pub(crate) store: Arc<Store>,
    pub(crate) rate_limit: Option<Arc<RateLimit>>,
    pub(crate) auth_failure_limit: Option<Arc<AuthFailureLimit>>,
}

impl AppState {
    /// Runs a read on the calling worker. A read is CPU work on pages that
    /// SQLite and the OS keep in memory: handing it to a blocking thread and
    /// back costs more than the read itself. The workers never wait for a
    /// connection: the pool has more of them than there are workers.
    pub(crate) fn read<T>(
        &self,
        work: impl FnOnce(&Store) -> StoreResult<T>,
    ) -> Result<T, ApiError> {
        Ok(work(&self.store)?)
    }

    /// Runs a write off the async workers: SQLite waits for the disk on every
    /// write (`synchronous=FULL`).
    pub(crate) async fn write<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || work(&store))
            .await
            .map_err(|error| ApiError::Internal(format!("database task: {error}")))?
    }
}
