//! Login by one-time email link: the link is read back from the real SMTP server.

mod common;

use bimtek::store::entities::{email_outbox, login_token};
use common::*;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

async fn deliver_and_fetch_link(app: &TestApp, smtp_port: u16, api: &str, to: &str) -> String {
    deliver_and_fetch(
        app,
        smtp_port,
        api,
        to,
        "login_link",
        "/masuk/tautan/",
        "berlaku 15 menit",
    )
    .await
}

async fn deliver_and_fetch(
    app: &TestApp,
    smtp_port: u16,
    api: &str,
    to: &str,
    kind: &str,
    path: &str,
    validity: &str,
) -> String {
    assert_eq!(worker(app, smtp_port).run_once().await.unwrap(), 1);
    let row = email_outbox::Entity::find()
        .filter(email_outbox::Column::Kind.eq(kind))
        .filter(email_outbox::Column::ToAddress.eq(to))
        .one(&app.services.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.status, "sent");
    let m = fetch_from_maildev(api, &row.message_id).await;
    let text = m["text"].as_str().unwrap();
    assert!(text.contains(validity), "{text}");
    let start = text.find(path).expect("link in the text");
    text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_login_link_logs_in_once_and_only_once() {
    let Some((smtp_port, api)) = require_maildev() else {
        return;
    };
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let res = app
            .post_form("/masuk/tautan-baru", &[("email", PARTICIPANT)])
            .await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(location(&res), "/masuk?tautan=terkirim");
        let html = app
            .get("/masuk?tautan=terkirim")
            .await
            .text()
            .await
            .unwrap();
        assert!(html.contains("tautan masuk sudah dikirim"), "[{label}]");

        // Only the hash is stored.
        let link = deliver_and_fetch_link(&app, smtp_port, &api, PARTICIPANT).await;
        let token = link.rsplit('/').next().unwrap().to_string();
        let rows = login_token::Entity::find()
            .all(&app.services.db)
            .await
            .unwrap();
        assert_eq!(rows.len(), 1);
        assert_ne!(rows[0].token_hash, token, "[{label}] token stored hashed");
        // Once sent, the mail's copy is gone from the outbox too.
        let sent = email_outbox::Entity::find()
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap();
        assert!(
            !sent.body_text.contains(&token) && !sent.body_html.contains(&token),
            "[{label}]"
        );

        // Opening the link changes nothing; the button does.
        let page = app.get(&link).await;
        assert_eq!(page.status(), 200, "[{label}]");
        assert!(page.text().await.unwrap().contains("Konfirmasi masuk"));
        assert!(
            login_token::Entity::find()
                .one(&app.services.db)
                .await
                .unwrap()
                .unwrap()
                .used_at
                .is_none()
        );

        let res = app.post_form("/masuk/tautan", &[("token", &token)]).await;
        assert_eq!(res.status(), 303, "[{label}]");
        let html = app.get("/sesi").await.text().await.unwrap();
        assert!(html.contains("Siti Aminah (KPM)"), "[{label}] logged in");

        // Replayed: refused with a clear message, in another browser too.
        let other = client();
        let res = other
            .post(app.url("/masuk/tautan"))
            .header("origin", &app.base)
            .form(&[("token", token.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 410, "[{label}]");
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("sudah dipakai atau kedaluwarsa"),
            "[{label}]"
        );
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_forged_and_unknown_links_are_refused_without_revealing_accounts() {
    let Some((smtp_port, api)) = require_maildev() else {
        return;
    };
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        // Unknown address: the same answer, and nothing is sent.
        let res = app
            .post_form(
                "/masuk/tautan-baru",
                &[("email", "tidak.terdaftar@contoh.id")],
            )
            .await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(location(&res), "/masuk?tautan=terkirim");
        assert_eq!(app.count("email_outbox").await, 0, "[{label}]");
        // A bad address is a 422 with the typed value kept.
        let res = app
            .post_form("/masuk/tautan-baru", &[("email", "bukan email")])
            .await;
        assert_eq!(res.status(), 422, "[{label}]");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("id=\"f-link-email\""),
            "[{label}] the login page"
        );
        assert!(
            html.contains("value=\"bukan email\""),
            "[{label}] typed value kept"
        );

        // Expired.
        app.post_form("/masuk/tautan-baru", &[("email", ORGANISER)])
            .await;
        let link = deliver_and_fetch_link(&app, smtp_port, &api, ORGANISER).await;
        let token = link.rsplit('/').next().unwrap().to_string();
        login_token::Entity::update_many()
            .col_expr(
                login_token::Column::ExpiresAt,
                sea_orm::sea_query::Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
            )
            .exec(&app.services.db)
            .await
            .unwrap();
        let res = app.post_form("/masuk/tautan", &[("token", &token)]).await;
        assert_eq!(res.status(), 410, "[{label}]");
        // Forged and malformed tokens.
        for forged in [
            "0".repeat(64),
            "abc".into(),
            "../../etc/passwd".into(),
            String::new(),
        ] {
            let res = app.post_form("/masuk/tautan", &[("token", &forged)]).await;
            assert_eq!(res.status(), 410, "[{label}] {forged:?}");
        }
        assert_eq!(
            app.count("auth_sessions").await,
            0,
            "[{label}] nobody logged in"
        );
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_link_sets_a_new_password_once() {
    let Some((smtp_port, api)) = require_maildev() else {
        return;
    };
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        // Someone who knows the old password is logged in elsewhere.
        let elsewhere = client();
        let res = elsewhere
            .post(app.url("/masuk"))
            .header("origin", &app.base)
            .form(&[("email", ORGANISER), ("password", DEMO_PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "[{label}]");
        assert!(whoami(&app, &elsewhere).await.contains("Rina"), "[{label}]");
        let res = app.post_form("/masuk/lupa", &[("email", ORGANISER)]).await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(location(&res), "/masuk/lupa?terkirim=1");
        let link = deliver_and_fetch(
            &app,
            smtp_port,
            &api,
            ORGANISER,
            "password_reset",
            "/masuk/sandi-baru/",
            "berlaku 60 menit",
        )
        .await;
        let token = link.rsplit('/').next().unwrap().to_string();
        assert_eq!(app.get(&link).await.status(), 200, "[{label}]");
        // A login link asked for meanwhile must stop working with the reset.
        app.post_form("/masuk/tautan-baru", &[("email", ORGANISER)])
            .await;

        // Too short, then not repeated the same: 422, the link still works, nothing echoed.
        let res = app
            .post_form(
                "/masuk/sandi-baru",
                &[
                    ("token", &token),
                    ("password", "pendek"),
                    ("password_confirm", "pendek"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "[{label}]");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("Terlalu pendek: minimal 10 karakter."),
            "[{label}]"
        );
        assert!(
            !html.contains("value=\"pendek\""),
            "[{label}] password not echoed"
        );
        let res = app
            .post_form(
                "/masuk/sandi-baru",
                &[
                    ("token", &token),
                    ("password", "kemasan-baru-2026"),
                    ("password_confirm", "kemasan-baru-2025"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "[{label}]");
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("Tidak sama dengan kata sandi baru"),
            "[{label}]"
        );

        let res = app
            .post_form(
                "/masuk/sandi-baru",
                &[
                    ("token", &token),
                    ("password", "kemasan-baru-2026"),
                    ("password_confirm", "kemasan-baru-2026"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert!(
            app.get("/sesi")
                .await
                .text()
                .await
                .unwrap()
                .contains("Rina Wulandari"),
            "[{label}] logged in"
        );
        // The reset ended the other login session; this browser stays logged in.
        assert_eq!(whoami(&app, &elsewhere).await, "null", "[{label}]");
        assert!(
            whoami(&app, &app.client).await.contains("Rina"),
            "[{label}]"
        );

        // The old password no longer works, the new one does; the link is spent.
        let fresh = client();
        let try_login = |pw: &'static str| {
            fresh
                .post(app.url("/masuk"))
                .header("origin", &app.base)
                .form(&[("email", ORGANISER), ("password", pw)])
                .send()
        };
        assert_eq!(
            try_login(DEMO_PASSWORD).await.unwrap().status(),
            422,
            "[{label}]"
        );
        assert_eq!(
            try_login("kemasan-baru-2026").await.unwrap().status(),
            303,
            "[{label}]"
        );
        let res = app
            .post_form(
                "/masuk/sandi-baru",
                &[
                    ("token", &token),
                    ("password", "lain-lagi-2026"),
                    ("password_confirm", "lain-lagi-2026"),
                ],
            )
            .await;
        assert_eq!(res.status(), 410, "[{label}] spent");
        let open = login_token::Entity::find()
            .filter(login_token::Column::UsedAt.is_null())
            .all(&app.services.db)
            .await
            .unwrap();
        assert!(
            open.is_empty(),
            "[{label}] no link of this person still works"
        );
        app.stop().await;
    }
}
