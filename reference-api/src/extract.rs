//! The parts of a request a handler reads, each refused in the API's own
//! words: axum's extractors with their rejections mapped to [`ApiError`].

use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::Json;
use serde_json::Value;

use crate::error::ApiError;

/// The `{id}` of a deal's path. An id that cannot even be decoded (say
/// `%FF`) names no deal: 404 like any other unknown id.
pub struct DealId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for DealId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<String>::from_request_parts(parts, state)
            .await
            .map(|Path(id)| Self(id))
            .map_err(|_| ApiError::DealNotFound)
    }
}

/// A JSON request body: 415 unless it is declared JSON, 413 when larger than
/// the body limit, 400 when it is not JSON at all. Its fields are checked by
/// the contract's rules afterwards, which report every broken one by name.
pub struct JsonBody(pub Value);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        match Json::<Value>::from_request(request, state).await {
            Ok(Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(match rejection.status() {
                StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType,
                StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
                _ => ApiError::MalformedJson(rejection.body_text()),
            }),
        }
    }
}
