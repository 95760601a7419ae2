//! Participants' businesses and the mentors' follow-ups (visit or call, indicators, next action).

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Businesses {
    Table,
    Id,
    PersonId,
    Name,
    Sector,
    Stage,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum FollowUps {
    Table,
    Id,
    BusinessId,
    MentorId,
    SessionId,
    Kind,
    Discussed,
    MonthlyRevenue,
    PackagingImproved,
    SellingOnline,
    NextAction,
    NextActionDue,
    NextActionDoneAt,
    ContactedAt,
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
                .table(Businesses::Table)
                .col(big_pk_auto(Businesses::Id))
                .col(big_integer(Businesses::PersonId))
                .col(string_len(Businesses::Name, 200))
                // makanan_minuman | kerajinan | barang_seni | fesyen | jasa | ...
                .col(string_len(Businesses::Sector, 40))
                // pembibitan | mentoring | inkubasi (the business's stage, like the tracks)
                .col(string_len(Businesses::Stage, 20))
                .col(timestamp_with_time_zone(Businesses::CreatedAt))
                .col(timestamp_with_time_zone(Businesses::UpdatedAt))
                .foreign_key(&mut fk(
                    Businesses::Table,
                    Businesses::PersonId,
                    People::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("businesses", &["person_id"], false))
            .await?;

        m.create_table(
            Table::create()
                .table(FollowUps::Table)
                .col(big_pk_auto(FollowUps::Id))
                .col(big_integer(FollowUps::BusinessId))
                .col(big_integer(FollowUps::MentorId))
                .col(big_integer_null(FollowUps::SessionId))
                // visit | call
                .col(string_len(FollowUps::Kind, 10))
                .col(text(FollowUps::Discussed))
                // Rupiah, whole.
                .col(big_integer_null(FollowUps::MonthlyRevenue))
                .col(boolean_null(FollowUps::PackagingImproved))
                .col(boolean_null(FollowUps::SellingOnline))
                .col(text_null(FollowUps::NextAction))
                .col(date_null(FollowUps::NextActionDue))
                .col(timestamp_with_time_zone_null(FollowUps::NextActionDoneAt))
                .col(timestamp_with_time_zone(FollowUps::ContactedAt))
                .col(timestamp_with_time_zone(FollowUps::CreatedAt))
                .foreign_key(&mut fk(
                    FollowUps::Table,
                    FollowUps::BusinessId,
                    Businesses::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    FollowUps::Table,
                    FollowUps::MentorId,
                    People::Table,
                    ForeignKeyAction::Restrict,
                ))
                .foreign_key(&mut fk(
                    FollowUps::Table,
                    FollowUps::SessionId,
                    Sessions::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "follow_ups",
            &["mentor_id", "next_action_due"],
            false,
        ))
        .await?;
        m.create_index(index("follow_ups", &["business_id", "contacted_at"], false))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["follow_ups", "businesses"] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
