//! Programmes with a track, a period, regions and measurable targets.

use crate::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Programmes {
    Table,
    Id,
    Name,
    Description,
    Track,
    StartsOn,
    EndsOn,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ProgrammeRegions {
    Table,
    ProgrammeId,
    RegionId,
}

#[derive(DeriveIden)]
enum ProgrammeTargets {
    Table,
    Id,
    ProgrammeId,
    Metric,
    TargetValue,
    RegionId,
    CreatedAt,
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
                .table(Programmes::Table)
                .col(big_pk_auto(Programmes::Id))
                .col(string_len(Programmes::Name, 200))
                .col(text_null(Programmes::Description))
                // pembibitan | mentoring | inkubasi
                .col(string_len(Programmes::Track, 20))
                .col(date(Programmes::StartsOn))
                .col(date(Programmes::EndsOn))
                .col(big_integer_null(Programmes::CreatedBy))
                .col(timestamp_with_time_zone(Programmes::CreatedAt))
                .col(timestamp_with_time_zone(Programmes::UpdatedAt))
                .foreign_key(&mut fk(
                    Programmes::Table,
                    Programmes::CreatedBy,
                    People::Table,
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ProgrammeRegions::Table)
                .col(big_integer(ProgrammeRegions::ProgrammeId))
                .col(big_integer(ProgrammeRegions::RegionId))
                .primary_key(
                    Index::create()
                        .col(ProgrammeRegions::ProgrammeId)
                        .col(ProgrammeRegions::RegionId),
                )
                .foreign_key(&mut fk(
                    ProgrammeRegions::Table,
                    ProgrammeRegions::ProgrammeId,
                    Programmes::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    ProgrammeRegions::Table,
                    ProgrammeRegions::RegionId,
                    Regions::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;

        // "Every programme must have a target": kpm_trained, sessions_held, attendance_rate (basis
        // points), follow_ups_done, businesses_progressing; optionally per region.
        m.create_table(
            Table::create()
                .table(ProgrammeTargets::Table)
                .col(big_pk_auto(ProgrammeTargets::Id))
                .col(big_integer(ProgrammeTargets::ProgrammeId))
                .col(string_len(ProgrammeTargets::Metric, 40))
                .col(big_integer(ProgrammeTargets::TargetValue))
                .col(big_integer_null(ProgrammeTargets::RegionId))
                .col(timestamp_with_time_zone(ProgrammeTargets::CreatedAt))
                .foreign_key(&mut fk(
                    ProgrammeTargets::Table,
                    ProgrammeTargets::ProgrammeId,
                    Programmes::Table,
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut fk(
                    ProgrammeTargets::Table,
                    ProgrammeTargets::RegionId,
                    Regions::Table,
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("programme_targets", &["programme_id"], false))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["programme_targets", "programme_regions", "programmes"] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
