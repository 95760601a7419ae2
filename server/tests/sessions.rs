//! The vertical slice over HTTP: list, create (plain form and server function), validation, roles.

mod common;

use common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_is_server_rendered_with_zone_labels_and_no_meeting_links() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let res = app.get("/sesi").await;
        assert_eq!(res.status(), 200, "[{label}]");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("Bimtek Kewirausahaan Sosial bagi KPM PKH Graduasi"),
            "[{label}]"
        );
        for zone in [" WIB</time>", " WITA</time>", " WIT</time>"] {
            assert!(html.contains(zone), "[{label}] missing {zone}");
        }
        assert!(html.contains("09.00 WIB"), "[{label}] Indonesian clock");
        // Meeting links go to confirmed registrants only, never into the public list.
        for link in ["meet.jit.si", "zoom.us", "meet.google.com"] {
            assert!(!html.contains(link), "[{label}] leaked {link}");
        }
        // Hydration script and stylesheet are linked.
        assert!(
            html.contains("/pkg/bimtek.js") && html.contains("/pkg/bimtek.css"),
            "[{label}]"
        );
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organiser_creates_a_session_with_a_plain_form() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        app.login(ORGANISER).await;
        let (programme, region) = demo_ids(&app).await;
        let before = app.count("sessions").await;
        let form = valid_form("Sesi Uji Bentuk Polos", &programme, &region);
        let res = app.post_form("/sesi/baru", &as_refs(&form)).await;
        assert_eq!(res.status(), 303, "[{label}]");
        let to = location(&res);
        assert!(to.starts_with("/sesi?dibuat="), "[{label}] {to}");
        assert_eq!(app.count("sessions").await, before + 1, "[{label}]");

        let html = app.get(&to).await.text().await.unwrap();
        assert!(html.contains("Sesi tersimpan."), "[{label}]");
        assert!(html.contains("Sesi Uji Bentuk Polos"), "[{label}]");
        // 09:00 in Makassar, shown to the organiser (in Jakarta) in their own zone, with the
        // local time beside it.
        assert!(html.contains("08.00 WIB – 14.00 WIB"), "[{label}]");
        assert!(html.contains("09.00 WITA waktu setempat"), "[{label}]");

        let audit: i64 = {
            use bimtek::store::entities::audit_log;
            use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
            audit_log::Entity::find()
                .filter(audit_log::Column::Action.eq("session.create"))
                .count(&app.services.db)
                .await
                .unwrap() as i64
        };
        assert_eq!(audit, 1, "[{label}] one audit entry for the create");
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_422_with_a_message_per_field_and_keeps_what_was_typed() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        app.login(ORGANISER).await;
        let (programme, region) = demo_ids(&app).await;
        let mut form = valid_form("Judul <b>yang</b> diketik", &programme, &region);
        for (k, v) in form.iter_mut() {
            match *k {
                "ends_at" => *v = v.replace("T15:00", "T08:00"),
                "room_capacity" => *v = "lima puluh".into(),
                "meeting_url" => *v = "zoom.us/j/123".into(),
                "venue" => *v = String::new(),
                _ => {}
            }
        }
        let before = app.count("sessions").await;
        let res = app.post_form("/sesi/baru", &as_refs(&form)).await;
        assert_eq!(res.status(), 422, "[{label}]");
        let html = res.text().await.unwrap();
        for msg in [
            "Waktu selesai harus setelah waktu mulai.",
            "Isi dengan angka, misalnya 50.",
            "Tautan harus lengkap, diawali https://",
            "Wajib diisi.",
            "Ada isian yang perlu diperbaiki.",
        ] {
            assert!(html.contains(msg), "[{label}] missing message {msg:?}");
        }
        // What was typed comes back, escaped.
        assert!(
            html.contains("Judul &lt;b&gt;yang&lt;/b&gt; diketik"),
            "[{label}]"
        );
        assert!(html.contains("value=\"lima puluh\""), "[{label}]");
        assert!(html.contains("value=\"zoom.us/j/123\""), "[{label}]");
        assert_eq!(
            app.count("sessions").await,
            before,
            "[{label}] nothing written"
        );

        // Oversized and forged values are 4xx too, never 5xx.
        let huge = "x".repeat(20_000);
        let mut form = valid_form(&huge, "999999", "-1");
        form[3].1 = "hologram".into();
        let res = app.post_form("/sesi/baru", &as_refs(&form)).await;
        assert_eq!(res.status(), 422, "[{label}]");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("Terlalu panjang: maksimal 150 karakter."),
            "[{label}]"
        );
        assert!(
            html.contains("Pilih salah satu pilihan yang tersedia."),
            "[{label}]"
        );
        // A forged programme id: checked against the database, inside the transaction.
        let form = valid_form("Program yang tidak ada", "999999", &region);
        let res = app.post_form("/sesi/baru", &as_refs(&form)).await;
        assert_eq!(res.status(), 422, "[{label}]");
        assert!(
            res.text().await.unwrap().contains("Tidak ditemukan"),
            "[{label}]"
        );
        assert_eq!(
            app.count("sessions").await,
            before,
            "[{label}] nothing written"
        );
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_function_creates_and_reports_typed_errors() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        app.login(ORGANISER).await;
        let (programme, region) = demo_ids(&app).await;
        let form = valid_form("Sesi Lewat Fungsi Server", &programme, &region);
        let res = app.post_form("/api/create_session", &as_refs(&form)).await;
        assert_eq!(res.status(), 200, "[{label}]");
        let id: i64 = res.json().await.unwrap();
        assert!(id > 0);

        let mut bad = form.clone();
        bad[0].1 = "abc".into();
        let res = app.post_form("/api/create_session", &as_refs(&bad)).await;
        assert_eq!(res.status(), 422, "[{label}]");
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["Invalid"][0]["field"], "title", "[{label}] {body}");
        assert_eq!(
            body["Invalid"][0]["problem"]["kind"], "too_short",
            "[{label}] {body}"
        );
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_organisers_may_create_sessions() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let (programme, region) = demo_ids(&app).await;
        let form = valid_form("Sesi Tanpa Hak", &programme, &region);
        let before = app.count("sessions").await;

        // Anonymous: the plain form sends to login, the server function says 401.
        let res = app.post_form("/sesi/baru", &as_refs(&form)).await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert!(location(&res).starts_with("/masuk?next="), "[{label}]");
        let res = app.post_form("/api/create_session", &as_refs(&form)).await;
        assert_eq!(res.status(), 401, "[{label}]");
        let res = app.post_form("/api/get_session_form_options", &[]).await;
        assert_eq!(res.status(), 401, "[{label}]");

        // A participant is logged in but not allowed.
        app.login(PARTICIPANT).await;
        let res = app.post_form("/api/create_session", &as_refs(&form)).await;
        assert_eq!(res.status(), 403, "[{label}]");
        let res = app.post_form("/sesi/baru", &as_refs(&form)).await;
        assert_eq!(res.status(), 403, "[{label}]");
        assert!(
            res.text().await.unwrap().contains("Anda tidak berwenang"),
            "[{label}]"
        );
        assert_eq!(
            app.count("sessions").await,
            before,
            "[{label}] nothing written"
        );
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_posts_are_refused() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        app.login(ORGANISER).await;
        let (programme, region) = demo_ids(&app).await;
        let form = valid_form("Sesi Palsu", &programme, &region);
        let res = app
            .client
            .post(app.url("/sesi/baru"))
            .header("origin", "http://evil.example")
            .form(&as_refs(&form))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "[{label}]");
        let before = app.count("sessions").await;
        let res = app
            .client
            .post(app.url("/api/create_session"))
            .header("origin", "null")
            .form(&as_refs(&form))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "[{label}]");
        assert_eq!(
            app.count("sessions").await,
            before,
            "[{label}] nothing written"
        );
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn language_switch_sets_a_cookie_and_english_pages_follow() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let res = app.get("/bahasa/en?kembali=/sesi").await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(location(&res), "/sesi");
        let html = app.get("/sesi").await.text().await.unwrap();
        assert!(html.contains("<html lang=\"en\""), "[{label}]");
        assert!(html.contains("Bimtek schedule"), "[{label}]");
        assert!(html.contains("09:00 WIB"), "[{label}] English clock");
        // Off-site "back" targets are ignored.
        let res = app.get("/bahasa/id?kembali=//evil.example").await;
        assert_eq!(location(&res), "/sesi", "[{label}]");
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_pages_are_404_and_health_names_the_database() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        assert_eq!(app.get("/tidak-ada").await.status(), 404, "[{label}]");
        let res = app.get("/health").await;
        assert_eq!(res.status(), 200);
        let body = res.text().await.unwrap();
        let want = if label == "sqlite" {
            "SQLite"
        } else {
            "PostgreSQL"
        };
        assert!(body.contains(want), "[{label}] {body}");
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_carry_a_nonce_csp_that_matches_their_scripts() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let res = app.get("/sesi").await;
        let h = res.headers().clone();
        let csp = h["content-security-policy"].to_str().unwrap().to_string();
        assert_eq!(h["x-content-type-options"], "nosniff", "[{label}]");
        assert_eq!(h["referrer-policy"], "same-origin", "[{label}]");
        assert!(csp.contains("frame-ancestors 'none'"), "[{label}] {csp}");
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|r| r.split('\'').next())
            .unwrap_or_else(|| panic!("[{label}] no nonce in {csp}"))
            .to_string();
        assert!(nonce.len() >= 16, "[{label}] nonce too short");
        let html = res.text().await.unwrap();
        let scripts = html.matches("<script").count();
        assert!(scripts > 0, "[{label}]");
        assert_eq!(
            html.matches(&format!("nonce=\"{nonce}\"")).count(),
            scripts,
            "[{label}] every inline script carries this response's nonce"
        );
        // A second response gets another nonce.
        let again = app.get("/sesi").await;
        let csp2 = again.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        assert_ne!(csp, csp2, "[{label}]");
        // Non-page responses get the strict default.
        let health = app.get("/health").await;
        let csp3 = health.headers()["content-security-policy"]
            .to_str()
            .unwrap();
        assert!(!csp3.contains("script-src"), "[{label}] {csp3}");
        app.stop().await;
    }
}
