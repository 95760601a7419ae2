//! The email outbox (enqueued in the same transaction as the change that causes the mail) and the
//! audit log (who, when, what, before and after).

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum EmailOutbox {
    Table,
    Id,
    IdempotencyKey,
    Kind,
    SessionId,
    RecipientPersonId,
    ToAddress,
    Subject,
    BodyText,
    BodyHtml,
    Ics,
    MessageId,
    Status,
    Attempts,
    RunAt,
    LockedUntil,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    ActorId,
    Action,
    Entity,
    EntityId,
    BeforeJson,
    AfterJson,
    CreatedAt,
}

#[derive(DeriveIden)]
enum People {
    Table,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(EmailOutbox::Table)
                .col(big_pk_auto(EmailOutbox::Id))
                // kind + session + recipient + version: a retry or double submit enqueues once.
                .col(string_len_uniq(EmailOutbox::IdempotencyKey, 200))
                .col(string_len(EmailOutbox::Kind, 40))
                .col(big_integer_null(EmailOutbox::SessionId))
                .col(big_integer_null(EmailOutbox::RecipientPersonId))
                .col(string_len(EmailOutbox::ToAddress, 254))
                .col(string_len(EmailOutbox::Subject, 300))
                .col(text(EmailOutbox::BodyText))
                .col(text(EmailOutbox::BodyHtml))
                .col(text_null(EmailOutbox::Ics))
                // Fixed at enqueue time, so a resend after a crash carries the same Message-ID.
                .col(string_len_uniq(EmailOutbox::MessageId, 200))
                // queued | sending | sent | failed
                .col(string_len(EmailOutbox::Status, 20).default("queued"))
                .col(integer(EmailOutbox::Attempts).default(0))
                .col(timestamp_with_time_zone(EmailOutbox::RunAt))
                .col(timestamp_with_time_zone_null(EmailOutbox::LockedUntil))
                .col(text_null(EmailOutbox::LastError))
                .col(timestamp_with_time_zone(EmailOutbox::CreatedAt))
                .col(timestamp_with_time_zone_null(EmailOutbox::SentAt))
                .foreign_key(&mut fk(
                    EmailOutbox::Table,
                    EmailOutbox::SessionId,
                    Sessions::Table,
                    ForeignKeyAction::SetNull,
                ))
                .foreign_key(&mut fk(
                    EmailOutbox::Table,
                    EmailOutbox::RecipientPersonId,
                    People::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("email_outbox", &["status", "run_at"], false))
            .await?;
        m.create_index(index("email_outbox", &["session_id", "status"], false))
            .await?;

        m.create_table(
            Table::create()
                .table(AuditLog::Table)
                .col(big_pk_auto(AuditLog::Id))
                .col(big_integer_null(AuditLog::ActorId))
                .col(string_len(AuditLog::Action, 60))
                .col(string_len(AuditLog::Entity, 40))
                .col(big_integer_null(AuditLog::EntityId))
                .col(text_null(AuditLog::BeforeJson))
                .col(text_null(AuditLog::AfterJson))
                .col(timestamp_with_time_zone(AuditLog::CreatedAt))
                .foreign_key(&mut fk(
                    AuditLog::Table,
                    AuditLog::ActorId,
                    People::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("audit_log", &["entity", "entity_id"], false))
            .await?;
        m.create_index(index("audit_log", &["created_at"], false))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["audit_log", "email_outbox"] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
