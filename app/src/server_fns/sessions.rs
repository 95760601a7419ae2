//! Sessions: list, form options, create, test invitation.

use bimtek::domain::{
    FilterChoices, SessionFilterForm, SessionForm, SessionFormOptions, SessionId, SessionSummary,
    Zone,
};
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
    pub choices: FilterChoices,
    /// The zone times are shown in: chosen in the filter, else the caller's region's; `None`:
    /// each session's own.
    pub viewer_zone: Option<Zone>,
}

#[server(endpoint = "list_sessions")]
pub async fn list_sessions(
    #[server(flatten)] filter: SessionFilterForm,
) -> Result<SessionList, AppError> {
    use bimtek::services::sessions;
    let svc = ctx::services()?;
    let f = filter.parse();
    let viewer_zone = match f.zone {
        Some(z) => Some(z),
        None => {
            let actor = ctx::actor().await?;
            sessions::viewer_zone(&svc, actor.as_ref()).await?
        }
    };
    let list = sessions::list_upcoming(&svc, &f, chrono::Utc::now()).await?;
    Ok(SessionList {
        sessions: list,
        form_key: bimtek::auth::random_hex(8),
        choices: sessions::filter_choices(&svc).await?,
        viewer_zone,
    })
}

/// The new-session form: the choices, and (`from` = a session id) the values of the session to
/// copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSessionData {
    pub options: SessionFormOptions,
    pub copy: Option<SessionForm>,
}

#[server(endpoint = "get_new_session_form")]
pub async fn get_new_session_form(from: Option<i64>) -> Result<NewSessionData, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    let options = bimtek::services::sessions::form_options(&svc, actor.as_ref()).await?;
    let copy = match from {
        Some(id) => Some(
            bimtek::services::session_admin::duplicate_form(
                &svc,
                actor.as_ref(),
                SessionId(id),
                chrono::Utc::now(),
            )
            .await?,
        ),
        None => None,
    };
    Ok(NewSessionData { options, copy })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditSessionData {
    pub options: SessionFormOptions,
    pub edit: bimtek::domain::EditData,
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

#[server(endpoint = "get_edit_session_form")]
pub async fn get_edit_session_form(id: i64) -> Result<EditSessionData, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    let now = chrono::Utc::now();
    let edit = bimtek::services::session_admin::edit_data(&svc, actor.as_ref(), SessionId(id), now)
        .await?;
    let options = bimtek::services::sessions::form_options(&svc, actor.as_ref()).await?;
    Ok(EditSessionData { options, edit })
}

/// Cancelling a session: an optional reason, and (in a series) whether the later ones go too.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CancelSessionForm {
    pub reason: String,
    pub scope: String,
}

/// A mentor to assign.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MentorForm {
    pub mentor_id: String,
}
