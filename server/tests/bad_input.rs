//! Bad input against every server function and every plain-form endpoint: oversized fields, wrong
//! types, forged ids, broken encodings, bodies over the limit. Each must get a 4xx (or a harmless
//! 2xx/3xx), never a 5xx, and must write nothing. On SQLite and PostgreSQL.

mod common;

use common::*;

/// Every field name a form or server function of Bimtek reads.
const FIELDS: [&str; 26] = [
    "title",
    "description",
    "programme_id",
    "mode",
    "region_id",
    "zone",
    "starts_at",
    "ends_at",
    "room_capacity",
    "online_capacity",
    "venue",
    "meeting_url",
    "email",
    "password",
    "password_confirm",
    "full_name",
    "phone",
    "nik",
    "code",
    "role",
    "token",
    "key",
    "session_id",
    "id",
    "page",
    "query",
];

/// Tables a rejected request must leave alone. (Failed logins are audited, so `audit_log` and
/// `auth_sessions` may grow.)
const TABLES: [&str; 6] = [
    "people",
    "person_roles",
    "sessions",
    "registrations",
    "email_outbox",
    "login_tokens",
];

fn payloads() -> Vec<(&'static str, Vec<(String, String)>)> {
    let all = |v: &str| -> Vec<(String, String)> {
        FIELDS
            .iter()
            .map(|f| (f.to_string(), v.to_string()))
            .collect()
    };
    vec![
        // Far over every field's limit, under the 2 MB body limit in total.
        ("oversized", all(&"ä".repeat(10_000))),
        ("letters for numbers", all("abc")),
        ("negative", all("-1")),
        ("huge number", all("99999999999999999999999")),
        ("fraction", all("1.5")),
        ("nul and controls", all("a\u{0}b\u{1b}[2J")),
        ("markup", all("<script>alert(1)</script>")),
        ("forged ids", all("999999")),
        ("path traversal", all("../../etc/passwd")),
        ("empty", all("")),
        ("nothing", vec![]),
    ]
}

async fn counts(app: &TestApp) -> Vec<i64> {
    let mut out = vec![];
    for t in TABLES {
        out.push(app.count(t).await);
    }
    out
}

fn fill(path: &str, id: &str) -> String {
    path.split('/')
        .map(|seg| if seg.starts_with('{') { id } else { seg })
        .collect::<Vec<_>>()
        .join("/")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_4xx_and_writes_nothing() {
    let server_fns: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(p, _)| p.to_string())
        .collect();
    let forms = post_routes();
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        // One connection per request: a handler that refuses before reading the body (a forged
        // path id, an over-limit body) makes the server close that connection, which must not
        // turn the next request into a transport error.
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .pool_max_idle_per_host(0)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        // Logged in as admin: the caller that gets furthest into every handler.
        let res = http
            .post(app.url("/masuk"))
            .header("origin", &app.base)
            .form(&[
                ("email", "admin@bimtek.localhost"),
                ("password", DEMO_PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "[{label}] login");
        let before = counts(&app).await;
        let mut requests = 0;
        let mut statuses = std::collections::BTreeMap::<u16, u32>::new();
        let mut check = |what: String, status: u16, body_len: usize| {
            assert!(status < 500, "[{label}] {what}: {status}");
            if status >= 400 {
                assert!(body_len > 0, "[{label}] {what}: {status} without a message");
            }
            *statuses.entry(status).or_default() += 1;
        };
        let mut targets: Vec<String> = server_fns.clone();
        for f in &forms {
            // Path ids forged three ways.
            for id in ["999999", "-1", "abc", "99999999999999999999999"] {
                targets.push(fill(f, id));
            }
        }
        // Logout reads no input, and would leave the rest of the run anonymous.
        targets.retain(|p| p != "/keluar");
        targets.sort();
        targets.dedup();
        for path in &targets {
            for (name, form) in payloads() {
                let res = http
                    .post(app.url(path))
                    .header("origin", &app.base)
                    .form(&form)
                    .send()
                    .await
                    .unwrap_or_else(|e| panic!("[{label}] {path} {name}: {e}"));
                let status = res.status().as_u16();
                let len = res.bytes().await.map(|b| b.len()).unwrap_or(0);
                check(format!("{path} {name}"), status, len);
                requests += 1;
            }
            // Bytes that are not UTF-8, and a body over the limit.
            for (name, body, ctype) in [
                (
                    "invalid utf-8",
                    b"title=\xff\xfe\xfd&email=\xc3\x28".to_vec(),
                    "application/x-www-form-urlencoded",
                ),
                (
                    "json garbage",
                    b"{\"title\": [1, {".to_vec(),
                    "application/json",
                ),
                (
                    "3 MB",
                    format!("title={}", "a".repeat(3 * 1024 * 1024)).into_bytes(),
                    "application/x-www-form-urlencoded",
                ),
            ] {
                let sent = http
                    .post(app.url(path))
                    .header("origin", &app.base)
                    .header("content-type", ctype)
                    .body(body)
                    .send()
                    .await;
                let res = match sent {
                    Ok(res) => res,
                    // Over the limit the server may answer 413 and close before the client has
                    // sent it all; the client then sees a reset. Nothing is read or written.
                    Err(_) if name == "3 MB" => {
                        requests += 1;
                        continue;
                    }
                    Err(e) => panic!("[{label}] {path} {name}: {e}"),
                };
                let status = res.status().as_u16();
                let len = res.bytes().await.map(|b| b.len()).unwrap_or(0);
                check(format!("{path} {name}"), status, len);
                requests += 1;
            }
        }
        assert_eq!(
            counts(&app).await,
            before,
            "[{label}] something was written"
        );
        // Still serving.
        assert_eq!(app.get("/health").await.status(), 200, "[{label}]");
        eprintln!(
            "[{label}] bad input: {} endpoints, {requests} requests, statuses {statuses:?}",
            targets.len()
        );
        app.stop().await;
    }
}
