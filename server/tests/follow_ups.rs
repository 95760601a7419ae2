//! Follow-up through the real server on SQLite and PostgreSQL: the mentor's caseload (overdue
//! first), the business record, visits and calls with indicators and a next action, closing it;
//! bad input named per field and nothing written; only the mentors in charge (and admins) see a
//! participant's page and phone.

mod common;

use bimtek::store::entities::{audit_log, business, follow_up, person, registration, session};
use chrono::{Duration, Utc};
use common::*;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

const MENTOR: &str = "pendamping@bimtek.localhost";
const COORDINATOR: &str = "koordinator@bimtek.localhost";

async fn person_named(app: &TestApp, name: &str) -> i64 {
    person::Entity::find()
        .filter(person::Column::FullName.eq(name))
        .one(&app.services.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn follow_ups_of(app: &TestApp, person: i64) -> Vec<follow_up::Model> {
    let Some(b) = business::Entity::find()
        .filter(business::Column::PersonId.eq(person))
        .one(&app.services.db)
        .await
        .unwrap()
    else {
        return vec![];
    };
    follow_up::Entity::find()
        .filter(follow_up::Column::BusinessId.eq(b.id))
        .order_by_asc(follow_up::Column::Id)
        .all(&app.services.db)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn caseload_business_and_follow_ups_with_overdue_first() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let db = &app.services.db;
        let kpm = person_named(&app, "Siti Aminah (KPM)").await;
        let sri = person_named(&app, bimtek::seed::DEMO_CODE_NAME).await;
        // Sri registers for the mentor's first session, so she joins the caseload.
        let first = session::Entity::find()
            .order_by_asc(session::Column::Id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        registration::ActiveModel {
            session_id: Set(first.id),
            person_id: Set(sri),
            seat_kind: Set("room".into()),
            status: Set("confirmed".into()),
            registered_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        let mentor = logged_in(&app, MENTOR).await;
        let participant = logged_in(&app, PARTICIPANT).await;
        let coordinator = logged_in(&app, COORDINATOR).await;

        // The caseload: the demo KPM's next action is overdue, so she comes before Sri, who
        // was never contacted. No phone numbers on the list.
        let (status, html) = page(&app, &mentor, "/pendamping/peserta").await;
        assert_eq!(status, 200, "[{label}]");
        let (at_kpm, at_sri) = (
            html.find("Siti Aminah").expect("KPM listed"),
            html.find("Sri Wahyuni").expect("Sri listed"),
        );
        assert!(at_kpm < at_sri, "[{label}] overdue first");
        assert!(html.contains("Lewat jatuh tempo"), "[{label}]");
        assert!(html.contains("Belum pernah dihubungi"), "[{label}]");
        assert!(!html.contains("8129876"), "[{label}] no phone on the list");
        for c in [&participant, &coordinator] {
            let (status, _) = page(&app, c, "/pendamping/peserta").await;
            assert_eq!(status, 403, "[{label}]");
        }

        // Sri's page: her phone (to call her), no business yet; a follow-up is refused until
        // the business is recorded.
        let sri_page = format!("/pendamping/peserta/{sri}");
        let (status, html) = page(&app, &mentor, &sri_page).await;
        assert_eq!(status, 200, "[{label}]");
        assert!(html.contains("tel:+6281298765432"), "[{label}] a call link");
        assert!(
            !html.contains(bimtek::seed::DEMO_CODE_NIK),
            "[{label}] never the NIK"
        );
        let (status, _) = page(&app, &coordinator, &sri_page).await;
        assert_eq!(status, 403, "[{label}] only mentors in charge");
        let valid = [
            ("kind", "call"),
            ("discussed", "Rencana ikut bazar kelurahan"),
        ];
        let res = post(&app, &mentor, &format!("{sri_page}/tindak-lanjut"), &valid).await;
        assert_eq!(res.status(), 422, "[{label}]");
        let body = res.text().await.unwrap();
        assert!(
            body.contains("Catat usaha peserta dulu."),
            "[{label}] {}",
            &body[body.find("<main").unwrap_or(0)..]
        );

        // The business: bad input named per field and kept; then saved.
        let res = post(
            &app,
            &mentor,
            &format!("{sri_page}/usaha"),
            &[
                ("name", "Jamu Gendong Bu Sri"),
                ("sector", "kosmetik"),
                ("stage", ""),
            ],
        )
        .await;
        assert_eq!(res.status(), 422, "[{label}]");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("Pilih salah satu pilihan yang tersedia."),
            "[{label}]"
        );
        assert!(html.contains("Wajib diisi."), "[{label}]");
        assert!(
            html.contains("Jamu Gendong Bu Sri"),
            "[{label}] typed name kept"
        );
        assert_eq!(
            business::Entity::find()
                .filter(business::Column::PersonId.eq(sri))
                .all(db)
                .await
                .unwrap()
                .len(),
            0,
            "[{label}] nothing written"
        );
        let res = post(
            &app,
            &mentor,
            &format!("{sri_page}/usaha"),
            &[
                ("name", "Jamu Gendong Bu Sri"),
                ("sector", "makanan_minuman"),
                ("stage", "pembibitan"),
            ],
        )
        .await;
        assert_eq!(location(&res), format!("{sri_page}?usaha=1"), "[{label}]");

        // A follow-up with every mistake at once: 422, each named, nothing written.
        let tomorrow = (Utc::now() + Duration::days(2))
            .format("%Y-%m-%d")
            .to_string();
        let res = post(
            &app,
            &mentor,
            &format!("{sri_page}/tindak-lanjut"),
            &[
                ("kind", "call"),
                ("contacted_on", &tomorrow),
                ("discussed", ""),
                ("monthly_revenue", "banyak"),
                ("next_action", "Kirim contoh label"),
            ],
        )
        .await;
        assert_eq!(res.status(), 422, "[{label}]");
        let html = res.text().await.unwrap();
        for msg in [
            "Tanggal ini belum terjadi.",
            "Wajib diisi.",
            "Isi dengan angka",
            "Kirim contoh label",
        ] {
            assert!(html.contains(msg), "[{label}] {msg}");
        }
        assert!(follow_ups_of(&app, sri).await.is_empty(), "[{label}]");

        // A call three days ago with a next action due yesterday: overdue, and Sri moves up.
        let three_days_ago = (Utc::now() - Duration::days(3))
            .format("%Y-%m-%d")
            .to_string();
        let yesterday = (Utc::now() - Duration::days(1))
            .format("%Y-%m-%d")
            .to_string();
        let res = post(
            &app,
            &mentor,
            &format!("{sri_page}/tindak-lanjut"),
            &[
                ("kind", "call"),
                ("contacted_on", &three_days_ago),
                ("session_id", &first.id.to_string()),
                ("discussed", "Rencana ikut bazar kelurahan"),
                ("monthly_revenue", "Rp 850.000"),
                ("packaging_improved", "yes"),
                ("selling_online", "no"),
                ("next_action", "Kirim contoh label ke koordinator"),
                ("next_action_due", &yesterday),
            ],
        )
        .await;
        assert_eq!(
            location(&res),
            format!("{sri_page}?tersimpan=1"),
            "[{label}]"
        );
        let rows = follow_ups_of(&app, sri).await;
        assert_eq!(rows.len(), 1, "[{label}]");
        assert_eq!(rows[0].monthly_revenue, Some(850_000));
        assert_eq!(rows[0].packaging_improved, Some(true));
        assert_eq!(rows[0].session_id, Some(first.id));
        let (_, html) = page(&app, &mentor, &sri_page).await;
        assert!(html.contains("Rp 850.000"), "[{label}]");
        assert!(
            html.contains("Kirim contoh label ke koordinator"),
            "[{label}]"
        );
        let (_, html) = page(&app, &mentor, "/pendamping/peserta").await;
        assert_eq!(
            html.matches("Lewat jatuh tempo").count(),
            2,
            "[{label}] both overdue"
        );

        // Done: the action closes, and Sri drops below the KPM's still-overdue action.
        let fid = rows[0].id.to_string();
        let res = post(
            &app,
            &mentor,
            &format!("{sri_page}/selesai"),
            &[("follow_up", &fid)],
        )
        .await;
        assert_eq!(location(&res), format!("{sri_page}?selesai=1"), "[{label}]");
        assert!(
            follow_ups_of(&app, sri).await[0]
                .next_action_done_at
                .is_some()
        );
        let (_, html) = page(&app, &mentor, "/pendamping/peserta").await;
        assert_eq!(html.matches("Lewat jatuh tempo").count(), 1, "[{label}]");
        // Another person's follow-up id through Sri's page: not found, nothing changed.
        let kpm_f = follow_ups_of(&app, kpm).await[0].id.to_string();
        let res = post(
            &app,
            &mentor,
            &format!("{sri_page}/selesai"),
            &[("follow_up", &kpm_f)],
        )
        .await;
        assert_eq!(res.status(), 404, "[{label}]");
        assert!(
            follow_ups_of(&app, kpm).await[0]
                .next_action_done_at
                .is_none()
        );

        let audited = audit_log::Entity::find()
            .filter(audit_log::Column::Action.is_in([
                "business.save",
                "follow_up.record",
                "follow_up.next_action_done",
            ]))
            .all(db)
            .await
            .unwrap()
            .len();
        assert_eq!(audited, 3, "[{label}] every write audited");
        app.stop().await;
    }
}
