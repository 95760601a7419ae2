//! Logging in and out with the login session in the database.

mod common;

use common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn password_login_sets_an_httponly_lax_cookie_and_logout_ends_it() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let res = app
            .post_form(
                "/masuk",
                &[
                    ("email", " Penyelenggara@Bimtek.localhost "),
                    ("password", DEMO_PASSWORD),
                    ("next", "/sesi/baru"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(location(&res), "/sesi/baru");
        let cookie = res
            .headers()
            .get("set-cookie")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert!(cookie.starts_with("bimtek_sid="), "[{label}] {cookie}");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "[{label}] {cookie}"
        );
        assert_eq!(
            app.count("auth_sessions").await,
            1,
            "[{label}] stored in the database"
        );

        let html = app.get("/sesi/baru").await.text().await.unwrap();
        assert!(
            html.contains("Rina Wulandari"),
            "[{label}] header shows who is logged in"
        );
        assert!(
            html.contains("name=\"programme_id\""),
            "[{label}] the form is there"
        );

        let res = app.post_form("/keluar", &[]).await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            app.count("auth_sessions").await,
            0,
            "[{label}] session deleted"
        );
        let html = app.get("/sesi/baru").await.text().await.unwrap();
        assert!(html.contains("Silakan masuk terlebih dahulu."), "[{label}]");
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_password_is_422_with_a_clear_message_and_audited() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        for (email, password) in [
            (ORGANISER, "salah"),
            ("tidak.ada@bimtek.localhost", "salah"),
        ] {
            let res = app
                .post_form(
                    "/masuk",
                    &[("email", email), ("password", password), ("next", "/sesi")],
                )
                .await;
            assert_eq!(res.status(), 422, "[{label}]");
            let html = res.text().await.unwrap();
            assert!(html.contains("Email atau kata sandi salah."), "[{label}]");
            assert!(
                html.contains(&format!("value=\"{email}\"")),
                "[{label}] email kept"
            );
            assert!(
                !html.contains("value=\"salah\""),
                "[{label}] password never echoed"
            );
        }
        let res = app
            .post_form("/masuk", &[("email", "bukan-email"), ("password", "")])
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("Alamat email tidak valid"), "[{label}]");
        assert!(html.contains("Wajib diisi."), "[{label}]");
        assert_eq!(
            app.count("auth_sessions").await,
            0,
            "[{label}] no session for failures"
        );
        assert!(
            app.count("audit_log").await >= 2,
            "[{label}] failures audited"
        );
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_wrong_passwords_are_rate_limited_per_account_with_a_clear_message() {
    use bimtek::auth::limits::PER_ACCOUNT_BURST;
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        for _ in 0..PER_ACCOUNT_BURST {
            let res = app
                .post_form("/masuk", &[("email", ORGANISER), ("password", "tebakan")])
                .await;
            assert_eq!(res.status(), 422, "[{label}]");
        }
        // Now even the right password waits, and the page says so in Indonesian.
        let res = app
            .post_form(
                "/masuk",
                &[("email", ORGANISER), ("password", DEMO_PASSWORD)],
            )
            .await;
        assert_eq!(res.status(), 429, "[{label}]");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("Terlalu banyak percobaan masuk. Coba lagi dalam"),
            "[{label}]"
        );
        assert!(
            html.contains(&format!("value=\"{ORGANISER}\"")),
            "[{label}] email kept"
        );
        // The server function says the same, typed.
        let res = app
            .post_form(
                "/api/login",
                &[("email", ORGANISER), ("password", DEMO_PASSWORD)],
            )
            .await;
        assert_eq!(res.status(), 429, "[{label}]");
        let body: serde_json::Value = res.json().await.unwrap();
        assert!(
            body["RateLimited"]
                .as_u64()
                .is_some_and(|s| (1..=30).contains(&s)),
            "[{label}] {body}"
        );
        assert_eq!(app.count("auth_sessions").await, 0, "[{label}] no session");
        // Another account from the same address is not affected.
        app.login(PARTICIPANT).await;
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_read_the_audit_log_and_nobody_else_does() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        app.login(ORGANISER).await;
        let (programme, region) = demo_ids(&app).await;
        let form = valid_form("Sesi untuk log audit", &programme, &region);
        assert_eq!(
            app.post_form("/sesi/baru", &as_refs(&form)).await.status(),
            303
        );
        let html = app.get("/admin/audit").await.text().await.unwrap();
        assert!(
            html.contains("Anda tidak berwenang"),
            "[{label}] organiser refused"
        );
        assert!(!html.contains("session.create"), "[{label}]");

        // A fresh cookie jar: a second browser.
        let mut admin = app;
        admin.client = client();
        admin.login("admin@bimtek.localhost").await;
        let html = admin.get("/admin/audit").await.text().await.unwrap();
        assert!(html.contains("Log audit"), "[{label}]");
        assert!(html.contains("session.create · session #"), "[{label}]");
        assert!(
            html.contains("Rina Wulandari (Penyelenggara)"),
            "[{label}] who"
        );
        assert!(
            html.contains("Sesi untuk log audit"),
            "[{label}] what, after"
        );
        assert!(
            html.contains(" WIB</time>"),
            "[{label}] when, with the zone label"
        );
        let res = admin.get("/admin/audit?hal=200000000000000000").await;
        assert_eq!(res.status(), 400, "[{label}] absurd page: 4xx, not a panic");
        admin.stop().await;
    }
}
