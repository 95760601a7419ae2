//! Reading the audit log: admins only, newest first, a page at a time.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use super::{ServiceError, Services, require};
use crate::auth::Actor;
use crate::domain::AuditEntry;
use crate::store::entities::{audit_log, person};

pub const PAGE_SIZE: u64 = 50;
const MAX_PAGE: u64 = 10_000_000;

/// One page (0-based) of entries and whether an older page exists.
pub async fn list(
    svc: &Services,
    actor: Option<&Actor>,
    page: u64,
) -> Result<(Vec<AuditEntry>, bool), ServiceError> {
    let actor = require(actor)?;
    if !actor.is_admin() {
        return Err(ServiceError::Forbidden);
    }
    // Far beyond any real log; keeps OFFSET arithmetic from overflowing.
    if page > MAX_PAGE {
        return Err(ServiceError::BadRequest("page"));
    }
    let pages = audit_log::Entity::find()
        .order_by_desc(audit_log::Column::Id)
        .paginate(&svc.db, PAGE_SIZE);
    let rows = pages.fetch_page(page).await?;
    let more = page + 1 < pages.num_pages().await?;
    let mut ids: Vec<i64> = rows.iter().filter_map(|r| r.actor_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let names: HashMap<i64, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .all(&svc.db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.full_name))
        .collect();
    let entries = rows
        .into_iter()
        .map(|r| AuditEntry {
            id: r.id,
            at: r.created_at,
            actor: r.actor_id.and_then(|id| names.get(&id).cloned()),
            action: r.action,
            entity: r.entity,
            entity_id: r.entity_id,
            before: r.before_json,
            after: r.after_json,
        })
        .collect();
    Ok((entries, more))
}
