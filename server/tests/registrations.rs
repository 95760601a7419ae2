//! Registration through the real server and the services, on SQLite and PostgreSQL: capacity per
//! seat kind under concurrency (also from two connection pools, as two server processes), the
//! waitlist in arrival order, promotion with its email in the same transaction, the personal
//! join link, the roster exports and the CSV invitation.

mod common;

use std::sync::Arc;

use bimtek::auth::Actor;
use bimtek::domain::{
    MeetingUrl, NewSession, PersonId, ProgrammeId, RegStatus, RegionId, Role, SessionId,
    SessionMode, Zone,
};
use bimtek::services::{self, Services};
use bimtek::store::entities::{attendance, email_outbox, person, person_role, registration};
use chrono::{Duration, Utc};
use common::*;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

const COORDINATOR: &str = "koordinator@bimtek.localhost";

/// A hybrid session starting in `starts_in`, with the given seats.
async fn new_session(app: &TestApp, room: u32, online: u32, starts_in: Duration) -> SessionId {
    let (p, r) = demo_ids(app).await;
    let start = Utc::now() + starts_in;
    let new = NewSession {
        title: "Uji pendaftaran serentak".into(),
        description: None,
        programme_id: ProgrammeId(p.parse().unwrap()),
        mode: SessionMode::Hybrid,
        region_id: RegionId(r.parse().unwrap()),
        zone: Zone::Wita,
        starts_at: start,
        ends_at: start + Duration::hours(3),
        room_capacity: room,
        online_capacity: online,
        venue: Some("Aula Dinas Sosial".into()),
        meeting_url: Some(MeetingUrl::parse("https://meet.jit.si/uji-serentak").unwrap()),
        speakers: vec![],
        registration_opens_at: None,
        registration_closes_at: None,
        eligibility: Default::default(),
        reminder_offsets: bimtek::domain::DEFAULT_REMINDERS.to_vec(),
        allow_walk_ins: false,
        repeat: Default::default(),
        scope: Default::default(),
    };
    let row = services::sessions::insert(&app.services.db, &new, None, Utc::now())
        .await
        .unwrap();
    SessionId(row.id)
}

/// `n` new participants with email, as actors.
async fn participants(app: &TestApp, n: usize, tag: &str) -> Vec<Actor> {
    let now = Utc::now();
    let mut out = Vec::new();
    for i in 0..n {
        let p = person::ActiveModel {
            full_name: Set(format!("Peserta {tag} {i}")),
            email: Set(Some(format!("p{i}-{tag}@contoh.id"))),
            lang: Set("id".into()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&app.services.db)
        .await
        .unwrap();
        person_role::ActiveModel {
            person_id: Set(p.id),
            role: Set(Role::Participant.as_str().into()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&app.services.db)
        .await
        .unwrap();
        out.push(
            services::auth::load_actor(&app.services, PersonId(p.id))
                .await
                .unwrap()
                .unwrap(),
        );
    }
    out
}

async fn regs(app: &TestApp, id: SessionId) -> Vec<registration::Model> {
    registration::Entity::find()
        .filter(registration::Column::SessionId.eq(id.0))
        .order_by_asc(registration::Column::Id)
        .all(&app.services.db)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn capacity_holds_under_concurrency_and_a_cancellation_promotes_the_first_waitlisted() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let id = new_session(&app, 5, 10, Duration::days(3)).await;
        let people = participants(&app, 80, label).await;
        // Two pools against one database: two server processes.
        let second = Services::new(
            bimtek::store::connect(&url).await.unwrap(),
            "http://127.0.0.1",
        );
        let pools = [app.services.clone(), second];
        let now = Utc::now();
        let mut tasks = Vec::new();
        for (i, a) in people.into_iter().enumerate() {
            let svc = pools[i % 2].clone();
            let seat = if i % 2 == 0 { "room" } else { "online" };
            tasks.push(tokio::spawn(async move {
                let a = Arc::new(a);
                let r = services::registrations::register(&svc, Some(&a), id, seat, now).await;
                // A double submit of the same form changes nothing.
                let again = services::registrations::register(&svc, Some(&a), id, seat, now).await;
                (r, again)
            }));
        }
        for t in tasks {
            let (r, again) = t.await.unwrap();
            let r = r.unwrap_or_else(|e| panic!("[{label}] registration failed: {e}"));
            let again = again.unwrap();
            assert!(!r.unchanged && again.unchanged, "[{label}]");
            assert_eq!(again.status, r.status, "[{label}]");
        }
        let rows = regs(&app, id).await;
        assert_eq!(rows.len(), 80, "[{label}] no registration lost");
        for (kind, cap) in [("room", 5), ("online", 10)] {
            let of: Vec<_> = rows.iter().filter(|r| r.seat_kind == kind).collect();
            let confirmed = of.iter().filter(|r| r.status == "confirmed").count();
            assert_eq!(confirmed, cap, "[{label}] {kind} confirmed");
            let mut positions: Vec<i64> = of
                .iter()
                .filter(|r| r.status == "waitlisted")
                .map(|r| r.waitlist_position.unwrap())
                .collect();
            positions.sort();
            let expected: Vec<i64> = (1..=(40 - cap as i64)).collect();
            assert_eq!(
                positions, expected,
                "[{label}] {kind} waitlist in order, no gaps"
            );
        }
        // Confirmed online registrants have a join token; room seats and the waitlist do not.
        for r in &rows {
            let has_token = r.join_token_hash.is_some();
            assert_eq!(
                has_token,
                r.status == "confirmed" && r.seat_kind == "online",
                "[{label}] token of {r:?}"
            );
        }
        // Every registration enqueued one notice.
        let notices = email_outbox::Entity::find()
            .filter(email_outbox::Column::SessionId.eq(id.0))
            .all(&app.services.db)
            .await
            .unwrap();
        assert_eq!(notices.len(), 80, "[{label}] one notice per registration");
        assert!(
            notices
                .iter()
                .any(|m| m.kind == "registration_waitlisted" && m.body_text.contains("urutan ke-"))
        );

        // A room seat is cancelled: the first waitlisted room registrant gets it, with an email.
        let holder = rows
            .iter()
            .find(|r| r.seat_kind == "room" && r.status == "confirmed")
            .unwrap();
        let first = rows
            .iter()
            .filter(|r| r.seat_kind == "room" && r.status == "waitlisted")
            .min_by_key(|r| r.waitlist_position)
            .unwrap();
        let holder_actor = services::auth::load_actor(&app.services, PersonId(holder.person_id))
            .await
            .unwrap()
            .unwrap();
        let done =
            services::registrations::cancel(&app.services, Some(&holder_actor), id, Utc::now())
                .await
                .unwrap();
        assert_eq!(done.promoted, Some(PersonId(first.person_id)), "[{label}]");
        let after = regs(&app, id).await;
        let promoted = after.iter().find(|r| r.id == first.id).unwrap();
        assert_eq!(promoted.status, "confirmed", "[{label}]");
        assert!(promoted.promoted_at.is_some() && promoted.waitlist_position.is_none());
        assert_eq!(
            after
                .iter()
                .filter(|r| r.seat_kind == "room" && r.status == "confirmed")
                .count(),
            5,
            "[{label}] still exactly full"
        );
        let mail = email_outbox::Entity::find()
            .filter(email_outbox::Column::Kind.eq("registration_promoted"))
            .filter(email_outbox::Column::RecipientPersonId.eq(first.person_id))
            .one(&app.services.db)
            .await
            .unwrap()
            .expect("promotion email enqueued");
        assert!(
            mail.subject.contains("Ada kursi untuk Anda"),
            "[{label}] {}",
            mail.subject
        );
        assert!(
            mail.body_text.contains("WITA"),
            "[{label}] zone label in the email"
        );
        // Cancelling twice is "not found", and changes nothing more.
        let again =
            services::registrations::cancel(&app.services, Some(&holder_actor), id, Utc::now())
                .await;
        assert!(
            matches!(again, Err(services::ServiceError::NotFound)),
            "[{label}]"
        );
        app.stop().await;
    }
}

fn join_link_in(text: &str) -> String {
    let i = text.find("/j/").expect("a join link in the email");
    text[i..i + 3 + 64].to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_join_and_cancel_through_the_pages() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        // Starts in 10 minutes: the join link works already (from 30 minutes before).
        let id = new_session(&app, 1, 1, Duration::minutes(10)).await;
        let page = format!("/sesi/{}", id.0);

        // Anonymous: the page, no meeting link, a login button.
        let html = app.get(&page).await.text().await.unwrap();
        assert!(html.contains("Uji pendaftaran serentak"), "[{label}]");
        assert!(
            !html.contains("meet.jit.si"),
            "[{label}] link shown to anonymous"
        );
        assert!(
            html.contains(&format!("/masuk?next=/sesi/{}", id.0)),
            "[{label}]"
        );

        app.login(PARTICIPANT).await;
        // A hybrid session needs a seat choice: 422, said on the field, nothing written.
        let res = app
            .post_form(&format!("{page}/daftar"), &[("seat", "")])
            .await;
        assert_eq!(res.status(), 422, "[{label}]");
        let html = res.text().await.unwrap();
        assert!(html.contains("Wajib diisi."), "[{label}] {html:.200}");
        assert!(regs(&app, id).await.is_empty(), "[{label}]");

        let res = app
            .post_form(&format!("{page}/daftar"), &[("seat", "online")])
            .await;
        assert_eq!(res.status(), 303, "[{label}]");
        let html = app.get(&page).await.text().await.unwrap();
        assert!(html.contains("Anda terdaftar: kursi daring."), "[{label}]");
        assert!(
            html.contains("https://meet.jit.si/uji-serentak"),
            "[{label}]"
        );

        // The join button records the join and goes to the meeting.
        let res = app.get(&format!("{page}/gabung")).await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(location(&res), "https://meet.jit.si/uji-serentak");
        let me = person::Entity::find()
            .filter(person::Column::Email.eq(PARTICIPANT))
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap();
        let att = attendance::Entity::find()
            .filter(attendance::Column::SessionId.eq(id.0))
            .filter(attendance::Column::PersonId.eq(me.id))
            .one(&app.services.db)
            .await
            .unwrap()
            .expect("join recorded");
        let first_join = att.joined_online_at.expect("join time");

        // The personal link from the confirmation email works without login, keeps the first
        // join time; a forged one is gone.
        let mail = email_outbox::Entity::find()
            .filter(email_outbox::Column::Kind.eq("registration_confirmed"))
            .filter(email_outbox::Column::RecipientPersonId.eq(me.id))
            .filter(email_outbox::Column::SessionId.eq(id.0))
            .one(&app.services.db)
            .await
            .unwrap()
            .expect("confirmation");
        let link = join_link_in(&mail.body_text);
        let anon = client();
        let res = anon.get(app.url(&link)).send().await.unwrap();
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(location(&res), "https://meet.jit.si/uji-serentak");
        let att2 = attendance::Entity::find_by_id(att.id)
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(att2.joined_online_at, Some(first_join), "[{label}]");
        let forged = format!("/j/{}", "a".repeat(64));
        assert_eq!(
            anon.get(app.url(&forged)).send().await.unwrap().status(),
            410
        );
        assert_eq!(
            anon.get(app.url("/j/pendek"))
                .send()
                .await
                .unwrap()
                .status(),
            410
        );

        // A second person: waitlisted, number 1; cannot use the join button.
        let other = client();
        let res = other
            .post(app.url("/masuk"))
            .header("origin", &app.base)
            .form(&[("email", COORDINATOR), ("password", DEMO_PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let res = other
            .post(app.url(&format!("{page}/daftar")))
            .header("origin", &app.base)
            .form(&[("seat", "online")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "[{label}]");
        let html = other
            .get(app.url(&page))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains("urutan ke-1"), "[{label}]");
        assert!(
            !html.contains("meet.jit.si"),
            "[{label}] link shown to the waitlist"
        );
        let res = other
            .get(app.url(&format!("{page}/gabung")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "[{label}]");

        // The participant cancels: the coordinator is promoted and gets a join link by email;
        // the participant's old link stops working.
        let res = app.post_form(&format!("{page}/batal"), &[]).await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(anon.get(app.url(&link)).send().await.unwrap().status(), 410);
        let html = other
            .get(app.url(&page))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains("Anda terdaftar: kursi daring."), "[{label}]");
        let promoted = email_outbox::Entity::find()
            .filter(email_outbox::Column::Kind.eq("registration_promoted"))
            .filter(email_outbox::Column::SessionId.eq(id.0))
            .one(&app.services.db)
            .await
            .unwrap()
            .expect("promotion email");
        assert_eq!(promoted.to_address, COORDINATOR);
        let new_link = join_link_in(&promoted.body_text);
        let res = anon.get(app.url(&new_link)).send().await.unwrap();
        assert_eq!(res.status(), 303, "[{label}]");

        // Too early: a session in two days answers with the time it opens, and records nothing.
        let later = new_session(&app, 1, 1, Duration::days(2)).await;
        let res = other
            .post(app.url(&format!("/sesi/{}/daftar", later.0)))
            .header("origin", &app.base)
            .form(&[("seat", "online")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let res = other
            .get(app.url(&format!("/sesi/{}/gabung", later.0)))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "[{label}]");
        assert!(res.text().await.unwrap().contains("WITA"), "[{label}]");
        let none = attendance::Entity::find()
            .filter(attendance::Column::SessionId.eq(later.0))
            .one(&app.services.db)
            .await
            .unwrap();
        assert!(none.is_none(), "[{label}] an early click records nothing");
        app.stop().await;
    }
}

async fn upload(app: &TestApp, id: SessionId, step: &str, csv: &str) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/sesi/{}/undang", id.0)))
        .header("origin", &app.base)
        .multipart(
            reqwest::multipart::Form::new()
                .text("langkah", step.to_string())
                .part(
                    "file",
                    reqwest::multipart::Part::bytes(csv.as_bytes().to_vec())
                        .file_name("peserta.csv")
                        .mime_str("text/csv")
                        .unwrap(),
                ),
        )
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn csv_invitation_previews_then_invites_once_and_the_roster_exports() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let id = new_session(&app, 50, 170, Duration::days(5)).await;
        app.login(ORGANISER).await;
        // Excel (Indonesian locale) writes semicolons; one existing person, two new, a duplicate,
        // two bad rows.
        let csv = "Nama;Email;No HP;Peran;Wilayah\n\
                   Siti Aminah;siti.aminah@contoh.id;;KPM;Kota Makassar\n\
                   Budi Santoso;;0812-7000-1234;pendamping;\n\
                   Demo KPM;KPM@bimtek.localhost;;peserta;\n\
                   Siti lagi;SITI.AMINAH@contoh.id;;;\n\
                   X;bukan-email;;peserta;\n\
                   Rahmat;rahmat@contoh.id;;ketua;Atlantis\n";
        let before = (
            app.count("people").await,
            app.count("registrations").await,
            app.count("email_outbox").await,
        );
        let res = upload(&app, id, "periksa", csv).await;
        assert_eq!(res.status(), 200, "[{label}]");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("2 orang baru · 3 akan diundang · 1 sudah diundang · 2 baris bermasalah"),
            "[{label}] {}",
            &html[html.find("preview-summary").unwrap_or(0)..][..300.min(html.len())]
        );
        assert!(html.contains("Sama dengan baris 2"), "[{label}]");
        assert!(html.contains("Alamat email tidak valid"), "[{label}]");
        let after_preview = (
            app.count("people").await,
            app.count("registrations").await,
            app.count("email_outbox").await,
        );
        assert_eq!(before, after_preview, "[{label}] a preview writes nothing");

        let res = upload(&app, id, "kirim", csv).await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert!(
            location(&res).contains("diundang=3&baru=2"),
            "[{label}] {}",
            location(&res)
        );
        let after = (
            app.count("people").await,
            app.count("registrations").await,
            app.count("email_outbox").await,
        );
        // Mail goes to the two with email; the phone-only mentor has no route for mail.
        assert_eq!(
            after,
            (before.0 + 2, before.1 + 3, before.2 + 2),
            "[{label}]"
        );
        let siti = person::Entity::find()
            .filter(person::Column::Email.eq("siti.aminah@contoh.id"))
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap();
        assert!(
            siti.region_id.is_some(),
            "[{label}] region resolved by name"
        );
        let invite = email_outbox::Entity::find()
            .filter(email_outbox::Column::Kind.eq("invitation"))
            .filter(email_outbox::Column::RecipientPersonId.eq(siti.id))
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap();
        assert!(
            invite.body_text.contains(&format!("/sesi/{}", id.0)),
            "[{label}]"
        );
        assert!(
            !invite.body_text.contains("meet.jit.si"),
            "[{label}] no link before registering"
        );

        // The same file again: nothing new.
        let res = upload(&app, id, "kirim", csv).await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert!(location(&res).contains("diundang=0&baru=0"), "[{label}]");
        let again = (
            app.count("people").await,
            app.count("registrations").await,
            app.count("email_outbox").await,
        );
        assert_eq!(again, after, "[{label}] uploading twice does nothing twice");

        // A file without the needed columns: 422 with the message, what was sent kept.
        let res = upload(&app, id, "periksa", "foo,bar\n1,2\n").await;
        assert_eq!(res.status(), 422, "[{label}]");
        assert!(
            res.text().await.unwrap().contains("judul kolom"),
            "[{label}]"
        );

        // The roster shows the invited; CSV and XLSX exports.
        let html = app
            .get(&format!("/sesi/{}/peserta", id.0))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            html.contains("Siti Aminah") && html.contains("Diundang"),
            "[{label}]"
        );
        let res = app.get(&format!("/sesi/{}/peserta.csv", id.0)).await;
        assert_eq!(res.status(), 200);
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        let body = res.bytes().await.unwrap();
        assert!(
            body.starts_with("\u{feff}Nama;Status;".as_bytes()),
            "[{label}]"
        );
        assert!(
            String::from_utf8_lossy(&body).contains("Budi Santoso;Diundang"),
            "[{label}]"
        );
        let res = app.get(&format!("/sesi/{}/peserta.xlsx", id.0)).await;
        assert_eq!(res.status(), 200);
        let body = res.bytes().await.unwrap();
        assert!(body.starts_with(b"PK"), "[{label}] an xlsx is a zip");

        // Someone who does not run the session: no roster, no export, no invitation.
        let p = client();
        let res = p
            .post(app.url("/masuk"))
            .header("origin", &app.base)
            .form(&[("email", PARTICIPANT), ("password", DEMO_PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        for path in ["peserta.csv", "peserta.xlsx"] {
            let res = p
                .get(app.url(&format!("/sesi/{}/{path}", id.0)))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 403, "[{label}] {path}");
        }
        let res = p
            .post(app.url(&format!("/sesi/{}/undang", id.0)))
            .header("origin", &app.base)
            .multipart(
                reqwest::multipart::Form::new()
                    .text("langkah", "kirim")
                    .text("csv", csv.to_string()),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "[{label}]");
        assert_eq!(
            (app.count("people").await, app.count("registrations").await),
            (after.0, after.1),
            "[{label}]"
        );

        // The invited participant registers: invited -> confirmed.
        let reg = registration::Entity::find()
            .filter(registration::Column::SessionId.eq(id.0))
            .filter(registration::Column::PersonId.eq(siti.id))
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(reg.status, RegStatus::Invited.as_str());
        let siti_actor = services::auth::load_actor(&app.services, PersonId(siti.id))
            .await
            .unwrap()
            .unwrap();
        let out = services::registrations::register(
            &app.services,
            Some(&siti_actor),
            id,
            "room",
            Utc::now(),
        )
        .await
        .unwrap();
        assert_eq!(out.status, RegStatus::Confirmed, "[{label}]");
        app.stop().await;
    }
}
