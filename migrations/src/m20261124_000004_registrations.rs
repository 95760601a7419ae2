//! Registrations (seat kind, status, waitlist position, personal join token) and attendance
//! (one row per person per session, merging roll call, QR check-in and online join).

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Registrations {
    Table,
    Id,
    SessionId,
    PersonId,
    SeatKind,
    Status,
    WaitlistPosition,
    JoinTokenHash,
    InvitedBy,
    RegisteredAt,
    PromotedAt,
    CancelledAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Attendance {
    Table,
    Id,
    SessionId,
    PersonId,
    RegistrationId,
    Status,
    StatusBy,
    StatusAt,
    CheckedInAt,
    JoinedOnlineAt,
    Note,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
}

#[derive(DeriveIden)]
enum People {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Registrations::Table)
                .col(big_pk_auto(Registrations::Id))
                .col(big_integer(Registrations::SessionId))
                .col(big_integer(Registrations::PersonId))
                // room | online
                .col(string_len(Registrations::SeatKind, 10))
                // invited | confirmed | waitlisted | cancelled
                .col(string_len(Registrations::Status, 20))
                // Order within the waitlist of one seat kind; NULL unless waitlisted.
                .col(big_integer_null(Registrations::WaitlistPosition))
                // SHA-256 of the personal `/j/<token>` link.
                .col(string_len_null(Registrations::JoinTokenHash, 64).unique_key())
                .col(big_integer_null(Registrations::InvitedBy))
                .col(timestamp_with_time_zone(Registrations::RegisteredAt))
                .col(timestamp_with_time_zone_null(Registrations::PromotedAt))
                .col(timestamp_with_time_zone_null(Registrations::CancelledAt))
                .col(timestamp_with_time_zone(Registrations::UpdatedAt))
                .foreign_key(&mut fk(
                    Registrations::Table,
                    Registrations::SessionId,
                    Sessions::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    Registrations::Table,
                    Registrations::PersonId,
                    People::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    Registrations::Table,
                    Registrations::InvitedBy,
                    People::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("registrations", &["session_id", "person_id"], true))
            .await?;
        m.create_index(index(
            "registrations",
            &["session_id", "seat_kind", "status", "waitlist_position"],
            false,
        ))
        .await?;
        m.create_index(index("registrations", &["person_id"], false))
            .await?;

        m.create_table(
            Table::create()
                .table(Attendance::Table)
                .col(big_pk_auto(Attendance::Id))
                .col(big_integer(Attendance::SessionId))
                .col(big_integer(Attendance::PersonId))
                .col(big_integer_null(Attendance::RegistrationId))
                // The mentor's explicit status wins over evidence: present | late | excused | absent.
                .col(string_len_null(Attendance::Status, 20))
                .col(big_integer_null(Attendance::StatusBy))
                .col(timestamp_with_time_zone_null(Attendance::StatusAt))
                // Evidence: QR self check-in and online join through the personal link.
                .col(timestamp_with_time_zone_null(Attendance::CheckedInAt))
                .col(timestamp_with_time_zone_null(Attendance::JoinedOnlineAt))
                .col(text_null(Attendance::Note))
                .col(timestamp_with_time_zone(Attendance::UpdatedAt))
                .foreign_key(&mut fk(
                    Attendance::Table,
                    Attendance::SessionId,
                    Sessions::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    Attendance::Table,
                    Attendance::PersonId,
                    People::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    Attendance::Table,
                    Attendance::RegistrationId,
                    Registrations::Table,
                    ForeignKeyAction::SetNull,
                ))
                .foreign_key(&mut fk(
                    Attendance::Table,
                    Attendance::StatusBy,
                    People::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("attendance", &["session_id", "person_id"], true))
            .await?;
        m.create_index(index("attendance", &["person_id"], false))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["attendance", "registrations"] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
