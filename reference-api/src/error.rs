//! Every answer that is not a success, in the seed's JSON shape, and the
//! middleware that puts the framework's own refusals into that shape and logs
//! what went wrong inside.

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{self, HeaderValue};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use deals_contract::{ErrorBody, FieldErrors};

use crate::store::StoreError;

/// Request bodies larger than this are refused with 413: a deal is a few
/// hundred bytes.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

const BEARER_FORMAT: &str =
    "Please provide a valid API key in the format: Authorization: Bearer YOUR_API_KEY";

/// Every refusal and failure a request can meet; [`IntoResponse`] gives each
/// its status and the seed's body.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("no API key")]
    MissingKey,
    #[error("unknown API key")]
    InvalidKey,
    #[error("more than one Authorization header")]
    SeveralKeys,
    #[error("permission {required} required")]
    PermissionDenied {
        required: &'static str,
        available: Vec<String>,
    },
    #[error("over {per_minute} requests per minute")]
    RateLimited {
        per_minute: u32,
        retry_after_seconds: u64,
    },
    #[error("over {per_minute} unknown API keys a minute from one address")]
    TooManyUnknownKeys {
        per_minute: u32,
        retry_after_seconds: u64,
    },
    #[error("no such deal")]
    DealNotFound,
    #[error("no such route")]
    RouteNotFound,
    #[error("invalid fields")]
    Validation(FieldErrors),
    #[error("{0}")]
    BadRequest(String),
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    #[error("not exactly one Host header")]
    HostHeader,
    #[error("the body is not JSON")]
    UnsupportedMediaType,
    #[error("the body is too large")]
    PayloadTooLarge,
    /// Something failed inside; the cause goes to the log, not to the client.
    #[error("{0}")]
    Internal(String),
    /// The database failed; like [`ApiError::Internal`].
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The cause of a 500, handed from the response to [`log_failures`].
#[derive(Debug, Clone)]
struct FailureCause(String);

/// A 429 in the shape of the API's other refusals, saying which limit.
fn rate_limited(message: String) -> (StatusCode, ErrorBody) {
    (
        StatusCode::TOO_MANY_REQUESTS,
        ErrorBody::with_message("Rate limit exceeded", message),
    )
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut cause = None;
        let mut retry_after = None;
        let (status, body) = match self {
            Self::MissingKey => (
                StatusCode::UNAUTHORIZED,
                ErrorBody::with_message("API key required in Authorization header", BEARER_FORMAT),
            ),
            Self::InvalidKey => (
                StatusCode::UNAUTHORIZED,
                ErrorBody::with_message("Invalid API key", BEARER_FORMAT),
            ),
            Self::SeveralKeys => (
                StatusCode::UNAUTHORIZED,
                ErrorBody::with_message(
                    "More than one Authorization header",
                    "Send exactly one header in the format: Authorization: Bearer YOUR_API_KEY",
                ),
            ),
            Self::PermissionDenied {
                required,
                available,
            } => (
                StatusCode::FORBIDDEN,
                ErrorBody::permission_denied(required, available),
            ),
            Self::RateLimited {
                per_minute,
                retry_after_seconds,
            } => {
                retry_after = Some(retry_after_seconds);
                rate_limited(format!(
                    "This API key may make {per_minute} requests per minute; retry after {retry_after_seconds} s"
                ))
            }
            Self::TooManyUnknownKeys {
                per_minute,
                retry_after_seconds,
            } => {
                retry_after = Some(retry_after_seconds);
                rate_limited(format!(
                    "This address sent {per_minute} unknown API keys within a minute; retry after {retry_after_seconds} s"
                ))
            }
            Self::DealNotFound => (StatusCode::NOT_FOUND, ErrorBody::plain("Deal not found")),
            Self::RouteNotFound => (StatusCode::NOT_FOUND, ErrorBody::plain("Not found")),
            Self::Validation(details) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorBody::validation(details),
            ),
            Self::BadRequest(error) => (StatusCode::BAD_REQUEST, ErrorBody::plain(error)),
            Self::MalformedJson(reason) => (
                StatusCode::BAD_REQUEST,
                ErrorBody::with_message("Malformed JSON in request body", reason),
            ),
            Self::HostHeader => (
                StatusCode::BAD_REQUEST,
                ErrorBody::with_message(
                    "Bad Request",
                    "An HTTP/1.1 request must carry exactly one Host header",
                ),
            ),
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
            Self::Internal(_) | Self::Store(_) => {
                cause = Some(FailureCause(self.to_string()));
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ErrorBody::plain("Internal server error"),
                )
            }
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if let Some(cause) = cause {
            response.extensions_mut().insert(cause);
        }
        response
    }
}

/// Writes one line to stderr for every answer that failed inside the server.
pub async fn log_failures(request: Request, next: Next) -> Response {
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    let response = next.run(request).await;
    if let Some(FailureCause(cause)) = response.extensions().get::<FailureCause>() {
        eprintln!(
            "reference-api: {method} {path} -> {}: {cause}",
            response.status()
        );
    }
    response
}

/// The framework answers a wrong method (405, keeping `Allow`) and a request
/// that took too long (408) with an empty body: give those the API's JSON
/// error shape like every other answer.
pub async fn json_refusals(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let response = next.run(request).await;
    let body = match response.status() {
        StatusCode::METHOD_NOT_ALLOWED => ErrorBody::with_message(
            "Method Not Allowed",
            format!("This endpoint does not accept {method}; the Allow header lists what it does"),
        ),
        StatusCode::REQUEST_TIMEOUT => ErrorBody::with_message(
            "Request Timeout",
            "The request was not received and answered in time",
        ),
        _ => return response,
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    let json = serde_json::to_vec(&body).unwrap_or_default();
    Response::from_parts(parts, Body::from(json))
}
