use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "registrations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub session_id: i64,
    pub person_id: i64,
    /// room | online
    pub seat_kind: String,
    /// invited | confirmed | waitlisted | cancelled
    pub status: String,
    pub waitlist_position: Option<i64>,
    #[sea_orm(unique)]
    pub join_token_hash: Option<String>,
    pub invited_by: Option<i64>,
    pub registered_at: DateTimeUtc,
    pub promoted_at: Option<DateTimeUtc>,
    pub cancelled_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
