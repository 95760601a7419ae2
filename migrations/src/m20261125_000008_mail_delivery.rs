//! Reliable delivery and the recipient's say over reminders.
//!
//! - `email_outbox.accepted_at`: set just before the message is handed to the SMTP server (after
//!   the server said "go ahead" to DATA). A row claimed but never handed over is safe to send
//!   again; a handed-over row is never sent again (see `bimtek::mail::worker`).
//! - `email_outbox.list_unsubscribe`: the one-click preferences link for reminders (RFC 8058).
//! - `people.email_reminders` / `people.email_invitations`: what a person agreed to receive.
//!   Confirmations, changes, cancellations and login links are always sent.
//! - `reminder_runs`: one row per session, reminder offset and start time whose reminders have all
//!   been enqueued, so the sweep does not look at that session again.
//! - `app_settings`: server-wide values shared by every process (the key that signs preference
//!   links), created on first use.

use crate::index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum EmailOutbox {
    Table,
    AcceptedAt,
    ListUnsubscribe,
}

#[derive(DeriveIden)]
enum People {
    Table,
    EmailReminders,
    EmailInvitations,
}

#[derive(DeriveIden)]
enum ReminderRuns {
    Table,
    Id,
    SessionId,
    OffsetMinutes,
    StartsAt,
    Enqueued,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AppSettings {
    Table,
    Key,
    Value,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        m.alter_table(
            Table::alter()
                .table(EmailOutbox::Table)
                .add_column(timestamp_with_time_zone_null(EmailOutbox::AcceptedAt))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(EmailOutbox::Table)
                .add_column(text_null(EmailOutbox::ListUnsubscribe))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(People::Table)
                .add_column(boolean(People::EmailReminders).default(true))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(People::Table)
                .add_column(boolean(People::EmailInvitations).default(true))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ReminderRuns::Table)
                .col(big_pk_auto(ReminderRuns::Id))
                .col(big_integer(ReminderRuns::SessionId))
                .col(integer(ReminderRuns::OffsetMinutes))
                .col(timestamp_with_time_zone(ReminderRuns::StartsAt))
                .col(integer(ReminderRuns::Enqueued))
                .col(timestamp_with_time_zone(ReminderRuns::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "reminder_runs",
            &["session_id", "offset_minutes", "starts_at"],
            true,
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(AppSettings::Table)
                .col(string_len(AppSettings::Key, 60).primary_key())
                .col(text(AppSettings::Value))
                .to_owned(),
        )
        .await?;
        // The delivery log reads one session's rows by recipient.
        m.create_index(index(
            "email_outbox",
            &["session_id", "recipient_person_id"],
            false,
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("idx_email_outbox_session_id_recipient_person_id")
                .table(Alias::new("email_outbox"))
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(AppSettings::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(ReminderRuns::Table).to_owned())
            .await?;
        for col in [People::EmailInvitations, People::EmailReminders] {
            m.alter_table(
                Table::alter()
                    .table(People::Table)
                    .drop_column(col)
                    .to_owned(),
            )
            .await?;
        }
        for col in [EmailOutbox::ListUnsubscribe, EmailOutbox::AcceptedAt] {
            m.alter_table(
                Table::alter()
                    .table(EmailOutbox::Table)
                    .drop_column(col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
