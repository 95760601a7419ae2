//! The audit log: who did what, when, with the state before and after.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};
use serde::Serialize;

use super::entities::audit_log;

pub struct Entry<'a> {
    pub actor_id: Option<i64>,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<i64>,
}

/// Writes one row, inside the caller's transaction so the change and its record land together.
pub async fn record<C: ConnectionTrait>(
    conn: &C,
    e: Entry<'_>,
    before: Option<&impl Serialize>,
    after: Option<&impl Serialize>,
) -> Result<(), DbErr> {
    audit_log::ActiveModel {
        actor_id: Set(e.actor_id),
        action: Set(e.action.to_owned()),
        entity: Set(e.entity.to_owned()),
        entity_id: Set(e.entity_id),
        before_json: Set(before.and_then(|v| serde_json::to_string(v).ok())),
        after_json: Set(after.and_then(|v| serde_json::to_string(v).ok())),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}
