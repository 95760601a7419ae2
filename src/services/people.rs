//! People and roles: the admin's directory of people, and granting and revoking roles.
//! Participants registered by coordinators are in `participants`.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use super::{ServiceError, Services, require};
use crate::auth::Actor;
use crate::domain::directory::{GrantForm, GrantRow, PeoplePage, PersonDetail, PersonRow};
use crate::domain::people::Phone;
use crate::domain::session::Choice;
use crate::domain::{Field, FieldErrors, Problem, Role};
use crate::store::audit::{self, Entry};
use crate::store::entities::{person, person_role, programme, region};
use crate::store::{self};

pub const PAGE_SIZE: u64 = 50;
/// Longest search text; longer is cut (a search box, not a form field with an error).
const QUERY_MAX: usize = 100;
/// Page numbers past this are a forged request.
const MAX_PAGE: u64 = 100_000;

fn require_admin(actor: Option<&Actor>) -> Result<&Actor, ServiceError> {
    let a = require(actor)?;
    if a.is_admin() {
        Ok(a)
    } else {
        Err(ServiceError::Forbidden)
    }
}

/// Escapes `%`, `_` and `\` for a LIKE pattern.
fn like_pattern(q: &str) -> String {
    let mut out = String::from("%");
    for c in q.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

pub(super) async fn region_names(
    conn: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, String>, ServiceError> {
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(region::Entity::find()
        .filter(region::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect())
}

/// Admins: people whose name or email contains `query`, newest first, a page at a time.
pub async fn list(
    svc: &Services,
    actor: Option<&Actor>,
    query: &str,
    page: u64,
) -> Result<PeoplePage, ServiceError> {
    require_admin(actor)?;
    if page > MAX_PAGE {
        return Err(ServiceError::BadRequest("page out of range"));
    }
    let query: String = query.trim().chars().take(QUERY_MAX).collect();
    let mut find = person::Entity::find();
    if !query.is_empty() {
        let pattern = like_pattern(&query.to_lowercase());
        let matches = |c: person::Column| {
            Expr::expr(Func::lower(Expr::col(c))).like(LikeExpr::new(&pattern).escape('\\'))
        };
        find = find.filter(
            sea_orm::Condition::any()
                .add(matches(person::Column::FullName))
                .add(matches(person::Column::Email)),
        );
    }
    let mut rows = find
        .order_by_desc(person::Column::Id)
        .offset(page * PAGE_SIZE)
        .limit(PAGE_SIZE + 1)
        .all(&svc.db)
        .await?;
    let has_more = rows.len() as u64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let ids: Vec<i64> = rows.iter().map(|p| p.id).collect();
    let mut roles: HashMap<i64, Vec<Role>> = HashMap::new();
    for g in person_role::Entity::find()
        .filter(person_role::Column::PersonId.is_in(ids))
        .all(&svc.db)
        .await?
    {
        if let Some(r) = Role::parse(&g.role) {
            let v = roles.entry(g.person_id).or_default();
            if !v.contains(&r) {
                v.push(r);
            }
        }
    }
    let regions = region_names(&svc.db, rows.iter().filter_map(|p| p.region_id)).await?;
    Ok(PeoplePage {
        rows: rows
            .into_iter()
            .map(|p| PersonRow {
                roles: roles.remove(&p.id).unwrap_or_default(),
                region: p.region_id.and_then(|r| regions.get(&r).cloned()),
                id: p.id,
                full_name: p.full_name,
                email: p.email,
            })
            .collect(),
        query,
        page,
        has_more,
    })
}

async fn grant_rows(
    conn: &impl ConnectionTrait,
    person_id: i64,
) -> Result<Vec<GrantRow>, ServiceError> {
    let grants = person_role::Entity::find()
        .filter(person_role::Column::PersonId.eq(person_id))
        .order_by_asc(person_role::Column::Id)
        .all(conn)
        .await?;
    let regions = region_names(conn, grants.iter().filter_map(|g| g.region_id)).await?;
    let pids: Vec<i64> = grants.iter().filter_map(|g| g.programme_id).collect();
    let programmes: HashMap<i64, String> = programme::Entity::find()
        .filter(programme::Column::Id.is_in(pids))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    Ok(grants
        .into_iter()
        .filter_map(|g| {
            Some(GrantRow {
                id: g.id,
                role: Role::parse(&g.role)?,
                programme: g.programme_id.map(|p| {
                    programmes
                        .get(&p)
                        .cloned()
                        .unwrap_or_else(|| format!("#{p}"))
                }),
                region: g
                    .region_id
                    .map(|r| regions.get(&r).cloned().unwrap_or_else(|| format!("#{r}"))),
            })
        })
        .collect())
}

/// The grants as the audit log records them: `organiser [programme 2, region 5]`.
async fn grants_snapshot(
    conn: &impl ConnectionTrait,
    person_id: i64,
) -> Result<Vec<String>, ServiceError> {
    Ok(person_role::Entity::find()
        .filter(person_role::Column::PersonId.eq(person_id))
        .order_by_asc(person_role::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|g| {
            let scope = |what: &str, v: Option<i64>| match v {
                Some(id) => format!("{what} {id}"),
                None => format!("{what} *"),
            };
            format!(
                "{} [{}, {}]",
                g.role,
                scope("programme", g.programme_id),
                scope("region", g.region_id)
            )
        })
        .collect())
}

async fn all_choices(svc: &Services) -> Result<(Vec<Choice>, Vec<Choice>), ServiceError> {
    let programmes = programme::Entity::find()
        .order_by_asc(programme::Column::Name)
        .all(&svc.db)
        .await?
        .into_iter()
        .map(|p| Choice {
            id: p.id,
            label: p.name,
        })
        .collect();
    let regions = region::Entity::find()
        .order_by_asc(region::Column::Name)
        .all(&svc.db)
        .await?
        .into_iter()
        .map(|r| Choice {
            id: r.id,
            label: r.name,
        })
        .collect();
    Ok((programmes, regions))
}

/// Admins: one person with contact data, grants and the choices for a new grant.
pub async fn get(
    svc: &Services,
    actor: Option<&Actor>,
    id: i64,
) -> Result<PersonDetail, ServiceError> {
    require_admin(actor)?;
    let p = person::Entity::find_by_id(id)
        .one(&svc.db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let region = match p.region_id {
        Some(r) => region_names(&svc.db, [r]).await?.remove(&r),
        None => None,
    };
    let registered_by = match p.registered_by {
        Some(c) => person::Entity::find_by_id(c)
            .one(&svc.db)
            .await?
            .map(|c| c.full_name),
        None => None,
    };
    let grants = grant_rows(&svc.db, p.id).await?;
    let (programmes, regions) = all_choices(svc).await?;
    Ok(PersonDetail {
        id: p.id,
        full_name: p.full_name,
        email: p.email,
        phone: p.phone.as_deref().map(Phone::display),
        nik: p.nik,
        region,
        registered_by,
        has_password: p.password_hash.is_some(),
        has_code: p.personal_code_hash.is_some(),
        created_at: p.created_at,
        grants,
        programmes,
        regions,
    })
}

/// Admins: gives a person a role, optionally scoped. Audited with the grants before and after.
pub async fn grant(
    svc: &Services,
    actor: Option<&Actor>,
    person_id: i64,
    form: &GrantForm,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let admin = require_admin(actor)?;
    let new = form.parse().map_err(ServiceError::Invalid)?;
    let txn = store::begin_write(&svc.db).await?;
    if person::Entity::find_by_id(person_id)
        .one(&txn)
        .await?
        .is_none()
    {
        return Err(ServiceError::NotFound);
    }
    let mut e = FieldErrors::default();
    if let Some(p) = new.programme_id
        && programme::Entity::find_by_id(p).one(&txn).await?.is_none()
    {
        e.push(Field::Programme, Problem::UnknownChoice);
    }
    if let Some(r) = new.region_id
        && region::Entity::find_by_id(r).one(&txn).await?.is_none()
    {
        e.push(Field::Region, Problem::UnknownChoice);
    }
    if !e.is_empty() {
        return Err(ServiceError::Invalid(e));
    }
    let mut same = person_role::Entity::find()
        .filter(person_role::Column::PersonId.eq(person_id))
        .filter(person_role::Column::Role.eq(new.role.as_str()));
    same = match new.programme_id {
        Some(p) => same.filter(person_role::Column::ProgrammeId.eq(p)),
        None => same.filter(person_role::Column::ProgrammeId.is_null()),
    };
    same = match new.region_id {
        Some(r) => same.filter(person_role::Column::RegionId.eq(r)),
        None => same.filter(person_role::Column::RegionId.is_null()),
    };
    if same.count(&txn).await? > 0 {
        return Err(ServiceError::Invalid(FieldErrors::one(
            Field::Role,
            Problem::AlreadyGranted,
        )));
    }
    let before = grants_snapshot(&txn, person_id).await?;
    person_role::ActiveModel {
        person_id: Set(person_id),
        role: Set(new.role.as_str().to_owned()),
        programme_id: Set(new.programme_id),
        region_id: Set(new.region_id),
        granted_by: Set(Some(admin.person_id.0)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let after = grants_snapshot(&txn, person_id).await?;
    audit::record(
        &txn,
        Entry {
            actor_id: Some(admin.person_id.0),
            action: "role.granted",
            entity: "person",
            entity_id: Some(person_id),
        },
        Some(&before),
        Some(&after),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Admins: takes a grant away. The last admin grant cannot go (nobody could undo it).
pub async fn revoke(
    svc: &Services,
    actor: Option<&Actor>,
    person_id: i64,
    grant_id: i64,
) -> Result<(), ServiceError> {
    let admin = require_admin(actor)?;
    let txn = store::begin_write(&svc.db).await?;
    let g = person_role::Entity::find_by_id(grant_id)
        .filter(person_role::Column::PersonId.eq(person_id))
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if g.role == Role::Admin.as_str() {
        let admins = person_role::Entity::find()
            .filter(person_role::Column::Role.eq(Role::Admin.as_str()))
            .count(&txn)
            .await?;
        if admins <= 1 {
            return Err(ServiceError::Invalid(FieldErrors::one(
                Field::Role,
                Problem::LastAdmin,
            )));
        }
    }
    let before = grants_snapshot(&txn, person_id).await?;
    person_role::Entity::delete_by_id(g.id).exec(&txn).await?;
    let after = grants_snapshot(&txn, person_id).await?;
    audit::record(
        &txn,
        Entry {
            actor_id: Some(admin.person_id.0),
            action: "role.revoked",
            entity: "person",
            entity_id: Some(person_id),
        },
        Some(&before),
        Some(&after),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(like_pattern("siti"), "%siti%");
        assert_eq!(like_pattern("100%_a\\"), "%100\\%\\_a\\\\%");
    }
}
