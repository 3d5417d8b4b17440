//! Runs the real `reference-api` binary on a free port with its own database
//! and talks to it over HTTP, as any client would.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use axum::http::{HeaderMap, HeaderName, HeaderValue};
use serde_json::Value;

use super::api::{Answer, Api, INTRANET_ORIGIN};
use super::scratch::TempDir;

pub const BINARY: &str = env!("CARGO_BIN_EXE_reference-api");

pub struct Server {
    pub child: Child,
    pub base: String,
}

impl Server {
    /// A server with demo data in a fresh database.
    pub fn demo(dir: &TempDir) -> Self {
        Self::start(&dir.db(), &["--demo", "--cors-origin", INTRANET_ORIGIN])
    }

    pub fn start(db: &str, extra: &[&str]) -> Self {
        Self::start_with(db, extra, Stdio::null(), &[])
    }

    /// A server whose log (its stderr) goes to `log`, with `env` added to
    /// its environment.
    pub fn start_with(
        db: &str,
        extra: &[&str],
        log: impl Into<Stdio>,
        env: &[(&str, &str)],
    ) -> Self {
        let mut child = Command::new(BINARY)
            .args(["serve", "--addr", "127.0.0.1:0", "--db", db])
            .args(extra)
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("start reference-api");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).expect("read");
        let address = line
            .trim()
            .strip_prefix("reference-api listening on ")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_owned();
        Self {
            child,
            base: format!("{address}/api/external"),
        }
    }

    /// `host:port`, for clients that speak raw TCP.
    pub fn socket_address(&self) -> &str {
        self.base
            .trim_start_matches("http://")
            .trim_end_matches("/api/external")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Api for Server {
    fn call(&self, method: &str, path: &str, key: Option<&str>, body: Option<&Value>) -> Answer {
        let mut request = ureq::request(method, &self.url(path));
        if let Some(key) = key {
            request = request.set("Authorization", &format!("Bearer {key}"));
        }
        let result = match body {
            Some(body) => request
                .set("Content-Type", "application/json")
                .send_string(&body.to_string()),
            None => request.call(),
        };
        Answer::from(result)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl From<Result<ureq::Response, ureq::Error>> for Answer {
    fn from(result: Result<ureq::Response, ureq::Error>) -> Self {
        let response = match result {
            Ok(response) | Err(ureq::Error::Status(_, response)) => response,
            Err(error) => panic!("transport error: {error}"),
        };
        let mut headers = HeaderMap::new();
        for name in response.headers_names() {
            for value in response.all(&name) {
                if let (Ok(name), Ok(value)) = (
                    HeaderName::from_bytes(name.as_bytes()),
                    HeaderValue::from_str(value),
                ) {
                    headers.append(name, value);
                }
            }
        }
        let status = response.status();
        let text = response.into_string().unwrap_or_default();
        Answer::new(status, headers, &text)
    }
}
