//! The API's endpoints called in process (the router's `oneshot`, no port):
//! every endpoint, every error body the contract
//! (`../shared/seed/deals-api.txt`) shows, tenant isolation, paging edges,
//! filters and CORS. What needs a real process or socket is in `http.rs` and
//! `hostile.rs`.

mod support;

use std::collections::HashSet;

use axum::body::Body;
use deals_contract::{Deal, DealQuery};
use reference_api::demo::{DEMO_COMPANY_DEALS, OTHER_COMPANY_DEALS};
use serde_json::{json, Value};
use support::*;

fn ids(deals: &[Value]) -> Vec<String> {
    deals
        .iter()
        .map(|deal| deal["id"].as_str().expect("id").to_owned())
        .collect()
}

// Guards: the list envelope and the defaults of page and limit.
#[test]
fn list_answers_the_seeds_envelope_with_default_paging() {
    let dir = TempDir::new("list");
    let api = App::demo(&dir);
    let answer = api.get("/deals", RW);
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body["success"], true);
    assert_eq!(answer.body["data"].as_array().unwrap().len(), 50);
    assert_eq!(
        answer.body["meta"],
        json!({"page": 1, "limit": 50, "total": DEMO_COMPANY_DEALS, "totalPages": 6})
    );
    let deal = &answer.body["data"][0];
    let keys: HashSet<&str> = deal
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let expected: HashSet<&str> = [
        "id",
        "title",
        "description",
        "value",
        "currency",
        "stage",
        "priority",
        "probability",
        "status",
        "expectedCloseDate",
        "actualCloseDate",
        "source",
        "contact",
        "assignedTo",
        "createdAt",
        "updatedAt",
    ]
    .into();
    assert_eq!(keys, expected);
    let created = deal["createdAt"].as_str().unwrap();
    assert_eq!(created.len(), "2024-11-01T10:30:00.000Z".len());
    assert!(created.ends_with('Z'));
}

// Guards: paging never skips or repeats a deal, newest first; the last page is
// partial, a page past the end is empty with the true meta, and 200 is the
// largest page.
#[test]
fn paging_edges() {
    let dir = TempDir::new("paging");
    let api = App::demo(&dir);
    let all = api.all_deals(RW, "", 50);
    let unique: HashSet<String> = ids(&all).into_iter().collect();
    assert_eq!(all.len(), DEMO_COMPANY_DEALS);
    assert_eq!(unique.len(), DEMO_COMPANY_DEALS);
    let created: Vec<&str> = all
        .iter()
        .map(|deal| deal["createdAt"].as_str().unwrap())
        .collect();
    assert!(
        created.windows(2).all(|pair| pair[0] >= pair[1]),
        "newest first"
    );

    let last = api.get("/deals?page=6", RW);
    assert_eq!(
        last.body["data"].as_array().unwrap().len(),
        DEMO_COMPANY_DEALS - 250
    );
    let past = api.get("/deals?page=7", RW);
    assert_eq!(past.status, 200);
    assert_eq!(past.body["data"], json!([]));
    assert_eq!(past.body["meta"]["total"], DEMO_COMPANY_DEALS);

    let biggest = api.get("/deals?limit=200", RW);
    assert_eq!(biggest.body["data"].as_array().unwrap().len(), 200);
    assert_eq!(biggest.body["meta"]["totalPages"], 2);
    assert_eq!(
        ids(biggest.body["data"].as_array().unwrap()),
        ids(&all[..200])
    );

    let too_big = api.get("/deals?limit=201&page=0", RW);
    assert_eq!(too_big.status, 422);
    assert_eq!(
        too_big.body,
        json!({"success": false, "error": "Validation failed", "details": {
            "limit": "Limit must be a whole number from 1 to 200",
            "page": "Page must be a whole number of at least 1"
        }})
    );
    let bad = api.get("/deals?status=closed&createdSince=yesterday", RW);
    assert_eq!(bad.status, 422);
    assert!(bad.body["details"]["status"].is_string());
    assert!(bad.body["details"]["createdSince"].is_string());
}

// Guards: each filter and their combination return exactly the matching deals,
// and the contract's `DealQuery::selects` (with which the widget's live refresh
// sorts changed deals) keeps exactly the deals the server's SQL keeps.
#[test]
fn filters_narrow_and_combine() {
    let dir = TempDir::new("filters");
    let api = App::demo(&dir);
    let all = api.all_deals(RW, "", 200);
    let expect = |filter: &str, keep: &dyn Fn(&Value) -> bool| {
        let expected: Vec<Value> = all.iter().filter(|deal| keep(deal)).cloned().collect();
        let got = api.all_deals(RW, filter, 200);
        assert_eq!(ids(&got), ids(&expected), "filter {filter}");
        let query = DealQuery::from_pairs(
            filter
                .split('&')
                .filter_map(|pair| pair.split_once('='))
                .collect::<Vec<_>>(),
        )
        .unwrap();
        let selected: Vec<Value> = all
            .iter()
            .filter(|deal| query.selects(&serde_json::from_value::<Deal>((*deal).clone()).unwrap()))
            .cloned()
            .collect();
        assert_eq!(
            ids(&selected),
            ids(&got),
            "DealQuery::selects, filter {filter}"
        );
        assert!(
            !got.is_empty(),
            "filter {filter} matches something in the demo data"
        );
    };
    expect("&status=won", &|deal| deal["status"] == "won");
    expect("&stage=negotiation", &|deal| deal["stage"] == "negotiation");
    let middle = all[all.len() / 2]["createdAt"].as_str().unwrap().to_owned();
    expect(&format!("&createdSince={middle}"), &|deal| {
        deal["createdAt"].as_str().unwrap() >= middle.as_str()
    });
    let updated_middle = all[all.len() / 3]["updatedAt"].as_str().unwrap().to_owned();
    expect(&format!("&updatedSince={updated_middle}"), &|deal| {
        deal["updatedAt"].as_str().unwrap() >= updated_middle.as_str()
    });
    expect(
        &format!("&status=open&stage=proposal&createdSince={}", &middle[..10]),
        &|deal| {
            deal["status"] == "open"
                && deal["stage"] == "proposal"
                && deal["createdAt"].as_str().unwrap() >= &middle[..10]
        },
    );
}

// Guards: the seed's 401 and 403 bodies, and that a key unknown to the server
// is refused like a missing one.
#[test]
fn keys_are_checked_and_permissions_enforced() {
    let dir = TempDir::new("auth");
    let api = App::demo(&dir);
    let missing = api.call("GET", "/deals", None, None);
    assert_eq!(missing.status, 401);
    assert_eq!(
        missing.body,
        json!({"success": false, "error": "API key required in Authorization header",
               "message": "Please provide a valid API key in the format: Authorization: Bearer YOUR_API_KEY"})
    );
    let unknown = api.get("/deals", "isao_demo_nope");
    assert_eq!(unknown.status, 401);
    assert_eq!(unknown.body["error"], "Invalid API key");

    let no_deals = api.get("/deals", CONTACTS);
    assert_eq!(no_deals.status, 403);
    assert_eq!(
        no_deals.body,
        json!({"success": false, "error": "Permission denied: deals:read required",
               "message": "This API key does not have the required permission: deals:read",
               "requiredPermission": "deals:read",
               "availablePermissions": ["contacts:read", "contacts:write"]})
    );
    let read_only = api.post("/deals", RO, &json!({"title": "x", "value": 1}));
    assert_eq!(read_only.status, 403);
    assert_eq!(read_only.body["requiredPermission"], "deals:write");
    assert_eq!(
        read_only.body["availablePermissions"],
        json!(["deals:read"])
    );
    assert_eq!(api.get("/deals", RO).status, 200);
}

// Guards: a key sees and changes only its own company's deals; a foreign id
// answers exactly like one that does not exist.
#[test]
fn companies_are_isolated() {
    let dir = TempDir::new("tenants");
    let api = App::demo(&dir);
    let own = ids(&api.all_deals(RW, "", 200));
    let other = ids(&api.all_deals(OTHER, "", 200));
    assert_eq!(other.len(), OTHER_COMPANY_DEALS);
    assert!(other.iter().all(|id| !own.contains(id)));

    let foreign = api.get(&format!("/deals/{}", other[0]), RW);
    let missing = api.get("/deals/deal_missing", RW);
    assert_eq!((foreign.status, missing.status), (404, 404));
    assert_eq!(
        foreign.body,
        json!({"success": false, "error": "Deal not found"})
    );
    assert_eq!(foreign.body, missing.body);
    let before = api.get(&format!("/deals/{}", other[0]), OTHER).body;
    let change = api.put(
        &format!("/deals/{}/status", other[0]),
        RW,
        &json!({"stage": "taken"}),
    );
    assert_eq!(change.status, 404);
    assert_eq!(
        api.get(&format!("/deals/{}", other[0]), OTHER).body,
        before,
        "untouched"
    );
    let foreign_contact = api.post(
        "/deals",
        OTHER,
        &json!({"title": "x", "value": 1, "contactId": "contact_456"}),
    );
    assert_eq!(foreign_contact.status, 400);
    assert_eq!(
        foreign_contact.body,
        json!({"success": false, "error": "Contact not found or does not belong to your company"})
    );
}

// Guards: a create with every field answers 201 with the full deal, contact
// and user resolved, and reads back the same; the defaults apply.
#[test]
fn create_round_trips_every_field_and_applies_defaults() {
    let dir = TempDir::new("create");
    let api = App::demo(&dir);
    let user = api
        .all_deals(RW, "", 200)
        .into_iter()
        .find_map(|deal| deal["assignedTo"]["id"].as_str().map(str::to_owned))
        .expect("a deal with a user");
    let created = api.post(
        "/deals",
        RW,
        &json!({"title": "Website Redesign Project", "description": "Complete redesign", "value": 25000.5,
                "currency": "GBP", "stage": "proposal", "priority": "high", "probability": 60,
                "expectedCloseDate": "2024-12-30", "source": "website", "contactId": "contact_456",
                "assignedToId": user}),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let deal = &created.body["data"];
    assert!(deal["id"].as_str().unwrap().starts_with("deal_"));
    assert_eq!(deal["title"], "Website Redesign Project");
    assert_eq!(deal["description"], "Complete redesign");
    assert_eq!(deal["value"], 25000.5);
    assert_eq!(deal["currency"], "GBP");
    assert_eq!(deal["stage"], "proposal");
    assert_eq!(deal["priority"], "high");
    assert_eq!(deal["probability"], 60);
    assert_eq!(deal["status"], "open");
    assert_eq!(deal["expectedCloseDate"], "2024-12-30T00:00:00.000Z");
    assert_eq!(deal["actualCloseDate"], Value::Null);
    assert_eq!(deal["source"], "website");
    assert_eq!(deal["contact"]["id"], "contact_456");
    assert!(deal["contact"]["name"].is_string());
    assert_eq!(deal["assignedTo"]["id"], user.as_str());
    assert_eq!(deal["createdAt"], deal["updatedAt"]);
    let read = api.get(&format!("/deals/{}", deal["id"].as_str().unwrap()), RW);
    assert_eq!(read.body, json!({"success": true, "data": deal}));
    assert_eq!(
        api.get("/deals?limit=1", RW).body["data"][0]["id"],
        deal["id"]
    );

    let minimal = api.post(
        "/deals",
        RW,
        &json!({"title": "Minimal", "value": 0, "expectedCloseDate": "2025-01-02T03:04:05+02:00"}),
    );
    assert_eq!(minimal.status, 201);
    let deal = &minimal.body["data"];
    assert_eq!(
        (
            deal["currency"].as_str(),
            deal["priority"].as_str(),
            deal["status"].as_str()
        ),
        (Some("EUR"), Some("medium"), Some("open"))
    );
    assert_eq!(deal["expectedCloseDate"], "2025-01-02T01:04:05.000Z");
    assert_eq!(
        (deal["contact"].clone(), deal["assignedTo"].clone()),
        (Value::Null, Value::Null)
    );
}

// Guards: every broken rule is listed at once, by field, in the 422 body;
// unknown contact and user answer 400 in the seed's shape.
#[test]
fn create_refuses_bad_deals() {
    let dir = TempDir::new("create-bad");
    let api = App::demo(&dir);
    let answer = api.post(
        "/deals",
        RW,
        &json!({"title": "   ", "value": -1, "currency": "euro", "priority": "urgent", "probability": 101,
                "expectedCloseDate": "next week", "colour": "red"}),
    );
    assert_eq!(answer.status, 422);
    let details = answer.body["details"].as_object().expect("details");
    let fields: Vec<&str> = details.keys().map(String::as_str).collect();
    assert_eq!(
        fields,
        [
            "colour",
            "currency",
            "expectedCloseDate",
            "priority",
            "probability",
            "title",
            "value"
        ]
    );
    assert_eq!(details["title"], "Title is required");
    assert_eq!(details["value"], "Value must be a positive number");
    assert_eq!(details["colour"], "Unknown field");

    let long = api.post("/deals", RW, &json!({"title": "x".repeat(256), "value": 1}));
    assert_eq!(
        long.body["details"]["title"],
        "Title must be at most 255 characters"
    );
    let at_limit = api.post("/deals", RW, &json!({"title": "é".repeat(255), "value": 1}));
    assert_eq!(at_limit.status, 201);
    let missing_value = api.post("/deals", RW, &json!({"title": "x"}));
    assert_eq!(
        missing_value.body["details"],
        json!({"value": "Value is required"})
    );

    let user = api.post(
        "/deals",
        RW,
        &json!({"title": "x", "value": 1, "assignedToId": "user_nobody"}),
    );
    assert_eq!(user.status, 400);
    assert_eq!(
        user.body,
        json!({"success": false, "error": "User not found or does not belong to your company"})
    );
    assert_eq!(
        api.get("/deals", RW).body["meta"]["total"],
        DEMO_COMPANY_DEALS + 1
    );
}

// Guards: won or lost without a date closes now, with a date keeps it,
// reopening clears it, a stage alone moves the stage; bad values are 422.
#[test]
fn status_changes_follow_the_contract() {
    let dir = TempDir::new("status");
    let api = App::demo(&dir);
    let id = api
        .post(
            "/deals",
            RW,
            &json!({"title": "Move me", "value": 10, "stage": "discovery"}),
        )
        .body["data"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/deals/{id}/status");

    let staged = api.put(&path, RW, &json!({"stage": "negotiation"}));
    assert_eq!(staged.status, 200);
    assert_eq!(staged.body["data"]["stage"], "negotiation");
    assert_eq!(staged.body["data"]["status"], "open");

    let won = api.put(&path, RW, &json!({"status": "won"}));
    assert_eq!(won.body["data"]["status"], "won");
    assert!(won.body["data"]["actualCloseDate"].is_string());
    assert!(won.body["data"]["updatedAt"].as_str() >= won.body["data"]["createdAt"].as_str());

    let reopened = api.put(&path, RW, &json!({"status": "open"}));
    assert_eq!(reopened.body["data"]["actualCloseDate"], Value::Null);

    let lost = api.put(
        &path,
        RW,
        &json!({"status": "lost", "actualCloseDate": "2024-11-08T15:30:00.000Z"}),
    );
    assert_eq!(
        lost.body["data"]["actualCloseDate"],
        "2024-11-08T15:30:00.000Z"
    );
    assert_eq!(api.get(&format!("/deals/{id}"), RW).body, lost.body);

    let empty = api.put(&path, RW, &json!({}));
    assert_eq!(empty.status, 422);
    assert!(empty.body["details"]["status"].is_string());
    let bad = api.put(
        &path,
        RW,
        &json!({"status": "closed", "actualCloseDate": "soon", "extra": 1}),
    );
    assert_eq!(bad.status, 422);
    assert_eq!(bad.body["details"].as_object().unwrap().len(), 3);
    assert_eq!(
        api.put("/deals/deal_missing/status", RW, &json!({"status": "won"}))
            .status,
        404
    );
    assert_eq!(api.put(&path, RO, &json!({"status": "won"})).status, 403);
}

// Guards: the framework's own refusals still answer in the seed's JSON shape.
#[test]
fn protocol_errors_are_json() {
    let dir = TempDir::new("protocol");
    let api = App::demo(&dir);
    let malformed = api.send(
        App::request("POST", "/deals")
            .header("Authorization", "Bearer isao_demo_rw")
            .header("Content-Type", "application/json")
            .body(Body::from("{\"title\": "))
            .unwrap(),
    );
    assert_eq!(malformed.status, 400);
    assert_eq!(malformed.body["success"], false);
    assert!(malformed.body["error"]
        .as_str()
        .unwrap()
        .starts_with("Malformed JSON"));

    let plain = api.send(
        App::request("POST", "/deals")
            .header("Authorization", "Bearer isao_demo_rw")
            .header("Content-Type", "text/plain")
            .body(Body::from("{}"))
            .unwrap(),
    );
    assert_eq!(plain.status, 415);
    assert_eq!(plain.body["error"], "Unsupported Media Type");

    let huge = json!({"title": "x", "value": 1, "description": "x".repeat(reference_api::BODY_LIMIT_BYTES)});
    let too_large = api.post("/deals", RW, &huge);
    assert_eq!(too_large.status, 413);
    assert_eq!(too_large.body["error"], "Payload Too Large");

    let route = api.get("/contacts", RW);
    assert_eq!(route.status, 404);
    assert_eq!(route.body, json!({"success": false, "error": "Not found"}));

    let method = api.call("DELETE", "/deals", Some(RW), None);
    assert_eq!(method.status, 405);
    assert_eq!(method.body["error"], "Method Not Allowed");
    assert!(method.allow.as_deref().unwrap_or_default().contains("POST"));
    assert_eq!(method.content_type.as_deref(), Some("application/json"));
}

// Guards: a widget on an allowed origin can call the API, preflight included;
// other origins get no CORS grant.
#[test]
fn cors_allows_configured_origins() {
    let dir = TempDir::new("cors");
    let api = App::demo(&dir);
    let preflight = api.send(
        App::request("OPTIONS", "/deals")
            .header("Origin", "https://intranet.example")
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "authorization, content-type",
            )
            .body(Body::empty())
            .unwrap(),
    );
    assert!(preflight.status < 300);
    assert_eq!(
        preflight.cors_origin.as_deref(),
        Some("https://intranet.example")
    );
    let refused = api.send(
        App::request("GET", "/deals")
            .header("Origin", "https://evil.example")
            .header("Authorization", "Bearer isao_demo_rw")
            .body(Body::empty())
            .unwrap(),
    );
    assert_eq!(refused.cors_origin, None);
    let error = api.send(
        App::request("GET", "/deals")
            .header("Origin", "https://intranet.example")
            .body(Body::empty())
            .unwrap(),
    );
    assert_eq!(error.status, 401);
    assert_eq!(
        error.cors_origin.as_deref(),
        Some("https://intranet.example"),
        "errors are readable cross-origin"
    );
}

// Guards: the OpenAPI document is served, without a key, and is the file in the repository.
#[test]
fn the_openapi_document_is_served() {
    let dir = TempDir::new("openapi");
    let api = App::demo(&dir);
    let answer = api.call("GET", "/openapi.json", None, None);
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body["openapi"], "3.1.0");
    let in_repository: Value = serde_json::from_str(reference_api::OPENAPI_DOCUMENT).unwrap();
    assert_eq!(answer.body, in_repository);
}

// Guards: the demo holds the records the seed's examples name, and they answer
// exactly as the seed prints them; a stage move may revise the probability,
// as the seed's JavaScript client does.
#[test]
fn the_seeds_example_records_answer_as_the_seed_shows() {
    let dir = TempDir::new("seed-records");
    let api = App::demo(&dir);
    let seed_deal = json!({
        "id": "deal_123",
        "title": "Enterprise Software License",
        "value": 50000.00,
        "currency": "EUR",
        "stage": "negotiation",
        "priority": "high",
        "probability": 75,
        "status": "open",
        "expectedCloseDate": "2024-12-15T00:00:00.000Z",
        "actualCloseDate": null,
        "description": "Annual software license for 500 users",
        "source": "website",
        "contact": {
            "id": "contact_456",
            "name": "John Smith",
            "email": "john@techcorp.com",
            "phoneNumber": "+33123456789",
            "currentCompany": "Tech Corp"
        },
        "assignedTo": {"id": "user_789", "name": "Sales Rep", "email": "sales@isao.io"},
        "createdAt": "2024-11-01T10:30:00.000Z",
        "updatedAt": "2024-11-08T09:15:00.000Z"
    });
    let answer = api.get("/deals/deal_123", RW);
    assert_eq!(answer.body, json!({"success": true, "data": seed_deal}));

    let moved = api.put(
        "/deals/deal_789/status",
        RW,
        &json!({"stage": "negotiation", "probability": 70}),
    );
    assert_eq!(moved.status, 200, "{}", moved.body);
    assert_eq!(moved.body["data"]["probability"], 70);
    assert_eq!(moved.body["data"]["stage"], "negotiation");
    let bad = api.put("/deals/deal_789/status", RW, &json!({"probability": 170}));
    assert_eq!(
        bad.body["details"]["probability"],
        "Probability must be a number from 0 to 100"
    );
}

/// Asserts that an answer may be neither stored by a cache nor sniffed as
/// anything but what it says it is.
fn assert_private_and_unsniffed(what: &str, answer: &Answer) {
    assert_eq!(answer.header("cache-control"), Some("no-store"), "{what}");
    assert_eq!(
        answer.header("x-content-type-options"),
        Some("nosniff"),
        "{what}"
    );
}

// Guards: every answer, success or error, on every route, tells caches not
// to keep it (it holds a company's deals, or says which keys exist) and
// browsers not to guess its type.
#[test]
fn every_answer_is_no_store_and_nosniff() {
    let dir = TempDir::new("headers");
    let api = App::demo(&dir);
    let created = api.post("/deals", RW, &json!({"title": "Headed", "value": 1}));
    let id = created.body["data"]["id"].as_str().unwrap().to_owned();
    let two_keys = api.send(
        App::request("GET", "/deals")
            .header("Authorization", "Bearer isao_demo_rw")
            .header("Authorization", "Bearer isao_demo_ro")
            .body(Body::empty())
            .unwrap(),
    );
    let malformed = api.send(
        App::request("POST", "/deals")
            .header("Authorization", "Bearer isao_demo_rw")
            .header("Content-Type", "application/json")
            .body(Body::from("{"))
            .unwrap(),
    );
    let not_json = api.send(
        App::request("POST", "/deals")
            .header("Authorization", "Bearer isao_demo_rw")
            .header("Content-Type", "text/plain")
            .body(Body::from("{}"))
            .unwrap(),
    );
    let huge = json!({"title": "x", "value": 1, "description": "x".repeat(reference_api::BODY_LIMIT_BYTES)});
    let answers = [
        ("201 create", created, 201),
        ("200 list", api.get("/deals", RW), 200),
        ("200 deal", api.get(&format!("/deals/{id}"), RW), 200),
        (
            "200 status",
            api.put(
                &format!("/deals/{id}/status"),
                RW,
                &json!({"status": "won"}),
            ),
            200,
        ),
        (
            "200 OpenAPI",
            api.call("GET", "/openapi.json", None, None),
            200,
        ),
        ("400 malformed", malformed, 400),
        (
            "400 unknown contact",
            api.post(
                "/deals",
                RW,
                &json!({"title": "x", "value": 1, "contactId": "contact_none"}),
            ),
            400,
        ),
        ("401 no key", api.call("GET", "/deals", None, None), 401),
        ("401 unknown key", api.get("/deals", "isao_demo_nope"), 401),
        ("401 two keys", two_keys, 401),
        ("403", api.get("/deals", CONTACTS), 403),
        ("404 deal", api.get("/deals/deal_none", RW), 404),
        ("404 route", api.get("/contacts", RW), 404),
        ("405", api.call("DELETE", "/deals", Some(RW), None), 405),
        ("413", api.post("/deals", RW, &huge), 413),
        ("415", not_json, 415),
        ("422", api.get("/deals?limit=0", RW), 422),
    ];
    for (what, answer, status) in &answers {
        assert_eq!(answer.status, *status, "{what}: {}", answer.body);
        assert_private_and_unsniffed(what, answer);
    }

    let mut options = App::options();
    options.rate_limit_per_minute = 1;
    let limited = App::with(
        reference_api::store::Store::open(&dir.db(), 2).unwrap(),
        options,
    );
    assert_eq!(limited.get("/deals?limit=1", RW).status, 200);
    let refused = limited.get("/deals?limit=1", RW);
    assert_eq!(refused.status, 429);
    assert_private_and_unsniffed("429", &refused);
}
