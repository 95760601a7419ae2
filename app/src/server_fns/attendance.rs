//! The mentor's roll call and the check-in screen (read here), and the participant's check-in
//! page. Marking, "mark all present" and checking in are plain forms answered by the server
//! (`server/src/attendance_forms.rs`).

use bimtek::domain::{CheckinScreen, CheckinTarget, RollCall};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::ctx;
use crate::error::AppError;

#[server(endpoint = "get_roll_call")]
pub async fn get_roll_call(id: i64) -> Result<RollCall, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    Ok(bimtek::services::attendance::roll_call(
        &svc,
        actor.as_ref(),
        bimtek::domain::SessionId(id),
        chrono::Utc::now(),
    )
    .await?)
}

/// The check-in screen with its QR code drawn (SVG) on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckinScreenView {
    pub screen: CheckinScreen,
    pub qr_svg: String,
    /// Where to type the code: `<host>/hadir/<id>`.
    pub typed_url: String,
}

#[server(endpoint = "get_checkin_screen")]
pub async fn get_checkin_screen(id: i64) -> Result<CheckinScreenView, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    let screen = bimtek::services::attendance::checkin_screen(
        &svc,
        actor.as_ref(),
        bimtek::domain::SessionId(id),
        chrono::Utc::now(),
    )
    .await?;
    let typed_url = format!("{}/hadir/{id}", svc.base_url)
        .split("://")
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    Ok(CheckinScreenView {
        qr_svg: bimtek::services::participants::qr_svg(&screen.url),
        screen,
        typed_url,
    })
}

/// The session a check-in link points at (public facts only), for the participant's page.
#[server(endpoint = "get_checkin_target")]
pub async fn get_checkin_target(id: i64) -> Result<CheckinTarget, AppError> {
    let svc = ctx::services()?;
    let actor = ctx::actor().await?;
    Ok(bimtek::services::attendance::checkin_target(
        &svc,
        actor.as_ref(),
        bimtek::domain::SessionId(id),
    )
    .await?)
}

/// One tap on the roll call, or a note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MarkForm {
    pub person: String,
    pub mark: String,
    pub note: String,
    /// "1" when the note field was sent (an empty note clears it).
    pub with_note: String,
}

/// The participant's check-in: the code from the QR link or typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckinForm {
    pub code: String,
}
