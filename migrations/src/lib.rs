//! Schema migrations, one file per change, identical on SQLite and PostgreSQL.
//!
//! v1 (the six `m20261124_*` files) holds the whole core model so later work adds columns rather
//! than redesigns: people and roles, regions with zones, programmes with tracks and targets,
//! sessions (mode, separate room/online capacity, meeting link, series), mentors, registrations
//! (seat kind, status, waitlist, join token), attendance, follow-ups, email outbox and audit log.

pub use sea_orm_migration::prelude::*;

mod m20261124_000001_people;
mod m20261124_000002_programmes;
mod m20261124_000003_sessions;
mod m20261124_000004_registrations;
mod m20261124_000005_follow_ups;
mod m20261124_000006_outbox_audit;
mod m20261125_000007_people_links;
mod m20261125_000008_mail_delivery;
mod m20261201_000009_outbox_claim;
mod m20261201_000010_report_indexes;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261124_000001_people::Migration),
            Box::new(m20261124_000002_programmes::Migration),
            Box::new(m20261124_000003_sessions::Migration),
            Box::new(m20261124_000004_registrations::Migration),
            Box::new(m20261124_000005_follow_ups::Migration),
            Box::new(m20261124_000006_outbox_audit::Migration),
            Box::new(m20261125_000007_people_links::Migration),
            Box::new(m20261125_000008_mail_delivery::Migration),
            Box::new(m20261201_000009_outbox_claim::Migration),
            Box::new(m20261201_000010_report_indexes::Migration),
        ]
    }
}

/// A foreign key from `from.col` to `to.id`.
pub(crate) fn fk(
    from: impl IntoIden + 'static,
    col: impl IntoIden + 'static,
    to: impl IntoIden + 'static,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from, col)
        .to(to, Alias::new("id"))
        .on_delete(on_delete)
        .to_owned()
}

/// An index named `idx_<table>_<cols>`.
pub(crate) fn index(table: &str, cols: &[&str], unique: bool) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(format!("idx_{table}_{}", cols.join("_")))
        .table(Alias::new(table));
    for c in cols {
        i.col(Alias::new(*c));
    }
    if unique {
        i.unique();
    }
    i.to_owned()
}
