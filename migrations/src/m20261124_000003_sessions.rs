//! Sessions (in person / online / hybrid, separate room and online capacity), series, speakers,
//! mentors and who may register.

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SessionSeries {
    Table,
    Id,
    ProgrammeId,
    Recurrence,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    ProgrammeId,
    SeriesId,
    Title,
    Description,
    Mode,
    Status,
    RegionId,
    Timezone,
    StartsAt,
    EndsAt,
    Venue,
    MeetingUrl,
    RoomCapacity,
    OnlineCapacity,
    RegistrationOpensAt,
    RegistrationClosesAt,
    AllowWalkIns,
    ReminderOffsetsMinutes,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SessionSpeakers {
    Table,
    Id,
    SessionId,
    Name,
    Affiliation,
    Position,
}

#[derive(DeriveIden)]
enum SessionMentors {
    Table,
    SessionId,
    PersonId,
}

#[derive(DeriveIden)]
enum SessionEligibility {
    Table,
    Id,
    SessionId,
    Role,
    RegionId,
}

#[derive(DeriveIden)]
enum Programmes {
    Table,
}

#[derive(DeriveIden)]
enum People {
    Table,
}

#[derive(DeriveIden)]
enum Regions {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(SessionSeries::Table)
                .col(big_pk_auto(SessionSeries::Id))
                .col(big_integer(SessionSeries::ProgrammeId))
                // weekly:N | biweekly:N | dates
                .col(string_len(SessionSeries::Recurrence, 40))
                .col(big_integer_null(SessionSeries::CreatedBy))
                .col(timestamp_with_time_zone(SessionSeries::CreatedAt))
                .foreign_key(&mut fk(
                    SessionSeries::Table,
                    SessionSeries::ProgrammeId,
                    Programmes::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    SessionSeries::Table,
                    SessionSeries::CreatedBy,
                    People::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Sessions::Table)
                .col(big_pk_auto(Sessions::Id))
                .col(big_integer(Sessions::ProgrammeId))
                .col(big_integer_null(Sessions::SeriesId))
                .col(string_len(Sessions::Title, 200))
                .col(text_null(Sessions::Description))
                // in_person | online | hybrid
                .col(string_len(Sessions::Mode, 20))
                // scheduled | cancelled
                .col(string_len(Sessions::Status, 20).default("scheduled"))
                .col(big_integer(Sessions::RegionId))
                // IANA zone; times are stored in UTC and shown in this zone with its label.
                .col(string_len(Sessions::Timezone, 64))
                .col(timestamp_with_time_zone(Sessions::StartsAt))
                .col(timestamp_with_time_zone(Sessions::EndsAt))
                .col(string_len_null(Sessions::Venue, 300))
                // Shown only to confirmed registrants.
                .col(string_len_null(Sessions::MeetingUrl, 500))
                .col(integer(Sessions::RoomCapacity).default(0))
                .col(integer(Sessions::OnlineCapacity).default(0))
                .col(timestamp_with_time_zone_null(Sessions::RegistrationOpensAt))
                .col(timestamp_with_time_zone_null(
                    Sessions::RegistrationClosesAt,
                ))
                .col(boolean(Sessions::AllowWalkIns).default(false))
                // Comma-separated minutes before start; default 1 day and 1 hour.
                .col(string_len(Sessions::ReminderOffsetsMinutes, 100).default("1440,60"))
                // Raised on every change that attendees must hear about (.ics SEQUENCE).
                .col(integer(Sessions::Version).default(0))
                .col(big_integer_null(Sessions::CreatedBy))
                .col(timestamp_with_time_zone(Sessions::CreatedAt))
                .col(timestamp_with_time_zone(Sessions::UpdatedAt))
                .foreign_key(&mut fk(
                    Sessions::Table,
                    Sessions::ProgrammeId,
                    Programmes::Table,
                    ForeignKeyAction::Restrict,
                ))
                .foreign_key(&mut fk(
                    Sessions::Table,
                    Sessions::SeriesId,
                    SessionSeries::Table,
                    ForeignKeyAction::SetNull,
                ))
                .foreign_key(&mut fk(
                    Sessions::Table,
                    Sessions::RegionId,
                    Regions::Table,
                    ForeignKeyAction::Restrict,
                ))
                .foreign_key(&mut fk(
                    Sessions::Table,
                    Sessions::CreatedBy,
                    People::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("sessions", &["starts_at"], false))
            .await?;
        m.create_index(index("sessions", &["programme_id", "starts_at"], false))
            .await?;
        m.create_index(index("sessions", &["region_id", "starts_at"], false))
            .await?;
        m.create_index(index("sessions", &["series_id"], false))
            .await?;

        m.create_table(
            Table::create()
                .table(SessionSpeakers::Table)
                .col(big_pk_auto(SessionSpeakers::Id))
                .col(big_integer(SessionSpeakers::SessionId))
                .col(string_len(SessionSpeakers::Name, 200))
                .col(string_len_null(SessionSpeakers::Affiliation, 200))
                .col(integer(SessionSpeakers::Position).default(0))
                .foreign_key(&mut fk(
                    SessionSpeakers::Table,
                    SessionSpeakers::SessionId,
                    Sessions::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("session_speakers", &["session_id"], false))
            .await?;

        m.create_table(
            Table::create()
                .table(SessionMentors::Table)
                .col(big_integer(SessionMentors::SessionId))
                .col(big_integer(SessionMentors::PersonId))
                .primary_key(
                    Index::create()
                        .col(SessionMentors::SessionId)
                        .col(SessionMentors::PersonId),
                )
                .foreign_key(&mut fk(
                    SessionMentors::Table,
                    SessionMentors::SessionId,
                    Sessions::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    SessionMentors::Table,
                    SessionMentors::PersonId,
                    People::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("session_mentors", &["person_id"], false))
            .await?;

        // Who may register: one row per allowed role and/or region; no rows means everyone invited.
        m.create_table(
            Table::create()
                .table(SessionEligibility::Table)
                .col(big_pk_auto(SessionEligibility::Id))
                .col(big_integer(SessionEligibility::SessionId))
                .col(string_len_null(SessionEligibility::Role, 20))
                .col(big_integer_null(SessionEligibility::RegionId))
                .foreign_key(&mut fk(
                    SessionEligibility::Table,
                    SessionEligibility::SessionId,
                    Sessions::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    SessionEligibility::Table,
                    SessionEligibility::RegionId,
                    Regions::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("session_eligibility", &["session_id"], false))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "session_eligibility",
            "session_mentors",
            "session_speakers",
            "sessions",
            "session_series",
        ] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
