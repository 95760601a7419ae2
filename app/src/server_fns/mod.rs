//! Server functions, one file per area. Each is thin: get the services and the caller, call one
//! `bimtek::services` function, map the error. No SQL here.

pub mod admin;
pub mod attendance;
pub mod auth;
#[cfg(feature = "ssr")]
pub mod ctx;
pub mod follow_ups;
pub mod mail;
pub mod people;
pub mod programmes;
pub mod registrations;
pub mod reports;
pub mod sessions;

use bimtek::domain::FieldErrors;
use serde::{Deserialize, Serialize};

/// A form as it was posted without JavaScript, with what was wrong: the page renders it back so
/// nothing typed is lost. Reaches the browser through a resource, so hydration sees it too.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submitted<T> {
    pub form: T,
    pub errors: FieldErrors,
    /// The whole-form message (e.g. "please log in"), when there is one.
    pub error: Option<crate::error::AppError>,
}
