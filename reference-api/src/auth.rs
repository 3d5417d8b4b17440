//! Who is calling: the `Authorized` extractor checks the API key, its
//! permission and its rate before a handler runs, and before anything else of
//! the request (path, body) is read, so a caller without a valid key only
//! ever gets the 401, or the 429 of an address that sent too many unknown keys.

use std::marker::PhantomData;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header::{self, HeaderMap};
use axum::http::request::Parts;
use deals_contract::permission;

use crate::error::ApiError;
use crate::state::AppState;
use crate::store::{key_hash, KeyRecord};

/// A permission a route needs, as a type so that each handler names it in
/// its signature.
pub trait Permission {
    const NAME: &'static str;
}

pub struct ReadDeals;
pub struct WriteDeals;

impl Permission for ReadDeals {
    const NAME: &'static str = permission::DEALS_READ;
}

impl Permission for WriteDeals {
    const NAME: &'static str = permission::DEALS_WRITE;
}

/// A caller whose key exists, holds `P` and is within its rate.
pub struct Authorized<P> {
    pub key: KeyRecord,
    permission: PhantomData<P>,
}

impl<P: Permission> FromRequestParts<AppState> for Authorized<P> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let presented = presented_key(&parts.headers)?;
        let guessing_limit = state.auth_failure_limit.as_deref().zip(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(client)| client.ip()),
        );
        if let Some((limit, client)) = guessing_limit {
            limit.check(client)?;
        }
        let hash = key_hash(&presented);
        let found = state.read(|store| store.find_key(&presented))?;
        let Some(key) = found else {
            if let Some((limit, client)) = guessing_limit {
                limit.record_failure(client);
            }
            return Err(ApiError::InvalidKey);
        };
        if let Some(limit) = &state.rate_limit {
            limit.check(hash)?;
        }
        if !key.allows(P::NAME) {
            return Err(ApiError::PermissionDenied {
                required: P::NAME,
                available: key.permissions,
            });
        }
        Ok(Self {
            key,
            permission: PhantomData,
        })
    }
}

/// The key of the one `Authorization` header, whose scheme is `Bearer` in
/// any case (RFC 9110 §11.1: auth schemes are case-insensitive).
fn presented_key(headers: &HeaderMap) -> Result<String, ApiError> {
    let mut values = headers.get_all(header::AUTHORIZATION).iter();
    let value = values.next().ok_or(ApiError::MissingKey)?;
    if values.next().is_some() {
        return Err(ApiError::SeveralKeys);
    }
    let (scheme, key) = value
        .to_str()
        .ok()
        .and_then(|text| text.trim().split_once(' '))
        .ok_or(ApiError::MissingKey)?;
    let key = key.trim();
    if !scheme.eq_ignore_ascii_case("bearer") || key.is_empty() {
        return Err(ApiError::MissingKey);
    }
    Ok(key.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    #[test]
    fn the_scheme_is_case_insensitive() {
        for value in ["Bearer k1", "bearer k1", "BEARER k1", "bEaReR   k1 "] {
            assert_eq!(presented_key(&headers(&[value])).unwrap(), "k1", "{value}");
        }
    }

    #[test]
    fn other_schemes_and_empty_keys_count_as_no_key() {
        for value in ["Basic k1", "k1", "Bearer", "Bearer   ", "Bearerk1"] {
            assert!(
                matches!(presented_key(&headers(&[value])), Err(ApiError::MissingKey)),
                "{value}"
            );
        }
        assert!(matches!(
            presented_key(&headers(&[])),
            Err(ApiError::MissingKey)
        ));
    }

    #[test]
    fn two_authorization_headers_are_refused() {
        assert!(matches!(
            presented_key(&headers(&["Bearer k1", "Bearer k2"])),
            Err(ApiError::SeveralKeys)
        ));
    }
}
