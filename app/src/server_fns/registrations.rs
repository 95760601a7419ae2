//! The session page and the organiser's roster. Registering, cancelling, joining and inviting are
//! plain forms and links answered by the server (`server/src/registration_forms.rs`).

use bimtek::domain::{Roster, SessionDetail};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::ctx;
use crate::error::AppError;

#[server(endpoint = "get_session_detail")]
pub async fn get_session_detail(id: i64) -> Result<SessionDetail, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    let now = chrono::Utc::now();
    Ok(bimtek::services::registrations::detail(
        &svc,
        actor.as_ref(),
        bimtek::domain::SessionId(id),
        now,
    )
    .await?)
}

#[server(endpoint = "get_roster")]
pub async fn get_roster(id: i64) -> Result<Roster, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    Ok(
        bimtek::services::registrations::roster(
            &svc,
            actor.as_ref(),
            bimtek::domain::SessionId(id),
        )
        .await?,
    )
}

/// The register form: which seat (only asked in a hybrid session).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegisterForm {
    pub seat: String,
}

/// The bulk-invitation form: CSV text (pasted, or read from the chosen file by the server).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub csv: String,
}
