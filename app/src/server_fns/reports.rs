//! Attendance reports, certificates and the programme dashboard (read only). The CSV and XLSX
//! downloads are plain GET routes answered by the server (`server/src/report_forms.rs`).

use bimtek::domain::report::{Certificates, DashboardOverview, ProgrammeDashboard, SessionReport};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;
use crate::error::AppError;

#[server(endpoint = "get_session_report")]
pub async fn get_session_report(id: i64) -> Result<SessionReport, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    Ok(bimtek::services::reports::session_report(
        &svc,
        actor.as_ref(),
        bimtek::domain::SessionId(id),
        chrono::Utc::now(),
    )
    .await?)
}

/// Every certificate of a session (organisers and mentors), or only the caller's own.
#[server(endpoint = "get_certificates")]
pub async fn get_certificates(id: i64, mine: bool) -> Result<Certificates, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    let id = bimtek::domain::SessionId(id);
    let now = chrono::Utc::now();
    Ok(if mine {
        bimtek::services::reports::my_certificate(&svc, actor.as_ref(), id, now).await?
    } else {
        bimtek::services::reports::certificates(&svc, actor.as_ref(), id, now).await?
    })
}

#[server(endpoint = "get_dashboard_overview")]
pub async fn get_dashboard_overview() -> Result<DashboardOverview, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    Ok(bimtek::services::reports::overview(&svc, actor.as_ref(), chrono::Utc::now()).await?)
}

#[server(endpoint = "get_programme_dashboard")]
pub async fn get_programme_dashboard(id: i64) -> Result<ProgrammeDashboard, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    Ok(bimtek::services::reports::dashboard(
        &svc,
        actor.as_ref(),
        bimtek::domain::ProgrammeId(id),
        chrono::Utc::now(),
    )
    .await?)
}

/// The sessions the caller attended, each with a certificate.
#[server(endpoint = "list_my_certificates")]
pub async fn list_my_certificates() -> Result<Vec<bimtek::domain::SessionSummary>, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    Ok(bimtek::services::reports::my_attended(&svc, actor.as_ref(), chrono::Utc::now()).await?)
}
