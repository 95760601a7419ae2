//! Attendance through the real server on SQLite and PostgreSQL: the mentor's roll call (taps,
//! "mark all present", notes, each change audited old -> new, the mark winning over evidence),
//! and QR self check-in (from the link and typed, once per person, refused when early, expired,
//! forged or not registered, walk-ins only when allowed).

mod common;

use bimtek::store::entities::{attendance, audit_log, person, registration, session};
use chrono::{Duration, Utc};
use common::*;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};

const MENTOR: &str = "pendamping@bimtek.localhost";
const COORDINATOR: &str = "koordinator@bimtek.localhost";

async fn person_id(app: &TestApp, email: &str) -> i64 {
    person::Entity::find()
        .filter(person::Column::Email.eq(email))
        .one(&app.services.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// The first demo session (the demo mentor is assigned to it), moved to start `minutes` from
/// now, with the demo participant confirmed in the room.
async fn session_starting_in(app: &TestApp, minutes: i64) -> session::Model {
    let db = &app.services.db;
    let s = session::Entity::find()
        .order_by_asc(session::Column::Id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let start = Utc::now() + Duration::minutes(minutes);
    let mut a = s.into_active_model();
    a.starts_at = Set(start);
    a.ends_at = Set(start + Duration::hours(3));
    a.status = Set("scheduled".into());
    let s = a.update(db).await.unwrap();
    let kpm = person_id(app, PARTICIPANT).await;
    registration::Entity::delete_many()
        .filter(registration::Column::SessionId.eq(s.id))
        .exec(db)
        .await
        .unwrap();
    attendance::Entity::delete_many()
        .filter(attendance::Column::SessionId.eq(s.id))
        .exec(db)
        .await
        .unwrap();
    for (pid, seat) in [(kpm, "room")] {
        registration::ActiveModel {
            session_id: Set(s.id),
            person_id: Set(pid),
            seat_kind: Set(seat.into()),
            status: Set("confirmed".into()),
            registered_at: Set(Utc::now() - Duration::days(1)),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    s
}

async fn attendance_of(app: &TestApp, session_id: i64, person: i64) -> Option<attendance::Model> {
    attendance::Entity::find()
        .filter(attendance::Column::SessionId.eq(session_id))
        .filter(attendance::Column::PersonId.eq(person))
        .one(&app.services.db)
        .await
        .unwrap()
}

async fn marks_audited(app: &TestApp) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("attendance.mark"))
        .order_by_asc(audit_log::Column::Id)
        .all(&app.services.db)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roll_call_taps_notes_and_mark_all_are_audited_and_the_mark_wins() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let s = session_starting_in(&app, 10).await;
        let id = s.id;
        let kpm = person_id(&app, PARTICIPANT).await;
        let coordinator = person_id(&app, COORDINATOR).await;
        // The coordinator is confirmed online too.
        registration::ActiveModel {
            session_id: Set(id),
            person_id: Set(coordinator),
            seat_kind: Set("online".into()),
            status: Set("confirmed".into()),
            registered_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.services.db)
        .await
        .unwrap();
        let mentor = logged_in(&app, MENTOR).await;
        let participant = logged_in(&app, PARTICIPANT).await;

        let (status, html) = page(&app, &mentor, &format!("/sesi/{id}/absen")).await;
        assert_eq!(status, 200, "[{label}]");
        assert!(
            html.contains("Siti Aminah"),
            "[{label}] the registrant listed"
        );
        assert!(
            html.contains("0 hadir · 0 ditandai · 2 peserta"),
            "[{label}]"
        );
        assert!(
            !html.contains("kpm@bimtek.localhost"),
            "[{label}] no addresses"
        );
        let (status, _) = page(&app, &participant, &format!("/sesi/{id}/absen")).await;
        assert_eq!(status, 403, "[{label}] a participant sees no roll call");

        // One tap: late. Audited with old -> new. The same tap again changes nothing.
        let kpm_s = kpm.to_string();
        let res = post(
            &app,
            &mentor,
            &format!("/sesi/{id}/absen"),
            &[("person", &kpm_s), ("mark", "late")],
        )
        .await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(
            location(&res),
            format!("/sesi/{id}/absen?tersimpan=1#p-{kpm}")
        );
        let a = attendance_of(&app, id, kpm).await.expect("a record");
        assert_eq!(a.status.as_deref(), Some("late"), "[{label}]");
        assert_eq!(a.status_by, Some(person_id(&app, MENTOR).await));
        let audits = marks_audited(&app).await;
        assert_eq!(audits.len(), 1, "[{label}]");
        assert!(
            audits[0]
                .before_json
                .as_deref()
                .unwrap()
                .contains("\"status\":null")
        );
        assert!(
            audits[0]
                .after_json
                .as_deref()
                .unwrap()
                .contains("\"status\":\"late\"")
        );
        post(
            &app,
            &mentor,
            &format!("/sesi/{id}/absen"),
            &[("person", &kpm_s), ("mark", "late")],
        )
        .await;
        assert_eq!(
            marks_audited(&app).await.len(),
            1,
            "[{label}] no change, no entry"
        );

        // Bad input: an unknown mark is 422 with a message; a participant is refused.
        let res = post(
            &app,
            &mentor,
            &format!("/sesi/{id}/absen"),
            &[("person", &kpm_s), ("mark", "hadir-banget")],
        )
        .await;
        assert_eq!(res.status(), 422, "[{label}]");
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("Pilih salah satu pilihan yang tersedia."),
            "[{label}]"
        );
        let res = post(
            &app,
            &participant,
            &format!("/sesi/{id}/absen"),
            &[("person", &kpm_s), ("mark", "present")],
        )
        .await;
        assert_eq!(res.status(), 403, "[{label}]");
        let long = "x".repeat(501);
        let res = post(
            &app,
            &mentor,
            &format!("/sesi/{id}/absen"),
            &[("person", &kpm_s), ("with_note", "1"), ("note", &long)],
        )
        .await;
        assert_eq!(res.status(), 422, "[{label}] note over 500 characters");

        // A note, kept with the mark.
        let res = post(
            &app,
            &mentor,
            &format!("/sesi/{id}/absen"),
            &[
                ("person", &kpm_s),
                ("with_note", "1"),
                ("note", "Datang bersama anak; usaha <b>keripik</b> pisang."),
            ],
        )
        .await;
        assert_eq!(res.status(), 303, "[{label}]");
        let a = attendance_of(&app, id, kpm).await.unwrap();
        assert_eq!(
            a.status.as_deref(),
            Some("late"),
            "[{label}] the note keeps the mark"
        );
        assert_eq!(
            a.note.as_deref(),
            Some("Datang bersama anak; usaha <b>keripik</b> pisang.")
        );

        // Mark all present: only the coordinator (no mark yet); the late mark stays.
        let res = post(&app, &mentor, &format!("/sesi/{id}/absen/semua"), &[]).await;
        assert_eq!(
            location(&res),
            format!("/sesi/{id}/absen?semua=1"),
            "[{label}]"
        );
        let c = attendance_of(&app, id, coordinator).await.unwrap();
        assert_eq!(c.status.as_deref(), Some("present"), "[{label}]");
        assert_eq!(
            attendance_of(&app, id, kpm)
                .await
                .unwrap()
                .status
                .as_deref(),
            Some("late")
        );
        let (_, html) = page(&app, &mentor, &format!("/sesi/{id}/absen")).await;
        assert!(
            html.contains("2 hadir · 2 ditandai · 2 peserta"),
            "[{label}]"
        );
        assert!(
            html.contains("usaha &lt;b&gt;keripik&lt;/b&gt; pisang")
                && !html.contains("<b>keripik"),
            "[{label}] the note is escaped"
        );

        // The mentor's "absent" wins over the coordinator's online join.
        let mut j = c.into_active_model();
        j.joined_online_at = Set(Some(Utc::now()));
        j.update(&app.services.db).await.unwrap();
        let coord_s = coordinator.to_string();
        post(
            &app,
            &mentor,
            &format!("/sesi/{id}/absen"),
            &[("person", &coord_s), ("mark", "absent")],
        )
        .await;
        let (_, html) = page(&app, &mentor, &format!("/sesi/{id}/absen")).await;
        assert!(
            html.contains("1 hadir · 2 ditandai · 2 peserta"),
            "[{label}] {html:.0}"
        );
        assert!(html.contains("mark-absent"), "[{label}]");
        assert_eq!(
            marks_audited(&app).await.len(),
            4,
            "[{label}] late, note, all, absent"
        );

        // Too early: a session in two hours has no roll call yet.
        let later = session_starting_in(&app, 120).await;
        let res = post(
            &app,
            &mentor,
            &format!("/sesi/{}/absen", later.id),
            &[("person", &kpm_s), ("mark", "present")],
        )
        .await;
        assert_eq!(res.status(), 422, "[{label}]");
        assert!(
            res.text().await.unwrap().contains("30 menit sebelum"),
            "[{label}]"
        );
        app.stop().await;
    }
}

/// The code currently on the screen: the QR link's `k` and the six digits.
async fn screen_codes(app: &TestApp, c: &reqwest::Client, id: i64) -> (String, String) {
    let (status, html) = page(app, c, &format!("/sesi/{id}/hadir/layar")).await;
    assert_eq!(status, 200, "[{}] {html:.300}", app.label);
    assert!(
        html.contains(r#"http-equiv="refresh""#),
        "[{}] reloads itself",
        app.label
    );
    assert!(html.contains("<svg"), "[{}] a QR code", app.label);
    let k = html
        .split(&format!("/hadir/{id}?k="))
        .nth(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_hexdigit() || *c == '-')
                .collect()
        })
        .expect("the QR link in the hint or the page");
    let at = html.find(r#"id="checkin-code""#).expect("code");
    let digits: String = html[at..]
        .chars()
        .skip_while(|c| *c != '>')
        .skip(1)
        .take_while(|c| c.is_ascii_digit())
        .collect();
    assert_eq!(digits.len(), 6, "[{}]", app.label);
    (k, digits)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn qr_check_in_once_within_the_window_and_clear_refusals() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let s = session_starting_in(&app, 20).await;
        let id = s.id;
        let kpm = person_id(&app, PARTICIPANT).await;
        let mentor = logged_in(&app, MENTOR).await;
        let participant = logged_in(&app, PARTICIPANT).await;
        let coordinator = logged_in(&app, COORDINATOR).await;

        // The screen is for those who run the session.
        let (status, _) = page(&app, &participant, &format!("/sesi/{id}/hadir/layar")).await;
        assert_eq!(status, 403, "[{label}]");
        let (k, digits) = screen_codes(&app, &mentor, id).await;

        // Opening the link records nothing; the button does, once.
        let (status, html) = page(&app, &participant, &format!("/hadir/{id}?k={k}")).await;
        assert_eq!(status, 200, "[{label}]");
        assert!(html.contains("Saya hadir"), "[{label}]");
        assert!(
            attendance_of(&app, id, kpm).await.is_none(),
            "[{label}] a GET checks nobody in"
        );
        let res = post(&app, &participant, &format!("/hadir/{id}"), &[("code", &k)]).await;
        assert_eq!(location(&res), format!("/hadir/{id}?hadir=ok"), "[{label}]");
        let first = attendance_of(&app, id, kpm)
            .await
            .unwrap()
            .checked_in_at
            .unwrap();
        let (_, html) = page(&app, &participant, &format!("/hadir/{id}?hadir=ok")).await;
        assert!(html.contains("Check-in berhasil pukul"), "[{label}]");
        let res = post(
            &app,
            &participant,
            &format!("/hadir/{id}"),
            &[("code", &digits)],
        )
        .await;
        assert_eq!(
            location(&res),
            format!("/hadir/{id}?hadir=sudah"),
            "[{label}] once"
        );
        assert_eq!(
            attendance_of(&app, id, kpm).await.unwrap().checked_in_at,
            Some(first)
        );
        let (_, html) = page(&app, &mentor, &format!("/sesi/{id}/absen")).await;
        assert!(
            html.contains("QR "),
            "[{label}] the evidence shows on the roll call"
        );
        assert!(
            html.contains("1 hadir · 0 ditandai · 1 peserta"),
            "[{label}]"
        );

        // Not registered, walk-ins not allowed: refused with a message, nothing written.
        let before = app.count("registrations").await;
        let res = post(
            &app,
            &coordinator,
            &format!("/hadir/{id}"),
            &[("code", &digits)],
        )
        .await;
        assert_eq!(res.status(), 422, "[{label}]");
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("belum terdaftar di sesi ini")
        );
        assert_eq!(app.count("registrations").await, before, "[{label}]");

        // A forged code and an expired one.
        let forged = format!("{}0", &k[..k.len() - 1]);
        let forged = if forged == k {
            format!("{}1", &k[..k.len() - 1])
        } else {
            forged
        };
        let res = post(
            &app,
            &coordinator,
            &format!("/hadir/{id}"),
            &[("code", &forged)],
        )
        .await;
        assert_eq!(res.status(), 422, "[{label}]");
        assert!(
            res.text().await.unwrap().contains("Kode tidak dikenali"),
            "[{label}]"
        );
        let key = bimtek::mail::prefs::key(&app.services.db).await.unwrap();
        let old_step = bimtek::domain::attendance::checkin_step(Utc::now()) - 5;
        let mac = bimtek::mail::prefs::sign(&key, &format!("checkin:{id}:{old_step}"));
        let expired = format!("{old_step}-{}", &mac[..32]);
        let res = post(
            &app,
            &coordinator,
            &format!("/hadir/{id}"),
            &[("code", &expired)],
        )
        .await;
        assert_eq!(res.status(), 422, "[{label}]");
        assert!(
            res.text().await.unwrap().contains("kedaluwarsa"),
            "[{label}]"
        );
        let res = post(
            &app,
            &coordinator,
            &format!("/hadir/{id}"),
            &[("code", "12345")],
        )
        .await;
        assert_eq!(res.status(), 422, "[{label}] five digits");

        // Walk-ins allowed: the coordinator is registered and checked in at once.
        let mut a = session::Entity::find_by_id(id)
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap()
            .into_active_model();
        a.allow_walk_ins = Set(true);
        a.update(&app.services.db).await.unwrap();
        let res = post(
            &app,
            &coordinator,
            &format!("/hadir/{id}"),
            &[("code", &digits)],
        )
        .await;
        assert_eq!(
            location(&res),
            format!("/hadir/{id}?hadir=walkin"),
            "[{label}]"
        );
        let cid = person_id(&app, COORDINATOR).await;
        let r = registration::Entity::find()
            .filter(registration::Column::SessionId.eq(id))
            .filter(registration::Column::PersonId.eq(cid))
            .one(&app.services.db)
            .await
            .unwrap()
            .expect("a walk-in registration");
        assert_eq!(
            (r.status.as_str(), r.seat_kind.as_str()),
            ("confirmed", "room")
        );
        assert!(
            attendance_of(&app, id, cid)
                .await
                .unwrap()
                .checked_in_at
                .is_some()
        );

        // Anonymous: to the login page, coming back to the same link.
        let anon = client();
        let res = post(&app, &anon, &format!("/hadir/{id}"), &[("code", &k)]).await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(
            location(&res),
            format!("/masuk?next=/hadir/{id}%3Fk%3D{k}"),
            "[{label}] back to the same link after logging in"
        );

        // Too early (starts in two hours) and after the end.
        let early = session_starting_in(&app, 120).await;
        let res = post(
            &app,
            &participant,
            &format!("/hadir/{}", early.id),
            &[("code", "000000")],
        )
        .await;
        assert_eq!(res.status(), 422, "[{label}]");
        assert!(
            res.text().await.unwrap().contains("30 menit sebelum"),
            "[{label}]"
        );
        app.stop().await;
    }
}
