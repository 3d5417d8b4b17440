//! The reference server as a process: a create acknowledged before a
//! `kill -9` is still there after it, `keys create` makes keys a server
//! accepts, and `serve --demo-deals` seeds what it says.

mod support;

use reference_api::demo::{DEMO_COMPANY_DEALS, OTHER_COMPANY_DEALS};
use serde_json::json;
use support::*;

// Guards: a create acknowledged with 201 survives SIGKILL of the server.
#[test]
fn an_acknowledged_create_survives_kill_9() {
    let dir = TempDir::new("durability");
    let mut server = Server::demo(&dir);
    let created = server.post("/deals", RW, &json!({"title": "Survivor", "value": 7}));
    assert_eq!(created.status, 201);
    server.child.kill().expect("SIGKILL");
    server.child.wait().expect("reaped");
    let restarted = Server::demo(&dir);
    let id = created.body["data"]["id"].as_str().unwrap();
    let read = restarted.get(&format!("/deals/{id}"), RW);
    assert_eq!(read.status, 200);
    assert_eq!(read.body["data"], created.body["data"]);
    assert_eq!(
        restarted.get("/deals", RW).body["meta"]["total"],
        DEMO_COMPANY_DEALS + 1,
        "seeding ran once"
    );
}

// Guards: without --demo there are no well-known keys; `keys create` prints a
// working key once.
#[test]
fn keys_create_makes_a_working_key() {
    let dir = TempDir::new("keys");
    let output = std::process::Command::new(BINARY)
        .args([
            "keys",
            "create",
            "--db",
            &dir.db(),
            "--company",
            "9",
            "--permissions",
            "deals:read,deals:write",
        ])
        .output()
        .expect("keys create");
    assert!(output.status.success());
    let key = String::from_utf8(output.stdout).unwrap().trim().to_owned();
    assert!(key.len() > 30);
    let server = Server::start(&dir.db(), &[]);
    assert_eq!(server.get("/deals", RW).status, 401);
    let answer = server.get("/deals", &key);
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body["meta"]["total"], 0);
    assert_eq!(
        server
            .post("/deals", &key, &json!({"title": "First", "value": 1}))
            .status,
        201
    );

    let refused = std::process::Command::new(BINARY)
        .args([
            "keys",
            "create",
            "--db",
            &dir.db(),
            "--company",
            "9",
            "--permissions",
            "deals:admin",
        ])
        .output()
        .expect("keys create");
    assert!(!refused.status.success());
}

// Guards: `--demo-deals` seeds that many deals for the demo company, the
// seed's example deals among them, mostly open and in every stage, and leaves
// the other company as it is; it takes no fewer than the seed's two deals and
// only with --demo.
#[test]
fn demo_deals_seeds_the_number_asked_for() {
    let dir = TempDir::new("demo-deals");
    let server = Server::start(&dir.db(), &["--demo", "--demo-deals", "2000"]);
    let total = |path: &str, key: &str| {
        let answer = server.get(path, key);
        assert_eq!(answer.status, 200, "{path}: {}", answer.body);
        answer.body["meta"]["total"].as_u64().unwrap()
    };
    assert_eq!(total("/deals?limit=1", RW), 2000);
    assert_eq!(total("/deals?limit=1", OTHER), OTHER_COMPANY_DEALS as u64);
    assert!(total("/deals?limit=1&status=open", RW) > 1500);
    for stage in deals_contract::PIPELINE_STAGES {
        assert!(
            total(&format!("/deals?limit=1&stage={stage}"), RW) > 50,
            "{stage}"
        );
    }
    for (id, title) in [
        ("deal_123", "Enterprise Software License"),
        ("deal_789", "Website Redesign Project"),
    ] {
        let answer = server.get(&format!("/deals/{id}"), RW);
        assert_eq!(answer.status, 200, "{id}");
        assert_eq!(answer.body["data"]["title"], title);
    }

    for refused in [
        &["--demo", "--demo-deals", "1"][..],
        &["--demo-deals", "2000"][..],
    ] {
        let output = std::process::Command::new(BINARY)
            .args(["serve", "--addr", "127.0.0.1:0", "--db", &dir.db()])
            .args(refused)
            .output()
            .expect("serve");
        assert!(!output.status.success(), "{refused:?}");
    }
}
