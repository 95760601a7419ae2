//! Logging in and who is logged in.

use bimtek::domain::Role;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What the UI may know about the caller: a name and roles, no contact data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub name: String,
    pub roles: Vec<Role>,
    pub is_organiser: bool,
    pub is_admin: bool,
}

#[server(endpoint = "get_current_user")]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    let actor = ctx::actor().await?;
    Ok(actor.map(|a| CurrentUser {
        is_organiser: a.is_organiser(),
        is_admin: a.is_admin(),
        roles: a.roles(),
        name: a.name,
    }))
}

/// The login form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    pub email: String,
    pub password: String,
    /// Where to go after logging in (a local path).
    pub next: String,
}

impl LoginForm {
    /// Only local paths, so a crafted link cannot send someone to another site after login;
    /// without one, the home page of the person's role.
    pub fn safe_next(&self, roles: &[Role]) -> String {
        bimtek::text::local_path(self.next.trim(), bimtek::domain::home_path(roles)).to_string()
    }

    /// What may be shown back after a failed attempt: never the password.
    pub fn without_password(&self) -> LoginForm {
        LoginForm {
            password: String::new(),
            ..self.clone()
        }
    }
}

/// The "send me a login link" form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoginLinkForm {
    pub email: String,
}

/// The confirmation form behind a login link.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UseLoginLinkForm {
    pub token: String,
}

/// The new-password form behind a reset link. Passwords are never rendered back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewPasswordForm {
    pub token: String,
    pub password: String,
    pub password_confirm: String,
}

/// Logs in and returns where to go next.
#[server(endpoint = "login")]
pub async fn login(#[server(flatten)] form: LoginForm) -> Result<String, AppError> {
    let svc = ctx::services()?;
    let session = ctx::session().await?;
    let ip = ctx::client_ip().await;
    let actor =
        bimtek::services::auth::login_with_password(&svc, ip, &form.email, &form.password).await?;
    ctx::log_in(&session, &actor).await?;
    Ok(form.safe_next(&actor.roles()))
}

#[cfg(feature = "ssr")]
use super::ctx;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_is_kept_local() {
        let f = |n: &str| LoginForm {
            next: n.into(),
            ..Default::default()
        };
        let kpm = [Role::Participant];
        assert_eq!(f("/sesi/baru").safe_next(&kpm), "/sesi/baru");
        assert_eq!(f("//evil.example").safe_next(&kpm), "/saya");
        assert_eq!(f("https://evil.example").safe_next(&kpm), "/saya");
        assert_eq!(f("/\\evil.example").safe_next(&kpm), "/saya");
        assert_eq!(f("").safe_next(&[Role::Mentor]), "/pendamping");
    }
}
