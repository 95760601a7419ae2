//! People and roles: the admin's directory, coordinators registering participants without email,
//! personal codes, and where a person's mail goes.

use std::collections::HashMap;
use std::net::IpAddr;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::{ServiceError, Services, require};
use crate::auth::{Actor, tokens};
use crate::domain::directory::{
    CoordinatorHome, GrantForm, GrantRow, IssuedCode, ParticipantRow, PeoplePage, PersonDetail,
    PersonRow,
};
use crate::domain::people::{Phone, code, mask_nik};
use crate::domain::session::Choice;
use crate::domain::{Field, FieldErrors, ParticipantForm, PersonId, Problem, RegionId, Role};
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

async fn region_names(
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

/// The regions a coordinator registers participants in: their grants' regions, or every
/// kabupaten/kota for an unscoped grant (and for admins).
async fn coordinator_regions(svc: &Services, actor: &Actor) -> Result<Vec<Choice>, ServiceError> {
    let scoped: Option<Vec<i64>> = if actor.is_admin()
        || actor
            .grants
            .iter()
            .any(|g| g.role == Role::Coordinator && g.region_id.is_none())
    {
        None
    } else {
        Some(
            actor
                .grants
                .iter()
                .filter(|g| g.role == Role::Coordinator)
                .filter_map(|g| g.region_id.map(|RegionId(r)| r))
                .collect(),
        )
    };
    let mut find = region::Entity::find().filter(region::Column::Level.ne("provinsi"));
    if let Some(ids) = scoped {
        find = find.filter(region::Column::Id.is_in(ids));
    }
    Ok(find
        .order_by_asc(region::Column::Name)
        .all(&svc.db)
        .await?
        .into_iter()
        .map(|r| Choice {
            id: r.id,
            label: r.name,
        })
        .collect())
}

fn require_coordinator(actor: Option<&Actor>) -> Result<&Actor, ServiceError> {
    let a = require(actor)?;
    if a.is_admin() || a.has_role(Role::Coordinator) {
        Ok(a)
    } else {
        Err(ServiceError::Forbidden)
    }
}

/// Coordinators: the participants they registered (newest first) and where they may register more.
pub async fn coordinator_home(
    svc: &Services,
    actor: Option<&Actor>,
) -> Result<CoordinatorHome, ServiceError> {
    let actor = require_coordinator(actor)?;
    let rows = person::Entity::find()
        .filter(person::Column::RegisteredBy.eq(actor.person_id.0))
        .order_by_desc(person::Column::Id)
        .limit(500)
        .all(&svc.db)
        .await?;
    let regions = region_names(&svc.db, rows.iter().filter_map(|p| p.region_id)).await?;
    Ok(CoordinatorHome {
        participants: rows
            .into_iter()
            .map(|p| ParticipantRow {
                id: p.id,
                full_name: p.full_name,
                phone: p.phone.as_deref().map(Phone::display),
                nik_masked: p.nik.as_deref().map(mask_nik),
                region: p.region_id.and_then(|r| regions.get(&r).cloned()),
                registered_at: p.created_at,
            })
            .collect(),
        regions: coordinator_regions(svc, actor).await?,
    })
}

fn issued(svc: &Services, p: &person::Model, region: Option<String>, code: &str) -> IssuedCode {
    let link = format!("{}/k/{code}", svc.base_url.trim_end_matches('/'));
    IssuedCode {
        person_id: p.id,
        full_name: p.full_name.clone(),
        region,
        code: code::display(code),
        qr_svg: qr_svg(&link),
        link,
    }
}

/// The link as an SVG QR code (medium error correction: survives a crease in a printed card).
fn qr_svg(link: &str) -> String {
    match qrcode::QrCode::with_error_correction_level(link.as_bytes(), qrcode::EcLevel::M) {
        Ok(qr) => qr
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
        // Only for links longer than a QR code holds, which a base URL plus 10 symbols is not.
        Err(e) => {
            tracing::error!(error = %e, "QR code not drawn");
            String::new()
        }
    }
}

/// Coordinators: registers a participant without email (name, phone, optional NIK, region) and
/// issues their personal code, shown once. Person, role, code and audit entry land together.
pub async fn register_participant(
    svc: &Services,
    actor: Option<&Actor>,
    form: &ParticipantForm,
    now: DateTime<Utc>,
) -> Result<IssuedCode, ServiceError> {
    let actor = require_coordinator(actor)?;
    let regions = coordinator_regions(svc, actor).await?;
    let allowed: Vec<i64> = regions.iter().map(|c| c.id).collect();
    let new = form.parse(&allowed).map_err(ServiceError::Invalid)?;

    let txn = store::begin_write(&svc.db).await?;
    let mut e = FieldErrors::default();
    if person::Entity::find()
        .filter(person::Column::Phone.eq(new.phone.as_str()))
        .count(&txn)
        .await?
        > 0
    {
        e.push(Field::Phone, Problem::AlreadyRegistered);
    }
    if let Some(nik) = &new.nik
        && person::Entity::find()
            .filter(person::Column::Nik.eq(nik.as_str()))
            .count(&txn)
            .await?
            > 0
    {
        e.push(Field::Nik, Problem::AlreadyRegistered);
    }
    if !e.is_empty() {
        return Err(ServiceError::Invalid(e));
    }
    let (code, hash) = tokens::new_personal_code();
    let p = person::ActiveModel {
        full_name: Set(new.full_name.clone()),
        email: Set(None),
        phone: Set(Some(new.phone.as_str().to_owned())),
        nik: Set(new.nik.clone()),
        region_id: Set(Some(new.region_id)),
        lang: Set("id".into()),
        password_hash: Set(None),
        personal_code_hash: Set(Some(hash)),
        registered_by: Set(Some(actor.person_id.0)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    person_role::ActiveModel {
        person_id: Set(p.id),
        role: Set(Role::Participant.as_str().to_owned()),
        programme_id: Set(None),
        region_id: Set(Some(new.region_id)),
        granted_by: Set(Some(actor.person_id.0)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    // Contact data stays out of the log; masked is enough to tell records apart.
    let after = serde_json::json!({
        "full_name": new.full_name,
        "region_id": new.region_id,
        "phone": Phone::masked(new.phone.as_str()),
        "nik": new.nik.as_deref().map(mask_nik),
        "roles": ["participant"],
    });
    audit::record(
        &txn,
        Entry {
            actor_id: Some(actor.person_id.0),
            action: "person.registered",
            entity: "person",
            entity_id: Some(p.id),
        },
        None::<&()>,
        Some(&after),
    )
    .await?;
    txn.commit().await?;
    let region = regions
        .into_iter()
        .find(|c| c.id == new.region_id)
        .map(|c| c.label);
    Ok(issued(svc, &p, region, &code))
}

/// A new personal code for a participant (the old one stops working): by the coordinator who
/// registered them, or an admin.
pub async fn reissue_code(
    svc: &Services,
    actor: Option<&Actor>,
    person_id: i64,
    now: DateTime<Utc>,
) -> Result<IssuedCode, ServiceError> {
    let actor = require_coordinator(actor)?;
    let txn = store::begin_write(&svc.db).await?;
    let p = person::Entity::find_by_id(person_id)
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !actor.is_admin() && p.registered_by != Some(actor.person_id.0) {
        // Not theirs: the same answer as a missing person, so ids cannot be probed.
        return Err(ServiceError::NotFound);
    }
    let (code, hash) = tokens::new_personal_code();
    let mut row = p.clone().into_active_model();
    row.personal_code_hash = Set(Some(hash));
    row.updated_at = Set(now);
    let p = row.update(&txn).await?;
    audit::record(
        &txn,
        Entry {
            actor_id: Some(actor.person_id.0),
            action: "person.code_reissued",
            entity: "person",
            entity_id: Some(p.id),
        },
        None::<&()>,
        None::<&()>,
    )
    .await?;
    txn.commit().await?;
    let region = match p.region_id {
        Some(r) => region_names(&svc.db, [r]).await?.remove(&r),
        None => None,
    };
    Ok(issued(svc, &p, region, &code))
}

/// Logs in with a personal code. Rate-limited per client address like passwords; a wrong code
/// and a replaced one get the same answer.
pub async fn log_in_with_code(
    svc: &Services,
    client_ip: Option<IpAddr>,
    raw: &str,
) -> Result<Actor, ServiceError> {
    let code = code::normalise(raw)
        .map_err(|p| ServiceError::Invalid(FieldErrors::one(Field::Code, p)))?;
    let hash = tokens::personal_code_hash(&code);
    svc.login_limits
        .check(client_ip, &format!("code:{hash}"))
        .map_err(ServiceError::RateLimited)?;
    let person = person::Entity::find()
        .filter(person::Column::PersonalCodeHash.eq(hash.as_str()))
        .one(&svc.db)
        .await?;
    let txn = store::begin_write(&svc.db).await?;
    audit::record(
        &txn,
        Entry {
            actor_id: person.as_ref().map(|p| p.id),
            action: if person.is_some() {
                "auth.login"
            } else {
                "auth.login_failed"
            },
            entity: "person",
            entity_id: person.as_ref().map(|p| p.id),
        },
        None::<&()>,
        Some(&serde_json::json!({ "method": "personal_code" })),
    )
    .await?;
    txn.commit().await?;
    match person {
        Some(p) => super::auth::load_actor(svc, PersonId(p.id))
            .await?
            .ok_or(ServiceError::Unauthenticated),
        None => Err(ServiceError::Invalid(FieldErrors::one(
            Field::Code,
            Problem::WrongCode,
        ))),
    }
}

/// Where a person's mail goes: their own address, or, for participants without email, the
/// coordinator who registered them (who passes the invitation on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailRoute {
    pub to: String,
    /// Set when relayed: the participant's name, for the coordinator's "for …" line.
    pub on_behalf_of: Option<String>,
}

pub async fn mail_route(
    conn: &impl ConnectionTrait,
    person_id: PersonId,
) -> Result<Option<MailRoute>, ServiceError> {
    let Some(p) = person::Entity::find_by_id(person_id.0).one(conn).await? else {
        return Ok(None);
    };
    if let Some(to) = p.email {
        return Ok(Some(MailRoute {
            to,
            on_behalf_of: None,
        }));
    }
    let Some(c) = p.registered_by else {
        return Ok(None);
    };
    Ok(person::Entity::find_by_id(c)
        .one(conn)
        .await?
        .and_then(|c| c.email)
        .map(|to| MailRoute {
            to,
            on_behalf_of: Some(p.full_name),
        }))
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
