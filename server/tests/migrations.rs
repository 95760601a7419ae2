//! Migrations and the demo seed on both databases: apply, roll back, re-apply; seed twice.

mod common;

use common::*;
use migrations::{Migrator, MigratorTrait};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrations_apply_roll_back_and_reapply() {
    for (label, url, _dir) in databases().await {
        let db = bimtek::store::connect(&url).await.unwrap();
        Migrator::up(&db, None).await.unwrap();
        Migrator::up(&db, None).await.unwrap();
        assert_eq!(
            Migrator::get_pending_migrations(&db).await.unwrap().len(),
            0,
            "[{label}]"
        );
        Migrator::down(&db, None).await.unwrap();
        assert_eq!(
            Migrator::get_pending_migrations(&db).await.unwrap().len(),
            Migrator::migrations().len(),
            "[{label}]"
        );
        Migrator::up(&db, None).await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_seed_is_idempotent_and_covers_every_role_and_zone() {
    for (label, url, dir) in databases().await {
        let app = TestApp::spawn(label, &url, dir).await;
        let people = app.count("people").await;
        let sessions = app.count("sessions").await;
        // One account per role, plus a participant without email who logs in by code.
        assert_eq!(people, 6, "[{label}]");
        assert_eq!(app.count("person_roles").await, 6, "[{label}]");
        assert_eq!(app.count("session_mentors").await, 2, "[{label}]");
        assert_eq!(app.count("registrations").await, 1, "[{label}]");
        assert!(sessions >= 3, "[{label}]");
        let wrote = bimtek::seed::seed_demo(&app.services.db, chrono::Utc::now())
            .await
            .unwrap();
        assert!(!wrote, "[{label}] second run writes nothing");
        assert_eq!(app.count("people").await, people);
        assert_eq!(app.count("sessions").await, sessions);
        assert!(
            app.count("programme_targets").await >= 3,
            "[{label}] every programme has targets"
        );
        // Every demo account logs in with the printed password.
        for a in &bimtek::seed::DEMO_ACCOUNTS {
            let actor = bimtek::services::auth::login_with_password(
                &app.services,
                None,
                a.email,
                DEMO_PASSWORD,
            )
            .await
            .unwrap_or_else(|e| panic!("[{label}] {}: {e}", a.email));
            assert!(actor.has_role(a.role), "[{label}]");
        }
        app.stop().await;
    }
}
