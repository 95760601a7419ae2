//! Admin: the audit log.

use bimtek::domain::AuditEntry;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::ctx;
use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub page: u64,
    pub has_older: bool,
}

#[server(endpoint = "list_audit")]
pub async fn list_audit(page: u64) -> Result<AuditPage, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    let (entries, has_older) = bimtek::services::audit::list(&svc, actor.as_ref(), page).await?;
    Ok(AuditPage {
        entries,
        page,
        has_older,
    })
}
