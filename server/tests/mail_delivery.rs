//! Reliable delivery against a real SMTP server (maildev): reminders with the reader's zone, the
//! .ics and the one-click preferences link; retry after an SMTP outage; no second send after a
//! worker stopped between handing a message over and marking it; the delivery log and resend.

mod common;

use bimtek::store::entities::{email_outbox, person, registration, session};
use chrono::{Duration, Utc};
use common::*;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

/// `http://127.0.0.1/x?y` (the tests' base URL has no port) → `/x?y`, to ask the test server.
fn path_of(url: &str) -> String {
    url.trim_start_matches("http://127.0.0.1").to_string()
}

async fn rows(app: &TestApp, kind: &str) -> Vec<email_outbox::Model> {
    email_outbox::Entity::find()
        .filter(email_outbox::Column::Kind.eq(kind))
        .order_by_asc(email_outbox::Column::Id)
        .all(&app.services.db)
        .await
        .unwrap()
}

/// The first online-capable demo session, moved to start in 50 minutes, with the demo
/// participant confirmed on an online seat two days ago.
async fn session_in_50_minutes(app: &TestApp) -> (session::Model, person::Model) {
    let db = &app.services.db;
    let s = session::Entity::find()
        .filter(session::Column::Mode.ne("in_person"))
        .order_by_asc(session::Column::Id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let start = Utc::now() + Duration::minutes(50);
    let mut a: session::ActiveModel = s.into();
    a.starts_at = Set(start);
    a.ends_at = Set(start + Duration::hours(3));
    a.reminder_offsets_minutes = Set("1440,60".into());
    let s = a.update(db).await.unwrap();
    let p = person::Entity::find()
        .filter(person::Column::Email.eq(PARTICIPANT))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let two_days_ago = Utc::now() - Duration::days(2);
    registration::Entity::delete_many()
        .filter(registration::Column::SessionId.eq(s.id))
        .filter(registration::Column::PersonId.eq(p.id))
        .exec(db)
        .await
        .unwrap();
    registration::ActiveModel {
        session_id: Set(s.id),
        person_id: Set(p.id),
        seat_kind: Set("online".into()),
        status: Set("confirmed".into()),
        waitlist_position: Set(None),
        join_token_hash: Set(Some("0".repeat(64))),
        invited_by: Set(None),
        registered_at: Set(two_days_ago),
        promoted_at: Set(None),
        cancelled_at: Set(None),
        updated_at: Set(two_days_ago),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    (s, p)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminder_carries_zone_ics_and_preferences_and_is_honoured() {
    let Some((smtp_port, api)) = require_maildev() else {
        return;
    };
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let (s, p) = session_in_50_minutes(&app).await;
        let svc = &app.services;
        // Due now: the 1-hour reminder only (the 1-day one is past and skipped).
        bimtek::services::reminders::enqueue_due(svc, Utc::now())
            .await
            .unwrap();
        let ours = |v: Vec<email_outbox::Model>| -> Vec<email_outbox::Model> {
            v.into_iter()
                .filter(|r| r.session_id == Some(s.id))
                .collect()
        };
        // A second sweep (or a second process) adds nothing.
        let again = bimtek::services::reminders::enqueue_due(svc, Utc::now())
            .await
            .unwrap();
        assert_eq!(again, 0, "[{label}]");
        let r = ours(rows(&app, "reminder").await);
        assert_eq!(r.len(), 1, "[{label}]");
        assert!(
            r[0].idempotency_key
                .ends_with(&format!(":60:{}", s.starts_at.timestamp())),
            "[{label}] {}",
            r[0].idempotency_key
        );
        let unsubscribe = r[0].list_unsubscribe.clone().expect("List-Unsubscribe");

        worker(&app, smtp_port).drain().await.unwrap();
        let row = &ours(rows(&app, "reminder").await)[0];
        assert_eq!(row.status, "sent", "[{label}] {:?}", row.last_error);
        let m = fetch_from_maildev(&api, &row.message_id).await;
        let subject = m["subject"].as_str().unwrap();
        assert!(
            subject.starts_with("Pengingat: ") && subject.ends_with("dimulai 1 jam lagi"),
            "[{label}] Indonesian subject: {subject}"
        );
        let text = m["text"].as_str().unwrap();
        // The demo participant lives in Makassar (WITA); the label is always there.
        assert!(
            text.contains(" WITA – ") || text.contains(" WIB – ") || text.contains(" WIT – "),
            "[{label}] zone label: {text}"
        );
        assert!(text.contains("/j/"), "[{label}] personal join link: {text}");
        assert!(
            text.contains("/email/preferensi?p="),
            "[{label}] preferences link"
        );
        let source = http_text(
            &api,
            &format!("/api/email/{}/source", m["id"].as_str().unwrap()),
        )
        .await;
        assert!(
            source.contains(&format!("List-Unsubscribe: <{unsubscribe}>")),
            "[{label}] {source}"
        );
        assert!(
            source.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
            "[{label}]"
        );
        assert!(
            source.contains("Content-Type: text/calendar; charset=utf-8; method=REQUEST"),
            "[{label}] the calendar part says its method"
        );
        let att = &m["attachments"][0];
        assert!(
            att["contentType"]
                .as_str()
                .unwrap()
                .starts_with("text/calendar"),
            "[{label}] {att}"
        );
        let ics = http_text(
            &api,
            &format!(
                "/api/email/{}/attachment/{}",
                m["id"].as_str().unwrap(),
                att["generatedFileName"].as_str().unwrap()
            ),
        )
        .await;
        let ics = ics.replace("\r\n ", "");
        for want in [
            "METHOD:REQUEST",
            &format!("UID:sesi-{}@127.0.0.1", s.id),
            &format!("SEQUENCE:{}", s.version),
            "BEGIN:VALARM",
            "/j/",
        ] {
            assert!(ics.contains(want), "[{label}] .ics lacks {want}: {ics}");
        }

        // The derived join link in the reminder is accepted (50 minutes before the start it
        // says "not open yet"), and a tampered one is gone.
        let join = text
            .split_whitespace()
            .find(|w| w.contains("/j/"))
            .unwrap()
            .to_string();
        let res = app.get(&path_of(&join)).await;
        assert_eq!(res.status(), 200, "[{label}] join link from the reminder");
        let mut tampered = join.clone();
        let last = if tampered.pop() == Some('0') {
            '1'
        } else {
            '0'
        };
        tampered.push(last);
        let res = app.get(&path_of(&tampered)).await;
        assert_eq!(res.status(), 410, "[{label}] tampered join link");

        // One click on "unsubscribe" (as a mail client does it) turns reminders off.
        let res = client()
            .post(app.url(&path_of(&unsubscribe)))
            .form(&[("List-Unsubscribe", "One-Click")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "[{label}]");
        let p2 = person::Entity::find_by_id(p.id)
            .one(&svc.db)
            .await
            .unwrap()
            .unwrap();
        assert!(!p2.email_reminders, "[{label}] reminders off");
        assert!(p2.email_invitations, "[{label}] invitations untouched");
        // A forged token is refused and changes nothing.
        let forged = format!("/email/preferensi?p={}&t={}", p.id, "ab".repeat(32));
        let res = app
            .post_form(&forged, &[("reminders", "1"), ("invitations", "1")])
            .await;
        assert_eq!(res.status(), 404, "[{label}]");
        // The page from the link shows the choice; moving the session starts a new round,
        // which now leaves this person out.
        let page = app.get(&path_of(&unsubscribe)).await;
        assert_eq!(page.status(), 200, "[{label}]");
        let html = page.text().await.unwrap();
        assert!(html.contains("Pengaturan email"), "[{label}]");
        let moved = s.starts_at + Duration::minutes(5);
        session::Entity::update_many()
            .col_expr(session::Column::StartsAt, Expr::value(moved))
            .filter(session::Column::Id.eq(s.id))
            .exec(&svc.db)
            .await
            .unwrap();
        bimtek::services::reminders::enqueue_due(svc, Utc::now())
            .await
            .unwrap();
        assert_eq!(
            ours(rows(&app, "reminder").await).len(),
            1,
            "[{label}] the preference is honoured in the new round"
        );
        app.stop().await;
    }
}

async fn http_text(api: &str, path: &str) -> String {
    reqwest::get(format!("{api}{path}"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outage_retries_and_a_handed_over_message_is_never_sent_again() {
    let Some((smtp_port, api)) = require_maildev() else {
        return;
    };
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        app.login(ORGANISER).await;
        let id = session::Entity::find()
            .order_by_asc(session::Column::Id)
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap()
            .id;
        let res = app
            .post_form(
                &format!("/sesi/{id}/undangan-uji"),
                &[("session_id", &id.to_string()), ("key", "outage")],
            )
            .await;
        assert_eq!(res.status(), 303, "[{label}]");

        // SMTP down: a port nobody listens on. The row goes back with a delay, not lost.
        let dead = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        worker(&app, dead).run_once().await.unwrap();
        let row = &rows(&app, "test_invitation").await[0];
        assert_eq!(row.status, "queued", "[{label}]");
        assert_eq!(row.attempts, 1, "[{label}]");
        assert!(
            row.run_at > Utc::now() + Duration::seconds(20),
            "[{label}] backoff"
        );
        assert!(row.last_error.is_some(), "[{label}]");

        // SMTP back; the retry is due: delivered once.
        email_outbox::Entity::update_many()
            .col_expr(email_outbox::Column::RunAt, Expr::value(Utc::now()))
            .exec(&app.services.db)
            .await
            .unwrap();
        worker(&app, smtp_port).drain().await.unwrap();
        let row = &rows(&app, "test_invitation").await[0];
        assert_eq!(row.status, "sent", "[{label}] {:?}", row.last_error);
        assert_eq!(row.attempts, 2, "[{label}]");
        fetch_from_maildev(&api, &row.message_id).await;

        // A worker that handed a message over and died before marking it: the row is left
        // `sending` with `accepted_at` set and an expired lease. The next worker marks it sent
        // and does not send it again.
        email_outbox::Entity::update_many()
            .col_expr(email_outbox::Column::Status, Expr::value("sending"))
            .col_expr(email_outbox::Column::AcceptedAt, Expr::value(Utc::now()))
            .col_expr(
                email_outbox::Column::LockedUntil,
                Expr::value(Utc::now() - Duration::seconds(1)),
            )
            .col_expr(
                email_outbox::Column::SentAt,
                Expr::value(Option::<chrono::DateTime<Utc>>::None),
            )
            .exec(&app.services.db)
            .await
            .unwrap();
        let claimed = worker(&app, smtp_port).drain().await.unwrap();
        assert_eq!(claimed, 0, "[{label}] nothing claimed again");
        let row = &rows(&app, "test_invitation").await[0];
        assert_eq!(row.status, "sent", "[{label}]");
        assert_eq!(
            row.last_error.as_deref(),
            Some(bimtek::mail::worker::REPLY_NOT_SEEN),
            "[{label}]"
        );
        let copies = maildev_count(&api, &row.message_id).await;
        assert_eq!(copies, 1, "[{label}] exactly one copy at the SMTP server");

        // A claim that died before the hand-over is sent (once) when its lease runs out.
        email_outbox::Entity::update_many()
            .col_expr(email_outbox::Column::Status, Expr::value("sending"))
            .col_expr(
                email_outbox::Column::AcceptedAt,
                Expr::value(Option::<chrono::DateTime<Utc>>::None),
            )
            .col_expr(
                email_outbox::Column::LockedUntil,
                Expr::value(Utc::now() - Duration::seconds(1)),
            )
            .exec(&app.services.db)
            .await
            .unwrap();
        let claimed = worker(&app, smtp_port).drain().await.unwrap();
        assert_eq!(claimed, 1, "[{label}] re-claimed");
        app.stop().await;
    }
}

async fn maildev_count(api: &str, message_id: &str) -> usize {
    let want = message_id.trim_matches(['<', '>']);
    let list: Vec<serde_json::Value> = reqwest::get(format!("{api}/api/email"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    list.iter()
        .filter(|m| {
            m["headers"]["message-id"]
                .as_str()
                .map(|s| s.trim_matches(['<', '>']))
                == Some(want)
        })
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delivery_log_shows_failures_to_organisers_and_resends_them() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        app.login(ORGANISER).await;
        let id = session::Entity::find()
            .order_by_asc(session::Column::Id)
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap()
            .id;
        app.post_form(
            &format!("/sesi/{id}/undangan-uji"),
            &[("session_id", &id.to_string()), ("key", "log")],
        )
        .await;
        email_outbox::Entity::update_many()
            .col_expr(email_outbox::Column::Status, Expr::value("failed"))
            .col_expr(email_outbox::Column::Attempts, Expr::value(8))
            .col_expr(
                email_outbox::Column::LastError,
                Expr::value("550 mailbox unavailable"),
            )
            .exec(&app.services.db)
            .await
            .unwrap();
        let page = app.get(&format!("/sesi/{id}/email")).await;
        assert_eq!(page.status(), 200, "[{label}]");
        let html = page.text().await.unwrap();
        assert!(html.contains("550 mailbox unavailable"), "[{label}]");
        assert!(html.contains("Kirim ulang yang gagal"), "[{label}]");

        let res = app.post_form(&format!("/sesi/{id}/email/ulang"), &[]).await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(
            location(&res),
            format!("/sesi/{id}/email?ulang=1"),
            "[{label}]"
        );
        let row = &rows(&app, "test_invitation").await[0];
        assert_eq!(
            (row.status.as_str(), row.attempts),
            ("queued", 0),
            "[{label}]"
        );

        // Someone else gets no log and cannot resend.
        app.login(PARTICIPANT).await;
        let res = app.post_form(&format!("/sesi/{id}/email/ulang"), &[]).await;
        assert_eq!(res.status(), 403, "[{label}]");
        app.stop().await;
    }
}
