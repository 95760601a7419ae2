//! The email path: enqueue in the same transaction, deliver through lettre to a real SMTP server
//! (maildev, started by the test command), read it back from the server's API.

mod common;

use bimtek::store::entities::email_outbox;
use common::*;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

async fn first_session_id(app: &TestApp) -> i64 {
    use bimtek::store::entities::session;
    session::Entity::find()
        .order_by_asc(session::Column::Id)
        .one(&app.services.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn outbox(app: &TestApp) -> Vec<email_outbox::Model> {
    email_outbox::Entity::find()
        .order_by_asc(email_outbox::Column::Id)
        .all(&app.services.db)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn test_invitation_is_enqueued_once_and_delivered_through_smtp() {
    let Some((smtp_port, api)) = require_maildev() else {
        return;
    };
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        app.login(ORGANISER).await;
        let id = first_session_id(&app).await;
        let key = format!("k-{}", bimtek::auth::random_hex(4));
        let path = format!("/sesi/{id}/undangan-uji");

        let res = app
            .post_form(&path, &[("session_id", &id.to_string()), ("key", &key)])
            .await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert!(
            location(&res).starts_with("/sesi?undangan=terkirim"),
            "[{label}]"
        );
        // The same form again (double click): nothing new.
        let res = app
            .post_form(&path, &[("session_id", &id.to_string()), ("key", &key)])
            .await;
        assert!(
            location(&res).starts_with("/sesi?undangan=sudah"),
            "[{label}]"
        );
        let rows = outbox(&app).await;
        assert_eq!(rows.len(), 1, "[{label}] one row for one form");
        assert_eq!(rows[0].status, "queued");
        assert_eq!(rows[0].to_address, ORGANISER);

        let sent = worker(&app, smtp_port).run_once().await.unwrap();
        assert_eq!(sent, 1, "[{label}]");
        let row = &outbox(&app).await[0];
        assert_eq!(row.status, "sent", "[{label}] {:?}", row.last_error);
        assert!(row.sent_at.is_some());

        let m = fetch_from_maildev(&api, &row.message_id).await;
        assert_eq!(m["to"][0]["address"], ORGANISER, "[{label}]");
        let subject = m["subject"].as_str().unwrap();
        assert!(
            subject.starts_with("[Uji] Undangan bimtek: "),
            "[{label}] {subject}"
        );
        let text = m["text"].as_str().unwrap();
        assert!(text.contains("Yth. Rina Wulandari"), "[{label}]");
        assert!(
            text.contains(" WIB – "),
            "[{label}] zone label in the body: {text}"
        );
        assert!(
            !text.contains("meet.jit.si"),
            "[{label}] invitations carry no meeting link"
        );
        assert!(
            m["html"].as_str().unwrap().contains("<table"),
            "[{label}] HTML part"
        );

        // Nothing is left to send.
        assert_eq!(worker(&app, smtp_port).run_once().await.unwrap(), 0);
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_outage_reschedules_with_backoff_and_a_later_pass_delivers() {
    let Some((smtp_port, api)) = require_maildev() else {
        return;
    };
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        app.login(ORGANISER).await;
        let id = first_session_id(&app).await;
        let res = app
            .post_form(
                &format!("/sesi/{id}/undangan-uji"),
                &[("session_id", &id.to_string()), ("key", "outage")],
            )
            .await;
        assert_eq!(res.status(), 303);

        // A port where nothing listens: the send fails, the row goes back to the queue.
        let closed = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        assert_eq!(worker(&app, closed).run_once().await.unwrap(), 1);
        let row = outbox(&app).await.remove(0);
        assert_eq!(row.status, "queued", "[{label}]");
        assert_eq!(row.attempts, 1);
        assert!(row.last_error.is_some());
        assert!(
            row.run_at > chrono::Utc::now() + chrono::Duration::seconds(20),
            "[{label}] backoff"
        );
        // Not due yet: the next pass leaves it alone.
        assert_eq!(worker(&app, smtp_port).run_once().await.unwrap(), 0);

        // Make it due and deliver.
        email_outbox::Entity::update_many()
            .col_expr(
                email_outbox::Column::RunAt,
                sea_orm::sea_query::Expr::value(chrono::Utc::now()),
            )
            .filter(email_outbox::Column::Id.eq(row.id))
            .exec(&app.services.db)
            .await
            .unwrap();
        assert_eq!(worker(&app, smtp_port).run_once().await.unwrap(), 1);
        let row = outbox(&app).await.remove(0);
        assert_eq!(row.status, "sent", "[{label}]");
        assert_eq!(row.attempts, 2);
        fetch_from_maildev(&api, &row.message_id).await;
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_organisers_may_send_test_invitations() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let id = first_session_id(&app).await;
        let form = [("session_id", id.to_string()), ("key", "abc".to_string())];
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = app.post_form("/api/send_test_invitation", &form).await;
        assert_eq!(res.status(), 401, "[{label}]");
        app.login(PARTICIPANT).await;
        let res = app.post_form("/api/send_test_invitation", &form).await;
        assert_eq!(res.status(), 403, "[{label}]");
        // A forged id and a broken key are 4xx, not 5xx.
        app.login(ORGANISER).await;
        let res = app
            .post_form(
                "/api/send_test_invitation",
                &[("session_id", "99999"), ("key", "abc")],
            )
            .await;
        assert_eq!(res.status(), 404, "[{label}]");
        let res = app
            .post_form(
                "/api/send_test_invitation",
                &[("session_id", "x"), ("key", "abc")],
            )
            .await;
        assert_eq!(res.status(), 400, "[{label}]");
        let res = app
            .post_form(
                "/api/send_test_invitation",
                &[("session_id", &id.to_string()), ("key", "<script>")],
            )
            .await;
        assert_eq!(res.status(), 400, "[{label}]");
        assert!(outbox(&app).await.is_empty(), "[{label}] nothing enqueued");
        app.stop().await;
    }
}
