//! The error every server function returns, typed end to end: the browser gets a kind it can put
//! into words (and field errors to show under each field), never a stack trace.

use std::fmt;

use bimtek::domain::{FieldErrors, Problem};
use bimtek::i18n::{Lang, Msg};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    Unauthenticated,
    Forbidden,
    NotFound,
    BadRequest,
    Invalid(FieldErrors),
    /// A one-time link that no longer works.
    Gone,
    /// Too many attempts: wait this many seconds.
    RateLimited(u64),
    Internal,
    /// Transport-level failure (network, (de)serialisation), kept as text for the log.
    Transport(String),
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Invalid(e) => write!(f, "invalid: {e}"),
            AppError::Transport(e) => write!(f, "transport: {e}"),
            other => write!(f, "{other:?}"),
        }
    }
}

impl std::error::Error for AppError {}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // A body that does not parse into the arguments is the caller's fault.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::BadRequest.respond()
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}

impl AppError {
    /// One sentence for the whole error, in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AppError::Unauthenticated => lang.t(Msg::ErrUnauthenticated).into(),
            AppError::Forbidden => lang.t(Msg::ErrForbidden).into(),
            AppError::NotFound => lang.t(Msg::ErrNotFound).into(),
            AppError::BadRequest => lang.t(Msg::ErrBadRequest).into(),
            AppError::Gone => lang.t(Msg::ErrLinkGone).into(),
            AppError::RateLimited(n) => lang.t(Msg::ErrRateLimited).replace("{n}", &n.to_string()),
            AppError::Invalid(e) => match e.0.as_slice() {
                [one] if one.problem == Problem::WrongCredentials => {
                    bimtek::i18n::problem(lang, &one.problem)
                }
                _ => lang.t(Msg::FormHasErrors).into(),
            },
            AppError::Internal | AppError::Transport(_) => lang.t(Msg::ErrInternal).into(),
        }
    }

    pub fn field_errors(&self) -> FieldErrors {
        match self {
            AppError::Invalid(e) => e.clone(),
            _ => FieldErrors::default(),
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::BadRequest => 400,
            AppError::RateLimited(_) => 429,
            AppError::Gone => 410,
            AppError::Invalid(_) => 422,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }
}

impl AppError {
    /// Sets this error's status on the server function's HTTP response (4xx for the caller's
    /// mistakes); without it every error would be a 500. A no-op outside a server request.
    pub fn respond(self) -> Self {
        #[cfg(feature = "ssr")]
        if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            res.set_status(
                axum::http::StatusCode::from_u16(self.status())
                    .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR),
            );
        }
        self
    }
}

#[cfg(feature = "ssr")]
impl From<bimtek::services::ServiceError> for AppError {
    /// Logs the full cause on the server and sets the HTTP status of the response; the browser
    /// only learns the kind.
    fn from(e: bimtek::services::ServiceError) -> Self {
        use bimtek::services::ServiceError as S;
        let out = match e {
            S::Unauthenticated => AppError::Unauthenticated,
            S::Forbidden => AppError::Forbidden,
            S::NotFound => AppError::NotFound,
            S::BadRequest(_) => AppError::BadRequest,
            S::RateLimited(n) => AppError::RateLimited(n),
            S::Gone => AppError::Gone,
            S::Invalid(f) => AppError::Invalid(f),
            S::Db(ref err) => {
                tracing::error!(error = %err, "database error");
                AppError::Internal
            }
            S::Internal(ref err) => {
                tracing::error!(error = %err, "internal error");
                AppError::Internal
            }
        };
        out.respond()
    }
}
