use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "follow_ups")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub business_id: i64,
    pub mentor_id: i64,
    pub session_id: Option<i64>,
    /// visit | call
    pub kind: String,
    pub discussed: String,
    /// Rupiah per month.
    pub monthly_revenue: Option<i64>,
    pub packaging_improved: Option<bool>,
    pub selling_online: Option<bool>,
    pub next_action: Option<String>,
    pub next_action_due: Option<Date>,
    pub next_action_done_at: Option<DateTimeUtc>,
    pub contacted_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
