//! Email preferences (from a signed link) and a session's delivery log.

use bimtek::domain::mail::{DeliveryLog, EmailPrefs};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;
use crate::error::AppError;

#[server(endpoint = "get_email_prefs")]
pub async fn get_email_prefs(p: i64, t: String) -> Result<EmailPrefs, AppError> {
    let svc = ctx::services()?;
    Ok(bimtek::services::mail_admin::preferences(&svc, p, &t).await?)
}

#[server(endpoint = "get_delivery_log")]
pub async fn get_delivery_log(id: i64) -> Result<DeliveryLog, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    Ok(bimtek::services::mail_admin::delivery_log(
        &svc,
        actor.as_ref(),
        bimtek::domain::SessionId(id),
    )
    .await?)
}
