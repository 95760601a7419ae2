//! People and roles through the real server: coordinators registering participants without email,
//! personal codes (log in, renew, refuse), admins granting and revoking roles with audit entries,
//! and each role landing on its home page. On SQLite and PostgreSQL.

mod common;

use bimtek::store::entities::{audit_log, person, person_role};
use common::*;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

const COORDINATOR: &str = "koordinator@bimtek.localhost";
const ADMIN: &str = "admin@bimtek.localhost";
const MENTOR: &str = "pendamping@bimtek.localhost";

/// The code printed on a card page.
fn code_on_card(html: &str) -> String {
    let start = html.find("data-code=\"").expect("card shows a code") + "data-code=\"".len();
    html[start..start + 11].to_string()
}

async fn person_by_phone(app: &TestApp, phone: &str) -> Option<person::Model> {
    person::Entity::find()
        .filter(person::Column::Phone.eq(phone))
        .one(&app.services.db)
        .await
        .unwrap()
}

async fn region_id(app: &TestApp, code: &str) -> String {
    use bimtek::store::entities::region;
    region::Entity::find()
        .filter(region::Column::Code.eq(code))
        .one(&app.services.db)
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_registers_a_participant_who_logs_in_with_the_code() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        app.login(COORDINATOR).await;
        let region = region_id(&app, "73.71").await;

        // Every field wrong at once: 422, one message per field, what was typed kept, nothing
        // written.
        let people_before = app.count("people").await;
        let res = app
            .post_form(
                "/koordinator/peserta",
                &[
                    ("full_name", ""),
                    ("phone", "021 555 1234"),
                    ("nik", "12345"),
                    ("region_id", "999999"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "[{label}]");
        let html = res.text().await.unwrap();
        for msg in [
            "Wajib diisi.",
            "Nomor HP tidak valid",
            "NIK terdiri dari 16 angka",
            "Pilih salah satu pilihan",
        ] {
            assert!(html.contains(msg), "[{label}] {msg}");
        }
        assert!(html.contains("value=\"021 555 1234\""), "[{label}] kept");
        assert_eq!(app.count("people").await, people_before, "[{label}]");

        // A good registration answers with the card: name, code, QR, not cached.
        let res = app
            .post_form(
                "/koordinator/peserta",
                &[
                    ("full_name", "  Nur Halimah "),
                    ("phone", "0813-1111-2222"),
                    ("nik", "7371 0123 4567 0002"),
                    ("region_id", &region),
                ],
            )
            .await;
        assert_eq!(res.status(), 200, "[{label}]");
        assert_eq!(
            res.headers().get("cache-control").unwrap(),
            "no-store",
            "[{label}]"
        );
        let html = res.text().await.unwrap();
        assert!(html.contains("Nur Halimah"), "[{label}]");
        assert!(html.contains("<svg"), "[{label}] QR drawn");
        let code = code_on_card(&html);
        assert_eq!(code.len(), 11, "[{label}] {code}");
        assert!(html.contains(&format!("/k/{}", code.replace('-', ""))));

        let p = person_by_phone(&app, "+6281311112222").await.unwrap();
        assert_eq!(p.full_name, "Nur Halimah", "[{label}] trimmed");
        assert_eq!(p.email, None);
        assert_eq!(p.nik.as_deref(), Some("7371012345670002"));
        let hash = p.personal_code_hash.clone().unwrap();
        assert!(!hash.contains(&code.replace('-', "")), "[{label}] hashed");
        let coordinator = person::Entity::find()
            .filter(person::Column::Email.eq(COORDINATOR))
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(p.registered_by, Some(coordinator.id), "[{label}]");
        let roles = person_role::Entity::find()
            .filter(person_role::Column::PersonId.eq(p.id))
            .all(&app.services.db)
            .await
            .unwrap();
        assert_eq!(roles.len(), 1);
        assert_eq!(roles[0].role, "participant");

        // The audit entry names the person but holds no full phone or NIK.
        let entry = audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("person.registered"))
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap();
        let after = entry.after_json.unwrap();
        assert!(after.contains("Nur Halimah"), "[{label}]");
        assert!(!after.contains("11112222") && !after.contains("7371012345670002"));

        // The coordinator's list shows the phone and only the NIK's last digits.
        let list = app.get("/koordinator").await.text().await.unwrap();
        assert!(list.contains("0813 1111 2222"), "[{label}]");
        assert!(list.contains("************0002"), "[{label}]");
        assert!(!list.contains("7371012345670002"), "[{label}]");

        // Same phone again: refused on that field, no second person.
        let res = app
            .post_form(
                "/koordinator/peserta",
                &[
                    ("full_name", "Orang Lain"),
                    ("phone", "+62 813 1111 2222"),
                    ("region_id", &region),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "[{label}]");
        assert!(res.text().await.unwrap().contains("Sudah terdaftar"));

        // The participant logs in with the code, typed in lower case, and lands on "my sessions".
        let phone = client();
        let res = phone
            .post(app.url("/masuk/kode"))
            .header("origin", &app.base)
            .form(&[("code", code.to_lowercase().as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(location(&res), "/saya", "[{label}]");
        assert!(whoami(&app, &phone).await.contains("Nur Halimah"));

        // A new code replaces the old one at once.
        let res = app
            .post_form(&format!("/koordinator/peserta/{}/kode-baru", p.id), &[])
            .await;
        assert_eq!(res.status(), 200, "[{label}]");
        let new_code = code_on_card(&res.text().await.unwrap());
        assert_ne!(new_code, code);
        let try_code = |c: String| {
            let app = &app;
            async move {
                client()
                    .post(app.url("/masuk/kode"))
                    .header("origin", &app.base)
                    .form(&[("code", c.as_str())])
                    .send()
                    .await
                    .unwrap()
            }
        };
        let res = try_code(code.clone()).await;
        assert_eq!(res.status(), 422, "[{label}] old code");
        assert!(res.text().await.unwrap().contains("Kode tidak dikenal"));
        assert_eq!(try_code(new_code).await.status(), 303, "[{label}]");
        // Malformed codes: a message, never a 5xx.
        for bad in ["", "12345", &"A".repeat(5000), "ABCDE-FGHJ\u{0}"] {
            let res = try_code(bad.to_string()).await;
            assert_eq!(res.status(), 422, "[{label}] {bad:.20}");
        }

        // Someone who is not their coordinator cannot renew the code.
        let mentor = client();
        mentor
            .post(app.url("/masuk"))
            .header("origin", &app.base)
            .form(&[("email", MENTOR), ("password", DEMO_PASSWORD)])
            .send()
            .await
            .unwrap();
        let res = mentor
            .post(app.url(&format!("/koordinator/peserta/{}/kode-baru", p.id)))
            .header("origin", &app.base)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "[{label}] mentor");
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_grant_and_revoke_roles_with_an_audit_trail() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let mentor = person::Entity::find()
            .filter(person::Column::Email.eq(MENTOR))
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap();
        // The mentor cannot open the coordinator's page yet.
        let as_mentor = client();
        as_mentor
            .post(app.url("/masuk"))
            .header("origin", &app.base)
            .form(&[("email", MENTOR), ("password", DEMO_PASSWORD)])
            .send()
            .await
            .unwrap();
        let coordinator_home = |c: reqwest::Client| {
            let app = &app;
            async move {
                c.post(app.url("/api/get_coordinator_home"))
                    .header("origin", &app.base)
                    .send()
                    .await
                    .unwrap()
                    .status()
            }
        };
        assert_eq!(coordinator_home(as_mentor.clone()).await, 403);

        app.login(ADMIN).await;
        let page = app
            .get(&format!("/admin/orang/{}", mentor.id))
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("Agus Santoso"), "[{label}]");
        let region = region_id(&app, "31.71").await;

        // Unknown role and region: 422 with messages, nothing granted.
        let grants_before = app.count("person_roles").await;
        let here = format!("/admin/orang/{}/peran", mentor.id);
        let res = app
            .post_form(
                &here,
                &[("role", "root"), ("programme_id", ""), ("region_id", "x")],
            )
            .await;
        assert_eq!(res.status(), 422, "[{label}]");
        assert_eq!(app.count("person_roles").await, grants_before);

        let res = app
            .post_form(
                &here,
                &[
                    ("role", "coordinator"),
                    ("programme_id", ""),
                    ("region_id", &region),
                ],
            )
            .await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(
            location(&res),
            format!("/admin/orang/{}?diubah=1", mentor.id)
        );
        // Takes effect on the mentor's next request, without logging in again.
        assert_eq!(coordinator_home(as_mentor.clone()).await, 200, "[{label}]");
        // The same grant twice is refused.
        let res = app
            .post_form(
                &here,
                &[
                    ("role", "coordinator"),
                    ("programme_id", ""),
                    ("region_id", &region),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "[{label}]");
        assert!(res.text().await.unwrap().contains("sudah memiliki peran"));

        let entry = audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("role.granted"))
            .order_by_desc(audit_log::Column::Id)
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(entry.entity_id, Some(mentor.id));
        assert!(
            !entry
                .before_json
                .as_deref()
                .unwrap()
                .contains("coordinator")
        );
        assert!(
            entry
                .after_json
                .as_deref()
                .unwrap()
                .contains(&format!("coordinator [programme *, region {region}]")),
            "[{label}] {:?}",
            entry.after_json
        );

        // Revoke it again.
        let grant = person_role::Entity::find()
            .filter(person_role::Column::PersonId.eq(mentor.id))
            .filter(person_role::Column::Role.eq("coordinator"))
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap();
        let res = app
            .post_form(
                &format!("/admin/orang/{}/peran/{}/hapus", mentor.id, grant.id),
                &[],
            )
            .await;
        assert_eq!(res.status(), 303, "[{label}]");
        assert_eq!(coordinator_home(as_mentor.clone()).await, 403, "[{label}]");
        assert!(
            audit_log::Entity::find()
                .filter(audit_log::Column::Action.eq("role.revoked"))
                .one(&app.services.db)
                .await
                .unwrap()
                .is_some()
        );
        // A grant id of someone else, under this person's URL: not found.
        let admin_grant = person_role::Entity::find()
            .filter(person_role::Column::Role.eq("admin"))
            .one(&app.services.db)
            .await
            .unwrap()
            .unwrap();
        let res = app
            .post_form(
                &format!("/admin/orang/{}/peran/{}/hapus", mentor.id, admin_grant.id),
                &[],
            )
            .await;
        assert_eq!(res.status(), 404, "[{label}]");

        // The last admin cannot remove their own admin role.
        let res = app
            .post_form(
                &format!(
                    "/admin/orang/{}/peran/{}/hapus",
                    admin_grant.person_id, admin_grant.id
                ),
                &[],
            )
            .await;
        assert_eq!(res.status(), 422, "[{label}]");
        assert!(res.text().await.unwrap().contains("setidaknya satu admin"));
        assert!(
            person_role::Entity::find_by_id(admin_grant.id)
                .one(&app.services.db)
                .await
                .unwrap()
                .is_some()
        );

        // The people list finds by name, case-insensitively, and escapes wildcards.
        let list = app.get("/admin/orang?q=agus").await.text().await.unwrap();
        assert!(list.contains("Agus Santoso"), "[{label}]");
        assert!(!list.contains("Dewi Lestari"), "[{label}]");
        let list = app.get("/admin/orang?q=%25").await.text().await.unwrap();
        assert!(list.contains("Tidak ada orang yang cocok"), "[{label}]");
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_lands_on_its_home_page() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        for a in &bimtek::seed::DEMO_ACCOUNTS {
            let c = client();
            let res = c
                .post(app.url("/masuk"))
                .header("origin", &app.base)
                .form(&[("email", a.email), ("password", DEMO_PASSWORD)])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 303, "[{label}] {}", a.email);
            let home = bimtek::domain::home_path(&[a.role]);
            assert_eq!(location(&res), home, "[{label}] {}", a.email);
            let page = c.get(app.url(home)).send().await.unwrap();
            assert_eq!(page.status(), 200, "[{label}] {home}");
        }
        // The demo participant without email, by the seeded code.
        let res = app
            .post_form("/masuk/kode", &[("code", bimtek::seed::DEMO_CODE)])
            .await;
        assert_eq!(location(&res), "/saya", "[{label}]");
        // The demo KPM sees their seat; the mentor their sessions.
        app.login("kpm@bimtek.localhost").await;
        let mine = app.get("/saya").await.text().await.unwrap();
        assert!(mine.contains("Kursi daring"), "[{label}]");
        assert!(mine.contains("Bimtek Kewirausahaan Sosial"), "[{label}]");
        app.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_for_a_participant_without_email_goes_to_their_coordinator() {
    use bimtek::domain::PersonId;
    use bimtek::services::participants::mail_route;
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let db = &app.services.db;
        let find = |name: &'static str| async move {
            person::Entity::find()
                .filter(person::Column::FullName.eq(name))
                .one(db)
                .await
                .unwrap()
                .unwrap()
        };
        let sri = find(bimtek::seed::DEMO_CODE_NAME).await;
        let route = mail_route(db, PersonId(sri.id)).await.unwrap().unwrap();
        assert_eq!(route.to, COORDINATOR, "[{label}]");
        assert_eq!(
            route.on_behalf_of.as_deref(),
            Some(bimtek::seed::DEMO_CODE_NAME)
        );
        let kpm = find("Siti Aminah (KPM)").await;
        let route = mail_route(db, PersonId(kpm.id)).await.unwrap().unwrap();
        assert_eq!(route.to, "kpm@bimtek.localhost");
        assert_eq!(route.on_behalf_of, None);
        assert_eq!(mail_route(db, PersonId(999_999)).await.unwrap(), None);
        app.stop().await;
    }
}
