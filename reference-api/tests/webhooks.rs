//! Webhooks over real HTTP: the real `reference-api` binary delivers to a
//! real receiver (a small axum server in the test) that checks every
//! signature. Retries are shortened with `--webhook-retry-base-ms`; every wait
//! polls for a condition with a deadline, never a guessed sleep.

mod support;

use std::collections::HashMap;
use std::net::{SocketAddr, TcpListener as StdListener};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::serve::Listener;
use hmac::{Hmac, Mac};
use rustls::pki_types::PrivatePkcs8KeyDer;
use serde_json::{json, Value};
use sha2::Sha256;
use support::*;

/// Retries every ~100 ms, doubling: a test's receiver that comes back is
/// tried again within a second or two.
const FAST_RETRIES: [&str; 2] = ["--webhook-retry-base-ms", "100"];
const PATIENCE: Duration = Duration::from_secs(30);

/// Polls `check` until it returns something, for at most [`PATIENCE`].
fn eventually<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(found) = check() {
            return found;
        }
        assert!(Instant::now() < deadline, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// One request as the receiver saw it.
#[derive(Debug, Clone)]
struct Received {
    event: String,
    event_id: String,
    signature: String,
    body: String,
    answered: u16,
}

impl Received {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("JSON body")
    }
}

/// How the receiver answers its n-th request (counting from 0).
type Replies = Arc<dyn Fn(usize) -> Reply + Send + Sync>;

#[derive(Clone)]
enum Reply {
    Status(u16),
    /// Never answers within the sender's timeout.
    Hang,
    /// 200 with a body far larger than anyone should read.
    Huge,
    /// This status with this body.
    Answer(u16, Vec<u8>),
}

#[derive(Clone)]
struct ReceiverState {
    received: Arc<Mutex<Vec<Received>>>,
    replies: Replies,
    count: Arc<AtomicUsize>,
}

/// A webhook receiver on 127.0.0.1, running until dropped.
struct Receiver {
    url: String,
    received: Arc<Mutex<Vec<Received>>>,
    _runtime: tokio::runtime::Runtime,
}

impl Receiver {
    fn start(
        address: SocketAddr,
        replies: impl Fn(usize) -> Reply + Send + Sync + 'static,
    ) -> Self {
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind(address))
            .expect("receiver listens");
        Self::serve(runtime, "http", listener, replies)
    }

    /// An https receiver presenting `certificate` (made for 127.0.0.1).
    fn start_tls(certificate: &rcgen::CertifiedKey) -> Self {
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        let key = PrivatePkcs8KeyDer::from(certificate.key_pair.serialize_der());
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![certificate.cert.der().clone()], key.into())
        .expect("certificate and key");
        let tcp = runtime
            .block_on(tokio::net::TcpListener::bind(free_address()))
            .expect("receiver listens");
        let listener = TlsListener {
            tcp,
            acceptor: tokio_rustls::TlsAcceptor::from(Arc::new(config)),
        };
        Self::serve(runtime, "https", listener, |_| Reply::Status(204))
    }

    fn serve(
        runtime: tokio::runtime::Runtime,
        scheme: &str,
        listener: impl Listener<Addr = SocketAddr>,
        replies: impl Fn(usize) -> Reply + Send + Sync + 'static,
    ) -> Self {
        let address = listener.local_addr().expect("address");
        let state = ReceiverState {
            received: Arc::default(),
            replies: Arc::new(replies),
            count: Arc::default(),
        };
        let received = Arc::clone(&state.received);
        let router = axum::Router::new()
            .route("/hook", post(receive))
            .with_state(state);
        runtime.spawn(async move { axum::serve(listener, router).await });
        Self {
            url: format!("{scheme}://{address}/hook"),
            received,
            _runtime: runtime,
        }
    }

    fn answering_204() -> Self {
        Self::start(free_address(), |_| Reply::Status(204))
    }

    fn url(&self) -> String {
        self.url.clone()
    }

    fn received(&self) -> Vec<Received> {
        self.received.lock().expect("received").clone()
    }

    /// The requests it answered 2xx.
    fn delivered(&self) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|request| (200..300).contains(&request.answered))
            .collect()
    }

    fn wait_for_deliveries(&self, count: usize) -> Vec<Received> {
        eventually(&format!("{count} deliveries at {}", self.url()), || {
            let delivered = self.delivered();
            (delivered.len() >= count).then_some(delivered)
        })
    }
}

async fn receive(
    State(state): State<ReceiverState>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, Vec<u8>) {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let reply = (state.replies)(state.count.fetch_add(1, Ordering::SeqCst));
    let (status, answer_body) = match reply {
        Reply::Status(status) => (status, b"ok".to_vec()),
        Reply::Hang => {
            tokio::time::sleep(Duration::from_secs(60)).await;
            (204, Vec::new())
        }
        Reply::Huge => (200, vec![b'x'; 32 << 20]),
        Reply::Answer(status, body) => (status, body),
    };
    state.received.lock().expect("received").push(Received {
        event: header("x-isao-event"),
        event_id: header("x-isao-event-id"),
        signature: header("x-isao-signature"),
        body: String::from_utf8(body.to_vec()).expect("UTF-8 body"),
        answered: status,
    });
    (StatusCode::from_u16(status).expect("status"), answer_body)
}

/// Accepts TLS connections for `axum::serve`; failed handshakes are dropped.
struct TlsListener {
    tcp: tokio::net::TcpListener,
    acceptor: tokio_rustls::TlsAcceptor,
}

impl Listener for TlsListener {
    type Io = tokio_rustls::server::TlsStream<tokio::net::TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            if let Ok((stream, address)) = self.tcp.accept().await {
                if let Ok(tls) = self.acceptor.accept(stream).await {
                    return (tls, address);
                }
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.tcp.local_addr()
    }
}

/// A loopback address nothing listens on (yet).
fn free_address() -> SocketAddr {
    let listener = StdListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address")
}

/// Checks `t=…,v1=…` as a receiver following the README does: the HMAC of
/// `"<t>.<body>"` with the secret, and a recent `t`.
fn assert_signed(received: &Received, secret: &str) {
    let parts: HashMap<&str, &str> = received
        .signature
        .split(',')
        .filter_map(|part| part.split_once('='))
        .collect();
    let sent_at: u64 = parts["t"].parse().expect("t is unix seconds");
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock")
        .as_secs();
    assert!(now.abs_diff(sent_at) < 300, "t={sent_at} is recent");
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(format!("{sent_at}.{}", received.body).as_bytes());
    let expected: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    assert_eq!(parts["v1"], expected, "signature of {}", received.event_id);
}

/// Runs `reference-api webhooks <args>` and returns its standard output.
fn webhooks(args: &[&str]) -> String {
    let output = Command::new(BINARY)
        .arg("webhooks")
        .args(args)
        .output()
        .expect("run webhooks");
    assert!(
        output.status.success(),
        "webhooks {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// Subscribes `url` to `events` of `company` with `secret`; returns the id.
fn subscribe(db: &str, company: i64, url: &str, events: &str, secret: &str) -> String {
    let printed = webhooks(&[
        "add",
        "--db",
        db,
        "--company",
        &company.to_string(),
        "--url",
        url,
        "--events",
        events,
        "--secret",
        secret,
    ]);
    printed
        .strip_prefix("id\t")
        .expect("id line")
        .trim()
        .to_owned()
}

/// `webhooks deliveries` as one map per line, keyed by the header's columns.
fn deliveries(db: &str, extra: &[&str]) -> Vec<HashMap<String, String>> {
    let mut args = vec!["deliveries", "--db", db];
    args.extend_from_slice(extra);
    let printed = webhooks(&args);
    let mut lines = printed.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    lines
        .map(|line| {
            header
                .iter()
                .zip(line.split('\t'))
                .map(|(column, value)| ((*column).to_owned(), value.to_owned()))
                .collect()
        })
        .collect()
}

fn start_server(dir: &TempDir) -> Server {
    let mut args = vec!["--demo"];
    args.extend_from_slice(&FAST_RETRIES);
    Server::start(&dir.db(), &args)
}

fn deal_id(answer: &support::Answer) -> String {
    answer.body["data"]["id"]
        .as_str()
        .expect("deal id")
        .to_owned()
}

// Guards: each of the five events arrives once its change is acknowledged,
// with the seed's payload (the deal as the API answered, plus wonAt/lostAt),
// matching headers and a valid signature; a subscription added while the
// server runs counts at once; a generated secret is printed once and never listed.
#[test]
fn every_event_arrives_signed_in_the_seeds_shape() {
    let dir = TempDir::new("webhook-events");
    let server = start_server(&dir);
    let receiver = Receiver::answering_204();
    let printed = webhooks(&[
        "add",
        "--db",
        &dir.db(),
        "--company",
        "1",
        "--url",
        &receiver.url(),
        "--events",
        "*",
    ]);
    let secret = printed
        .lines()
        .find_map(|line| line.strip_prefix("secret\t"))
        .expect("generated secret printed")
        .to_owned();
    assert!(!webhooks(&["list", "--db", &dir.db()]).contains(&secret));

    let created = server.post(
        "/deals",
        RW,
        &json!({"title": "Website Redesign Project", "value": 25000, "stage": "proposal", "contactId": "contact_456"}),
    );
    assert_eq!(created.status, 201);
    let won_id = deal_id(&created);
    let moved = server.put(
        &format!("/deals/{won_id}/status"),
        RW,
        &json!({"stage": "negotiation"}),
    );
    let won = server.put(
        &format!("/deals/{won_id}/status"),
        RW,
        &json!({"status": "won", "stage": "closed-won", "actualCloseDate": "2024-11-08T15:30:00.000Z"}),
    );
    let other = server.post(
        "/deals",
        RW,
        &json!({"title": "Security Audit", "value": 900}),
    );
    let lost_id = deal_id(&other);
    let lost = server.put(
        &format!("/deals/{lost_id}/status"),
        RW,
        &json!({"status": "lost"}),
    );
    assert_eq!((moved.status, won.status, lost.status), (200, 200, 200));

    let all = receiver.wait_for_deliveries(9);
    assert_eq!(all.len(), 9, "each event once");
    for request in &all {
        assert_signed(request, &secret);
        let body = request.json();
        assert_eq!(body["event"], request.event.as_str());
        assert_eq!(body["id"], request.event_id.as_str());
        assert_eq!(body["occurredAt"], body["data"]["updatedAt"]);
    }
    let of_deal = |id: &str| -> Vec<Value> {
        all.iter()
            .map(Received::json)
            .filter(|body| body["data"]["id"] == id)
            .collect()
    };
    let first = of_deal(&won_id);
    let names: Vec<&str> = first
        .iter()
        .map(|body| body["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "deal.created",
            "deal.updated",
            "deal.stage_changed",
            "deal.updated",
            "deal.stage_changed",
            "deal.won"
        ]
    );
    assert_eq!(first[0]["data"], created.body["data"]);
    assert_eq!(first[1]["data"], moved.body["data"]);
    assert_eq!(first[2]["data"], moved.body["data"]);
    assert_eq!(first[3]["data"], won.body["data"]);
    let mut won_data = won.body["data"].clone();
    won_data["wonAt"] = json!("2024-11-08T15:30:00.000Z");
    assert_eq!(first[5]["data"], won_data);
    assert_eq!(first[5]["data"]["contact"]["id"], "contact_456");

    let second = of_deal(&lost_id);
    let names: Vec<&str> = second
        .iter()
        .map(|body| body["event"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["deal.created", "deal.updated", "deal.lost"]);
    let mut lost_data = lost.body["data"].clone();
    lost_data["lostAt"] = lost.body["data"]["actualCloseDate"].clone();
    assert!(lost_data["lostAt"].is_string());
    assert_eq!(second[2]["data"], lost_data);

    let ids: std::collections::HashSet<&str> = all
        .iter()
        .map(|request| request.event_id.as_str())
        .collect();
    assert_eq!(ids.len(), 9, "every event has its own id");
    eventually("every delivery recorded as delivered", || {
        let table = deliveries(&dir.db(), &[]);
        (table.len() == 9
            && table
                .iter()
                .all(|row| row["state"] == "delivered" && row["last_status"] == "204"))
        .then_some(())
    });
    assert_eq!(receiver.received().len(), 9, "nothing sent twice");
}

// Guards: a receiver that refuses connections at first gets the event once it
// listens, after retries that `webhooks deliveries` shows; the log names the
// failures but never the secret.
#[test]
fn a_receiver_down_at_first_receives_once_it_is_back() {
    let dir = TempDir::new("webhook-down");
    let log_path = dir.0.join("server.log");
    let log = std::fs::File::create(&log_path).expect("log file");
    let mut args = vec!["--demo"];
    args.extend_from_slice(&FAST_RETRIES);
    let server = Server::start_with(&dir.db(), &args, log, &[]);
    let address = free_address();
    let secret = "whsec_down_then_up";
    let url = format!("http://{address}/hook");
    let subscription = subscribe(&dir.db(), 1, &url, "deal.created", secret);

    let created = server.post("/deals", RW, &json!({"title": "Patience", "value": 1}));
    assert_eq!(created.status, 201);
    let retried = eventually("two failed attempts", || {
        deliveries(&dir.db(), &["--subscription", &subscription])
            .into_iter()
            .find(|row| row["attempts"].parse::<u32>().unwrap_or(0) >= 2)
    });
    assert_eq!(retried["state"], "pending");
    assert_eq!(retried["last_status"], "-");
    assert!(retried["last_error"].contains("onnect"), "{retried:?}");
    assert_ne!(retried["next_retry"], "-");

    let receiver = Receiver::start(address, |_| Reply::Status(200));
    let delivered = receiver.wait_for_deliveries(1);
    assert_signed(&delivered[0], secret);
    assert_eq!(delivered[0].json()["data"], created.body["data"]);
    eventually("the delivery marked delivered", || {
        let rows = deliveries(&dir.db(), &[]);
        (rows[0]["state"] == "delivered").then_some(())
    });
    let log = std::fs::read_to_string(&log_path).expect("log");
    assert!(log.contains(&subscription), "failures are logged: {log}");
    assert!(!log.contains(secret), "the secret never reaches the log");
    drop(server);
}

// Guards: events are in the outbox with the change itself: a server killed
// with SIGKILL after acknowledging, before it could deliver, delivers them
// all, in order, after a restart.
#[test]
fn kill_9_between_change_and_delivery_loses_nothing() {
    let dir = TempDir::new("webhook-kill");
    let mut server = start_server(&dir);
    let address = free_address();
    let secret = "whsec_durable_outbox";
    subscribe(&dir.db(), 1, &format!("http://{address}/hook"), "*", secret);
    let created = server.post("/deals", RW, &json!({"title": "Survivor", "value": 7}));
    let id = deal_id(&created);
    let won = server.put(
        &format!("/deals/{id}/status"),
        RW,
        &json!({"status": "won"}),
    );
    assert_eq!((created.status, won.status), (201, 200));
    server.child.kill().expect("SIGKILL");
    server.child.wait().expect("reaped");

    let receiver = Receiver::start(address, |_| Reply::Status(204));
    let _restarted = start_server(&dir);
    let delivered = receiver.wait_for_deliveries(3);
    let names: Vec<&str> = delivered
        .iter()
        .map(|request| request.event.as_str())
        .collect();
    assert_eq!(names, ["deal.created", "deal.updated", "deal.won"]);
    for request in &delivered {
        assert_signed(request, secret);
        assert_eq!(request.json()["data"]["id"], id.as_str());
    }
}

// Guards: a subscription only ever gets its own company's events, and one
// removed while the server runs gets nothing more.
#[test]
fn subscriptions_get_only_their_companys_events_until_removed() {
    let dir = TempDir::new("webhook-tenants");
    let server = start_server(&dir);
    let demo = Receiver::answering_204();
    let second = Receiver::answering_204();
    let removed = Receiver::answering_204();
    let db = dir.db();
    let demo_subscription = subscribe(&db, 1, &demo.url(), "*", "whsec_demo_company_1");
    let second_subscription = subscribe(&db, 2, &second.url(), "*", "whsec_second_company");
    let removed_subscription = subscribe(&db, 1, &removed.url(), "*", "whsec_removed_company");

    let demo_deal = deal_id(&server.post("/deals", RW, &json!({"title": "Ours", "value": 1})));
    let second_deal =
        deal_id(&server.post("/deals", OTHER, &json!({"title": "Theirs", "value": 2})));
    removed.wait_for_deliveries(1);
    webhooks(&["remove", "--db", &db, &removed_subscription]);
    server.put(
        &format!("/deals/{demo_deal}/status"),
        RW,
        &json!({"stage": "proposal"}),
    );
    server.put(
        &format!("/deals/{second_deal}/status"),
        OTHER,
        &json!({"stage": "proposal"}),
    );

    let ours = demo.wait_for_deliveries(3);
    let theirs = second.wait_for_deliveries(3);
    assert!(ours
        .iter()
        .all(|request| request.json()["data"]["id"] == demo_deal.as_str()));
    assert!(theirs
        .iter()
        .all(|request| request.json()["data"]["id"] == second_deal.as_str()));
    theirs
        .iter()
        .for_each(|request| assert_signed(request, "whsec_second_company"));
    // Deliveries are created with the change: none exist for the other
    // company's events, and none for the removed subscription's.
    let rows = |subscription: &str| deliveries(&db, &["--subscription", subscription]).len();
    assert_eq!(rows(&demo_subscription), 3);
    assert_eq!(rows(&second_subscription), 3);
    assert_eq!(rows(&removed_subscription), 0);
    assert_eq!(removed.received().len(), 1);
    let listed = webhooks(&["list", "--db", &db, "--company", "2"]);
    assert!(listed.contains(&second_subscription) && !listed.contains(&demo_subscription));
}

// Guards: one deal's events arrive in the order they happened even when
// attempts fail and are retried in between.
#[test]
fn events_of_one_deal_arrive_in_order_through_retries() {
    let dir = TempDir::new("webhook-order");
    let server = start_server(&dir);
    // Every third request fails, so retries interleave with new events.
    let receiver = Receiver::start(free_address(), |n| {
        Reply::Status(if n % 3 == 0 { 500 } else { 200 })
    });
    subscribe(&dir.db(), 1, &receiver.url(), "*", "whsec_order_of_events");
    let id = deal_id(&server.post("/deals", RW, &json!({"title": "Stepwise", "value": 5})));
    let stages = [
        "discovery",
        "qualification",
        "proposal",
        "negotiation",
        "contract-review",
    ];
    for stage in stages {
        let moved = server.put(&format!("/deals/{id}/status"), RW, &json!({"stage": stage}));
        assert_eq!(moved.status, 200);
    }
    server.put(
        &format!("/deals/{id}/status"),
        RW,
        &json!({"status": "won"}),
    );

    let expected: Vec<String> = deliveries(&dir.db(), &[])
        .into_iter()
        .map(|row| row["event_id"].clone())
        .collect();
    assert_eq!(expected.len(), 1 + 2 * stages.len() + 2);
    let delivered = receiver.wait_for_deliveries(expected.len());
    let order: Vec<String> = delivered
        .iter()
        .map(|request| request.event_id.clone())
        .collect();
    assert_eq!(order, expected);
    let seen_stages: Vec<Value> = delivered
        .iter()
        .filter(|request| request.event == "deal.stage_changed")
        .map(|request| request.json()["data"]["stage"].clone())
        .collect();
    assert_eq!(seen_stages, stages.map(Value::from));
    assert!(receiver
        .received()
        .iter()
        .any(|request| request.answered == 500));
}

// Guards: a receiver that never answers, or answers with a huge body, holds
// up neither the worker nor other subscriptions; the silent one's attempts
// end after 10 s.
#[test]
fn a_slow_or_talkative_receiver_holds_up_no_one() {
    let dir = TempDir::new("webhook-slow");
    let server = start_server(&dir);
    let slow = Receiver::start(free_address(), |_| Reply::Hang);
    let talkative = Receiver::start(free_address(), |_| Reply::Huge);
    let prompt = Receiver::answering_204();
    let db = dir.db();
    let slow_subscription = subscribe(&db, 1, &slow.url(), "deal.created", "whsec_slow_receiver");
    let talkative_subscription = subscribe(
        &db,
        1,
        &talkative.url(),
        "deal.created",
        "whsec_talkative_huge",
    );
    subscribe(
        &db,
        1,
        &prompt.url(),
        "deal.created",
        "whsec_prompt_receiver",
    );

    server.post("/deals", RW, &json!({"title": "First", "value": 1}));
    server.post("/deals", RW, &json!({"title": "Second", "value": 2}));
    prompt.wait_for_deliveries(2);
    eventually("the huge answer counted as delivered", || {
        let rows = deliveries(&db, &["--subscription", &talkative_subscription]);
        rows.iter()
            .all(|row| row["state"] == "delivered")
            .then_some(())
    });
    // The slow receiver's first attempts are still waiting for an answer.
    let slow_rows = deliveries(&db, &["--subscription", &slow_subscription]);
    assert_eq!(slow_rows.len(), 2);
    assert!(slow_rows
        .iter()
        .all(|row| row["state"] == "pending" && row["attempts"] == "0"));
    // Until the 10 s timeout ends them, to be retried.
    let timed_out = eventually("the slow receiver's attempts timed out", || {
        let rows = deliveries(&db, &["--subscription", &slow_subscription]);
        rows.iter()
            .all(|row| row["attempts"] != "0")
            .then_some(rows)
    });
    for row in timed_out {
        assert_eq!(row["state"], "pending");
        assert_eq!(row["last_error"], "no answer within 10 s");
    }
}

// Guards: after the give-up horizon a delivery is marked failed and listed by
// `--failed`; `redeliver` sends it again and records the success.
#[test]
fn deliveries_fail_after_the_horizon_and_can_be_redelivered() {
    let dir = TempDir::new("webhook-give-up");
    let mut args = vec!["--demo", "--webhook-give-up-after", "1"];
    args.extend_from_slice(&FAST_RETRIES);
    let server = Server::start(&dir.db(), &args);
    let healthy = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let receiver = {
        let healthy = Arc::clone(&healthy);
        Receiver::start(free_address(), move |_| {
            Reply::Status(if healthy.load(Ordering::SeqCst) {
                200
            } else {
                503
            })
        })
    };
    let secret = "whsec_give_up_horizon";
    subscribe(&dir.db(), 1, &receiver.url(), "deal.created", secret);
    server.post("/deals", RW, &json!({"title": "Doomed", "value": 3}));

    let failed = eventually("the delivery given up", || {
        deliveries(&dir.db(), &["--failed"]).into_iter().next()
    });
    assert_eq!(failed["state"], "failed");
    assert_eq!(failed["last_status"], "503");
    assert_eq!(failed["next_retry"], "-");
    assert!(failed["attempts"].parse::<u32>().unwrap_or(0) >= 2);
    assert!(receiver.delivered().is_empty());

    healthy.store(true, Ordering::SeqCst);
    webhooks(&["redeliver", "--db", &dir.db(), &failed["event_id"]]);
    let delivered = receiver.delivered();
    assert_eq!(delivered.len(), 1);
    assert_eq!(delivered[0].event_id, failed["event_id"]);
    assert_signed(&delivered[0], secret);
    assert!(deliveries(&dir.db(), &["--failed"]).is_empty());
    assert_eq!(deliveries(&dir.db(), &[])[0]["state"], "delivered");
}

// Guards: subscriptions need an http(s) URL and known events; an unknown
// subscription cannot be removed.
#[test]
fn webhooks_add_refuses_bad_urls_and_events() {
    let dir = TempDir::new("webhook-cli");
    let run = |args: &[&str]| {
        Command::new(BINARY)
            .arg("webhooks")
            .args(args)
            .stdout(Stdio::null())
            .output()
            .expect("run")
    };
    let db = dir.db();
    let add = |url: &str, events: &str| {
        run(&[
            "add",
            "--db",
            &db,
            "--company",
            "1",
            "--url",
            url,
            "--events",
            events,
        ])
    };
    let bad_url = add("ftp://example.com/hook", "*");
    assert!(!bad_url.status.success());
    assert!(String::from_utf8_lossy(&bad_url.stderr).contains("http"));
    let bad_event = add("https://example.com/hook", "deal.created,deal.deleted");
    assert!(!bad_event.status.success());
    assert!(String::from_utf8_lossy(&bad_event.stderr).contains("deal.deleted"));
    assert!(add("https://example.com/hook", "deal.won,deal.lost")
        .status
        .success());
    assert!(!run(&["remove", "--db", &db, "wh_nonexistent"])
        .status
        .success());
}

// Guards: a signing secret is at least 16 bytes, or generated and printed
// once; a URL may not carry a user name or password, and the refusal does
// not repeat them.
#[test]
fn webhooks_add_refuses_short_secrets_and_credentials_in_urls() {
    let dir = TempDir::new("webhook-cli-secrets");
    let db = dir.db();
    let add = |url: &str, secret: Option<&str>| {
        let mut args = vec![
            "webhooks",
            "add",
            "--db",
            &db,
            "--company",
            "1",
            "--url",
            url,
            "--events",
            "*",
        ];
        if let Some(secret) = secret {
            args.extend(["--secret", secret]);
        }
        Command::new(BINARY).args(&args).output().expect("run")
    };
    let url = "https://example.com/hook";
    let short = add(url, Some("fifteen_bytes_x"));
    assert!(!short.status.success());
    let said = String::from_utf8_lossy(&short.stderr);
    assert!(said.contains("at least 16 bytes"), "{said}");
    assert!(!said.contains("fifteen_bytes_x"), "{said}");
    assert!(add(url, Some("sixteen_bytes_xx")).status.success());

    let generated = add(url, None);
    assert!(generated.status.success());
    let printed = String::from_utf8_lossy(&generated.stdout);
    let secret = printed
        .lines()
        .find_map(|line| line.strip_prefix("secret\t"))
        .expect("the generated secret, printed");
    assert!(secret.len() >= 16, "{secret}");

    for with_credentials in [
        "https://deploy:s3cr3t-pass@example.com/hook",
        "https://deploy@example.com/hook",
        "http://:s3cr3t-pass@example.com/hook",
    ] {
        let refused = add(with_credentials, Some("sixteen_bytes_xx"));
        assert!(!refused.status.success(), "{with_credentials}");
        let said = String::from_utf8_lossy(&refused.stderr);
        assert!(said.contains("user name or password"), "{said}");
        assert!(!said.contains("s3cr3t-pass"), "{said}");
    }
    let listed = webhooks(&["list", "--db", &db]);
    assert_eq!(listed.lines().count(), 3, "{listed}");
}

// Guards: the delivery log keeps the first 4 KB of a failing receiver's
// answer, however long it is, and says so when the answer has no body, so
// that `webhooks deliveries` always shows why.
#[test]
fn the_delivery_log_keeps_the_start_of_a_failing_answer() {
    let dir = TempDir::new("webhook-excerpt");
    let server = start_server(&dir);
    let explanation = format!("Refused: {}", "0123456789".repeat(1000));
    let talkative = {
        let explanation = explanation.clone();
        Receiver::start(free_address(), move |_| {
            Reply::Answer(500, explanation.clone().into_bytes())
        })
    };
    let mute = Receiver::start(free_address(), |_| Reply::Answer(503, Vec::new()));
    let db = dir.db();
    let talkative_subscription = subscribe(
        &db,
        1,
        &talkative.url(),
        "deal.created",
        "whsec_talkative_receiver",
    );
    let mute_subscription = subscribe(&db, 1, &mute.url(), "deal.created", "whsec_mute_receiver");
    server.post("/deals", RW, &json!({"title": "Refused", "value": 1}));
    let last_error = |subscription: &str| {
        eventually("an attempt recorded", || {
            deliveries(&db, &["--subscription", subscription])
                .into_iter()
                .find(|row| row["attempts"] != "0")
                .map(|row| row["last_error"].clone())
        })
    };
    assert_eq!(
        last_error(&talkative_subscription),
        format!(
            "answered 500 Internal Server Error: {}",
            &explanation[..4096]
        )
    );
    assert_eq!(
        last_error(&mute_subscription),
        "answered 503 Service Unavailable, with an empty body"
    );
}

// Guards: https receivers work, checked against the authorities the server
// trusts (here only the test's own, through SSL_CERT_FILE); a receiver whose
// certificate nobody vouches for gets nothing.
#[test]
fn https_receivers_are_checked_against_trusted_authorities() {
    let dir = TempDir::new("webhook-https");
    let trusted =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_owned()]).expect("certificate");
    let unknown =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_owned()]).expect("certificate");
    let bundle = dir.0.join("trusted.pem");
    std::fs::write(&bundle, trusted.cert.pem()).expect("write bundle");
    let mut args = vec!["--demo"];
    args.extend_from_slice(&FAST_RETRIES);
    let bundle = bundle.display().to_string();
    let server = Server::start_with(
        &dir.db(),
        &args,
        Stdio::null(),
        &[("SSL_CERT_FILE", &bundle)],
    );
    let secure = Receiver::start_tls(&trusted);
    let impostor = Receiver::start_tls(&unknown);
    assert!(secure.url().starts_with("https://127.0.0.1:"));
    subscribe(
        &dir.db(),
        1,
        &secure.url(),
        "deal.created",
        "whsec_tls_receiver",
    );
    let impostor_subscription = subscribe(
        &dir.db(),
        1,
        &impostor.url(),
        "deal.created",
        "whsec_tls_receiver",
    );

    server.post("/deals", RW, &json!({"title": "Over TLS", "value": 1}));
    let delivered = secure.wait_for_deliveries(1);
    assert_signed(&delivered[0], "whsec_tls_receiver");
    let refused = eventually("a failed attempt at the impostor", || {
        deliveries(&dir.db(), &["--subscription", &impostor_subscription])
            .into_iter()
            .find(|row| row["attempts"] != "0")
    });
    assert!(refused["last_error"].contains("certificate"), "{refused:?}");
    assert!(impostor.received().is_empty());
}

// Guards: the API's writes and the worker's records of attempts share the
// database; a status change (which reads, then writes) never fails for it.
#[test]
fn writes_succeed_while_the_worker_records_deliveries() {
    let dir = TempDir::new("webhook-contention");
    let server = start_server(&dir);
    let receiver = Receiver::answering_204();
    subscribe(&dir.db(), 1, &receiver.url(), "*", "whsec_busy_receiver");
    let id = deal_id(&server.post("/deals", RW, &json!({"title": "Busy", "value": 1})));
    let statuses: Vec<u16> = (0..150)
        .map(|round| {
            let stage = format!("stage-{}", round % 4);
            server
                .put(&format!("/deals/{id}/status"), RW, &json!({"stage": stage}))
                .status
        })
        .collect();
    assert!(statuses.iter().all(|status| *status == 200), "{statuses:?}");
    receiver.wait_for_deliveries(1 + 2 * 150);
}
