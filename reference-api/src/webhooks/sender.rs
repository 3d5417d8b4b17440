//! Sends one delivery attempt over HTTP: a signed `POST` of the event's body.
//! Bounded in time and in what it reads, so a slow or talkative receiver
//! cannot hold the worker; a refusal keeps the start of the receiver's answer.

use std::error::Error as _;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{header, Request, StatusCode};
use chrono::Utc;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use tokio::time::{timeout_at, Instant};

use super::signature;

/// A receiver has this long to answer, from connecting to the status line.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// How much of an answer is read and kept for `webhooks deliveries`: enough
/// to show why a delivery failed.
const ANSWER_LIMIT_BYTES: usize = 4096;

/// What is sent: the stored body, byte for byte, and who it is for.
pub struct Outgoing<'a> {
    pub url: &'a str,
    pub secret: &'a str,
    pub event_id: &'a str,
    pub event: &'a str,
    pub body: &'a str,
}

/// The result of one attempt: the status the receiver answered, if any, and
/// why it did not count as delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub status: Option<u16>,
    pub error: Option<String>,
}

impl Outcome {
    pub fn delivered(&self) -> bool {
        self.status
            .is_some_and(|status| (200..300).contains(&status))
    }

    fn failed(error: impl Into<String>) -> Self {
        Self {
            status: None,
            error: Some(error.into()),
        }
    }
}

#[derive(Clone)]
pub struct Sender {
    client: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
}

impl Sender {
    /// An http and https client trusting the system's certificate authorities
    /// (`SSL_CERT_FILE` / `SSL_CERT_DIR` when set), so an intranet's own CA works.
    pub fn new() -> Result<Self, rustls::Error> {
        let mut roots = rustls::RootCertStore::empty();
        // A system store with a few unreadable certificates still serves the rest.
        let (_added, _skipped) =
            roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_connect_timeout(Some(TIMEOUT));
        let connector = HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        Ok(Self {
            client: Client::builder(TokioExecutor::new()).build(connector),
        })
    }

    /// Sends one event; never takes much longer than [`TIMEOUT`].
    pub async fn send(&self, outgoing: &Outgoing<'_>) -> Outcome {
        let deadline = Instant::now() + TIMEOUT;
        let request = match signed_request(outgoing) {
            Ok(request) => request,
            Err(error) => return Outcome::failed(error),
        };
        let response = match timeout_at(deadline, self.client.request(request)).await {
            Ok(Ok(response)) => response,
            Ok(Err(error)) => return Outcome::failed(describe(&error)),
            Err(_) => return Outcome::failed(no_answer()),
        };
        let status = response.status();
        // The status decides; the answer is read only as far as the limit and
        // the time allow, to show why a delivery failed.
        let mut answer = Vec::new();
        let _ = timeout_at(
            deadline.max(Instant::now() + Duration::from_secs(1)),
            read_start(response.into_body(), &mut answer),
        )
        .await;
        let error = (!status.is_success()).then(|| failure(status, &answer));
        Outcome {
            status: Some(status.as_u16()),
            error,
        }
    }
}

/// Reads `body` into `answer` until it ends or [`ANSWER_LIMIT_BYTES`] are
/// in; the rest is never read.
async fn read_start(mut body: Incoming, answer: &mut Vec<u8>) {
    while answer.len() < ANSWER_LIMIT_BYTES {
        match body.frame().await {
            Some(Ok(frame)) => {
                if let Ok(data) = frame.into_data() {
                    answer.extend_from_slice(&data);
                }
            }
            Some(Err(_)) | None => break,
        }
    }
    answer.truncate(ANSWER_LIMIT_BYTES);
}

/// Why a delivery that got an answer failed: the status and the start of
/// the answer, on one line (`webhooks deliveries` prints one line each), or
/// that the answer was empty.
fn failure(status: StatusCode, answer: &[u8]) -> String {
    // The limit may cut a character in two: leave its first bytes out.
    let whole_characters = match std::str::from_utf8(answer) {
        Err(error) if error.error_len().is_none() => &answer[..error.valid_up_to()],
        _ => answer,
    };
    let one_line: String = String::from_utf8_lossy(whole_characters)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    match one_line.trim() {
        "" => format!("answered {status}, with an empty body"),
        excerpt => format!("answered {status}: {excerpt}"),
    }
}

fn no_answer() -> String {
    format!("no answer within {} s", TIMEOUT.as_secs())
}

fn signed_request(outgoing: &Outgoing<'_>) -> Result<Request<Full<Bytes>>, String> {
    let body = outgoing.body.as_bytes();
    let signature = signature::header_value(outgoing.secret, Utc::now().timestamp(), body)
        .map_err(|_| "the subscription's secret cannot sign".to_owned())?;
    Request::post(outgoing.url)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::USER_AGENT, "isao-reference-api-webhooks")
        .header("x-isao-event", outgoing.event)
        .header("x-isao-event-id", outgoing.event_id)
        .header("x-isao-signature", signature)
        .body(Full::new(Bytes::copy_from_slice(body)))
        .map_err(|error| format!("cannot build the request: {error}"))
}

/// The error and its causes on one line ("client error (Connect): tcp
/// connect error: Connection refused"); they never contain the URL or secret.
fn describe(error: &hyper_util::client::legacy::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
