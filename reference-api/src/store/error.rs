//! A database call that failed, for the store and the page writer alike.

/// SQLite itself, no read connection, or a page that could not be written.
#[derive(Debug)]
pub enum StoreError {
    Database(rusqlite::Error),
    Pool(r2d2::Error),
    Encoding(serde_json::Error),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Database(error) => write!(f, "database: {error}"),
            Self::Pool(error) => write!(f, "read connection pool: {error}"),
            Self::Encoding(error) => write!(f, "JSON of a page: {error}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Database(error)
    }
}

impl From<r2d2::Error> for StoreError {
    fn from(error: r2d2::Error) -> Self {
        Self::Pool(error)
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
