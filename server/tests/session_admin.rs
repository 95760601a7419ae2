//! The organiser's work after creating a session, through the real server on SQLite and
//! PostgreSQL: recurring series, editing one session or the rest of the series (registrants
//! told once per change), capacity that cannot drop below the confirmed, cancelling with notices,
//! mentors, the calendar file, programmes with targets, and the list's filters.

mod common;

use bimtek::store::entities::{email_outbox, programme, session, session_mentor};
use chrono::{Duration, Utc};
use common::*;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

const ORGANISER: &str = "penyelenggara@bimtek.localhost";
const KPM: &str = "kpm@bimtek.localhost";
const MENTOR: &str = "pendamping@bimtek.localhost";

async fn series_of(app: &TestApp, title: &str) -> Vec<session::Model> {
    session::Entity::find()
        .filter(session::Column::Title.eq(title))
        .order_by_asc(session::Column::StartsAt)
        .all(&app.services.db)
        .await
        .unwrap()
}

async fn notices(app: &TestApp, kind: &str, session_id: i64) -> Vec<email_outbox::Model> {
    email_outbox::Entity::find()
        .filter(email_outbox::Column::Kind.eq(kind))
        .filter(email_outbox::Column::SessionId.eq(session_id))
        .all(&app.services.db)
        .await
        .unwrap()
}

fn with<K: AsRef<str>>(
    form: &[(K, String)],
    extra: &[(&'static str, &str)],
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = form
        .iter()
        .filter(|(k, _)| !extra.iter().any(|(e, _)| *e == k.as_ref()))
        .map(|(k, v)| (k.as_ref().to_string(), v.clone()))
        .collect();
    out.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    out
}

async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(String, String)],
) -> reqwest::Response {
    client
        .post(app.url(path))
        .header("origin", &app.base)
        .form(form)
        .send()
        .await
        .unwrap()
}

async fn logged_in(app: &TestApp, email: &str) -> reqwest::Client {
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_series_is_created_edited_as_a_whole_and_cancelled_with_notices() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let (p, r) = demo_ids(&app).await;
        let org = logged_in(&app, ORGANISER).await;
        let kpm = logged_in(&app, KPM).await;
        let title = "Rangkaian Pencatatan Keuangan";
        let base = valid_form(title, &p, &r);

        // Bad repetition: every problem named, nothing written.
        let before = app.count("sessions").await;
        let res = post(
            &app,
            &org,
            "/sesi/baru",
            &with(
                &base,
                &[
                    ("repeat", "weekly"),
                    ("repeat_count", "99"),
                    ("speakers", "X"),
                ],
            ),
        )
        .await;
        assert_eq!(res.status(), 422, "[{label}]");
        let page = res.text().await.unwrap();
        assert!(
            page.contains("Isi angka antara 2 dan 52."),
            "[{label}] {page:.200}"
        );
        assert!(
            page.contains("Terlalu pendek: minimal 2 karakter."),
            "[{label}]"
        );
        assert!(
            page.contains("Rangkaian Pencatatan Keuangan"),
            "[{label}] typed title kept"
        );
        assert_eq!(app.count("sessions").await, before, "[{label}]");

        // Weekly, three times, with speakers, a registration window and a role rule.
        let res = post(
            &app,
            &org,
            "/sesi/baru",
            &with(
                &base,
                &[
                    ("repeat", "weekly"),
                    ("repeat_count", "3"),
                    (
                        "speakers",
                        "Ibu Sari Wulandari; Koperasi Wanita Mandiri\nBapak Dimas",
                    ),
                    ("for_participant", "1"),
                    ("remind_1w", "1"),
                    ("remind_15m", "1"),
                ],
            ),
        )
        .await;
        assert_eq!(
            res.status(),
            303,
            "[{label}] {}",
            res.text().await.unwrap_or_default()
        );
        let rows = series_of(&app, title).await;
        assert_eq!(rows.len(), 3, "[{label}] three sessions");
        assert!(
            rows.iter()
                .all(|s| s.series_id.is_some() && s.series_id == rows[0].series_id)
        );
        for w in rows.windows(2) {
            assert_eq!(
                w[1].starts_at - w[0].starts_at,
                Duration::weeks(1),
                "[{label}]"
            );
            assert_eq!(
                w[1].ends_at - w[1].starts_at,
                Duration::hours(6),
                "[{label}]"
            );
        }
        assert!(
            rows.iter()
                .all(|s| s.reminder_offsets_minutes == "10080,15"),
            "[{label}] the ticked reminder times, on every session of the series"
        );
        let second = rows[1].id;
        let form = org
            .get(app.url(&format!("/sesi/{second}/ubah")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        for (field, on) in [
            ("remind_1w", true),
            ("remind_1d", false),
            ("remind_15m", true),
        ] {
            let tag = format!(r#"name="{field}" value="1""#);
            let at = form
                .find(&tag)
                .unwrap_or_else(|| panic!("[{label}] {field} box"));
            let rest = &form[at + tag.len()..];
            let checked = rest[..rest.find('>').unwrap()].contains("checked");
            assert_eq!(checked, on, "[{label}] {field} ticked as stored");
        }
        let detail = app
            .get(&format!("/sesi/{second}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            detail.contains("Ibu Sari Wulandari"),
            "[{label}] speakers shown"
        );
        assert!(
            detail.contains("Rangkaian 3 sesi"),
            "[{label}] series listed"
        );

        // The demo KPM (a participant) may register: confirmed online.
        let res = post(
            &app,
            &kpm,
            &format!("/sesi/{second}/daftar"),
            &[("seat".into(), "online".into())],
        )
        .await;
        assert_eq!(res.status(), 303, "[{label}]");

        // Edit the whole series from the second session: an hour later, another venue.
        let day2 = (rows[1].starts_at + Duration::hours(8))
            .format("%Y-%m-%d")
            .to_string();
        let edit = with(
            &base,
            &[
                ("starts_at", &format!("{day2}T10:00")),
                ("ends_at", &format!("{day2}T16:00")),
                ("venue", "Balai Kota Makassar"),
                ("scope", "series"),
                ("speakers", "Ibu Sari Wulandari; Koperasi Wanita Mandiri"),
            ],
        );
        let res = post(&app, &org, &format!("/sesi/{second}/ubah"), &edit).await;
        assert_eq!(
            res.status(),
            303,
            "[{label}] {}",
            res.text().await.unwrap_or_default()
        );
        let after = series_of(&app, title).await;
        assert_eq!(
            after[0].starts_at, rows[0].starts_at,
            "[{label}] earlier session untouched"
        );
        for i in 1..3 {
            assert_eq!(
                after[i].starts_at - rows[i].starts_at,
                Duration::hours(1),
                "[{label}]"
            );
            assert_eq!(after[i].venue.as_deref(), Some("Balai Kota Makassar"));
            assert_eq!(
                after[i].reminder_offsets_minutes, "",
                "[{label}] no box ticked: no reminders"
            );
            assert_eq!(
                after[i].version,
                rows[i].version + 1,
                "[{label}] version raised"
            );
        }
        let changed = notices(&app, "session_changed", second).await;
        assert_eq!(changed.len(), 1, "[{label}] the registrant is told once");
        assert!(
            changed[0].body_text.contains("Balai Kota Makassar"),
            "[{label}]"
        );
        assert!(
            changed[0].body_text.contains("10.00 WITA"),
            "[{label}] time with its zone"
        );
        // The same form again changes nothing material: no second notice.
        let res = post(&app, &org, &format!("/sesi/{second}/ubah"), &edit).await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(
            notices(&app, "session_changed", second).await.len(),
            1,
            "[{label}]"
        );

        // Fewer online seats than confirmed: refused with the count, nothing changed.
        let res = post(
            &app,
            &org,
            &format!("/sesi/{second}/ubah"),
            &with(
                &edit,
                &[
                    ("online_capacity", "0"),
                    ("mode", "in_person"),
                    ("meeting_url", ""),
                ],
            ),
        )
        .await;
        assert_eq!(res.status(), 422, "[{label}]");
        let page = res.text().await.unwrap();
        assert!(
            page.contains("Sudah ada 1 peserta terkonfirmasi"),
            "[{label}] {page:.300}"
        );
        assert_eq!(series_of(&app, title).await[1].mode, "hybrid", "[{label}]");

        // The calendar file: stable UID, SEQUENCE = version, alarms; the link only for the
        // confirmed online registrant.
        let anon = app.get(&format!("/sesi/{second}/kalender.ics")).await;
        assert_eq!(anon.status(), 200);
        assert!(
            anon.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/calendar")
        );
        let anon = anon.text().await.unwrap();
        assert!(
            anon.contains(&format!("UID:sesi-{second}@127.0.0.1")),
            "[{label}] {anon}"
        );
        assert!(anon.contains("SEQUENCE:1"), "[{label}] {anon}");
        assert!(
            anon.contains("BEGIN:VALARM") && anon.contains("TRIGGER;RELATED=START:-PT3600S"),
            "[{label}] {anon}"
        );
        assert!(
            !anon.contains("meet.jit.si"),
            "[{label}] no link for the anonymous"
        );
        let mine = kpm
            .get(app.url(&format!("/sesi/{second}/kalender.ics")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        // Long lines are folded (RFC 5545 §3.1): unfold before searching.
        let mine = mine.replace("\r\n ", "").replace("\n ", "");
        assert!(mine.contains("meet.jit.si/bimtek-uji"), "[{label}] {mine}");

        // Cancel this session only: the registrant is told, registration is closed.
        let res = post(
            &app,
            &org,
            &format!("/sesi/{second}/batalkan"),
            &[
                ("reason".into(), "Narasumber berhalangan".into()),
                ("scope".into(), "one".into()),
            ],
        )
        .await;
        assert_eq!(res.status(), 303, "[{label}]");
        let s = series_of(&app, title).await;
        assert_eq!(
            s.iter().map(|x| x.status.as_str()).collect::<Vec<_>>(),
            ["scheduled", "cancelled", "scheduled"],
            "[{label}]"
        );
        let cancelled = notices(&app, "session_cancelled", second).await;
        assert_eq!(cancelled.len(), 1, "[{label}]");
        assert!(
            cancelled[0].body_text.contains("Narasumber berhalangan"),
            "[{label}]"
        );
        let ics = app
            .get(&format!("/sesi/{second}/kalender.ics"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            ics.contains("STATUS:CANCELLED") && ics.contains("SEQUENCE:2"),
            "[{label}] {ics}"
        );
        // Cancelling again is refused; registering is refused.
        let res = post(&app, &org, &format!("/sesi/{second}/batalkan"), &[]).await;
        assert_eq!(res.status(), 422, "[{label}]");
        let third = s[2].id;
        // Nobody new may register for it (the coordinator is not a participant either way).
        let coord = logged_in(&app, "koordinator@bimtek.localhost").await;
        let res = post(
            &app,
            &coord,
            &format!("/sesi/{second}/daftar"),
            &[("seat".into(), "online".into())],
        )
        .await;
        assert!(res.status().is_client_error(), "[{label}] {}", res.status());
        let page = app
            .get(&format!("/sesi/{second}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("Sesi ini dibatalkan") || page.contains("dibatalkan"),
            "[{label}]"
        );
        // Someone who does not organise it cannot cancel or edit.
        let res = post(&app, &kpm, &format!("/sesi/{third}/batalkan"), &[]).await;
        assert_eq!(res.status(), 403, "[{label}]");
        let res = post(&app, &kpm, &format!("/sesi/{third}/ubah"), &edit).await;
        assert_eq!(res.status(), 403, "[{label}]");

        // Duplicate: the copy's form holds the title, a week on.
        let copy = org
            .get(app.url(&format!("/sesi/baru?dari={third}")))
            .send()
            .await
            .unwrap();
        assert_eq!(copy.status(), 200);
        let copy = copy.text().await.unwrap();
        let next_week = (s[2].starts_at + Duration::weeks(1) + Duration::hours(8))
            .format("%Y-%m-%d")
            .to_string();
        assert!(
            copy.contains(title) && copy.contains(&next_week),
            "[{label}]"
        );
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mentors_programmes_and_filters() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let (p, r) = demo_ids(&app).await;
        let org = logged_in(&app, ORGANISER).await;
        let mentor = logged_in(&app, MENTOR).await;
        let title = "Sesi Uji Pendamping";
        let res = post(
            &app,
            &org,
            "/sesi/baru",
            &with(&valid_form(title, &p, &r), &[]),
        )
        .await;
        assert_eq!(res.status(), 303);
        let id = series_of(&app, title).await[0].id;
        let mentor_id = bimtek::store::entities::person::Entity::find()
            .filter(bimtek::store::entities::person::Column::Email.eq(MENTOR))
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap()
            .id;

        // The mentor cannot see the roster until assigned; then can; then not again.
        let roster = |c: reqwest::Client| {
            let url = app.url(&format!("/sesi/{id}/peserta.csv"));
            async move { c.get(url).send().await.unwrap().status().as_u16() }
        };
        assert_eq!(roster(mentor.clone()).await, 403, "[{label}]");
        let res = post(
            &app,
            &org,
            &format!("/sesi/{id}/pendamping"),
            &[("mentor_id".into(), mentor_id.to_string())],
        )
        .await;
        assert_eq!(res.status(), 303, "[{label}]");
        // Twice: still one row.
        post(
            &app,
            &org,
            &format!("/sesi/{id}/pendamping"),
            &[("mentor_id".into(), mentor_id.to_string())],
        )
        .await;
        let rows = session_mentor::Entity::find()
            .filter(session_mentor::Column::SessionId.eq(id))
            .all(&app.services.db)
            .await
            .unwrap();
        assert_eq!(rows.len(), 1, "[{label}]");
        assert_eq!(roster(mentor.clone()).await, 200, "[{label}]");
        let res = post(
            &app,
            &org,
            &format!("/sesi/{id}/pendamping/{mentor_id}/hapus"),
            &[],
        )
        .await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(roster(mentor.clone()).await, 403, "[{label}]");

        // Programmes: no target is refused with the message; two ticked regions are kept.
        let today = Utc::now().date_naive();
        let mut form = vec![
            ("name".to_string(), "Inkubasi Usaha Papua 2027".to_string()),
            ("track".into(), "inkubasi".into()),
            ("starts_on".into(), today.to_string()),
            ("ends_on".into(), (today + Duration::days(365)).to_string()),
            ("regions".into(), r.clone()),
        ];
        let jakarta = bimtek::store::entities::region::Entity::find()
            .filter(bimtek::store::entities::region::Column::Code.eq("31"))
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap()
            .id;
        form.push(("regions".into(), jakarta.to_string()));
        let before = app.count("programmes").await;
        let res = post(&app, &org, "/program/baru", &form).await;
        assert_eq!(res.status(), 422, "[{label}]");
        let page = res.text().await.unwrap();
        assert!(
            page.contains("Isi minimal satu target"),
            "[{label}] {page:.300}"
        );
        assert!(
            page.contains("Inkubasi Usaha Papua 2027"),
            "[{label}] typed name kept"
        );
        assert_eq!(app.count("programmes").await, before, "[{label}]");
        form.push(("target_kpm_trained".into(), "400.000".into()));
        form.push(("target_attendance_rate".into(), "85".into()));
        let res = post(&app, &org, "/program/baru", &form).await;
        assert_eq!(res.status(), 303, "[{label}]");
        let prog: programme::Model = programme::Entity::find()
            .filter(programme::Column::Name.eq("Inkubasi Usaha Papua 2027"))
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap();
        let kept = bimtek::store::entities::programme_region::Entity::find()
            .filter(bimtek::store::entities::programme_region::Column::ProgrammeId.eq(prog.id))
            .all(&app.services.db)
            .await
            .unwrap();
        assert_eq!(kept.len(), 2, "[{label}] both ticked regions kept");
        let list = org
            .get(app.url("/program"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            list.contains("400.000") && list.contains("85 %"),
            "[{label}] targets listed"
        );
        // A period that would leave the demo programme's sessions outside is refused.
        let res = post(
            &app,
            &org,
            &format!("/program/{p}/ubah"),
            &[
                ("name".into(), "Pembibitan dipersingkat".into()),
                ("track".into(), "pembibitan".into()),
                ("starts_on".into(), (today - Duration::days(30)).to_string()),
                ("ends_on".into(), (today - Duration::days(1)).to_string()),
                ("regions".into(), r.clone()),
                ("target_sessions_held".into(), "10".into()),
            ],
        )
        .await;
        assert_eq!(res.status(), 422, "[{label}]");
        // Only organisers see programmes.
        let body = mentor
            .get(app.url("/program"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!body.contains("400.000"), "[{label}]");
        assert_eq!(prog.track, "inkubasi", "[{label}]");

        // Filters: by mode; by province (its cities included); times in the chosen zone.
        let online = app.get("/sesi?mode=online").await.text().await.unwrap();
        assert!(online.contains("Kemasan dan Pemasaran Daring"), "[{label}]");
        assert!(
            !online.contains("Sesi Uji Pendamping"),
            "[{label}] hybrid filtered out"
        );
        let sulsel = bimtek::store::entities::region::Entity::find()
            .filter(bimtek::store::entities::region::Column::Code.eq("73"))
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap()
            .id;
        let province = app
            .get(&format!("/sesi?wilayah={sulsel}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            province.contains("Sesi Uji Pendamping"),
            "[{label}] a city in the province"
        );
        assert!(
            !province.contains("Pencatatan Keuangan Sederhana untuk Usaha Kerajinan"),
            "[{label}] the Papua session filtered out"
        );
        let wib = app
            .get(&format!("/sesi?wilayah={sulsel}&zona=WIB"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            wib.contains("08.00 WIB") && wib.contains("09.00 WITA waktu setempat"),
            "[{label}]"
        );
        // A filter value that does not parse is ignored, never an error.
        assert_eq!(
            app.get("/sesi?wilayah=abc&dari=kemarin&mode=x")
                .await
                .status(),
            200
        );
        app.stop().await;
    }
}
