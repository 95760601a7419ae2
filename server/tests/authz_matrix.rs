//! The authorization matrix: every server function × every kind of caller, with the expected HTTP
//! status, on SQLite and PostgreSQL. The table is checked against the server functions actually
//! registered in the binary, so a new server function without a row fails this test.
//!
//! Each response is also searched for data the caller may not see: meeting links, and email
//! addresses, phone numbers or NIKs of anyone.

mod common;

use std::collections::BTreeSet;

use common::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caller {
    Anonymous,
    Admin,
    Organiser,
    Mentor,
    Coordinator,
    Participant,
}

use Caller::*;

const CALLERS: [Caller; 6] = [
    Anonymous,
    Admin,
    Organiser,
    Mentor,
    Coordinator,
    Participant,
];

impl Caller {
    fn email(self) -> Option<&'static str> {
        let role = match self {
            Anonymous => return None,
            Admin => bimtek::domain::Role::Admin,
            Organiser => bimtek::domain::Role::Organiser,
            Mentor => bimtek::domain::Role::Mentor,
            Coordinator => bimtek::domain::Role::Coordinator,
            Participant => bimtek::domain::Role::Participant,
        };
        bimtek::seed::DEMO_ACCOUNTS
            .iter()
            .find(|a| a.role == role)
            .map(|a| a.email)
    }
}

/// What one call sends.
enum Body {
    Empty,
    /// A valid new-session form.
    SessionForm,
    /// A test invitation for the first demo session.
    TestInvitation,
    /// The first page of the audit log.
    AuditPage,
    /// A login attempt with a wrong password (the endpoint is open to all; it must not log in).
    BadLogin,
}

/// (server function path, body, expected status per caller in `CALLERS` order)
const ORGANISERS_ONLY: [u16; 6] = [401, 200, 200, 403, 403, 403];
const EVERYONE: [u16; 6] = [200; 6];
const ADMINS_ONLY: [u16; 6] = [401, 200, 403, 403, 403, 403];

fn matrix() -> Vec<(&'static str, Body, [u16; 6])> {
    vec![
        ("/api/get_current_user", Body::Empty, EVERYONE),
        ("/api/list_sessions", Body::Empty, EVERYONE),
        ("/api/login", Body::BadLogin, [422; 6]),
        (
            "/api/get_session_form_options",
            Body::Empty,
            ORGANISERS_ONLY,
        ),
        ("/api/create_session", Body::SessionForm, ORGANISERS_ONLY),
        (
            "/api/send_test_invitation",
            Body::TestInvitation,
            ORGANISERS_ONLY,
        ),
        ("/api/list_audit", Body::AuditPage, ADMINS_ONLY),
    ]
}

#[test]
fn every_registered_server_function_has_a_row() {
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_string())
        .collect();
    let covered: BTreeSet<String> = matrix().iter().map(|(p, _, _)| p.to_string()).collect();
    assert!(!registered.is_empty(), "no server functions registered?");
    assert_eq!(
        registered, covered,
        "server functions and authorization matrix rows differ: add a row for each new server function"
    );
}

/// Strings a caller may not find in an API response: meeting links and other people's contact
/// data. Admins may see everything (the audit log holds both), so nothing is forbidden to them.
fn forbidden_strings(caller: Caller) -> Vec<String> {
    if caller == Admin {
        return vec![];
    }
    let mut out: Vec<String> = [
        "meet.jit.si",
        "zoom.us",
        "meet.google.com",
        "\"phone\"",
        "\"nik\"",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    out.extend(
        bimtek::seed::DEMO_ACCOUNTS
            .iter()
            .map(|a| a.email)
            .filter(|e| Some(*e) != caller.email())
            .map(str::to_string),
    );
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn matrix_holds_on_every_database() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let (programme, region) = demo_ids(&app).await;
        let session_id = {
            use bimtek::store::entities::session;
            use sea_orm::{EntityTrait, QueryOrder};
            session::Entity::find()
                .order_by_asc(session::Column::Id)
                .one(&app.services.db)
                .await
                .unwrap()
                .unwrap()
                .id
                .to_string()
        };
        let mut cells = 0;
        for (i, caller) in CALLERS.into_iter().enumerate() {
            let client = client();
            if let Some(email) = caller.email() {
                let res = client
                    .post(app.url("/masuk"))
                    .header("origin", &app.base)
                    .form(&[
                        ("email", email),
                        ("password", DEMO_PASSWORD),
                        ("next", "/sesi"),
                    ])
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status(), 303, "[{label}] login {caller:?}");
            }
            for (path, body, expected) in matrix() {
                let form: Vec<(String, String)> = match body {
                    Body::Empty => vec![],
                    Body::SessionForm => {
                        valid_form(&format!("Sesi matriks {caller:?}"), &programme, &region)
                            .into_iter()
                            .map(|(k, v)| (k.to_string(), v))
                            .collect()
                    }
                    Body::AuditPage => vec![("page".into(), "0".into())],
                    Body::TestInvitation => vec![
                        ("session_id".into(), session_id.clone()),
                        ("key".into(), format!("matrix-{i}")),
                    ],
                    Body::BadLogin => vec![
                        (
                            "email".into(),
                            caller.email().unwrap_or("x@bimtek.localhost").into(),
                        ),
                        ("password".into(), "bukan-sandinya".into()),
                    ],
                };
                let res = client
                    .post(app.url(path))
                    .header("origin", &app.base)
                    .form(&form)
                    .send()
                    .await
                    .unwrap();
                let status = res.status().as_u16();
                let text = res.text().await.unwrap().to_lowercase();
                assert_eq!(status, expected[i], "[{label}] {caller:?} {path}: {text}");
                for s in forbidden_strings(caller) {
                    assert!(
                        !text.contains(&s),
                        "[{label}] {caller:?} {path} leaks {s:?}: {text}"
                    );
                }
                cells += 1;
            }
        }
        assert_eq!(cells, matrix().len() * CALLERS.len());
        eprintln!(
            "[{label}] authorization matrix: {} functions x {} callers = {cells} cells",
            matrix().len(),
            CALLERS.len()
        );
        app.stop().await;
    }
}
