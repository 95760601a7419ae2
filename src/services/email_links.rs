//! One-time links sent by email: log in without a password, or set a new password.
//!
//! Requesting answers the same whether or not the address has an account, so the form cannot be
//! used to find out who is registered. A link opens a page whose button or form spends the token
//! (a POST), so mail scanners that open links do not use it up. Tokens are stored hashed.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use super::{ServiceError, Services};
use crate::auth::{Actor, password};
use crate::domain::{Email, Field, FieldErrors, PersonId, people};
use crate::i18n::{Lang, Msg};
use crate::mail::{outbox, render};
use crate::store::audit::{self, Entry};
use crate::store::entities::person;
use crate::store::{self, login_tokens};

/// What differs between the kinds of link.
pub struct LinkKind {
    pub purpose: &'static str,
    pub valid_minutes: i64,
    /// The page the link opens, followed by `/<token>`.
    pub path: &'static str,
    pub subject: Msg,
    pub intro: Msg,
    pub button: Msg,
}

pub const LOGIN: LinkKind = LinkKind {
    purpose: "login_link",
    valid_minutes: 15,
    path: "/masuk/tautan",
    subject: Msg::MailLoginLinkSubject,
    intro: Msg::MailLoginLinkIntro,
    button: Msg::MailLoginLinkButton,
};

pub const PASSWORD_RESET: LinkKind = LinkKind {
    purpose: "password_reset",
    valid_minutes: 60,
    path: "/masuk/sandi-baru",
    subject: Msg::MailResetSubject,
    intro: Msg::MailResetIntro,
    button: Msg::MailResetButton,
};

/// Sends a link of this kind to `email` if it belongs to someone. Same answer either way.
pub async fn request(
    svc: &Services,
    kind: &LinkKind,
    client_ip: Option<IpAddr>,
    email_raw: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let email = Email::parse(email_raw)
        .map_err(|p| ServiceError::Invalid(FieldErrors::one(Field::Email, p)))?;
    svc.login_limits
        .check_mail(client_ip, email.as_str())
        .map_err(ServiceError::RateLimited)?;

    let txn = store::begin_write(&svc.db).await?;
    let Some(p) = person::Entity::find()
        .filter(person::Column::Email.eq(email.as_str()))
        .one(&txn)
        .await?
    else {
        return Ok(());
    };
    let valid = Duration::minutes(kind.valid_minutes);
    let (token, hash) = login_tokens::issue(&txn, p.id, kind.purpose, valid, now).await?;
    let url = format!("{}{}/{token}", svc.base_url, kind.path);
    let lang = Lang::parse(&p.lang);
    let texts = render::LinkTexts {
        subject: kind.subject,
        intro: kind.intro,
        button: kind.button,
    };
    outbox::enqueue(
        &txn,
        outbox::NewMail {
            idempotency_key: format!("{}:{}:{}", kind.purpose, p.id, &hash[..16]),
            kind: kind.purpose,
            session_id: None,
            recipient_person_id: Some(p.id),
            to_address: email.as_str().to_owned(),
            rendered: render::link_mail(lang, &texts, &p.full_name, &url, kind.valid_minutes),
            run_at: now,
            list_unsubscribe: None,
        },
        &svc.base_url,
    )
    .await?;
    let action = format!("auth.{}_requested", kind.purpose);
    audit::record(
        &txn,
        Entry {
            actor_id: None,
            action: &action,
            entity: "person",
            entity_id: Some(p.id),
        },
        None::<&()>,
        Some(&serde_json::json!({ "expires_in_minutes": kind.valid_minutes })),
    )
    .await?;
    txn.commit().await?;
    svc.mail_wakeup.notify_one();
    Ok(())
}

async fn audited_login(
    txn: &sea_orm::DatabaseTransaction,
    person_id: i64,
    method: &str,
) -> Result<(), ServiceError> {
    audit::record(
        txn,
        Entry {
            actor_id: Some(person_id),
            action: "auth.login",
            entity: "person",
            entity_id: Some(person_id),
        },
        None::<&()>,
        Some(&serde_json::json!({ "method": method })),
    )
    .await?;
    Ok(())
}

/// Spends a login link and returns who is now logged in; `Gone` if it no longer works.
pub async fn log_in_with(
    svc: &Services,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Actor, ServiceError> {
    let txn = store::begin_write(&svc.db).await?;
    let person_id = login_tokens::spend(&txn, token, LOGIN.purpose, now)
        .await?
        .ok_or(ServiceError::Gone)?;
    audited_login(&txn, person_id, "email_link").await?;
    txn.commit().await?;
    super::auth::load_actor(svc, PersonId(person_id))
        .await?
        .ok_or(ServiceError::Gone)
}

/// Whether a reset link still works (to show its form or say it does not).
pub async fn reset_link_valid(
    svc: &Services,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    Ok(
        login_tokens::peek(&svc.db, token, PASSWORD_RESET.purpose, now)
            .await?
            .is_some(),
    )
}

/// Sets a new password with a reset link, and logs the person in. The token is checked before
/// the (slow) hashing and spent, with the new hash, in one transaction.
pub async fn reset_password(
    svc: &Services,
    token: &str,
    new_password: &str,
    confirm: &str,
    now: DateTime<Utc>,
) -> Result<Actor, ServiceError> {
    if login_tokens::peek(&svc.db, token, PASSWORD_RESET.purpose, now)
        .await?
        .is_none()
    {
        return Err(ServiceError::Gone);
    }
    let plain = people::new_password(new_password, confirm).map_err(ServiceError::Invalid)?;
    let hash = password::hash(plain)
        .await
        .map_err(|e| ServiceError::Internal(e.to_string()))?;

    let txn = store::begin_write(&svc.db).await?;
    let person_id = login_tokens::spend(&txn, token, PASSWORD_RESET.purpose, now)
        .await?
        .ok_or(ServiceError::Gone)?;
    let p = person::Entity::find_by_id(person_id)
        .one(&txn)
        .await?
        .ok_or(ServiceError::Gone)?;
    // Any other login or reset link of this person stops working too.
    login_tokens::spend_all_of(&txn, person_id, now).await?;
    // Whoever knew the old password is logged out everywhere (this browser logs in afresh below).
    let ended = crate::auth::session_store::end_all_of(&txn, PersonId(person_id)).await?;
    tracing::info!(person_id, ended, "password reset ended login sessions");
    let mut row = p.into_active_model();
    row.password_hash = Set(Some(hash));
    row.updated_at = Set(now);
    row.update(&txn).await?;
    audit::record(
        &txn,
        Entry {
            actor_id: Some(person_id),
            action: "auth.password_reset",
            entity: "person",
            entity_id: Some(person_id),
        },
        None::<&()>,
        None::<&()>,
    )
    .await?;
    audited_login(&txn, person_id, "password_reset").await?;
    txn.commit().await?;
    super::auth::load_actor(svc, PersonId(person_id))
        .await?
        .ok_or(ServiceError::Gone)
}
