//! Regions (with their IANA zone), people, role grants, login sessions and one-time tokens.

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Regions {
    Table,
    Id,
    Code,
    Name,
    Level,
    ParentId,
    Timezone,
}

#[derive(DeriveIden)]
enum People {
    Table,
    Id,
    FullName,
    Email,
    Phone,
    Nik,
    RegionId,
    Lang,
    PasswordHash,
    PersonalCodeHash,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PersonRoles {
    Table,
    Id,
    PersonId,
    Role,
    ProgrammeId,
    RegionId,
    GrantedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AuthSessions {
    Table,
    Id,
    Data,
    ExpiryDate,
}

#[derive(DeriveIden)]
enum LoginTokens {
    Table,
    Id,
    PersonId,
    Purpose,
    TokenHash,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Regions::Table)
                .col(big_pk_auto(Regions::Id))
                .col(string_len_uniq(Regions::Code, 32))
                .col(string_len(Regions::Name, 200))
                // provinsi | kabupaten_kota | kecamatan | desa
                .col(string_len(Regions::Level, 20))
                .col(big_integer_null(Regions::ParentId))
                .col(string_len(Regions::Timezone, 64))
                .foreign_key(&mut fk(
                    Regions::Table,
                    Regions::ParentId,
                    Regions::Table,
                    ForeignKeyAction::Restrict,
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(People::Table)
                .col(big_pk_auto(People::Id))
                .col(string_len(People::FullName, 200))
                // Lower-cased; NULL for participants without email (their coordinator relays).
                .col(string_len_null(People::Email, 254).unique_key())
                .col(string_len_null(People::Phone, 32))
                .col(string_len_null(People::Nik, 16))
                .col(big_integer_null(People::RegionId))
                .col(string_len(People::Lang, 8).default("id"))
                .col(string_len_null(People::PasswordHash, 200))
                .col(string_len_null(People::PersonalCodeHash, 64).unique_key())
                .col(timestamp_with_time_zone(People::CreatedAt))
                .col(timestamp_with_time_zone(People::UpdatedAt))
                .foreign_key(&mut fk(
                    People::Table,
                    People::RegionId,
                    Regions::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("people", &["region_id"], false))
            .await?;

        m.create_table(
            Table::create()
                .table(PersonRoles::Table)
                .col(big_pk_auto(PersonRoles::Id))
                .col(big_integer(PersonRoles::PersonId))
                // admin | organiser | mentor | coordinator | participant
                .col(string_len(PersonRoles::Role, 20))
                // Scope: NULL means every programme / region.
                .col(big_integer_null(PersonRoles::ProgrammeId))
                .col(big_integer_null(PersonRoles::RegionId))
                .col(big_integer_null(PersonRoles::GrantedBy))
                .col(timestamp_with_time_zone(PersonRoles::CreatedAt))
                .foreign_key(&mut fk(
                    PersonRoles::Table,
                    PersonRoles::PersonId,
                    People::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    PersonRoles::Table,
                    PersonRoles::RegionId,
                    Regions::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    PersonRoles::Table,
                    PersonRoles::GrantedBy,
                    People::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("person_roles", &["person_id"], false))
            .await?;

        // Server-side login sessions (tower-sessions store), so any process serves any request.
        m.create_table(
            Table::create()
                .table(AuthSessions::Table)
                .col(string_len(AuthSessions::Id, 64).primary_key())
                .col(blob(AuthSessions::Data))
                .col(timestamp_with_time_zone(AuthSessions::ExpiryDate))
                .to_owned(),
        )
        .await?;
        m.create_index(index("auth_sessions", &["expiry_date"], false))
            .await?;

        // One-time login links and password resets; only the SHA-256 of the token is stored.
        m.create_table(
            Table::create()
                .table(LoginTokens::Table)
                .col(big_pk_auto(LoginTokens::Id))
                .col(big_integer(LoginTokens::PersonId))
                .col(string_len(LoginTokens::Purpose, 20))
                .col(string_len_uniq(LoginTokens::TokenHash, 64))
                .col(timestamp_with_time_zone(LoginTokens::ExpiresAt))
                .col(timestamp_with_time_zone_null(LoginTokens::UsedAt))
                .col(timestamp_with_time_zone(LoginTokens::CreatedAt))
                .foreign_key(&mut fk(
                    LoginTokens::Table,
                    LoginTokens::PersonId,
                    People::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "login_tokens",
            "auth_sessions",
            "person_roles",
            "people",
            "regions",
        ] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
