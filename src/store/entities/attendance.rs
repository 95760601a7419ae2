use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attendance")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub session_id: i64,
    pub person_id: i64,
    pub registration_id: Option<i64>,
    /// present | late | excused | absent, set by a mentor; wins over the evidence below.
    pub status: Option<String>,
    pub status_by: Option<i64>,
    pub status_at: Option<DateTimeUtc>,
    pub checked_in_at: Option<DateTimeUtc>,
    pub joined_online_at: Option<DateTimeUtc>,
    pub note: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
