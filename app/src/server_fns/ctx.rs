//! Server-side request context: the services and the caller.

use bimtek::auth::{Actor, SESSION_PERSON_KEY};
use bimtek::domain::PersonId;
use bimtek::services::{self, Services};
use leptos::prelude::*;
use tower_sessions::Session;

use crate::error::AppError;

pub fn services() -> Result<Services, AppError> {
    use_context::<Services>().ok_or_else(|| {
        tracing::error!("Services missing from the Leptos context");
        AppError::Internal
    })
}

pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(|e| {
        tracing::error!(error = ?e, "no login session layer");
        AppError::Internal
    })
}

/// The logged-in person, freshly loaded (roles may have changed since login), or `None`.
pub async fn actor() -> Result<Option<Actor>, AppError> {
    let svc = services()?;
    let session = session().await?;
    actor_of(&svc, &session).await
}

pub async fn actor_of(svc: &Services, session: &Session) -> Result<Option<Actor>, AppError> {
    let id: Option<i64> = session.get(SESSION_PERSON_KEY).await.map_err(|e| {
        tracing::error!(error = %e, "login session store failed");
        AppError::Internal
    })?;
    match id {
        Some(id) => Ok(services::auth::load_actor(svc, PersonId(id)).await?),
        None => Ok(None),
    }
}

/// Binds the session to the person, with a new session id (no session fixation).
pub async fn log_in(session: &Session, actor: &Actor) -> Result<(), AppError> {
    let fail = |e: tower_sessions::session::Error| {
        tracing::error!(error = %e, "login session store failed");
        AppError::Internal
    };
    session.cycle_id().await.map_err(fail)?;
    session
        .insert(SESSION_PERSON_KEY, actor.person_id.0)
        .await
        .map_err(fail)
}

/// The client's address as the server decided it (peer, or from a trusted proxy's header).
pub async fn client_ip() -> Option<std::net::IpAddr> {
    leptos_axum::extract::<axum::Extension<bimtek::auth::limits::ClientIp>>()
        .await
        .ok()
        .map(|axum::Extension(c)| c.0)
}
