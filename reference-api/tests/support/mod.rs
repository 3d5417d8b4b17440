//! Runs the real `reference-api` binary on a free port with its own database
//! and talks to it over HTTP, as any client would.

// Each test file is its own crate and uses only part of this module.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

pub const RW: &str = "isao_demo_rw";
pub const RO: &str = "isao_demo_ro";
pub const CONTACTS: &str = "isao_demo_contacts";
pub const OTHER: &str = "isao_demo_other";

pub const BINARY: &str = env!("CARGO_BIN_EXE_reference-api");

/// A scratch directory removed at the end of the test.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!(
            "reference-api-test-{name}-{}-{:?}",
            std::process::id(),
            std::time::SystemTime::now()
        ));
        std::fs::create_dir_all(&path).expect("temp dir");
        Self(path)
    }

    pub fn db(&self) -> String {
        self.0.join("deals.db").display().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub struct Server {
    pub child: Child,
    pub base: String,
}

impl Server {
    /// A server with demo data in a fresh database.
    pub fn demo(dir: &TempDir) -> Self {
        Self::start(
            &dir.db(),
            &["--demo", "--cors-origin", "https://intranet.example"],
        )
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

    /// Sends a request and returns status, headers of interest and the JSON body.
    pub fn call(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<&Value>,
    ) -> Answer {
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

    pub fn get(&self, path: &str, key: &str) -> Answer {
        self.call("GET", path, Some(key), None)
    }

    pub fn post(&self, path: &str, key: &str, body: &Value) -> Answer {
        self.call("POST", path, Some(key), Some(body))
    }

    pub fn put(&self, path: &str, key: &str, body: &Value) -> Answer {
        self.call("PUT", path, Some(key), Some(body))
    }

    /// Every deal the key can see, page by page at `limit`.
    pub fn all_deals(&self, key: &str, filter: &str, limit: u32) -> Vec<Value> {
        let mut deals = Vec::new();
        let mut page: u32 = 1;
        loop {
            let answer = self.get(&format!("/deals?page={page}&limit={limit}{filter}"), key);
            assert_eq!(answer.status, 200, "{}", answer.body);
            let data = answer.body["data"].as_array().expect("data").clone();
            deals.extend(data);
            if u64::from(page)
                >= answer.body["meta"]["totalPages"]
                    .as_u64()
                    .expect("totalPages")
            {
                return deals;
            }
            page += 1;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Answer {
    pub status: u16,
    pub allow: Option<String>,
    pub content_type: Option<String>,
    pub cors_origin: Option<String>,
    pub body: Value,
}

impl From<Result<ureq::Response, ureq::Error>> for Answer {
    fn from(result: Result<ureq::Response, ureq::Error>) -> Self {
        let response = match result {
            Ok(response) | Err(ureq::Error::Status(_, response)) => response,
            Err(error) => panic!("transport error: {error}"),
        };
        let header = |name: &str| response.header(name).map(str::to_owned);
        let (status, allow, content_type, cors_origin) = (
            response.status(),
            header("allow"),
            header("content-type"),
            header("access-control-allow-origin"),
        );
        let text = response.into_string().unwrap_or_default();
        Self {
            status,
            allow,
            content_type,
            cors_origin,
            body: serde_json::from_str(&text).unwrap_or(Value::String(text)),
        }
    }
}
