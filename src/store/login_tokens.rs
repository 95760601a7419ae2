//! One-time tokens in `login_tokens`: issue (store the hash) and spend (atomically mark used).

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

use super::entities::login_token;
use crate::auth::tokens;

/// Stores a new token for `person_id` and returns it (the caller sends it; only its hash is kept).
pub async fn issue(
    conn: &impl ConnectionTrait,
    person_id: i64,
    purpose: &str,
    valid: Duration,
    now: DateTime<Utc>,
) -> Result<(String, String), DbErr> {
    let (token, hash) = tokens::new_token();
    login_token::ActiveModel {
        person_id: Set(person_id),
        purpose: Set(purpose.into()),
        token_hash: Set(hash.clone()),
        expires_at: Set(now + valid),
        used_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok((token, hash))
}

/// The person a valid (well-formed, unused, unexpired) token belongs to, without spending it.
pub async fn peek(
    conn: &impl ConnectionTrait,
    token: &str,
    purpose: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, DbErr> {
    if !tokens::well_formed(token) {
        return Ok(None);
    }
    Ok(login_token::Entity::find()
        .filter(login_token::Column::TokenHash.eq(tokens::hash(token)))
        .filter(login_token::Column::Purpose.eq(purpose))
        .filter(login_token::Column::UsedAt.is_null())
        .filter(login_token::Column::ExpiresAt.gt(now))
        .one(conn)
        .await?
        .map(|t| t.person_id))
}

/// Marks the token used if it is valid and returns its person. Checking and marking are one
/// statement, so two uses at the same moment cannot both succeed.
pub async fn spend(
    conn: &impl ConnectionTrait,
    token: &str,
    purpose: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, DbErr> {
    if !tokens::well_formed(token) {
        return Ok(None);
    }
    let hash = tokens::hash(token);
    let spent = login_token::Entity::update_many()
        .col_expr(login_token::Column::UsedAt, Expr::value(now))
        .filter(login_token::Column::TokenHash.eq(hash.as_str()))
        .filter(login_token::Column::Purpose.eq(purpose))
        .filter(login_token::Column::UsedAt.is_null())
        .filter(login_token::Column::ExpiresAt.gt(now))
        .exec(conn)
        .await?;
    if spent.rows_affected != 1 {
        return Ok(None);
    }
    Ok(login_token::Entity::find()
        .filter(login_token::Column::TokenHash.eq(hash))
        .one(conn)
        .await?
        .map(|t| t.person_id))
}

/// Spends every unused token of this person (after a password reset, old links must not work).
pub async fn spend_all_of(
    conn: &impl ConnectionTrait,
    person_id: i64,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    Ok(login_token::Entity::update_many()
        .col_expr(login_token::Column::UsedAt, Expr::value(now))
        .filter(login_token::Column::PersonId.eq(person_id))
        .filter(login_token::Column::UsedAt.is_null())
        .exec(conn)
        .await?
        .rows_affected)
}
