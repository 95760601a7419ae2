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
    /// The first page of the people list.
    PeopleQuery,
    /// The demo participant without email (registered by the demo coordinator).
    Sri,
    /// A valid participant registration (a new phone per caller).
    NewParticipant,
    /// A valid mentor grant.
    Grant,
    /// A personal code that does not exist.
    WrongCode,
    /// The first demo session's id.
    Session,
    /// An online seat.
    Seat,
    /// A CSV of one new person, as a multipart upload (preview step).
    InviteCsv,
    /// Cancelling with a reason over the limit: refused after the role check, nothing changes.
    CancelTooLong,
    /// Assigning the demo participant as a mentor (the grant row above made her one).
    MentorSri,
    /// A valid programme (a new name per caller).
    Programme,
    /// An email-preferences link with a forged signature.
    ForgedPrefs,
    /// A roll-call tap for the demo participant without email.
    Mark,
    /// A check-in code that was never shown.
    CheckinCode,
    /// A valid business for a participant.
    Business,
    /// A valid follow-up call.
    FollowUp,
    /// Closing a next action that does not exist.
    DoneMissing,
    /// The first demo session's certificates: everyone's, or only the caller's own.
    Certificates {
        mine: bool,
    },
    /// The first demo programme's id.
    ProgrammeId,
}

/// (server function path, body, expected status per caller in `CALLERS` order)
const ORGANISERS_ONLY: [u16; 6] = [401, 200, 200, 403, 403, 403];
const EVERYONE: [u16; 6] = [200; 6];
const LOGGED_IN: [u16; 6] = [401, 200, 200, 200, 200, 200];
const ADMINS_ONLY: [u16; 6] = [401, 200, 403, 403, 403, 403];
const COORDINATORS: [u16; 6] = [401, 200, 403, 403, 200, 403];
const MENTORS: [u16; 6] = [401, 200, 403, 200, 403, 403];

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
        ("/api/list_people", Body::PeopleQuery, ADMINS_ONLY),
        ("/api/get_person", Body::Sri, ADMINS_ONLY),
        ("/api/get_coordinator_home", Body::Empty, COORDINATORS),
        ("/api/list_mentor_sessions", Body::Empty, MENTORS),
        ("/api/list_my_sessions", Body::Empty, LOGGED_IN),
        ("/api/get_session_detail", Body::Session, EVERYONE),
        ("/api/get_new_session_form", Body::Empty, ORGANISERS_ONLY),
        ("/api/get_edit_session_form", Body::Session, ORGANISERS_ONLY),
        ("/api/list_programmes", Body::Empty, ORGANISERS_ONLY),
        ("/api/get_programme_form", Body::Empty, ORGANISERS_ONLY),
        ("/api/get_delivery_log", Body::Session, ORGANISERS_ONLY),
        // The signature is the only key: a forged one is refused for everyone.
        ("/api/get_email_prefs", Body::ForgedPrefs, [404; 6]),
        // The mentor is assigned to the first demo session.
        (
            "/api/get_roster",
            Body::Session,
            [401, 200, 200, 200, 403, 403],
        ),
        (
            "/api/get_roll_call",
            Body::Session,
            [401, 200, 200, 200, 403, 403],
        ),
        (
            "/api/get_checkin_screen",
            Body::Session,
            [401, 200, 200, 200, 403, 403],
        ),
        ("/api/get_checkin_target", Body::Session, LOGGED_IN),
        ("/api/get_caseload", Body::Empty, MENTORS),
        (
            "/api/get_session_report",
            Body::Session,
            [401, 200, 200, 200, 403, 403],
        ),
        (
            "/api/get_certificates",
            Body::Certificates { mine: false },
            [401, 200, 200, 200, 403, 403],
        ),
        // Nobody has attended the (future) first demo session: no certificate of one's own.
        (
            "/api/get_certificates",
            Body::Certificates { mine: true },
            [401, 404, 404, 404, 404, 404],
        ),
        ("/api/get_dashboard_overview", Body::Empty, ORGANISERS_ONLY),
        ("/api/list_my_certificates", Body::Empty, LOGGED_IN),
        (
            "/api/get_programme_dashboard",
            Body::ProgrammeId,
            ORGANISERS_ONLY,
        ),
        // Sri is on no mentor's caseload: admins only.
        ("/api/get_follow_up", Body::Sri, ADMINS_ONLY),
    ]
}

/// What a plain form (no JavaScript) answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    /// 303 to the login page, remembering where to come back.
    Login,
    /// 303 somewhere else: done.
    Done,
    Status(u16),
}

use Want::{Done, Login, Status};

/// Plain-form endpoints that change something (path with `{id}`/`{sri}` filled in, body,
/// expected answer per caller). Every POST route of the router is here.
fn form_matrix() -> Vec<(&'static str, Body, [Want; 6])> {
    let forbidden = Status(403);
    vec![
        (
            "/sesi/baru",
            Body::SessionForm,
            [Login, Done, Done, forbidden, forbidden, forbidden],
        ),
        (
            "/sesi/{id}/undangan-uji",
            Body::TestInvitation,
            [Login, Done, Done, forbidden, forbidden, forbidden],
        ),
        (
            "/koordinator/peserta",
            Body::NewParticipant,
            [
                Login,
                Status(200),
                forbidden,
                forbidden,
                Status(200),
                forbidden,
            ],
        ),
        (
            "/koordinator/peserta/{sri}/kode-baru",
            Body::Empty,
            [
                Login,
                Status(200),
                forbidden,
                forbidden,
                Status(200),
                forbidden,
            ],
        ),
        (
            "/admin/orang/{sri}/peran",
            Body::Grant,
            [Login, Done, forbidden, forbidden, forbidden, forbidden],
        ),
        (
            // A grant that does not exist: the admin gets 404, everyone else is stopped first.
            "/admin/orang/{sri}/peran/999999/hapus",
            Body::Empty,
            [
                Login,
                Status(404),
                forbidden,
                forbidden,
                forbidden,
                forbidden,
            ],
        ),
        ("/masuk/kode", Body::WrongCode, [Status(422); 6]),
        (
            "/sesi/{id}/email/ulang",
            Body::Empty,
            [Login, Done, Done, forbidden, forbidden, forbidden],
        ),
        ("/email/preferensi", Body::ForgedPrefs, [Status(404); 6]),
        // Anyone logged in may register (the participant is registered already: unchanged),
        // then cancel.
        (
            "/sesi/{id}/daftar",
            Body::Seat,
            [Login, Done, Done, Done, Done, Done],
        ),
        (
            "/sesi/{id}/batal",
            Body::Empty,
            [Login, Done, Done, Done, Done, Done],
        ),
        (
            "/sesi/{id}/ubah",
            Body::SessionForm,
            [Login, Done, Done, forbidden, forbidden, forbidden],
        ),
        (
            "/sesi/{id}/batalkan",
            Body::CancelTooLong,
            [
                Login,
                Status(422),
                Status(422),
                forbidden,
                forbidden,
                forbidden,
            ],
        ),
        (
            "/sesi/{id}/pendamping",
            Body::MentorSri,
            [Login, Done, Done, forbidden, forbidden, forbidden],
        ),
        (
            // Removing someone who is not assigned: nothing to do.
            "/sesi/{id}/pendamping/{sri}/hapus",
            Body::Empty,
            [Login, Done, Done, forbidden, forbidden, forbidden],
        ),
        (
            "/program/baru",
            Body::Programme,
            [Login, Done, Done, forbidden, forbidden, forbidden],
        ),
        (
            "/program/{programme}/ubah",
            Body::Programme,
            [Login, Done, Done, forbidden, forbidden, forbidden],
        ),
        // The first demo session is a week away: those who run it hear "not open yet" (422).
        (
            "/sesi/{id}/absen",
            Body::Mark,
            [
                Login,
                Status(422),
                Status(422),
                Status(422),
                forbidden,
                forbidden,
            ],
        ),
        (
            "/sesi/{id}/absen/semua",
            Body::Empty,
            [
                Login,
                Status(422),
                Status(422),
                Status(422),
                forbidden,
                forbidden,
            ],
        ),
        (
            "/hadir/{id}",
            Body::CheckinCode,
            [
                Login,
                Status(422),
                Status(422),
                Status(422),
                Status(422),
                Status(422),
            ],
        ),
        // Sri is on no mentor's caseload: admins only (the business first, then the call).
        (
            "/pendamping/peserta/{sri}/usaha",
            Body::Business,
            [Login, Done, forbidden, forbidden, forbidden, forbidden],
        ),
        (
            "/pendamping/peserta/{sri}/tindak-lanjut",
            Body::FollowUp,
            [Login, Done, forbidden, forbidden, forbidden, forbidden],
        ),
        (
            "/pendamping/peserta/{sri}/selesai",
            Body::DoneMissing,
            [
                Login,
                Status(404),
                forbidden,
                forbidden,
                forbidden,
                forbidden,
            ],
        ),
        (
            "/sesi/{id}/undang",
            Body::InviteCsv,
            [
                Login,
                Status(200),
                Status(200),
                forbidden,
                forbidden,
                forbidden,
            ],
        ),
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

/// Every `.route("…", post(…))` in the router has a row in `form_matrix` (or is a login/logout
/// form open to all, tested in auth.rs and login_link.rs).
#[test]
fn every_plain_form_route_has_a_row() {
    const OPEN_TO_ALL: [&str; 6] = [
        "/masuk",
        "/keluar",
        "/masuk/tautan-baru",
        "/masuk/tautan",
        "/masuk/lupa",
        "/masuk/sandi-baru",
    ];
    let routes = post_routes();
    let normalise = |p: &str| {
        p.split('/')
            .map(|seg| {
                if seg.starts_with('{')
                    || seg.chars().all(|c| c.is_ascii_digit()) && !seg.is_empty()
                {
                    "{}"
                } else {
                    seg
                }
            })
            .collect::<Vec<_>>()
            .join("/")
    };
    let covered: BTreeSet<String> = form_matrix()
        .iter()
        .map(|(p, _, _)| normalise(p))
        .chain(OPEN_TO_ALL.iter().map(|p| p.to_string()))
        .collect();
    let routes: BTreeSet<String> = routes.iter().map(|p| normalise(p)).collect();
    assert!(routes.len() >= 10, "router parse found {routes:?}");
    assert_eq!(routes, covered, "a POST route without a row in form_matrix");
}

/// Strings a caller may not find in a response: meeting links and other people's contact data.
/// Admins may see everything (the audit log holds both). A coordinator sees the phone of the
/// participants they registered (to pass invitations on), never a full NIK.
/// The session page shows the meeting link to a confirmed online registrant (the demo
/// participant) and to those who run the session (organiser, assigned mentor); nobody else.
fn forbidden_strings(caller: Caller, path: &str) -> Vec<String> {
    if caller == Admin {
        return vec![];
    }
    let sees_link = path == "/api/get_session_detail"
        && matches!(caller, Organiser | Mentor | Participant)
        || path == "/api/get_edit_session_form" && caller == Organiser;
    let mut out: Vec<String> = if sees_link {
        vec![]
    } else {
        ["meet.jit.si", "zoom.us", "meet.google.com"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    };
    out.push(bimtek::seed::DEMO_CODE_NIK.into());
    if caller != Coordinator {
        out.push(bimtek::seed::DEMO_CODE_PHONE.into());
        out.push(bimtek::domain::Phone::display(
            bimtek::seed::DEMO_CODE_PHONE,
        ));
        out.push("\"phone\"".into());
        out.push("\"nik\"".into());
    }
    out.extend(
        bimtek::seed::DEMO_ACCOUNTS
            .iter()
            .map(|a| a.email)
            .filter(|e| Some(*e) != caller.email())
            .map(str::to_string),
    );
    out
}

fn form_body(body: &Body, caller_index: usize, caller: Caller, ids: &Ids) -> Vec<(String, String)> {
    let kv = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<Vec<_>>()
    };
    match body {
        Body::Empty => vec![],
        Body::ForgedPrefs => kv(&[("p", "1"), ("t", &"ab".repeat(32))]),
        Body::Mark => kv(&[("person", &ids.sri), ("mark", "present")]),
        Body::CheckinCode => kv(&[("code", "000000")]),
        Body::Business => kv(&[
            ("name", "Warung Sembako Bu Sri"),
            ("sector", "perdagangan"),
            ("stage", "mentoring"),
        ]),
        Body::FollowUp => kv(&[("kind", "call"), ("discussed", "Stok dan pencatatan kas")]),
        Body::DoneMissing => kv(&[("follow_up", "999999")]),
        Body::SessionForm => valid_form(
            &format!("Sesi matriks {caller:?}"),
            &ids.programme,
            &ids.region,
        )
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect(),
        Body::AuditPage => kv(&[("page", "0")]),
        Body::TestInvitation => vec![
            ("session_id".into(), ids.session.clone()),
            ("key".into(), format!("matrix-{caller_index}-{}", ids.round)),
        ],
        Body::BadLogin => kv(&[
            ("email", caller.email().unwrap_or("x@bimtek.localhost")),
            ("password", "bukan-sandinya"),
        ]),
        Body::PeopleQuery => kv(&[("query", ""), ("page", "0")]),
        Body::Sri => kv(&[("id", &ids.sri)]),
        Body::NewParticipant => kv(&[
            ("full_name", "Peserta Matriks"),
            ("phone", &format!("0813 2000 00{caller_index}{}", ids.round)),
            ("region_id", &ids.region),
        ]),
        Body::Grant => kv(&[("role", "mentor"), ("programme_id", &ids.programme)]),
        Body::WrongCode => kv(&[("code", "ZZZZZ-ZZZZZ")]),
        Body::Session => kv(&[("id", &ids.session)]),
        Body::Certificates { mine } => kv(&[
            ("id", &ids.session),
            ("mine", if *mine { "true" } else { "false" }),
        ]),
        Body::ProgrammeId => kv(&[("id", &ids.programme)]),
        Body::Seat => kv(&[("seat", "online")]),
        Body::InviteCsv => vec![],
        Body::CancelTooLong => kv(&[("reason", &"x".repeat(400))]),
        Body::MentorSri => kv(&[("mentor_id", &ids.sri)]),
        Body::Programme => {
            let today = chrono::Utc::now().date_naive();
            kv(&[
                ("name", &format!("Program Matriks {caller:?} {}", ids.round)),
                ("track", "mentoring"),
                (
                    "starts_on",
                    &(today - chrono::Duration::days(400)).to_string(),
                ),
                (
                    "ends_on",
                    &(today + chrono::Duration::days(700)).to_string(),
                ),
                ("regions", &ids.region),
                ("target_kpm_trained", "1000"),
            ])
        }
    }
}

struct Ids {
    programme: String,
    region: String,
    session: String,
    sri: String,
    /// 0 for server functions, 1 for plain forms (keeps idempotency keys and phones apart).
    round: usize,
}

async fn log_in_as(app: &TestApp, caller: Caller) -> reqwest::Client {
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
        assert_eq!(res.status(), 303, "[{}] login {caller:?}", app.label);
    }
    client
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn matrix_holds_on_every_database() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let (programme, region) = demo_ids(&app).await;
        let (session, sri) = {
            use bimtek::store::entities::{person, session};
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
            let s = session::Entity::find()
                .order_by_asc(session::Column::Id)
                .one(&app.services.db)
                .await
                .unwrap()
                .unwrap()
                .id;
            let p = person::Entity::find()
                .filter(person::Column::FullName.eq(bimtek::seed::DEMO_CODE_NAME))
                .one(&app.services.db)
                .await
                .unwrap()
                .unwrap()
                .id;
            (s.to_string(), p.to_string())
        };
        let mut ids = Ids {
            programme,
            region,
            session,
            sri,
            round: 0,
        };
        let mut cells = 0;
        for (i, caller) in CALLERS.into_iter().enumerate() {
            let client = log_in_as(&app, caller).await;
            ids.round = 0;
            for (path, body, expected) in matrix() {
                let form = form_body(&body, i, caller, &ids);
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
                for s in forbidden_strings(caller, path) {
                    assert!(
                        !text.contains(&s.to_lowercase()),
                        "[{label}] {caller:?} {path} leaks {s:?}: {text}"
                    );
                }
                cells += 1;
            }
            ids.round = 1;
            for (path, body, expected) in form_matrix() {
                let path = path
                    .replace("{id}", &ids.session)
                    .replace("{sri}", &ids.sri)
                    .replace("{programme}", &ids.programme);
                let form = form_body(&body, i, caller, &ids);
                let req = client.post(app.url(&path)).header("origin", &app.base);
                let req = if matches!(body, Body::InviteCsv) {
                    req.multipart(
                        reqwest::multipart::Form::new()
                            .text("langkah", "periksa")
                            .text("csv", "nama,email\nOrang Matriks,matriks@contoh.id\n"),
                    )
                } else {
                    req.form(&form)
                };
                let res = req.send().await.unwrap();
                let status = res.status().as_u16();
                let to = location(&res);
                let text = res.text().await.unwrap().to_lowercase();
                let got = match status {
                    303 if to.starts_with("/masuk?next=") => Login,
                    303 => Done,
                    s => Status(s),
                };
                assert_eq!(
                    got, expected[i],
                    "[{label}] {caller:?} {path} -> {to}: {text:.300}"
                );
                for s in forbidden_strings(caller, &path) {
                    assert!(
                        !text.contains(&s.to_lowercase()),
                        "[{label}] {caller:?} {path} leaks {s:?}"
                    );
                }
                cells += 1;
            }
        }
        let per_caller = matrix().len() + form_matrix().len();
        assert_eq!(cells, per_caller * CALLERS.len());
        eprintln!(
            "[{label}] authorization matrix: ({} server functions + {} plain forms) x {} callers = {cells} cells",
            matrix().len(),
            form_matrix().len(),
            CALLERS.len()
        );
        app.stop().await;
    }
}
