//! The Bimtek server: the axum router around the Leptos app, the plain-form handlers, and the
//! processes (`serve`, mail worker) that the `bimtek` binary starts.

pub mod attendance_forms;
pub mod export;
pub mod follow_up_forms;
pub mod forms;
pub mod mail_forms;
pub mod people_forms;
pub mod registration_forms;
pub mod report_forms;
pub mod router;
pub mod run;
pub mod security;
pub mod session_forms;

use axum::extract::FromRef;
use bimtek::config::Config;
use bimtek::services::Services;
use leptos::config::LeptosOptions;

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub leptos: LeptosOptions,
    pub services: Services,
    pub config: Config,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(s: &AppState) -> Self {
        s.leptos.clone()
    }
}
