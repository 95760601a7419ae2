//! Logging in by a one-time link sent by email.
//!
//! Requesting answers the same whether or not the address has an account, so the form cannot be
//! used to find out who is registered. The link opens a confirmation page whose button spends the
//! token (a POST), so mail scanners that open links do not use it up.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::{ServiceError, Services};
use crate::auth::{Actor, tokens};
use crate::domain::{Email, Field, FieldErrors, PersonId};
use crate::i18n::Lang;
use crate::mail::{outbox, render};
use crate::store::audit::{self, Entry};
use crate::store::entities::{login_token, person};
use crate::store::{self};

pub const PURPOSE: &str = "login_link";
/// How long a login link works.
pub const VALID_MINUTES: i64 = 15;

/// Sends a login link to `email` if it belongs to someone. Same answer either way.
pub async fn request(
    svc: &Services,
    client_ip: Option<IpAddr>,
    email_raw: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let email = Email::parse(email_raw)
        .map_err(|p| ServiceError::Invalid(FieldErrors::one(Field::Email, p)))?;
    svc.login_limits
        .check(client_ip, email.as_str())
        .map_err(ServiceError::RateLimited)?;

    let txn = store::begin_write(&svc.db).await?;
    let Some(p) = person::Entity::find()
        .filter(person::Column::Email.eq(email.as_str()))
        .one(&txn)
        .await?
    else {
        return Ok(());
    };
    let (token, hash) = tokens::new_token();
    login_token::ActiveModel {
        person_id: Set(p.id),
        purpose: Set(PURPOSE.into()),
        token_hash: Set(hash.clone()),
        expires_at: Set(now + Duration::minutes(VALID_MINUTES)),
        used_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let lang = Lang::parse(&p.lang);
    let url = format!("{}/masuk/tautan/{token}", svc.base_url);
    outbox::enqueue(
        &txn,
        outbox::NewMail {
            idempotency_key: format!("{PURPOSE}:{}:{}", p.id, &hash[..16]),
            kind: PURPOSE,
            session_id: None,
            recipient_person_id: Some(p.id),
            to_address: email.as_str().to_owned(),
            rendered: render::login_link(lang, &p.full_name, &url, VALID_MINUTES),
            run_at: now,
        },
        &svc.base_url,
    )
    .await?;
    audit::record(
        &txn,
        Entry {
            actor_id: None,
            action: "auth.login_link_requested",
            entity: "person",
            entity_id: Some(p.id),
        },
        None::<&()>,
        Some(&serde_json::json!({ "expires_in_minutes": VALID_MINUTES })),
    )
    .await?;
    txn.commit().await?;
    svc.mail_wakeup.notify_one();
    Ok(())
}

/// Spends a login link: valid, unused and unexpired, it logs the person in; otherwise
/// `ServiceError::Gone`. Marking it used and checking it are one statement, so two clicks at the
/// same moment cannot both succeed.
pub async fn consume(
    svc: &Services,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Actor, ServiceError> {
    if !tokens::well_formed(token) {
        return Err(ServiceError::Gone);
    }
    let hash = tokens::hash(token);
    let txn = store::begin_write(&svc.db).await?;
    let spent = login_token::Entity::update_many()
        .col_expr(login_token::Column::UsedAt, Expr::value(now))
        .filter(login_token::Column::TokenHash.eq(hash.as_str()))
        .filter(login_token::Column::Purpose.eq(PURPOSE))
        .filter(login_token::Column::UsedAt.is_null())
        .filter(login_token::Column::ExpiresAt.gt(now))
        .exec(&txn)
        .await?;
    if spent.rows_affected != 1 {
        return Err(ServiceError::Gone);
    }
    let row = login_token::Entity::find()
        .filter(login_token::Column::TokenHash.eq(hash.as_str()))
        .one(&txn)
        .await?
        .ok_or(ServiceError::Gone)?;
    audit::record(
        &txn,
        Entry {
            actor_id: Some(row.person_id),
            action: "auth.login",
            entity: "person",
            entity_id: Some(row.person_id),
        },
        None::<&()>,
        Some(&serde_json::json!({ "method": "email_link" })),
    )
    .await?;
    txn.commit().await?;
    super::auth::load_actor(svc, PersonId(row.person_id))
        .await?
        .ok_or(ServiceError::Gone)
}
