//! The Deals API over HTTP: typed requests, typed answers, one error type.
//! Nothing here knows about the DOM beyond fetch's own abort signal;
//! components call these plain async fns, and drop a call's future to abort
//! its request.

use std::fmt;
use std::ops::Deref;
use std::pin::pin;
use std::time::Duration;

use deals_contract::{
    Deal, DealQuery, Envelope, ErrorBody, FieldErrors, NewDeal, Page, StatusChange, MAX_LIMIT,
};
use futures::channel::oneshot;
use futures::future::{select, Either};
use gloo_net::http::{Request, RequestBuilder, Response};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;
use web_sys::{AbortController, RequestInit};

use crate::api_key::ApiKey;

/// Everything a call to the API can end in, other than success. `Clone` so
/// that views can keep it in signals.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// 401: no key, or a key the API does not know.
    Unauthorized {
        error: String,
        message: Option<String>,
    },
    /// 403: the key lacks `required_permission`.
    Forbidden {
        error: String,
        message: Option<String>,
        required_permission: Option<String>,
        available_permissions: Vec<String>,
    },
    /// 404: the deal does not exist, or belongs to another company.
    NotFound { error: String },
    /// 422: messages per field.
    Validation { error: String, details: FieldErrors },
    /// 400: a request the API understood but refused, such as an unknown contact.
    BadRequest {
        error: String,
        message: Option<String>,
    },
    /// 429: the API asks to wait `retry_after_seconds` before trying again.
    RateLimited {
        error: String,
        retry_after_seconds: Option<u64>,
    },
    /// Any other 4xx the contract does not name (405, 413, 415…).
    Rejected { status: u16, error: String },
    /// 5xx: the API failed.
    Server { status: u16, error: String },
    /// The request never got an answer (offline, DNS, CORS refused…).
    Network(String),
    /// An answer arrived that is not what the contract describes.
    Decode(String),
}

/// How long to wait before asking again when a 429 names no time.
pub const DEFAULT_RETRY_SECONDS: u64 = 10;

impl ApiError {
    /// The wait a 429 asks for before the same request is sent again (at
    /// least a second); none for any other error.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ApiError::RateLimited {
                retry_after_seconds,
                ..
            } => Some(Duration::from_secs(
                retry_after_seconds.unwrap_or(DEFAULT_RETRY_SECONDS).max(1),
            )),
            _ => None,
        }
    }

    /// Reads a non-2xx answer: the server's own words when its body has the
    /// contract's error shape, a plain description of the status otherwise.
    pub fn from_answer(status: u16, retry_after: Option<&str>, body: &[u8]) -> Self {
        let ErrorBody {
            error,
            message,
            required_permission,
            available_permissions,
            details,
            ..
        } = serde_json::from_slice(body)
            .unwrap_or_else(|_| ErrorBody::plain(format!("The Deals API answered {status}")));
        match status {
            401 => ApiError::Unauthorized { error, message },
            403 => ApiError::Forbidden {
                error,
                message,
                required_permission,
                available_permissions: available_permissions.unwrap_or_default(),
            },
            404 => ApiError::NotFound { error },
            422 => ApiError::Validation {
                error,
                details: details.unwrap_or_default(),
            },
            400 => ApiError::BadRequest { error, message },
            429 => ApiError::RateLimited {
                error,
                retry_after_seconds: retry_after.and_then(|text| text.trim().parse().ok()),
            },
            500..=599 => ApiError::Server { status, error },
            _ => ApiError::Rejected { status, error },
        }
    }

    /// The HTTP status of the answer; `None` when no answer could be read.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Unauthorized { .. } => Some(401),
            ApiError::Forbidden { .. } => Some(403),
            ApiError::NotFound { .. } => Some(404),
            ApiError::Validation { .. } => Some(422),
            ApiError::BadRequest { .. } => Some(400),
            ApiError::RateLimited { .. } => Some(429),
            ApiError::Rejected { status, .. } | ApiError::Server { status, .. } => Some(*status),
            ApiError::Network(_) | ApiError::Decode(_) => None,
        }
    }

    /// The API's `error` member; what went wrong when no answer could be read.
    pub fn api_error(&self) -> &str {
        match self {
            ApiError::Unauthorized { error, .. }
            | ApiError::Forbidden { error, .. }
            | ApiError::NotFound { error }
            | ApiError::Validation { error, .. }
            | ApiError::BadRequest { error, .. }
            | ApiError::RateLimited { error, .. }
            | ApiError::Rejected { error, .. }
            | ApiError::Server { error, .. }
            | ApiError::Network(error)
            | ApiError::Decode(error) => error,
        }
    }

    /// Field messages of a 422, empty for every other error.
    pub fn field_errors(&self) -> FieldErrors {
        match self {
            ApiError::Validation { details, .. } => details.clone(),
            _ => FieldErrors::new(),
        }
    }
}

/// The words a person reads: the server's own where it sent some.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Unauthorized { error, message } | ApiError::BadRequest { error, message } => {
                match message {
                    Some(message) => write!(f, "{error}. {message}"),
                    None => f.write_str(error),
                }
            }
            ApiError::Forbidden {
                error,
                required_permission,
                available_permissions,
                ..
            } => {
                f.write_str(error)?;
                if let Some(required) = required_permission {
                    write!(f, ". Missing permission: {required}")?;
                }
                if available_permissions.is_empty() {
                    f.write_str(". This key has no permissions.")
                } else {
                    write!(f, ". This key has: {}.", available_permissions.join(", "))
                }
            }
            ApiError::NotFound { error } => f.write_str(error),
            ApiError::Validation { error, details } => {
                f.write_str(error)?;
                for (field, message) in details.iter() {
                    write!(f, "; {field}: {message}")?;
                }
                Ok(())
            }
            ApiError::RateLimited {
                error,
                retry_after_seconds,
            } => match retry_after_seconds {
                Some(seconds) => write!(f, "{error}. Try again in {seconds} seconds."),
                None => write!(f, "{error}. Try again later."),
            },
            ApiError::Rejected { status, error } => write!(f, "{error} (HTTP {status})"),
            ApiError::Server { status, error } => {
                write!(f, "The Deals API failed (HTTP {status}): {error}")
            }
            ApiError::Network(detail) => write!(f, "Could not reach the Deals API: {detail}"),
            ApiError::Decode(detail) => {
                write!(
                    f,
                    "The Deals API sent an answer the widget cannot read: {detail}"
                )
            }
        }
    }
}

impl std::error::Error for ApiError {}

/// An id is one path segment: `/`, `?`, `#` and the like are escaped so an id
/// cannot address another resource. (A segment of dots alone would still be
/// read as `..` by URL parsers; ids from the page URL are checked for that.)
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'~');

/// The deals that match a query across all its pages.
#[derive(Debug, Clone, PartialEq)]
pub struct AllDeals {
    pub deals: Vec<Deal>,
    /// How many the API counts: more than `deals` holds when the load stopped early.
    pub total: u64,
    pub complete: bool,
}

/// A deal as the API sent it: read into a [`Deal`] (which it reads as), and
/// the answer's JSON kept as it came, for the host page's events. Writing
/// the `Deal` back to JSON instead would drop what the widget does not read,
/// and bring a JSON writer into the download for it.
#[derive(Debug, Clone, PartialEq)]
pub struct SentDeal {
    pub deal: Deal,
    /// The whole answer, `{"success": true, "data": {…the deal…}}`, as its
    /// bytes came: the browser decodes them once an event needs them.
    pub answer: Vec<u8>,
}

impl Deref for SentDeal {
    type Target = Deal;

    fn deref(&self) -> &Deal {
        &self.deal
    }
}

/// How a request tells the API who is asking; the embedding page chooses.
#[derive(Clone, PartialEq)]
pub enum Credentials {
    /// `Authorization: Bearer …` with the user's key.
    Key(ApiKey),
    /// No key from the widget: the browser's own credentials (cookies, HTTP
    /// authentication) go with each request to the page's origin, and the
    /// host's server in front of the API adds the key.
    Host,
}

impl From<ApiKey> for Credentials {
    fn from(key: ApiKey) -> Self {
        Credentials::Key(key)
    }
}

/// A client for one API base URL and one way of authorising its requests.
#[derive(Clone, PartialEq)]
pub struct ApiClient {
    base: String,
    credentials: Credentials,
}

/// Never prints the key.
impl fmt::Debug for ApiClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiClient")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

impl ApiClient {
    /// `base` is the API root, such as `https://staging.isao.io/api/external`
    /// or a same-origin path like `/api/external`.
    pub fn new(base: &str, credentials: impl Into<Credentials>) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
            credentials: credentials.into(),
        }
    }

    pub fn deals_url(&self) -> String {
        format!("{}/deals", self.base)
    }

    /// The URL of one deal; the id is percent-encoded so that an id taken from
    /// the page URL can never address another resource.
    pub fn deal_url(&self, id: &str) -> String {
        format!(
            "{}/deals/{}",
            self.base,
            utf8_percent_encode(id, PATH_SEGMENT)
        )
    }

    /// Where a deal's status changes go.
    fn status_url(&self, id: &str) -> String {
        format!("{}/status", self.deal_url(id))
    }

    pub async fn list_deals(&self, query: &DealQuery) -> Result<Page<Deal>, ApiError> {
        let abort = AbortOnDrop::new();
        let request = self
            .authorized(Request::get(&self.deals_url()), &abort)
            .query(query.to_pairs());
        decode(&read_body(request.build()).await?)
    }

    /// Every deal that matches `query`'s filters, read page by page at the
    /// largest page size, with `arrived(page, loaded, total)` after each page
    /// but the last (whose deals come with the answer): the page's deals, how
    /// many have arrived, how many the API counts. A message on `stop` (or
    /// its sender dropped) ends the load at once, the request in flight
    /// abandoned, with what has arrived.
    pub async fn list_all_deals(
        &self,
        query: &DealQuery,
        arrived: impl Fn(&[Deal], usize, u64),
        mut stop: oneshot::Receiver<()>,
    ) -> Result<AllDeals, ApiError> {
        let mut request = DealQuery {
            page: 1,
            limit: MAX_LIMIT,
            ..query.clone()
        };
        let mut all = AllDeals {
            deals: Vec::new(),
            total: 0,
            complete: false,
        };
        loop {
            let page = match select(pin!(self.list_deals(&request)), &mut stop).await {
                Either::Left((page, _)) => page?,
                Either::Right(_) => return Ok(all),
            };
            all.total = page.meta.total;
            all.complete = page.data.is_empty() || u64::from(request.page) >= page.meta.total_pages;
            if !all.complete {
                arrived(&page.data, all.deals.len() + page.data.len(), all.total);
            }
            all.deals.extend(page.data);
            if all.complete {
                return Ok(all);
            }
            request.page += 1;
        }
    }

    pub async fn get_deal(&self, id: &str) -> Result<SentDeal, ApiError> {
        let abort = AbortOnDrop::new();
        let request = self.authorized(Request::get(&self.deal_url(id)), &abort);
        sent_deal(read_body(request.build()).await?)
    }

    pub async fn create_deal(&self, deal: &NewDeal) -> Result<SentDeal, ApiError> {
        let abort = AbortOnDrop::new();
        let request = self
            .authorized(Request::post(&self.deals_url()), &abort)
            .json(deal);
        sent_deal(read_body(request).await?)
    }

    pub async fn update_status(
        &self,
        id: &str,
        change: &StatusChange,
    ) -> Result<SentDeal, ApiError> {
        let url = self.status_url(id);
        let abort = AbortOnDrop::new();
        let request = self.authorized(Request::put(&url), &abort).json(change);
        sent_deal(read_body(request).await?)
    }

    /// `update_status` for a page being closed or reloaded: the browser
    /// sends it through to the end (`keepalive`) after the page has gone.
    /// Nothing aborts it, and nobody may be left to read its answer.
    pub async fn update_status_while_leaving(
        &self,
        id: &str,
        change: &StatusChange,
    ) -> Result<SentDeal, ApiError> {
        let url = self.status_url(id);
        let built = self
            .with_credentials(Request::put(&url))
            .json(change)
            .map_err(|error| ApiError::Network(error.to_string()))?;
        let init = RequestInit::new();
        // web-sys has no setter for `keepalive` yet; the dictionary is a
        // plain object.
        let kept_alive =
            js_sys::Reflect::set(&init, &JsValue::from_str("keepalive"), &JsValue::TRUE)
                .and_then(|_| web_sys::Request::new_with_request_and_init(&built.into(), &init))
                .map_err(|error| ApiError::Network(format!("{error:?}")))?;
        sent_deal(read_body(Ok(Request::from(kept_alive))).await?)
    }

    /// The request with its credentials, aborted when `abort` is dropped.
    fn authorized(&self, request: RequestBuilder, abort: &AbortOnDrop) -> RequestBuilder {
        self.with_credentials(request)
            .abort_signal(abort.0.as_ref().map(AbortController::signal).as_ref())
    }

    fn with_credentials(&self, request: RequestBuilder) -> RequestBuilder {
        match &self.credentials {
            Credentials::Key(key) => {
                request.header("Authorization", &format!("Bearer {}", key.as_str()))
            }
            // fetch's own `same-origin` sends the browser's cookies and HTTP
            // authentication to an API base on the page's origin, where the
            // host's proxy answers.
            Credentials::Host => request,
        }
    }
}

/// Aborts the fetch it was made for when it is dropped, with the future of
/// the call that made it: a request replaced by a newer one, or whose screen
/// or widget went away, stops in the browser instead of downloading an
/// answer nobody reads. Dropped once the answer is read, it aborts nothing.
struct AbortOnDrop(Option<AbortController>);

impl AbortOnDrop {
    /// Without an `AbortController` (a browser too old for one) the request
    /// goes out all the same, only not abortable.
    fn new() -> Self {
        Self(AbortController::new().ok())
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = &self.0 {
            controller.abort();
        }
    }
}

fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|error| ApiError::Decode(error.to_string()))
}

fn sent_deal(answer: Vec<u8>) -> Result<SentDeal, ApiError> {
    let envelope: Envelope<Deal> = decode(&answer)?;
    Ok(SentDeal {
        deal: envelope.data,
        answer,
    })
}

/// The body of a successful answer, as it came.
async fn read_body(request: Result<Request, gloo_net::Error>) -> Result<Vec<u8>, ApiError> {
    let request = request.map_err(|error| ApiError::Network(error.to_string()))?;
    let response = request
        .send()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))?;
    body_of(response).await
}

async fn body_of(response: Response) -> Result<Vec<u8>, ApiError> {
    let status = response.status();
    let retry_after = response.headers().get("retry-after");
    // The bytes as they came: a JavaScript string would be decoded from
    // UTF-8 by the browser, then encoded back into wasm memory.
    let body = response
        .binary()
        .await
        .map_err(|error| ApiError::Decode(error.to_string()))?;
    if response.ok() {
        Ok(body)
    } else {
        Err(ApiError::from_answer(status, retry_after.as_deref(), &body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_401: &str = r#"{"success": false, "error": "API key required in Authorization header",
        "message": "Please provide a valid API key in the format: Authorization: Bearer YOUR_API_KEY"}"#;
    const SEED_403: &str = r#"{"success": false, "error": "Permission denied: deals:read required",
        "message": "This API key does not have the required permission: deals:read",
        "requiredPermission": "deals:read", "availablePermissions": ["contacts:read", "contacts:write"]}"#;
    const SEED_404: &str = r#"{"success": false, "error": "Deal not found"}"#;
    const SEED_422: &str = r#"{"success": false, "error": "Validation failed",
        "details": {"title": "Title is required", "value": "Value must be a positive number"}}"#;
    const SEED_400: &str =
        r#"{"success": false, "error": "Contact not found or does not belong to your company"}"#;

    #[test]
    fn the_seeds_401_keeps_the_servers_words() {
        let error = ApiError::from_answer(401, None, SEED_401.as_bytes());
        assert!(matches!(error, ApiError::Unauthorized { .. }));
        assert_eq!(
            error.to_string(),
            "API key required in Authorization header. Please provide a valid API key in the format: Authorization: Bearer YOUR_API_KEY"
        );
    }

    #[test]
    fn the_seeds_403_names_the_missing_and_the_available_permissions() {
        let error = ApiError::from_answer(403, None, SEED_403.as_bytes());
        assert_eq!(
            error,
            ApiError::Forbidden {
                error: "Permission denied: deals:read required".into(),
                message: Some(
                    "This API key does not have the required permission: deals:read".into()
                ),
                required_permission: Some("deals:read".into()),
                available_permissions: vec!["contacts:read".into(), "contacts:write".into()],
            }
        );
        assert_eq!(
            error.to_string(),
            "Permission denied: deals:read required. Missing permission: deals:read. This key has: contacts:read, contacts:write."
        );
    }

    #[test]
    fn the_seeds_404_400_and_422_are_told_apart() {
        assert_eq!(
            ApiError::from_answer(404, None, SEED_404.as_bytes()),
            ApiError::NotFound {
                error: "Deal not found".into()
            }
        );
        let bad_request = ApiError::from_answer(400, None, SEED_400.as_bytes());
        assert_eq!(
            bad_request.to_string(),
            "Contact not found or does not belong to your company"
        );
        let validation = ApiError::from_answer(422, None, SEED_422.as_bytes());
        assert_eq!(validation.field_errors()["title"], "Title is required");
        assert_eq!(
            validation.field_errors()["value"],
            "Value must be a positive number"
        );
    }

    #[test]
    fn rate_limit_reads_retry_after() {
        let error = ApiError::from_answer(
            429,
            Some("30"),
            br#"{"success":false,"error":"Too many requests"}"#,
        );
        assert_eq!(
            error,
            ApiError::RateLimited {
                error: "Too many requests".into(),
                retry_after_seconds: Some(30)
            }
        );
        assert_eq!(
            error.to_string(),
            "Too many requests. Try again in 30 seconds."
        );
    }

    #[test]
    fn an_undecodable_error_body_still_tells_the_status() {
        let error = ApiError::from_answer(502, None, b"<html>Bad gateway</html>");
        assert_eq!(
            error,
            ApiError::Server {
                status: 502,
                error: "The Deals API answered 502".into()
            }
        );
        let error = ApiError::from_answer(413, None, b"");
        assert_eq!(error.to_string(), "The Deals API answered 413 (HTTP 413)");
    }

    #[test]
    fn deal_urls_escape_the_id_and_ignore_a_trailing_slash() {
        let client = ApiClient::new(
            "https://staging.isao.io/api/external/",
            ApiKey::parse("key").unwrap(),
        );
        assert_eq!(
            client.deals_url(),
            "https://staging.isao.io/api/external/deals"
        );
        assert_eq!(
            client.deal_url("deal_123"),
            "https://staging.isao.io/api/external/deals/deal_123"
        );
        assert_eq!(
            client.deal_url("../x?y"),
            "https://staging.isao.io/api/external/deals/%2E%2E%2Fx%3Fy"
        );
    }

    #[test]
    fn debug_output_never_contains_the_key() {
        let client = ApiClient::new("/api/external", ApiKey::parse("isao_secret_key").unwrap());
        assert!(!format!("{client:?}").contains("isao_secret_key"));
    }
}
