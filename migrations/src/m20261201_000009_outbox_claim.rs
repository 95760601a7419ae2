//! The worker claims the due rows in order, `ORDER BY run_at, id`. A fan-out enqueues hundreds of
//! thousands of rows with the same `run_at`, so an index on `(status, run_at)` alone left the
//! database sorting all of them for every batch of 64; `(status, run_at, id)` hands them over
//! in order.

use crate::index;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const OLD: &str = "idx_email_outbox_status_run_at";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(index("email_outbox", &["status", "run_at", "id"], false))
            .await?;
        m.drop_index(
            Index::drop()
                .name(OLD)
                .table(Alias::new("email_outbox"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(index("email_outbox", &["status", "run_at"], false))
            .await?;
        m.drop_index(
            Index::drop()
                .name("idx_email_outbox_status_run_at_id")
                .table(Alias::new("email_outbox"))
                .to_owned(),
        )
        .await
    }
}
