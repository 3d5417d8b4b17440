//! The demo's keys and allowed origin, one [`Answer`] shape for every way
//! of calling the API, and the [`Api`] calls themselves.

use axum::http::HeaderMap;
use serde_json::Value;

pub const RW: &str = "isao_demo_rw";
pub const RO: &str = "isao_demo_ro";
pub const CONTACTS: &str = "isao_demo_contacts";
pub const OTHER: &str = "isao_demo_other";

/// The browser origin the demo servers of the tests allow.
pub const INTRANET_ORIGIN: &str = "https://intranet.example";

/// An answer: its status, the headers tests look at, and its body as JSON
/// (or as a JSON string when it is not JSON).
pub struct Answer {
    pub status: u16,
    pub allow: Option<String>,
    pub content_type: Option<String>,
    pub cors_origin: Option<String>,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Answer {
    pub fn new(status: u16, headers: HeaderMap, text: &str) -> Self {
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        };
        Self {
            status,
            allow: header("allow"),
            content_type: header("content-type"),
            cors_origin: header("access-control-allow-origin"),
            body: serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned())),
            headers,
        }
    }

    /// The header's value, when it is present once and is text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }
}

/// The API's endpoints, however they are reached.
pub trait Api {
    /// Sends a request and returns status, headers and the JSON body.
    fn call(&self, method: &str, path: &str, key: Option<&str>, body: Option<&Value>) -> Answer;

    fn get(&self, path: &str, key: &str) -> Answer {
        self.call("GET", path, Some(key), None)
    }

    fn post(&self, path: &str, key: &str, body: &Value) -> Answer {
        self.call("POST", path, Some(key), Some(body))
    }

    fn put(&self, path: &str, key: &str, body: &Value) -> Answer {
        self.call("PUT", path, Some(key), Some(body))
    }

    /// Every deal the key can see, page by page at `limit`.
    fn all_deals(&self, key: &str, filter: &str, limit: u32) -> Vec<Value> {
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
