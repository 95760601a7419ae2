//! Logging in and loading the caller.

use std::net::IpAddr;

use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{ServiceError, Services};
use crate::auth::{Actor, Grant, password};
use crate::domain::{Email, Field, FieldErrors, PersonId, Problem, ProgrammeId, RegionId, Role};
use crate::i18n::Lang;
use crate::store::audit::{self, Entry};
use crate::store::entities::{person, person_role};

use crate::domain::people::PASSWORD_MAX;

/// Checks email and password. A wrong password and an unknown email give the same answer, after
/// the same amount of work. Both outcomes are audited.
pub async fn login_with_password(
    svc: &Services,
    client_ip: Option<IpAddr>,
    email: &str,
    password_raw: &str,
) -> Result<Actor, ServiceError> {
    let mut e = FieldErrors::default();
    let email = e.take(Field::Email, Email::parse(email));
    if password_raw.is_empty() {
        e.push(Field::Password, Problem::Required);
    } else if password_raw.chars().count() as u32 > PASSWORD_MAX {
        // Counted in characters, as when the password was set.
        e.push(Field::Password, Problem::TooLong { max: PASSWORD_MAX });
    }
    let (Some(email), true) = (email, e.is_empty()) else {
        return Err(ServiceError::Invalid(e));
    };
    // Before any database work or hashing: a flood costs us nothing.
    svc.login_limits
        .check(client_ip, email.as_str())
        .map_err(ServiceError::RateLimited)?;

    let person = person::Entity::find()
        .filter(person::Column::Email.eq(email.as_str()))
        .one(&svc.db)
        .await?;
    let stored = person.as_ref().and_then(|p| p.password_hash.clone());
    let ok = password::verify(stored, password_raw.to_owned())
        .await
        .map_err(|e| ServiceError::Internal(e.to_string()))?;

    let txn = crate::store::begin_write(&svc.db).await?;
    let action = if ok {
        "auth.login"
    } else {
        "auth.login_failed"
    };
    let subject = serde_json::json!({ "email": email.as_str(), "method": "password" });
    audit::record(
        &txn,
        Entry {
            actor_id: person.as_ref().filter(|_| ok).map(|p| p.id),
            action,
            entity: "person",
            entity_id: person.as_ref().map(|p| p.id),
        },
        None::<&()>,
        Some(&subject),
    )
    .await?;
    txn.commit().await?;

    match person {
        Some(p) if ok => load_actor(svc, PersonId(p.id))
            .await?
            .ok_or(ServiceError::Unauthenticated),
        _ => Err(ServiceError::Invalid(FieldErrors::one(
            Field::Password,
            Problem::WrongCredentials,
        ))),
    }
}

/// The person with their grants, or `None` if they no longer exist.
pub async fn load_actor(svc: &Services, id: PersonId) -> Result<Option<Actor>, ServiceError> {
    let Some(p) = person::Entity::find_by_id(id.0).one(&svc.db).await? else {
        return Ok(None);
    };
    let grants = person_role::Entity::find()
        .filter(person_role::Column::PersonId.eq(p.id))
        .all(&svc.db)
        .await?
        .into_iter()
        .filter_map(|g| {
            Some(Grant {
                role: Role::parse(&g.role)?,
                programme_id: g.programme_id.map(ProgrammeId),
                region_id: g.region_id.map(RegionId),
            })
        })
        .collect();
    Ok(Some(Actor {
        person_id: PersonId(p.id),
        name: p.full_name,
        email: p.email,
        lang: Lang::parse(&p.lang),
        grants,
    }))
}

/// Records a logout in the audit log.
pub async fn logged_out(svc: &Services, actor: &Actor) -> Result<(), ServiceError> {
    audit::record(
        &svc.db,
        Entry {
            actor_id: Some(actor.person_id.0),
            action: "auth.logout",
            entity: "person",
            entity_id: Some(actor.person_id.0),
        },
        None::<&()>,
        Some(&serde_json::json!({ "at": Utc::now() })),
    )
    .await?;
    Ok(())
}
