//! Test harness: a real server on a random port, with its own freshly migrated and seeded database,
//! on SQLite and (when `TEST_DATABASE_URL` is set, as the test command does) on PostgreSQL.

#![allow(dead_code)]

use std::net::SocketAddr;

use bimtek::config::{Config, SmtpConfig, SmtpTls};
use bimtek::services::Services;
use bimtek_server::run::{self, Running};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, Database};

pub const DEMO_PASSWORD: &str = bimtek::seed::DEMO_PASSWORD;
pub const ORGANISER: &str = "penyelenggara@bimtek.localhost";
pub const PARTICIPANT: &str = "kpm@bimtek.localhost";

fn require_services() -> bool {
    std::env::var("BIMTEK_REQUIRE_PG").is_ok_and(|v| v == "1")
}

/// One database per test and backend: a temporary SQLite file, and a new database in the
/// throwaway PostgreSQL cluster.
pub async fn databases() -> Vec<(&'static str, String, Option<tempfile::TempDir>)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let sqlite = format!("sqlite://{}/t.db?mode=rwc", dir.path().display());
    let mut out = vec![("sqlite", sqlite, Some(dir))];
    match std::env::var("TEST_DATABASE_URL") {
        Ok(admin_url) => {
            let admin = Database::connect(&admin_url)
                .await
                .expect("connect to TEST_DATABASE_URL");
            let name = format!("t_{}", bimtek::auth::random_hex(6));
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create test database");
            let base = admin_url
                .rsplit_once('/')
                .map(|(b, _)| b)
                .unwrap_or(&admin_url);
            out.push(("postgres", format!("{base}/{name}"), None));
        }
        Err(_) if require_services() => {
            panic!("BIMTEK_REQUIRE_PG=1 but TEST_DATABASE_URL is not set")
        }
        Err(_) => eprintln!("note: TEST_DATABASE_URL not set; PostgreSQL not exercised here"),
    }
    out
}

/// The local SMTP server with its HTTP API (maildev), if the test command started one.
pub fn maildev() -> Option<(u16, String)> {
    let port = std::env::var("TEST_SMTP_PORT").ok()?.parse().ok()?;
    let url = std::env::var("TEST_MAILDEV_URL").ok()?;
    Some((port, url))
}

pub fn require_maildev() -> Option<(u16, String)> {
    let m = maildev();
    if m.is_none() {
        assert!(
            !require_services(),
            "BIMTEK_REQUIRE_PG=1 but TEST_SMTP_PORT/TEST_MAILDEV_URL are not set"
        );
        eprintln!("note: maildev not configured; mail delivery not exercised here");
    }
    m
}

pub struct TestApp {
    pub label: &'static str,
    pub base: String,
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub services: Services,
    pub config: Config,
    running: Option<Running>,
    _dir: Option<tempfile::TempDir>,
}

pub fn config(database_url: &str, smtp_port: u16) -> Config {
    Config {
        database_url: database_url.to_owned(),
        addr: "127.0.0.1:0".parse().expect("addr"),
        base_url: "http://127.0.0.1".into(),
        smtp: SmtpConfig {
            host: "127.0.0.1".into(),
            port: smtp_port,
            user: None,
            password: None,
            tls: SmtpTls::None,
            from: "Bimtek Test <no-reply@bimtek.localhost>".into(),
        },
        site_root: std::env::temp_dir().display().to_string(),
        site_pkg_dir: "pkg".into(),
        output_name: "bimtek".into(),
        // Tests drive the worker themselves, so delivery is deterministic.
        mail_worker: false,
        trusted_proxies: Vec::new(),
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("http client")
}

impl TestApp {
    /// Migrates and seeds `database_url`, then serves it on a free port.
    pub async fn spawn(
        label: &'static str,
        database_url: &str,
        dir: Option<tempfile::TempDir>,
    ) -> TestApp {
        let smtp_port = maildev().map(|(p, _)| p).unwrap_or(1);
        let mut config = config(database_url, smtp_port);
        let db = bimtek::store::connect(database_url).await.expect("connect");
        Migrator::up(&db, None).await.expect("migrate");
        bimtek::seed::seed_demo(&db, chrono::Utc::now())
            .await
            .expect("seed");
        let services = Services::new(db, "http://127.0.0.1");
        let running = run::start(config.clone(), services.clone())
            .await
            .expect("start");
        let addr = running.addr;
        config.base_url = format!("http://{addr}");
        TestApp {
            label,
            base: format!("http://{addr}"),
            addr,
            client: client(),
            services,
            config,
            running: Some(running),
            _dir: dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("origin", &self.base)
            .form(form)
            .send()
            .await
            .expect("POST")
    }

    /// Logs in through the plain login form, as a browser without JavaScript does.
    pub async fn login(&self, email: &str) {
        let res = self
            .post_form(
                "/masuk",
                &[
                    ("email", email),
                    ("password", DEMO_PASSWORD),
                    ("next", "/sesi"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303, "[{}] login as {email}", self.label);
        assert_eq!(location(&res), "/sesi");
    }

    pub async fn count(&self, table: &str) -> i64 {
        let row = self
            .services
            .db
            .query_one_raw(sea_orm::Statement::from_string(
                self.services.db.get_database_backend(),
                format!("SELECT COUNT(*) AS n FROM {table}"),
            ))
            .await
            .expect("count")
            .expect("row");
        row.try_get::<i64>("", "n").expect("n")
    }

    pub async fn stop(mut self) {
        if let Some(r) = self.running.take() {
            r.stop().await;
        }
    }
}

/// What `get_current_user` answers for `client`: its JSON, `null` when logged out.
pub async fn whoami(app: &TestApp, client: &reqwest::Client) -> String {
    let res = client
        .post(app.url("/api/get_current_user"))
        .header("origin", &app.base)
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 200, "[{}] get_current_user", app.label);
    res.text().await.expect("body")
}

pub fn location(res: &reqwest::Response) -> String {
    res.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

/// A session form that passes every rule, a week from now, in WITA.
pub fn valid_form(title: &str, programme_id: &str, region_id: &str) -> Vec<(&'static str, String)> {
    let day = (chrono::Utc::now() + chrono::Duration::days(7)).format("%Y-%m-%d");
    vec![
        ("title", title.to_owned()),
        ("description", "Praktisi kewirausahaan sosial.".into()),
        ("programme_id", programme_id.into()),
        ("mode", "hybrid".into()),
        ("region_id", region_id.into()),
        ("zone", "WITA".into()),
        ("starts_at", format!("{day}T09:00")),
        ("ends_at", format!("{day}T15:00")),
        ("room_capacity", "50".into()),
        ("online_capacity", "170".into()),
        ("venue", "Hotel Claro, Makassar".into()),
        ("meeting_url", "https://meet.jit.si/bimtek-uji".into()),
    ]
}

pub fn as_refs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The first demo programme and Kota Makassar (WITA), as form values.
pub async fn demo_ids(app: &TestApp) -> (String, String) {
    use bimtek::store::entities::{programme, region};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let p = programme::Entity::find()
        .order_by_asc(programme::Column::Id)
        .one(&app.services.db)
        .await
        .expect("programme query")
        .expect("a demo programme");
    let r = region::Entity::find()
        .filter(region::Column::Code.eq("73.71"))
        .one(&app.services.db)
        .await
        .expect("region query")
        .expect("Kota Makassar");
    (p.id.to_string(), r.id.to_string())
}

/// A mail worker that sends to the local SMTP server on `smtp_port`.
pub fn worker(app: &TestApp, smtp_port: u16) -> bimtek::mail::worker::Worker {
    let mut cfg = app.config.smtp.clone();
    cfg.port = smtp_port;
    bimtek::mail::worker::Worker::new(
        app.services.db.clone(),
        bimtek::mail::transport::Transport::new(&cfg),
        &cfg.from,
        app.services.mail_wakeup.clone(),
    )
    .unwrap()
}

/// Polls maildev until a message with this Message-ID arrives.
pub async fn fetch_from_maildev(api: &str, message_id: &str) -> serde_json::Value {
    let want = message_id.trim_matches(['<', '>']);
    let http = reqwest::Client::new();
    for _ in 0..100 {
        let list: Vec<serde_json::Value> = http
            .get(format!("{api}/api/email"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if let Some(m) = list.into_iter().find(|m| {
            m["headers"]["message-id"]
                .as_str()
                .map(|s| s.trim_matches(['<', '>']))
                == Some(want)
        }) {
            return m;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("message {message_id} never reached maildev");
}

/// The paths of every `.route("…", post(…))` in the router, read from its source so that a new
/// route is covered by the tests that walk them all.
pub fn post_routes() -> Vec<String> {
    let source = include_str!("../../src/router.rs");
    let mut routes = Vec::new();
    let mut rest = source;
    while let Some(i) = rest.find(".route(") {
        rest = &rest[i + 7..];
        let call: String = rest.chars().take_while(|c| *c != ')').collect();
        if call.contains("post(") {
            routes.push(call.split('"').nth(1).unwrap_or_default().to_string());
        }
    }
    routes
}

/// A client logged in as `email` with the demo password (through the plain login form).
pub async fn logged_in(app: &TestApp, email: &str) -> reqwest::Client {
    let c = client();
    let res = c
        .post(app.url("/masuk"))
        .header("origin", &app.base)
        .form(&[("email", email), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "[{}] login {email}", app.label);
    c
}

/// A same-origin form POST from `c`.
pub async fn post(
    app: &TestApp,
    c: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    c.post(app.url(path))
        .header("origin", &app.base)
        .form(form)
        .send()
        .await
        .unwrap()
}

/// A GET from `c`: status and body.
pub async fn page(app: &TestApp, c: &reqwest::Client, path: &str) -> (u16, String) {
    let res = c.get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}
