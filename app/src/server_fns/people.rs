//! People and roles: the admin's directory, the coordinator's participants, and each role's home.

use bimtek::domain::directory::{CoordinatorHome, PeoplePage, PersonDetail};
use bimtek::domain::{MySession, SessionSummary};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::ctx;
use crate::error::AppError;

#[server(endpoint = "list_people")]
pub async fn list_people(query: String, page: u64) -> Result<PeoplePage, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    Ok(bimtek::services::people::list(&svc, actor.as_ref(), &query, page).await?)
}

#[server(endpoint = "get_person")]
pub async fn get_person(id: i64) -> Result<PersonDetail, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    Ok(bimtek::services::people::get(&svc, actor.as_ref(), id).await?)
}

#[server(endpoint = "get_coordinator_home")]
pub async fn get_coordinator_home() -> Result<CoordinatorHome, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    Ok(bimtek::services::participants::coordinator_home(&svc, actor.as_ref()).await?)
}

#[server(endpoint = "list_mentor_sessions")]
pub async fn list_mentor_sessions() -> Result<Vec<SessionSummary>, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    let now = chrono::Utc::now();
    Ok(bimtek::services::sessions::mentor_upcoming(&svc, actor.as_ref(), now).await?)
}

#[server(endpoint = "list_my_sessions")]
pub async fn list_my_sessions() -> Result<Vec<MySession>, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    let now = chrono::Utc::now();
    Ok(bimtek::services::sessions::my_upcoming(&svc, actor.as_ref(), now).await?)
}

/// The "log in with a personal code" form (a plain form: the server answers it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CodeLoginForm {
    pub code: String,
}
