use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "people")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub full_name: String,
    #[sea_orm(unique)]
    pub email: Option<String>,
    pub phone: Option<String>,
    pub nik: Option<String>,
    pub region_id: Option<i64>,
    pub lang: String,
    pub password_hash: Option<String>,
    #[sea_orm(unique)]
    pub personal_code_hash: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The coordinator who registered this participant (relays their mail when they have none).
    pub registered_by: Option<i64>,
    /// Agreed to reminders before sessions (the preferences page and one-click unsubscribe).
    pub email_reminders: bool,
    /// Agreed to invitations to new sessions.
    pub email_invitations: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
