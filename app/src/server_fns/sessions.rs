//! Sessions: list, form options, create, test invitation.

use bimtek::domain::{SessionForm, SessionFormOptions, SessionId, SessionSummary};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::ctx;
use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionList {
    pub sessions: Vec<SessionSummary>,
    /// Random per page load; with the session id it keys the test-invitation form, so a double
    /// submit of one form sends one email.
    pub form_key: String,
}

#[server(endpoint = "list_sessions")]
pub async fn list_sessions() -> Result<SessionList, AppError> {
    let svc = ctx::services()?;
    // Public and the same for everyone: no need to load the caller on the busiest page.
    let sessions = bimtek::services::sessions::list_upcoming(&svc, chrono::Utc::now()).await?;
    Ok(SessionList {
        sessions,
        form_key: bimtek::auth::random_hex(8),
    })
}

#[server(endpoint = "get_session_form_options")]
pub async fn get_session_form_options() -> Result<SessionFormOptions, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    Ok(bimtek::services::sessions::form_options(&svc, actor.as_ref()).await?)
}

#[server(endpoint = "create_session")]
pub async fn create_session(#[server(flatten)] form: SessionForm) -> Result<SessionId, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    Ok(bimtek::services::sessions::create(&svc, actor.as_ref(), &form, chrono::Utc::now()).await?)
}

/// The test-invitation form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TestInvitationForm {
    pub session_id: String,
    pub key: String,
}

/// Returns true if queued now, false if this form was already submitted.
#[server(endpoint = "send_test_invitation")]
pub async fn send_test_invitation(
    #[server(flatten)] form: TestInvitationForm,
) -> Result<bool, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    let id: SessionId = form
        .session_id
        .parse()
        .map_err(|_| AppError::BadRequest.respond())?;
    let outcome =
        bimtek::services::sessions::send_test_invitation(&svc, actor.as_ref(), id, &form.key)
            .await?;
    Ok(outcome == bimtek::services::sessions::TestInvitation::Queued)
}
