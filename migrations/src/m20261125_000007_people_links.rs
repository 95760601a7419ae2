//! Who registered a participant (their coordinator relays mail to people without email), and which
//! person a login session belongs to (a password reset ends that person's other sessions).
//!
//! Plain columns with indexes and no foreign-key constraint: SQLite cannot drop a column that a
//! constraint uses, and both are only ever looked up, never joined for integrity. People are not
//! deleted in Bimtek (they are deactivated), so neither column dangles in practice.

use crate::index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum People {
    Table,
    RegisteredBy,
}

#[derive(DeriveIden)]
enum AuthSessions {
    Table,
    PersonId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(People::Table)
                .add_column(big_integer_null(People::RegisteredBy))
                .to_owned(),
        )
        .await?;
        m.create_index(index("people", &["registered_by"], false))
            .await?;
        m.create_index(index("people", &["phone"], false)).await?;
        m.create_index(index("people", &["nik"], false)).await?;
        m.alter_table(
            Table::alter()
                .table(AuthSessions::Table)
                .add_column(big_integer_null(AuthSessions::PersonId))
                .to_owned(),
        )
        .await?;
        m.create_index(index("auth_sessions", &["person_id"], false))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (table, col) in [
            ("auth_sessions", "person_id"),
            ("people", "nik"),
            ("people", "phone"),
            ("people", "registered_by"),
        ] {
            m.drop_index(
                Index::drop()
                    .name(format!("idx_{table}_{col}"))
                    .table(Alias::new(table))
                    .to_owned(),
            )
            .await?;
        }
        m.alter_table(
            Table::alter()
                .table(AuthSessions::Table)
                .drop_column(AuthSessions::PersonId)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(People::Table)
                .drop_column(People::RegisteredBy)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
