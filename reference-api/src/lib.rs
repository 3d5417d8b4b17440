//! A reference server of the ISAO Deals API (`../shared/seed/deals-api.txt`):
//! the same endpoints, answers and error bodies, over SQLite. The widget's
//! demo and tests run against it because the real API cannot be reached.

pub mod auth;
pub mod company;
pub mod demo;
pub mod error;
pub mod extract;
mod rate_limit;
pub mod serve;
mod state;
pub mod store;
pub mod webhooks;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, RawQuery, Request, State};
use axum::http::header::{self, HeaderValue};
use axum::http::{Method, StatusCode, Version};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use deals_contract::{
    Deal, DealQuery, Envelope, NewDeal, StatusChange, CONTACT_NOT_FOUND, USER_NOT_FOUND,
};
use rand::distr::{Alphanumeric, SampleString};
use tower::ServiceExt;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use auth::{Authorized, ReadDeals, WriteDeals};
use error::{json_refusals, log_failures};
use extract::{DealId, JsonBody};
use rate_limit::{AuthFailureLimit, RateLimit};
use state::AppState;
use store::{MissingLink, Store};

pub use error::{ApiError, BODY_LIMIT_BYTES};

/// The OpenAPI 3.1 description of exactly what this server answers.
pub const OPENAPI_DOCUMENT: &str = include_str!("../openapi.json");

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

/// How the API answers, beyond its data.
#[derive(Debug, Clone)]
pub struct AppOptions {
    pub cors: CorsPolicy,
    /// Requests per minute for each API key; 0 for no limit.
    pub rate_limit_per_minute: u32,
    /// Unknown API keys per minute from one client address before its
    /// requests with a key get 429; 0 for no limit. Counted only for requests
    /// that carry their client's address (see [`serve::serve`]).
    pub auth_failures_per_minute: u32,
    /// Time from a request's headers to its answer, body reading included.
    pub request_timeout: Duration,
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
    caller: Authorized<ReadDeals>,
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let pairs = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .into_owned()
        .collect::<Vec<_>>();
    let query = DealQuery::from_pairs(pairs).map_err(ApiError::Validation)?;
    let company = caller.key.company;
    let json = state.read(|store| store.list_deals_json(company, &query))?;
    Ok(json_response(json))
}

async fn get_deal(
    caller: Authorized<ReadDeals>,
    State(state): State<AppState>,
    DealId(id): DealId,
) -> Result<Json<Envelope<Deal>>, ApiError> {
    let company = caller.key.company;
    let deal = state
        .read(|store| store.get_deal(company, &id))?
        .ok_or(ApiError::DealNotFound)?;
    Ok(Json(Envelope::new(deal)))
}

async fn create_deal(
    caller: Authorized<WriteDeals>,
    State(state): State<AppState>,
    JsonBody(body): JsonBody,
) -> Result<Response, ApiError> {
    let deal = NewDeal::from_json(&body).map_err(ApiError::Validation)?;
    let company = caller.key.company;
    let created = state
        .write(move |store| Ok(store.create_deal(company, &new_deal_id(), &deal, store::now())?))
        .await?
        .map_err(|missing| {
            ApiError::BadRequest(
                match missing {
                    MissingLink::Contact => CONTACT_NOT_FOUND,
                    MissingLink::User => USER_NOT_FOUND,
                }
                .to_owned(),
            )
        })?;
    Ok((StatusCode::CREATED, Json(Envelope::new(created))).into_response())
}

async fn change_status(
    caller: Authorized<WriteDeals>,
    State(state): State<AppState>,
    DealId(id): DealId,
    JsonBody(body): JsonBody,
) -> Result<Json<Envelope<Deal>>, ApiError> {
    let change = StatusChange::from_json(&body).map_err(ApiError::Validation)?;
    let company = caller.key.company;
    let deal = state
        .write(move |store| Ok(store.change_status(company, &id, &change, store::now())?))
        .await?
        .ok_or(ApiError::DealNotFound)?;
    Ok(Json(Envelope::new(deal)))
}

/// A 200 with a body that is JSON already, headed as axum's `Json` heads it.
fn json_response(body: impl Into<axum::body::Body>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body.into(),
    )
        .into_response()
}

async fn openapi_document() -> Response {
    json_response(OPENAPI_DOCUMENT)
}

async fn route_not_found() -> ApiError {
    ApiError::RouteNotFound
}

/// A CORS preflight is an `OPTIONS` request with `Origin` and
/// `Access-Control-Request-Method`. Any other `OPTIONS` request skips the CORS
/// layer (which would answer every `OPTIONS` with an empty 200) and gets the
/// API's own answer: a JSON 405 with `Allow`.
async fn only_preflights_to_cors(
    State(routes): State<Router>,
    request: Request,
    next: Next,
) -> Response {
    let headers = request.headers();
    let is_preflight = headers.contains_key(header::ORIGIN)
        && headers.contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if request.method() == Method::OPTIONS && !is_preflight {
        routes
            .oneshot(request)
            .await
            .unwrap_or_else(|never| match never {})
    } else {
        next.run(request).await
    }
}

/// An HTTP/1.1 request names exactly one Host (RFC 9112 §3.2): a request
/// without one, or with two, is refused before anything else is looked at.
async fn exactly_one_host(request: Request, next: Next) -> Response {
    let hosts = request.headers().get_all(header::HOST).iter().count();
    if request.version() == Version::HTTP_11 && hosts != 1 {
        return ApiError::HostHeader.into_response();
    }
    next.run(request).await
}

/// The whole API, with CORS by `options.cors`.
pub fn app(store: Arc<Store>, options: AppOptions) -> Router {
    let api = Router::new()
        .route("/deals", get(list_deals).post(create_deal))
        .route("/deals/{id}", get(get_deal))
        .route("/deals/{id}/status", put(change_status))
        .route("/openapi.json", get(openapi_document));
    let routes = Router::new()
        .nest("/api/external", api)
        .fallback(route_not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            options.request_timeout,
        ))
        .layer(middleware::from_fn(json_refusals))
        .layer(middleware::from_fn(log_failures))
        .with_state(AppState {
            store,
            rate_limit: RateLimit::per_minute(options.rate_limit_per_minute),
            auth_failure_limit: AuthFailureLimit::per_minute(options.auth_failures_per_minute),
        });
    let cors_policy = options.cors;
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(move |origin, _| {
            origin
                .to_str()
                .is_ok_and(|origin| cors_policy.allows(origin))
        }))
        .allow_methods([Method::GET, Method::POST, Method::PUT])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        .expose_headers([header::RETRY_AFTER]);
    routes
        .clone()
        .layer(cors)
        .layer(middleware::from_fn_with_state(
            routes,
            only_preflights_to_cors,
        ))
        .layer(middleware::from_fn(exactly_one_host))
        // Every answer, errors included: a company's deals or a word on which
        // keys exist must not stay in a shared cache, and no browser may
        // read a JSON answer as a page or a script.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
}
