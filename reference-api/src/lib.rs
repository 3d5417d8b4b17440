//! A reference server of the ISAO Deals API (`../shared/seed/deals-api.txt`):
//! the same endpoints, answers and error bodies, over SQLite. The widget's
//! demo and tests run against it because the real API cannot be reached.

pub mod demo;
pub mod store;
pub mod webhooks;

use std::sync::{Arc, Mutex};

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use deals_contract::{DealQuery, Envelope, ErrorBody, NewDeal, Page, PageMeta, StatusChange};
use rand::distr::{Alphanumeric, SampleString};
use serde_json::Value;
use tower_http::cors::{AllowOrigin, CorsLayer};

use store::{ApiKey, MissingLink, Store};

/// Request bodies larger than this are refused with 413: a deal is a few
/// hundred bytes.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

const BEARER_FORMAT: &str =
    "Please provide a valid API key in the format: Authorization: Bearer YOUR_API_KEY";

/// The OpenAPI 3.1 description of exactly what this server answers.
pub const OPENAPI_DOCUMENT: &str = include_str!("../openapi.json");

pub type SharedStore = Arc<Mutex<Store>>;

/// Which browser origins may call the API.
#[derive(Debug, Clone, Default)]
pub struct CorsPolicy {
    pub origins: Vec<String>,
    /// Any `http://127.0.0.1:*` or `http://localhost:*` page: for the demo
    /// and the browser tests, whose pages are served on varying ports.
    pub allow_loopback: bool,
}

impl CorsPolicy {
    fn allows(&self, origin: &str) -> bool {
        self.origins.iter().any(|allowed| allowed == origin)
            || (self.allow_loopback && is_loopback_origin(origin))
    }
}

fn is_loopback_origin(origin: &str) -> bool {
    ["http://127.0.0.1", "http://localhost", "http://[::1]"]
        .iter()
        .any(|host| {
            origin.strip_prefix(host).is_some_and(|rest| {
                rest.is_empty()
                    || rest
                        .strip_prefix(':')
                        .is_some_and(|port| port.parse::<u16>().is_ok())
            })
        })
}

/// Every answer that is not a success.
#[derive(Debug)]
pub enum ApiError {
    MissingKey,
    InvalidKey,
    PermissionDenied {
        required: &'static str,
        available: Vec<String>,
    },
    DealNotFound,
    RouteNotFound,
    Validation(deals_contract::FieldErrors),
    BadRequest(String),
    UnsupportedMediaType,
    PayloadTooLarge,
    Internal,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            Self::MissingKey => (
                StatusCode::UNAUTHORIZED,
                ErrorBody::with_message("API key required in Authorization header", BEARER_FORMAT),
            ),
            Self::InvalidKey => (
                StatusCode::UNAUTHORIZED,
                ErrorBody::with_message("Invalid API key", BEARER_FORMAT),
            ),
            Self::PermissionDenied {
                required,
                available,
            } => (
                StatusCode::FORBIDDEN,
                ErrorBody::permission_denied(required, available),
            ),
            Self::DealNotFound => (StatusCode::NOT_FOUND, ErrorBody::plain("Deal not found")),
            Self::RouteNotFound => (StatusCode::NOT_FOUND, ErrorBody::plain("Not found")),
            Self::Validation(details) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorBody::validation(details),
            ),
            Self::BadRequest(error) => (StatusCode::BAD_REQUEST, ErrorBody::plain(error)),
            Self::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorBody::with_message(
                    "Unsupported Media Type",
                    "Send the request body as JSON with Content-Type: application/json",
                ),
            ),
            Self::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorBody::with_message(
                    "Payload Too Large",
                    format!("The request body must be at most {BODY_LIMIT_BYTES} bytes"),
                ),
            ),
            Self::Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorBody::plain("Internal server error"),
            ),
        };
        (status, Json(body)).into_response()
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(error: rusqlite::Error) -> Self {
        eprintln!("reference-api: database error: {error}");
        Self::Internal
    }
}

#[derive(Clone)]
struct AppState {
    store: SharedStore,
}

impl AppState {
    /// Runs `work` on the database off the async workers: SQLite waits for the
    /// disk on every write.
    async fn with_store<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || {
            let store = store.lock().map_err(|_| ApiError::Internal)?;
            work(&store)
        })
        .await
        .map_err(|_| ApiError::Internal)?
    }

    /// The caller's key, if it holds `permission`.
    async fn authorize(
        &self,
        headers: &HeaderMap,
        permission: &'static str,
    ) -> Result<ApiKey, ApiError> {
        let key = headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|key| !key.is_empty())
            .ok_or(ApiError::MissingKey)?
            .to_owned();
        let found = self
            .with_store(move |store| Ok(store.find_key(&key)?))
            .await?;
        let key = found.ok_or(ApiError::InvalidKey)?;
        if key.allows(permission) {
            Ok(key)
        } else {
            Err(ApiError::PermissionDenied {
                required: permission,
                available: key.permissions,
            })
        }
    }
}

/// Reads a JSON request body: 415 unless it is declared JSON, 413 when too
/// large, 400 when it is not JSON at all.
async fn json_body(headers: &HeaderMap, body: Body) -> Result<Value, ApiError> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| {
            let media = media.trim().to_ascii_lowercase();
            media == "application/json"
                || (media.starts_with("application/") && media.ends_with("+json"))
        });
    if !is_json {
        return Err(ApiError::UnsupportedMediaType);
    }
    let bytes: Bytes = to_bytes(body, BODY_LIMIT_BYTES)
        .await
        .map_err(|_| ApiError::PayloadTooLarge)?;
    serde_json::from_slice(&bytes)
        .map_err(|error| ApiError::BadRequest(format!("Malformed JSON in request body: {error}")))
}

fn new_deal_id() -> String {
    format!(
        "deal_{}",
        Alphanumeric
            .sample_string(&mut rand::rng(), 16)
            .to_lowercase()
    )
}

async fn list_deals(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Json<Page<deals_contract::Deal>>, ApiError> {
    let key = state.authorize(&headers, "deals:read").await?;
    let pairs = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .into_owned()
        .collect::<Vec<_>>();
    let query = DealQuery::from_pairs(pairs).map_err(ApiError::Validation)?;
    let (page, limit) = (query.page, query.limit);
    let (deals, total) = state
        .with_store(move |store| Ok(store.list_deals(key.company, &query)?))
        .await?;
    Ok(Json(Page {
        success: true,
        data: deals,
        meta: PageMeta::new(page, limit, total),
    }))
}

async fn get_deal(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<Envelope<deals_contract::Deal>>, ApiError> {
    let key = state.authorize(&headers, "deals:read").await?;
    let deal = state
        .with_store(move |store| Ok(store.get_deal(key.company, &id)?))
        .await?
        .ok_or(ApiError::DealNotFound)?;
    Ok(Json(Envelope::new(deal)))
}

async fn create_deal(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let key = state.authorize(&headers, "deals:write").await?;
    let body = json_body(&headers, body).await?;
    let deal = NewDeal::from_json(&body).map_err(ApiError::Validation)?;
    let created = state
        .with_store(move |store| {
            Ok(store.create_deal(key.company, &new_deal_id(), &deal, store::now())?)
        })
        .await?
        .map_err(|missing| {
            ApiError::BadRequest(
                match missing {
                    MissingLink::Contact => "Contact not found or does not belong to your company",
                    MissingLink::User => "User not found or does not belong to your company",
                }
                .to_owned(),
            )
        })?;
    Ok((StatusCode::CREATED, Json(Envelope::new(created))).into_response())
}

async fn change_status(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Body,
) -> Result<Json<Envelope<deals_contract::Deal>>, ApiError> {
    let key = state.authorize(&headers, "deals:write").await?;
    let body = json_body(&headers, body).await?;
    let change = StatusChange::from_json(&body).map_err(ApiError::Validation)?;
    let deal = state
        .with_store(move |store| {
            Ok(store.change_status(key.company, &id, &change, store::now())?)
        })
        .await?
        .ok_or(ApiError::DealNotFound)?;
    Ok(Json(Envelope::new(deal)))
}

async fn openapi_document() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        OPENAPI_DOCUMENT,
    )
        .into_response()
}

async fn route_not_found() -> ApiError {
    ApiError::RouteNotFound
}

/// The framework answers a wrong method with an empty 405 (keeping `Allow`):
/// give it the API's JSON error shape like every other answer.
async fn json_method_not_allowed(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let response = next.run(request).await;
    if response.status() != StatusCode::METHOD_NOT_ALLOWED {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    let body = ErrorBody::with_message(
        "Method Not Allowed",
        format!("This endpoint does not accept {method}; the Allow header lists what it does"),
    );
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    let json = serde_json::to_vec(&body).unwrap_or_default();
    Response::from_parts(parts, Body::from(json))
}

/// The whole API, with CORS for `cors`.
pub fn app(store: SharedStore, cors: CorsPolicy) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(move |origin, _| {
            origin.to_str().is_ok_and(|origin| cors.allows(origin))
        }))
        .allow_methods([Method::GET, Method::POST, Method::PUT])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        .expose_headers([header::RETRY_AFTER]);
    let api = Router::new()
        .route("/deals", get(list_deals).post(create_deal))
        .route("/deals/{id}", get(get_deal))
        .route("/deals/{id}/status", put(change_status))
        .route("/openapi.json", get(openapi_document));
    Router::new()
        .nest("/api/external", api)
        .fallback(route_not_found)
        .layer(middleware::from_fn(json_method_not_allowed))
        .layer(cors)
        .with_state(AppState { store })
}
