//! Attendance reports, certificates and the programme dashboard through the real server, on
//! SQLite and PostgreSQL: a fresh programme with targets and one held hybrid session; the
//! mentor marks one KPM present, the coordinator joined online, a second KPM left unmarked;
//! a follow-up reports selling online. Every figure is then checked in the page, the
//! downloads and the service: rates by role and seat, KPM trained, sessions held, follow-ups,
//! businesses progressing; who may see what.

mod common;

use bimtek::domain::programme::Metric;
use bimtek::domain::report::ReportRole;
use bimtek::domain::{ProgrammeId, SeatKind};
use bimtek::store::entities::{
    attendance, person, person_role, programme, programme_target, region, registration, session,
    session_mentor,
};
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

struct Fixture {
    programme: i64,
    session: i64,
    kpm: i64,
    coordinator: i64,
    other_kpm: i64,
}

/// A new programme (targets: 4 sessions, 10 KPM, 80 %, 2 follow-ups, 1 business) with one
/// hybrid session that started an hour ago, the demo mentor assigned, three confirmed.
async fn fixture(app: &TestApp) -> Fixture {
    let db = &app.services.db;
    let now = Utc::now();
    let p = programme::ActiveModel {
        name: Set("Inkubasi Usaha Papua 2026".into()),
        description: Set(None),
        track: Set("inkubasi".into()),
        starts_on: Set(now.date_naive() - Duration::days(30)),
        ends_on: Set(now.date_naive() + Duration::days(60)),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    for (metric, v) in [
        ("sessions_held", 4),
        ("kpm_trained", 10),
        ("attendance_rate", 8000),
        ("follow_ups_done", 2),
        ("businesses_progressing", 1),
    ] {
        programme_target::ActiveModel {
            programme_id: Set(p.id),
            metric: Set(metric.into()),
            target_value: Set(v),
            region_id: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    // A copy of the first demo session, in the new programme, held in Kota Jayapura (Papua).
    let demo = session::Entity::find()
        .order_by_asc(session::Column::Id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let jayapura = region::Entity::find()
        .filter(region::Column::Code.eq("91.71"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let mut s = demo.clone().into_active_model();
    s.id = sea_orm::ActiveValue::NotSet;
    s.programme_id = Set(p.id);
    s.series_id = Set(None);
    s.title = Set("Pemasaran daring untuk UMKM".into());
    s.mode = Set("hybrid".into());
    s.status = Set("scheduled".into());
    s.region_id = Set(jayapura.id);
    s.timezone = Set("Asia/Jayapura".into());
    s.starts_at = Set(now - Duration::hours(1));
    s.ends_at = Set(now + Duration::hours(2));
    let s = s.insert(db).await.unwrap();
    session_mentor::ActiveModel {
        session_id: Set(s.id),
        person_id: Set(person_id(app, MENTOR).await),
    }
    .insert(db)
    .await
    .unwrap();
    // A second KPM, no email, from Kota Jayapura.
    let other = person::ActiveModel {
        full_name: Set("Yohana Wenda".into()),
        email: Set(None),
        phone: Set(None),
        nik: Set(None),
        region_id: Set(Some(jayapura.id)),
        lang: Set("id".into()),
        password_hash: Set(None),
        personal_code_hash: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        registered_by: Set(None),
        email_reminders: Set(true),
        email_invitations: Set(true),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    person_role::ActiveModel {
        person_id: Set(other.id),
        role: Set("participant".into()),
        programme_id: Set(None),
        region_id: Set(None),
        granted_by: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let kpm = person_id(app, PARTICIPANT).await;
    let coordinator = person_id(app, COORDINATOR).await;
    for (pid, seat) in [(kpm, "room"), (coordinator, "online"), (other.id, "room")] {
        registration::ActiveModel {
            session_id: Set(s.id),
            person_id: Set(pid),
            seat_kind: Set(seat.into()),
            status: Set("confirmed".into()),
            registered_at: Set(now - Duration::days(2)),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    Fixture {
        programme: p.id,
        session: s.id,
        kpm,
        coordinator,
        other_kpm: other.id,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_certificates_and_dashboard_count_what_was_recorded() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let f = fixture(&app).await;
        let id = f.session;
        let mentor = logged_in(&app, MENTOR).await;
        let organiser = logged_in(&app, ORGANISER).await;
        let participant = logged_in(&app, PARTICIPANT).await;
        let coordinator = logged_in(&app, COORDINATOR).await;

        // Before anything is recorded: nobody attended, no certificates.
        let (status, html) = page(&app, &mentor, &format!("/sesi/{id}/laporan")).await;
        assert_eq!(status, 200, "[{label}]");
        assert!(
            html.contains("0,0 % · 0 hadir / 3 terkonfirmasi"),
            "[{label}]"
        );
        let (_, html) = page(&app, &organiser, &format!("/sesi/{id}/sertifikat")).await;
        assert!(html.contains("Belum ada peserta yang hadir"), "[{label}]");

        // The mentor marks the KPM present; the coordinator joined online by the link.
        let res = post(
            &app,
            &mentor,
            &format!("/sesi/{id}/absen"),
            &[("person", &f.kpm.to_string()), ("mark", "present")],
        )
        .await;
        assert_eq!(res.status(), 303, "[{label}]");
        attendance::ActiveModel {
            session_id: Set(id),
            person_id: Set(f.coordinator),
            joined_online_at: Set(Some(Utc::now() - Duration::minutes(50))),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.services.db)
        .await
        .unwrap();

        // The session report: 2 of 3, by role and seat; each person's outcome.
        let (status, html) = page(&app, &mentor, &format!("/sesi/{id}/laporan")).await;
        assert_eq!(status, 200, "[{label}]");
        assert!(
            html.contains("66,6 % · 2 hadir / 3 terkonfirmasi"),
            "[{label}] {}",
            &html[html.find("<main").unwrap_or(0)..]
        );
        assert!(html.contains("Bergabung daring"), "[{label}] the evidence");
        assert!(html.contains("Belum dicatat"), "[{label}] Yohana unmarked");
        assert!(
            !html.contains("kpm@bimtek.localhost"),
            "[{label}] no addresses"
        );
        let r = bimtek::services::reports::session_report(
            &app.services,
            Some(&actor(&app, MENTOR).await),
            bimtek::domain::SessionId(id),
            Utc::now(),
        )
        .await
        .unwrap();
        let role = |k: ReportRole| {
            let t = r
                .breakdown
                .by_role
                .iter()
                .find(|x| x.key == k)
                .unwrap()
                .tally;
            (t.attended, t.expected)
        };
        assert_eq!(role(ReportRole::Kpm), (1, 2), "[{label}]");
        assert_eq!(role(ReportRole::Coordinator), (1, 1), "[{label}]");
        let seat = |k: SeatKind| {
            let t = r
                .breakdown
                .by_seat
                .iter()
                .find(|x| x.key == k)
                .unwrap()
                .tally;
            (t.attended, t.expected)
        };
        assert_eq!(seat(SeatKind::Room), (1, 2), "[{label}]");
        assert_eq!(seat(SeatKind::Online), (1, 1), "[{label}]");
        assert_eq!(r.breakdown.outcomes.present, 1);
        assert_eq!(r.breakdown.outcomes.joined_online, 1);
        assert_eq!(r.breakdown.outcomes.unknown, 1);

        // Who may see it: not the participant, not a coordinator; anonymous must log in.
        for c in [&participant, &coordinator] {
            let (status, html) = page(&app, c, &format!("/sesi/{id}/laporan")).await;
            assert_eq!(status, 403, "[{label}]");
            assert!(!html.contains("Yohana"), "[{label}]");
            let (status, _) = page(&app, c, &format!("/sesi/{id}/laporan.csv")).await;
            assert_eq!(status, 403, "[{label}]");
        }
        let res = client()
            .get(app.url(&format!("/sesi/{id}/laporan.csv")))
            .send()
            .await
            .unwrap();
        assert!(res.status().is_redirection(), "[{label}] anonymous: log in");

        // CSV: one line per person, certificate numbers for those who attended.
        let res = organiser
            .get(app.url(&format!("/sesi/{id}/laporan.csv")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "[{label}]");
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        let csv = res.text().await.unwrap();
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines.len(), 4, "[{label}] header + 3: {csv}");
        assert!(lines[0].starts_with("Nama;Peran;Kursi;Wilayah;Kehadiran"));
        let kpm_line = lines.iter().find(|l| l.contains("Siti Aminah")).unwrap();
        assert!(
            kpm_line.contains(&format!(";Hadir;1;;BIMTEK-{id}-{}", f.kpm)),
            "[{label}] {kpm_line}"
        );
        let other_line = lines
            .iter()
            .find(|l| l.starts_with("Yohana Wenda"))
            .unwrap();
        assert!(
            other_line.contains("Kota Jayapura;Belum dicatat;0;;"),
            "[{label}] {other_line}"
        );
        let res = organiser
            .get(app.url(&format!("/sesi/{id}/laporan.xlsx")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "[{label}]");
        let bytes = res.bytes().await.unwrap();
        assert!(bytes.starts_with(b"PK"), "[{label}] a zip (xlsx)");

        // Certificates: the two who attended, not Yohana; the KPM sees her own only.
        let (status, html) = page(&app, &organiser, &format!("/sesi/{id}/sertifikat")).await;
        assert_eq!(status, 200, "[{label}]");
        assert_eq!(
            html.matches("class=\"certificate\"").count(),
            2,
            "[{label}]"
        );
        assert!(html.contains(&format!("BIMTEK-{id}-{}", f.kpm)));
        assert!(!html.contains("Yohana Wenda"), "[{label}]");
        let (status, html) = page(&app, &participant, &format!("/saya/sertifikat/{id}")).await;
        assert_eq!(status, 200, "[{label}]");
        assert_eq!(
            html.matches("class=\"certificate\"").count(),
            1,
            "[{label}]"
        );
        assert!(html.contains("Siti Aminah"), "[{label}]");
        assert!(!html.contains("Koordinator"), "[{label}] only her own");
        let (_, html) = page(&app, &participant, "/saya").await;
        assert!(
            html.contains(&format!("/saya/sertifikat/{id}")),
            "[{label}] her certificate listed on her page"
        );
        let (_, html) = page(&app, &participant, &format!("/sesi/{id}/sertifikat")).await;
        assert!(
            !html.contains("class=\"certificate\""),
            "[{label}] not the others'"
        );

        // A follow-up linked to the session reports selling online: progressing.
        let today = Utc::now().format("%Y-%m-%d").to_string();
        let due = (Utc::now() + Duration::days(7))
            .format("%Y-%m-%d")
            .to_string();
        let res = post(
            &app,
            &mentor,
            &format!("/pendamping/peserta/{}/tindak-lanjut", f.kpm),
            &[
                ("kind", "visit"),
                ("contacted_on", &today),
                ("session_id", &id.to_string()),
                ("discussed", "Foto produk untuk marketplace"),
                ("monthly_revenue", "1.200.000"),
                ("packaging_improved", "no"),
                ("selling_online", "yes"),
                ("next_action", "Unggah 10 produk"),
                ("next_action_due", &due),
            ],
        )
        .await;
        let status = res.status();
        let body = res.text().await.unwrap();
        assert_eq!(
            status,
            303,
            "[{label}] {}",
            &body[body.find("<main").unwrap_or(0)..]
        );

        // The dashboard: targets against achievements.
        let d = bimtek::services::reports::dashboard(
            &app.services,
            Some(&actor(&app, ORGANISER).await),
            ProgrammeId(f.programme),
            Utc::now(),
        )
        .await
        .unwrap();
        let got = |m: Metric| {
            let p = d.metric(m).unwrap();
            (p.achieved, p.target)
        };
        assert_eq!(got(Metric::SessionsHeld), (1, Some(4)), "[{label}]");
        assert_eq!(got(Metric::KpmTrained), (1, Some(10)), "[{label}]");
        assert_eq!(got(Metric::AttendanceRate), (6666, Some(8000)), "[{label}]");
        assert_eq!(got(Metric::FollowUpsDone), (1, Some(2)), "[{label}]");
        assert_eq!(
            got(Metric::BusinessesProgressing),
            (1, Some(1)),
            "[{label}]"
        );
        assert!(d.metric(Metric::BusinessesProgressing).unwrap().reached());
        assert_eq!(d.regions.len(), 1, "[{label}]");
        assert_eq!(d.regions[0].region, "Papua", "[{label}] the province");
        assert_eq!(d.regions[0].kpm_trained, 1);
        assert_eq!(d.sessions.len(), 1);
        assert_eq!(d.sessions[0].tally.attended, 2);

        let (status, html) = page(
            &app,
            &organiser,
            &format!("/program/{}/dasbor", f.programme),
        )
        .await;
        assert_eq!(status, 200, "[{label}]");
        assert!(html.contains("Inkubasi Usaha Papua 2026"), "[{label}]");
        assert!(html.contains("66,6 %"), "[{label}]");
        assert!(
            html.contains("<svg") && html.contains("class=\"bar-fill"),
            "[{label}] charts drawn on the server"
        );
        assert!(
            html.contains("tercapai"),
            "[{label}] the reached target marked"
        );
        let (status, html) = page(&app, &organiser, "/dasbor").await;
        assert_eq!(status, 200, "[{label}]");
        assert!(html.contains(&format!("/program/{}/dasbor", f.programme)));
        let res = organiser
            .get(app.url(&format!("/program/{}/laporan.csv", f.programme)))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "[{label}]");
        let csv = res.text().await.unwrap();
        assert!(
            csv.contains(&format!("{id};Pemasaran daring untuk UMKM;"))
                && csv.contains(";2;3;66,6"),
            "[{label}] {csv}"
        );
        let res = organiser
            .get(app.url(&format!("/program/{}/laporan.xlsx", f.programme)))
            .send()
            .await
            .unwrap();
        assert!(res.bytes().await.unwrap().starts_with(b"PK"), "[{label}]");
        for c in [&mentor, &participant, &coordinator] {
            let (status, _) = page(&app, c, &format!("/program/{}/dasbor", f.programme)).await;
            assert_eq!(status, 403, "[{label}]");
            let (status, _) = page(&app, c, "/dasbor").await;
            assert_eq!(status, 403, "[{label}]");
            let (status, _) = page(&app, c, &format!("/program/{}/laporan.csv", f.programme)).await;
            assert_eq!(status, 403, "[{label}]");
        }
        let _ = f.other_kpm;
        app.stop().await;
    }
}

async fn actor(app: &TestApp, email: &str) -> bimtek::auth::Actor {
    bimtek::services::auth::load_actor(
        &app.services,
        bimtek::domain::PersonId(person_id(app, email).await),
    )
    .await
    .unwrap()
    .unwrap()
}
