//! Indexes for the attendance reports and the programme dashboard: follow-ups are counted per
//! programme through the session they are linked to, and a person's role is looked up per
//! registration (`EXISTS … person_roles WHERE person_id = … AND role = …`).

use crate::index;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(index("follow_ups", &["session_id"], false))
            .await?;
        m.create_index(index("person_roles", &["person_id", "role"], false))
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (table, name) in [
            ("follow_ups", "idx_follow_ups_session_id"),
            ("person_roles", "idx_person_roles_person_id_role"),
        ] {
            m.drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
