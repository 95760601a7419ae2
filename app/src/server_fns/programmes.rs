//! Programmes: the list and the form's data. Saving is a plain form answered by the server
//! (`server/src/programme_forms.rs`): the regions are ticked boxes, a repeated field.

use bimtek::domain::programme::{ProgrammeFormData, ProgrammeSummary};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::ctx;
use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeList {
    pub programmes: Vec<ProgrammeSummary>,
    pub may_create: bool,
}

#[server(endpoint = "list_programmes")]
pub async fn list_programmes() -> Result<ProgrammeList, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    let programmes = bimtek::services::programmes::list(&svc, actor.as_ref()).await?;
    Ok(ProgrammeList {
        programmes,
        may_create: actor
            .as_ref()
            .is_some_and(bimtek::services::programmes::may_create),
    })
}

#[server(endpoint = "get_programme_form")]
pub async fn get_programme_form(id: Option<i64>) -> Result<ProgrammeFormData, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    Ok(bimtek::services::programmes::form_data(
        &svc,
        actor.as_ref(),
        id.map(bimtek::domain::ProgrammeId),
    )
    .await?)
}
