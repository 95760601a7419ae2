//! Use cases. Each takes the caller (`Option<&Actor>`, `None` = anonymous) first, checks what they
//! may do before touching data, runs in one transaction, and enqueues mail in that transaction.

pub mod attendance;
pub mod audit;
pub mod auth;
pub mod email_links;
pub mod follow_ups;
pub mod invitations;
pub mod mail_admin;
pub mod participants;
pub mod people;
pub mod programmes;
pub mod registrations;
pub mod reminders;
pub mod reports;
pub mod session_admin;
pub mod sessions;

use std::sync::Arc;

use sea_orm::{DatabaseConnection, DbErr};
use tokio::sync::Notify;

use crate::auth::Actor;
use crate::auth::limits::LoginLimits;
use crate::domain::FieldErrors;

/// What every use case needs, cloned cheaply into each request.
#[derive(Clone)]
pub struct Services {
    pub db: DatabaseConnection,
    /// Public base URL for links in emails.
    pub base_url: String,
    /// Wakes the mail worker after a commit that enqueued mail.
    pub mail_wakeup: Arc<Notify>,
    /// Login attempts per client address and per account.
    pub login_limits: Arc<LoginLimits>,
}

impl Services {
    pub fn new(db: DatabaseConnection, base_url: impl Into<String>) -> Self {
        Self {
            db,
            base_url: base_url.into(),
            mail_wakeup: Arc::new(Notify::new()),
            login_limits: Arc::new(LoginLimits::default()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("not logged in")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Malformed request that no honest form sends (forged ids, broken hidden fields).
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// A one-time link that was used, expired or never existed.
    #[error("link no longer valid")]
    Gone,
    /// Too many attempts; the caller may try again after this many seconds.
    #[error("rate limited for {0} s")]
    RateLimited(u64),
    #[error("invalid input: {0}")]
    Invalid(FieldErrors),
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    #[error("internal error: {0}")]
    Internal(String),
}

impl ServiceError {
    /// The HTTP status this error maps to: 4xx for anything the caller can fix.
    pub fn status(&self) -> u16 {
        match self {
            ServiceError::Unauthenticated => 401,
            ServiceError::Forbidden => 403,
            ServiceError::NotFound => 404,
            ServiceError::BadRequest(_) => 400,
            ServiceError::RateLimited(_) => 429,
            ServiceError::Gone => 410,
            ServiceError::Invalid(_) => 422,
            ServiceError::Db(_) | ServiceError::Internal(_) => 500,
        }
    }
}

/// The caller, or `Unauthenticated`.
pub fn require(actor: Option<&Actor>) -> Result<&Actor, ServiceError> {
    actor.ok_or(ServiceError::Unauthenticated)
}
