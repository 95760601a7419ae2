//! The mentor's caseload and a participant's follow-up page (read here). Saving the business,
//! recording a visit or call and closing a next action are plain forms answered by the server
//! (`server/src/follow_up_forms.rs`).

use bimtek::domain::follow_up::{CaseloadRow, FollowUpPage};
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::ctx;
use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caseload {
    pub rows: Vec<CaseloadRow>,
    /// Today in the mentor's zone: what "overdue" is measured against.
    pub today: NaiveDate,
    pub zone: bimtek::domain::Zone,
}

#[server(endpoint = "get_caseload")]
pub async fn get_caseload() -> Result<Caseload, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    let (rows, today, zone) =
        bimtek::services::follow_ups::caseload(&svc, actor.as_ref(), chrono::Utc::now()).await?;
    Ok(Caseload { rows, today, zone })
}

#[server(endpoint = "get_follow_up")]
pub async fn get_follow_up(id: i64) -> Result<FollowUpPage, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    Ok(bimtek::services::follow_ups::page(
        &svc,
        actor.as_ref(),
        bimtek::domain::PersonId(id),
        chrono::Utc::now(),
    )
    .await?)
}

/// "Mark done" on the open next action.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DoneForm {
    pub follow_up: String,
}
