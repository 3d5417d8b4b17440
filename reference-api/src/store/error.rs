//! A database call that failed, for the store and the page writer alike.

/// SQLite itself, no read connection, or a page that could not be written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("read connection pool: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("JSON of a page: {0}")]
    Encoding(serde_json::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;
