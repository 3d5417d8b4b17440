//! The API's router called in process, as axum's own tests do it: each
//! request goes through `Router::oneshot`, with the same layers a served
//! request meets, but with no port, no process and no HTTP on the wire.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request};
use axum::Router;
use http_body_util::BodyExt;
use reference_api::store::{self, Store};
use reference_api::{app, demo, AppOptions, CorsPolicy};
use serde_json::Value;
use tower::ServiceExt;

use super::api::{Answer, Api, INTRANET_ORIGIN};
use super::scratch::TempDir;

pub struct App {
    router: Router,
    runtime: tokio::runtime::Runtime,
}

impl App {
    /// The API over demo data in a fresh database, answering as
    /// `serve --demo --cors-origin https://intranet.example` does.
    pub fn demo(dir: &TempDir) -> Self {
        let store = Store::open(&dir.db(), 4).expect("open the database");
        demo::seed_if_empty(&store, store::now(), None).expect("demo data");
        Self::with(store, Self::options())
    }

    /// The options of `serve`'s defaults, with the tests' allowed origin.
    pub fn options() -> AppOptions {
        AppOptions {
            cors: CorsPolicy {
                origins: vec![INTRANET_ORIGIN.to_owned()],
                allow_loopback: false,
            },
            rate_limit_per_minute: 0,
            auth_failures_per_minute: 20,
            request_timeout: Duration::from_secs(30),
        }
    }

    pub fn with(store: Store, options: AppOptions) -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        Self {
            router: app(Arc::new(store), options),
            runtime,
        }
    }

    /// A request to `/api/external{path}` with the Host every HTTP/1.1
    /// client sends, for headers `call` does not set.
    pub fn request(method: &str, path: &str) -> axum::http::request::Builder {
        Request::builder()
            .method(method)
            .uri(format!("/api/external{path}"))
            .header(header::HOST, "localhost")
    }

    /// Sends a request through the router and reads the whole answer.
    pub fn send(&self, request: Request<Body>) -> Answer {
        self.runtime.block_on(async {
            let response = self
                .router
                .clone()
                .oneshot(request)
                .await
                .unwrap_or_else(|never| match never {});
            let (parts, body) = response.into_parts();
            let bytes = body.collect().await.expect("the body").to_bytes();
            Answer::new(
                parts.status.as_u16(),
                parts.headers,
                &String::from_utf8_lossy(&bytes),
            )
        })
    }
}

impl Api for App {
    fn call(&self, method: &str, path: &str, key: Option<&str>, body: Option<&Value>) -> Answer {
        let mut request = Self::request(method, path);
        if let Some(key) = key {
            request = request.header(header::AUTHORIZATION, format!("Bearer {key}"));
        }
        let request = match body {
            Some(body) => request
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string())),
            None => request.body(Body::empty()),
        };
        self.send(request.expect("a request"))
    }
}
