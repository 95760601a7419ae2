//! Links to a person's email preferences that work without logging in (from a reminder's footer
//! and its `List-Unsubscribe` header, RFC 8058): `/email/preferensi?p=<person>&t=<mac>`, where
//! the MAC is HMAC-SHA256 of the person's id under a server key. Nothing per link is stored; the
//! key is created on first use in `app_settings`, so every process signs and checks alike.
//! A link only opens that person's email preferences, nothing else.

use hmac::{Hmac, Mac};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};
use sha2::Sha256;

use crate::store::entities::app_setting;

const KEY_NAME: &str = "mail_link_key";

/// The signing key, created on first use (concurrent first uses agree: one insert wins).
pub async fn key(conn: &impl ConnectionTrait) -> Result<Vec<u8>, DbErr> {
    if let Some(row) = app_setting::Entity::find_by_id(KEY_NAME).one(conn).await? {
        return hex::decode(&row.value).map_err(|e| DbErr::Custom(e.to_string()));
    }
    app_setting::Entity::insert(app_setting::ActiveModel {
        key: Set(KEY_NAME.to_owned()),
        value: Set(crate::auth::random_hex(32)),
    })
    .on_conflict_do_nothing_on([app_setting::Column::Key])
    .exec(conn)
    .await?;
    let row = app_setting::Entity::find_by_id(KEY_NAME)
        .one(conn)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(KEY_NAME.to_owned()))?;
    hex::decode(&row.value).map_err(|e| DbErr::Custom(e.to_string()))
}

/// HMAC accepts keys of any length, so this is always `Some`; a `None` signs nothing and
/// verifies nothing.
fn mac(key: &[u8], message: &str) -> Option<Hmac<Sha256>> {
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(key).ok()?;
    m.update(message.as_bytes());
    Some(m)
}

/// HMAC-SHA256 of `message`, hex. Messages start with their purpose, so a MAC for one use is
/// never valid for another.
pub fn sign(key: &[u8], message: &str) -> String {
    mac(key, message)
        .map(|m| hex::encode(m.finalize().into_bytes()))
        .unwrap_or_default()
}

/// Constant-time check of a MAC from a link.
pub fn check(key: &[u8], message: &str, token: &str) -> bool {
    match hex::decode(token) {
        Ok(bytes) => mac(key, message).is_some_and(|m| m.verify_slice(&bytes).is_ok()),
        Err(_) => false,
    }
}

pub fn token(key: &[u8], person_id: i64) -> String {
    sign(key, &format!("email-preferences:{person_id}"))
}

pub fn verify(key: &[u8], person_id: i64, token: &str) -> bool {
    check(key, &format!("email-preferences:{person_id}"), token)
}

pub fn url(base_url: &str, key: &[u8], person_id: i64) -> String {
    format!(
        "{base_url}/email/preferensi?p={person_id}&t={}",
        token(key, person_id)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_is_bound_to_person_and_key() {
        let k = b"0123456789abcdef0123456789abcdef";
        let t = token(k, 42);
        assert!(verify(k, 42, &t));
        assert!(!verify(k, 43, &t));
        assert!(!verify(b"another key, same length, 32 b!!", 42, &t));
        assert!(!verify(k, 42, "zz"));
        assert!(!verify(k, 42, &t[..10]));
    }
}
