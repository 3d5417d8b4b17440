//! The reference server against clients that do not play by the rules: slow
//! or half-sent requests, floods of connections, odd headers and paths,
//! values at and past every limit, and too many requests for one key.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::mpsc;
use std::time::Duration;

use deals_contract::{DESCRIPTION_MAX_CHARS, STAGE_MAX_CHARS};
use serde_json::{json, Value};
use support::*;

fn connect(server: &Server) -> TcpStream {
    TcpStream::connect(server.socket_address()).expect("connect")
}

/// Sends `request` as raw bytes and reads the whole answer (the request asks
/// for the connection to be closed).
fn raw(server: &Server, request: &str) -> String {
    let mut stream = connect(server);
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    stream.write_all(request.as_bytes()).expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("answer");
    answer
}

fn json_body_of(answer: &str) -> Value {
    let body = answer.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    serde_json::from_str(body).unwrap_or_else(|_| panic!("not JSON: {answer}"))
}

/// A request whose headers never end.
fn half_sent(server: &Server) -> TcpStream {
    let mut stream = connect(server);
    stream
        .write_all(b"GET /api/external/deals HTTP/1.1\r\nHost: x\r\nX-a: ")
        .expect("send");
    stream
}

// Guards: 2,000 half-sent requests neither starve a normal request nor stay
// open past the header deadline.
#[test]
fn half_sent_requests_do_not_starve_others_and_are_closed_at_the_deadline() {
    let dir = TempDir::new("slowloris");
    let server = Server::start(&dir.db(), &["--demo", "--header-timeout", "5"]);
    let held: Vec<TcpStream> = (0..2000).map(|_| half_sent(&server)).collect();

    let normal = ureq::get(&server.url("/deals?limit=1"))
        .set("Authorization", &format!("Bearer {RW}"))
        // Well under the header deadline: an answer cannot come from the
        // held connections being closed.
        .timeout(Duration::from_secs(2))
        .call()
        .expect("a normal request is answered while 2,000 others hang");
    assert_eq!(normal.status(), 200);

    for mut stream in held {
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        let mut rest = Vec::new();
        // The server closes the connection: end of stream, or a reset.
        match stream.read_to_end(&mut rest) {
            Ok(_) => {}
            Err(error) => assert_eq!(
                error.kind(),
                std::io::ErrorKind::ConnectionReset,
                "closed by the server, not timed out here: {error}"
            ),
        }
    }
}

// Guards: past the connection cap, a new connection waits for a free slot
// instead of being served beyond what the process can hold.
#[test]
fn connections_beyond_the_cap_wait_for_a_free_slot() {
    let dir = TempDir::new("cap");
    let server = Server::start(
        &dir.db(),
        &[
            "--demo",
            "--max-connections",
            "4",
            "--header-timeout",
            "120",
        ],
    );
    let mut held: Vec<TcpStream> = (0..4).map(|_| half_sent(&server)).collect();
    let url = server.url("/deals?limit=1");
    let (done, answered) = mpsc::channel();
    std::thread::spawn(move || {
        let status = ureq::get(&url)
            .set("Authorization", &format!("Bearer {RW}"))
            .call()
            .map(|response| response.status());
        let _ = done.send(status.ok());
    });
    assert!(
        answered.recv_timeout(Duration::from_millis(700)).is_err(),
        "no answer while every slot is taken"
    );
    drop(held.pop());
    assert_eq!(
        answered
            .recv_timeout(Duration::from_secs(30))
            .expect("answered once a slot frees"),
        Some(200)
    );
}

// Guards: a body that never arrives in full ends in a JSON 408 at the request deadline.
#[test]
fn a_body_that_never_ends_is_refused_in_json_at_the_deadline() {
    let dir = TempDir::new("slow-body");
    let server = Server::start(&dir.db(), &["--demo", "--request-timeout", "1"]);
    let answer = raw(
        &server,
        "POST /api/external/deals HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer isao_demo_rw\r\n\
         Content-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{\"ti",
    );
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert_eq!(json_body_of(&answer)["error"], "Request Timeout");
    let headers = answer.to_ascii_lowercase();
    assert!(
        headers.contains("\r\ncache-control: no-store\r\n"),
        "{answer}"
    );
    assert!(
        headers.contains("\r\nx-content-type-options: nosniff\r\n"),
        "{answer}"
    );
}

// Guards: an HTTP/1.1 request names exactly one Host (RFC 9112 §3.2): none
// or two is a 400 in the API's JSON shape, before the key is looked at;
// HTTP/1.0, which has no such rule, is served without one.
#[test]
fn http_1_1_needs_exactly_one_host() {
    let dir = TempDir::new("host");
    let server = Server::demo(&dir);
    for (what, host) in [
        ("no Host", ""),
        ("two Hosts", "Host: a.example\r\nHost: b.example\r\n"),
    ] {
        let answer = raw(
            &server,
            &format!(
                "GET /api/external/deals?limit=1 HTTP/1.1\r\n{host}\
                 Authorization: Bearer isao_demo_rw\r\nConnection: close\r\n\r\n"
            ),
        );
        assert!(answer.starts_with("HTTP/1.1 400"), "{what}: {answer}");
        let headers = answer.to_ascii_lowercase();
        assert!(
            headers.contains("\r\ncontent-type: application/json\r\n"),
            "{what}: {answer}"
        );
        assert!(
            headers.contains("\r\ncache-control: no-store\r\n"),
            "{what}: {answer}"
        );
        assert_eq!(
            json_body_of(&answer),
            json!({"success": false, "error": "Bad Request",
                   "message": "An HTTP/1.1 request must carry exactly one Host header"}),
            "{what}"
        );
    }
    let one = raw(
        &server,
        "GET /api/external/deals?limit=1 HTTP/1.1\r\nHost: a.example\r\n\
         Authorization: Bearer isao_demo_rw\r\nConnection: close\r\n\r\n",
    );
    assert!(one.starts_with("HTTP/1.1 200"), "{one}");
    let old = raw(
        &server,
        "GET /api/external/deals?limit=1 HTTP/1.0\r\nAuthorization: Bearer isao_demo_rw\r\n\r\n",
    );
    assert!(
        old.starts_with("HTTP/1.0 200") || old.starts_with("HTTP/1.1 200"),
        "{old}"
    );
}

// Guards: the key is checked before the path is decoded, so every answer is
// the API's JSON: 401 without or with a bad key, then 404 for an id that
// cannot be decoded.
#[test]
fn the_key_is_checked_before_the_path() {
    let dir = TempDir::new("path");
    let server = Server::demo(&dir);
    let without = server.call("GET", "/deals/%FF", None, None);
    assert_eq!(without.status, 401);
    assert_eq!(
        without.body["error"],
        "API key required in Authorization header"
    );
    let bad = server.get("/deals/%FF", "isao_demo_nope");
    assert_eq!(bad.status, 401);
    assert_eq!(bad.body["error"], "Invalid API key");
    let good = server.get("/deals/%FF", RW);
    assert_eq!(good.status, 404);
    assert_eq!(
        good.body,
        json!({"success": false, "error": "Deal not found"})
    );
    let status = server.put("/deals/%FF/status", RW, &json!({"stage": "x"}));
    assert_eq!(
        (status.status, &status.body["error"]),
        (404, &json!("Deal not found"))
    );
}

// Guards: an OPTIONS request that is not a CORS preflight (no Origin, or no
// Access-Control-Request-Method) gets the JSON 405, not an empty 200.
#[test]
fn only_a_real_preflight_is_a_preflight() {
    let dir = TempDir::new("options");
    let server = Server::demo(&dir);
    let bare = server.call("OPTIONS", "/deals", None, None);
    assert_eq!(bare.status, 405);
    assert_eq!(bare.body["error"], "Method Not Allowed");
    assert!(bare.allow.as_deref().unwrap_or_default().contains("GET"));
    let origin_only = Answer::from(
        ureq::request("OPTIONS", &server.url("/deals"))
            .set("Origin", "https://intranet.example")
            .call(),
    );
    assert_eq!(origin_only.status, 405);
    assert_eq!(
        origin_only.content_type.as_deref(),
        Some("application/json")
    );
    let preflight = Answer::from(
        ureq::request("OPTIONS", &server.url("/deals"))
            .set("Origin", "https://intranet.example")
            .set("Access-Control-Request-Method", "GET")
            .call(),
    );
    assert_eq!(preflight.status, 200);
    assert_eq!(
        preflight.cors_origin.as_deref(),
        Some("https://intranet.example")
    );
}

// Guards: the Bearer scheme in any case; two Authorization headers are refused.
#[test]
fn the_scheme_is_case_insensitive_and_one_key_only() {
    let dir = TempDir::new("scheme");
    let server = Server::demo(&dir);
    for scheme in ["bearer", "BEARER", "Bearer", "bEARER"] {
        let answer = Answer::from(
            ureq::get(&server.url("/deals?limit=1"))
                .set("Authorization", &format!("{scheme} {RW}"))
                .call(),
        );
        assert_eq!(answer.status, 200, "{scheme}");
    }
    let answer = raw(
        &server,
        "GET /api/external/deals HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer isao_demo_rw\r\n\
         Authorization: Bearer isao_demo_ro\r\nConnection: close\r\n\r\n",
    );
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
    assert_eq!(
        json_body_of(&answer)["error"],
        "More than one Authorization header"
    );
}

// Guards: years outside 0000-9999 are refused everywhere, naming the field,
// and every date the server accepts is read back as it was answered.
#[test]
fn only_four_digit_years_and_what_is_accepted_reads_back() {
    let dir = TempDir::new("years");
    let server = Server::demo(&dir);
    for filter in ["updatedSince", "createdSince"] {
        for year in ["%2B10000-01-01", "-0001-01-01"] {
            let answer = server.get(&format!("/deals?{filter}={year}"), RW);
            assert_eq!(answer.status, 422, "{filter}={year}");
            assert!(answer.body["details"][filter].is_string());
        }
    }
    for date in ["+10000-01-01", "-0001-01-01", "9999-12-31T23:00:00-02:00"] {
        let create = server.post(
            "/deals",
            RW,
            &json!({"title": "T", "value": 1, "expectedCloseDate": date}),
        );
        assert_eq!(create.status, 422, "{date}");
        assert!(create.body["details"]["expectedCloseDate"].is_string());
    }
    let id = server
        .post("/deals", RW, &json!({"title": "Dated", "value": 1}))
        .body["data"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let close = server.put(
        &format!("/deals/{id}/status"),
        RW,
        &json!({"status": "won", "actualCloseDate": "+10000-01-01"}),
    );
    assert_eq!(close.status, 422);
    assert!(close.body["details"]["actualCloseDate"].is_string());

    for date in [
        "0000-01-01",
        "0000-01-01T00:00:00Z",
        "9999-12-31",
        "9999-12-31T23:59:59.999Z",
        "2024-02-29T12:00:00+14:00",
        "1970-01-01T00:00:00.123456",
    ] {
        let created = server.post(
            "/deals",
            RW,
            &json!({"title": "Edge", "value": 1, "expectedCloseDate": date}),
        );
        assert_eq!(created.status, 201, "{date}: {}", created.body);
        let deal = &created.body["data"];
        let answered = deal["expectedCloseDate"].as_str().expect("a date");
        let read = server.get(&format!("/deals/{}", deal["id"].as_str().unwrap()), RW);
        assert_eq!(&read.body["data"], deal, "{date} reads back as answered");
        let closed = server.put(
            &format!("/deals/{}/status", deal["id"].as_str().unwrap()),
            RW,
            &json!({"status": "lost", "actualCloseDate": answered}),
        );
        assert_eq!(closed.body["data"]["actualCloseDate"], answered, "{date}");
        let found = server.get(&format!("/deals?limit=200&createdSince={answered}"), RW);
        assert_eq!(found.status, 200, "{answered} is a valid filter too");
    }
}

// Guards: a close date only with status won or lost; reopening clears it.
#[test]
fn close_dates_belong_to_closed_deals() {
    let dir = TempDir::new("close-dates");
    let server = Server::demo(&dir);
    let id = server
        .post("/deals", RW, &json!({"title": "Open one", "value": 1}))
        .body["data"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let path = format!("/deals/{id}/status");
    for body in [
        json!({"status": "open", "actualCloseDate": "2024-01-01"}),
        json!({"actualCloseDate": "2024-01-01"}),
    ] {
        let refused = server.put(&path, RW, &body);
        assert_eq!(refused.status, 422, "{body}");
        assert_eq!(
            refused.body["details"]["actualCloseDate"],
            "Actual close date can only be given with status won or lost"
        );
    }
    assert_eq!(
        server.get(&format!("/deals/{id}"), RW).body["data"]["actualCloseDate"],
        Value::Null
    );
    let won = server.put(
        &path,
        RW,
        &json!({"status": "won", "actualCloseDate": "2024-01-01"}),
    );
    assert_eq!(
        won.body["data"]["actualCloseDate"],
        "2024-01-01T00:00:00.000Z"
    );
    let redated = server.put(
        &path,
        RW,
        &json!({"status": "won", "actualCloseDate": "2024-02-01"}),
    );
    assert_eq!(
        redated.body["data"]["actualCloseDate"],
        "2024-02-01T00:00:00.000Z"
    );
    let reopened = server.put(&path, RW, &json!({"status": "open"}));
    assert_eq!(reopened.body["data"]["status"], "open");
    assert_eq!(reopened.body["data"]["actualCloseDate"], Value::Null);
}

// Guards: every string field has a bound, and a title of invisible
// characters is no title.
#[test]
fn strings_are_bounded_and_titles_visible() {
    let dir = TempDir::new("strings");
    let server = Server::demo(&dir);
    let huge_stage = "s".repeat(60 * 1024 - 100);
    let answer = server.post(
        "/deals",
        RW,
        &json!({"title": "T", "value": 1, "stage": huge_stage}),
    );
    assert_eq!(answer.status, 422);
    assert_eq!(
        answer.body["details"]["stage"],
        format!("Stage must be at most {STAGE_MAX_CHARS} characters")
    );
    let answer = server.post(
        "/deals",
        RW,
        &json!({"title": "T", "value": 1, "description": "d".repeat(DESCRIPTION_MAX_CHARS + 1),
                "source": "s".repeat(101), "contactId": "c".repeat(101),
                "assignedToId": "u".repeat(101), "currency": "ABC"}),
    );
    assert_eq!(answer.status, 422);
    let details = answer.body["details"].as_object().expect("details");
    let fields: Vec<&str> = details.keys().map(String::as_str).collect();
    assert_eq!(
        fields,
        [
            "assignedToId",
            "contactId",
            "currency",
            "description",
            "source"
        ]
    );
    let invisible = server.post(
        "/deals",
        RW,
        &json!({"title": "\u{200b}\u{200b}", "value": 1}),
    );
    assert_eq!(invisible.status, 422);
    assert_eq!(
        invisible.body["details"]["title"],
        "Title must contain visible characters"
    );
    let stage_move = server.put(
        "/deals/deal_1000/status",
        RW,
        &json!({"stage": "s".repeat(STAGE_MAX_CHARS + 1)}),
    );
    assert_eq!(stage_move.status, 422);
    let filter = server.get(
        &format!("/deals?stage={}", "s".repeat(STAGE_MAX_CHARS + 1)),
        RW,
    );
    assert_eq!(filter.status, 422);
}

/// A 429 in the seed's shape: its Retry-After, which a browser page may read
/// (exposed through CORS), and its body.
fn rate_limit_refusal(refused: ureq::Response) -> (u64, Value) {
    let retry_after: u64 = refused
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    let exposed = refused
        .header("access-control-expose-headers")
        .unwrap_or_default()
        .to_ascii_lowercase();
    assert!(exposed.contains("retry-after"), "{exposed}");
    let body: Value = serde_json::from_str(&refused.into_string().expect("body")).expect("JSON");
    assert_eq!(body["success"], false);
    assert_eq!(body["error"], "Rate limit exceeded");
    (retry_after, body)
}

// Guards: over the per-key limit, 429 in the seed's shape with a Retry-After
// that a browser page may read; other keys keep their own budget.
#[test]
fn the_rate_limit_answers_429_with_retry_after() {
    let dir = TempDir::new("rate");
    let server = Server::start(
        &dir.db(),
        &[
            "--demo",
            "--rate-limit",
            "3",
            "--cors-origin",
            "https://intranet.example",
        ],
    );
    let call = |key: &str| list_with(&server, key);
    for _ in 0..3 {
        assert_eq!(call(RW).status(), 200, "within the limit");
    }
    let refused = call(RW);
    assert_eq!(refused.status(), 429, "the fourth request in a minute");
    let (retry_after, body) = rate_limit_refusal(refused);
    assert!((1..=20).contains(&retry_after), "{retry_after}");
    assert!(body["message"]
        .as_str()
        .unwrap_or_default()
        .contains("3 requests per minute"));
    assert_eq!(call(RO).status(), 200, "another key has its own budget");
}

// Guards: without --rate-limit there is no limit.
#[test]
fn no_rate_limit_by_default() {
    let dir = TempDir::new("no-rate");
    let server = Server::demo(&dir);
    for _ in 0..100 {
        assert_eq!(server.get("/deals?limit=1", RW).status, 200);
    }
}

/// `GET /deals?limit=1` with `key`, as a browser on the intranet page sends it.
fn list_with(server: &Server, key: &str) -> ureq::Response {
    match ureq::get(&server.url("/deals?limit=1"))
        .set("Authorization", &format!("Bearer {key}"))
        .set("Origin", "https://intranet.example")
        .call()
    {
        Ok(response) | Err(ureq::Error::Status(_, response)) => response,
        Err(error) => panic!("transport error: {error}"),
    }
}

// Guards: key guessing is throttled by default, per client address: 20
// unknown keys a minute get 401, then every request with a key from that
// address gets 429 with Retry-After in the seed's error shape, even with a
// valid key (or a guess could still be told apart), whatever the per-key
// limit; a request without a key is no guess and is not counted.
#[test]
fn unknown_keys_from_one_address_are_throttled_by_default() {
    let dir = TempDir::new("guessing");
    let server = Server::start(
        &dir.db(),
        &[
            "--demo",
            "--rate-limit",
            "30",
            "--cors-origin",
            "https://intranet.example",
        ],
    );
    for _ in 0..50 {
        assert_eq!(server.call("GET", "/deals", None, None).status, 401);
    }
    for guess in 0..20 {
        assert_eq!(
            list_with(&server, &format!("isao_guess_{guess}")).status(),
            401,
            "guess {guess}"
        );
    }
    let refused = list_with(&server, "isao_guess_20");
    assert_eq!(refused.status(), 429, "the 21st unknown key in a minute");
    let (retry_after, body) = rate_limit_refusal(refused);
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_eq!(
        body["message"],
        format!(
            "This address sent 20 unknown API keys within a minute; retry after {retry_after} s"
        )
    );
    assert_eq!(
        body.as_object().map(|fields| fields.len()),
        Some(3),
        "{body}"
    );
    for _ in 0..280 {
        assert_eq!(list_with(&server, "isao_guess_again").status(), 429);
    }
    assert_eq!(
        list_with(&server, RW).status(),
        429,
        "a blocked address learns nothing of any key"
    );
}

// Guards: `--auth-failure-limit 0` turns the throttle off, and the option is
// documented in `serve --help`.
#[test]
fn the_auth_failure_limit_can_be_turned_off() {
    let dir = TempDir::new("guessing-off");
    let server = Server::start(&dir.db(), &["--demo", "--auth-failure-limit", "0"]);
    for guess in 0..100 {
        assert_eq!(
            list_with(&server, &format!("isao_guess_{guess}")).status(),
            401
        );
    }
    assert_eq!(list_with(&server, RW).status(), 200);
    let help = std::process::Command::new(BINARY)
        .args(["serve", "--help"])
        .output()
        .expect("serve --help");
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("--auth-failure-limit"), "{help}");
    assert!(help.contains("[default: 20]"), "{help}");
}
