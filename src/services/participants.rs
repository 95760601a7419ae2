//! Participants without email: coordinators register them and hand out personal codes, the
//! codes log them in, and their mail goes to their coordinator.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::people::region_names;
use super::{ServiceError, Services, require};
use crate::auth::{Actor, tokens};
use crate::domain::directory::{CoordinatorHome, IssuedCode, ParticipantRow};
use crate::domain::people::{Phone, code, mask_nik};
use crate::domain::session::Choice;
use crate::domain::{Field, FieldErrors, ParticipantForm, PersonId, Problem, RegionId, Role};
use crate::store;
use crate::store::audit::{self, Entry};
use crate::store::entities::{person, person_role, region};

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
pub fn qr_svg(link: &str) -> String {
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
    /// The person the mail is about, and their language (so callers need not load them again).
    pub name: String,
    pub lang: crate::i18n::Lang,
    /// Set when relayed: the participant's name, for the coordinator's "for …" line.
    pub on_behalf_of: Option<String>,
    /// The zone of whoever reads it (the person, or the relaying coordinator), from their region.
    pub zone: Option<crate::domain::Zone>,
    /// The person's own choices (preferences page).
    pub reminders: bool,
    pub invitations: bool,
}

pub async fn mail_route(
    conn: &impl ConnectionTrait,
    person_id: PersonId,
) -> Result<Option<MailRoute>, ServiceError> {
    Ok(mail_routes(conn, &[person_id.0])
        .await?
        .remove(&person_id.0))
}

/// [`mail_route`] for many people in four queries (people, their coordinators, regions), for
/// notices to a whole session and reminder fan-out. People without a route are left out.
pub async fn mail_routes(
    conn: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, MailRoute>, ServiceError> {
    use std::collections::HashMap;
    let mut people: Vec<person::Model> = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(1000) {
        people.extend(
            person::Entity::find()
                .filter(person::Column::Id.is_in(chunk.iter().copied()))
                .all(conn)
                .await?,
        );
    }
    let coordinator_ids: Vec<i64> = people
        .iter()
        .filter(|p| p.email.is_none())
        .filter_map(|p| p.registered_by)
        .collect();
    let mut coordinators: HashMap<i64, person::Model> = HashMap::new();
    for chunk in coordinator_ids.chunks(1000) {
        for c in person::Entity::find()
            .filter(person::Column::Id.is_in(chunk.iter().copied()))
            .all(conn)
            .await?
        {
            coordinators.insert(c.id, c);
        }
    }
    let zones: HashMap<i64, crate::domain::Zone> = region::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|r| crate::domain::Zone::from_iana(&r.timezone).map(|z| (r.id, z)))
        .collect();
    let zone_of = |p: &person::Model| p.region_id.and_then(|r| zones.get(&r).copied());
    let mut out = HashMap::with_capacity(people.len());
    for p in people {
        let lang = crate::i18n::Lang::parse(&p.lang);
        let route = match &p.email {
            Some(to) => Some(MailRoute {
                to: to.clone(),
                name: p.full_name.clone(),
                lang,
                on_behalf_of: None,
                zone: zone_of(&p),
                reminders: p.email_reminders,
                invitations: p.email_invitations,
            }),
            None => p
                .registered_by
                .and_then(|c| coordinators.get(&c))
                .and_then(|c| {
                    Some(MailRoute {
                        to: c.email.clone()?,
                        name: p.full_name.clone(),
                        lang,
                        on_behalf_of: Some(p.full_name.clone()),
                        zone: zone_of(c).or(zone_of(&p)),
                        reminders: p.email_reminders,
                        invitations: p.email_invitations,
                    })
                }),
        };
        if let Some(r) = route {
            out.insert(p.id, r);
        }
    }
    Ok(out)
}
