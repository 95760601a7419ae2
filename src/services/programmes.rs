//! Programmes: list, create and change, with their regions and targets.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use super::{ServiceError, Services, require};
use crate::auth::Actor;
use crate::domain::programme::{
    Metric, NewProgramme, ProgrammeForm, ProgrammeFormData, ProgrammeSummary, RegionOption,
};
use crate::domain::{Field, FieldErrors, Problem, ProgrammeId, Role, Track};
use crate::store;
use crate::store::audit::{self, Entry};
use crate::store::entities::{programme, programme_region, programme_target, region, session};

/// May create programmes: an admin, or an organiser not limited to one programme.
pub fn may_create(actor: &Actor) -> bool {
    actor.is_admin()
        || actor
            .grants
            .iter()
            .any(|g| g.role == Role::Organiser && g.programme_id.is_none())
}

fn may_edit(actor: &Actor, id: ProgrammeId) -> bool {
    actor.is_admin()
        || actor
            .grants
            .iter()
            .any(|g| g.role == Role::Organiser && g.programme_id.is_none_or(|p| p == id))
}

/// Every programme, newest period first, for organisers.
pub async fn list(
    svc: &Services,
    actor: Option<&Actor>,
) -> Result<Vec<ProgrammeSummary>, ServiceError> {
    let actor = require(actor)?;
    if !actor.is_organiser() {
        return Err(ServiceError::Forbidden);
    }
    let db = &svc.db;
    let rows = programme::Entity::find()
        .order_by_desc(programme::Column::StartsOn)
        .order_by_asc(programme::Column::Name)
        .all(db)
        .await?;
    let regions: HashMap<i64, String> = region::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let mut by_programme: HashMap<i64, Vec<String>> = HashMap::new();
    for pr in programme_region::Entity::find().all(db).await? {
        if let Some(name) = regions.get(&pr.region_id) {
            by_programme
                .entry(pr.programme_id)
                .or_default()
                .push(name.clone());
        }
    }
    let mut targets: HashMap<i64, Vec<(Metric, i64)>> = HashMap::new();
    for t in programme_target::Entity::find()
        .filter(programme_target::Column::RegionId.is_null())
        .all(db)
        .await?
    {
        if let Some(m) = Metric::parse(&t.metric) {
            targets
                .entry(t.programme_id)
                .or_default()
                .push((m, m.typed(t.target_value)));
        }
    }
    // Sessions per programme in one grouped query, not one count per programme.
    let counts: HashMap<i64, i64> = session::Entity::find()
        .select_only()
        .column(session::Column::ProgrammeId)
        .column_as(session::Column::Id.count(), "n")
        .filter(session::Column::Status.ne("cancelled"))
        .group_by(session::Column::ProgrammeId)
        .into_tuple::<(i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut out = Vec::with_capacity(rows.len());
    for p in rows {
        let sessions = counts.get(&p.id).copied().unwrap_or(0).max(0) as u64;
        let mut names = by_programme.remove(&p.id).unwrap_or_default();
        names.sort();
        let mut ts = targets.remove(&p.id).unwrap_or_default();
        ts.sort_by_key(|(m, _)| Metric::ALL.iter().position(|x| x == m));
        out.push(ProgrammeSummary {
            id: ProgrammeId(p.id),
            editable: may_edit(actor, ProgrammeId(p.id)),
            name: p.name,
            description: p.description,
            track: Track::parse(&p.track).unwrap_or(Track::Pembibitan),
            starts_on: p.starts_on,
            ends_on: p.ends_on,
            regions: names,
            targets: ts,
            sessions,
        });
    }
    Ok(out)
}

async fn region_options(conn: &impl ConnectionTrait) -> Result<Vec<RegionOption>, ServiceError> {
    Ok(region::Entity::find()
        .order_by_asc(region::Column::Code)
        .all(conn)
        .await?
        .into_iter()
        .map(|r| RegionOption {
            id: r.id,
            label: r.name,
            level: r.level,
        })
        .collect())
}

/// The form page: empty for a new programme, filled in for an existing one.
pub async fn form_data(
    svc: &Services,
    actor: Option<&Actor>,
    id: Option<ProgrammeId>,
) -> Result<ProgrammeFormData, ServiceError> {
    let actor = require(actor)?;
    let form = match id {
        None if may_create(actor) => ProgrammeForm::default(),
        Some(id) if may_edit(actor, id) => form_of(&svc.db, id).await?,
        _ => return Err(ServiceError::Forbidden),
    };
    Ok(ProgrammeFormData {
        id,
        form,
        regions: region_options(&svc.db).await?,
    })
}

async fn form_of(
    conn: &impl ConnectionTrait,
    id: ProgrammeId,
) -> Result<ProgrammeForm, ServiceError> {
    let p = programme::Entity::find_by_id(id.0)
        .one(conn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let mut f = ProgrammeForm {
        name: p.name,
        description: p.description.unwrap_or_default(),
        track: p.track,
        starts_on: p.starts_on.to_string(),
        ends_on: p.ends_on.to_string(),
        regions: programme_region::Entity::find()
            .filter(programme_region::Column::ProgrammeId.eq(id.0))
            .all(conn)
            .await?
            .into_iter()
            .map(|r| r.region_id.to_string())
            .collect(),
        ..Default::default()
    };
    for t in programme_target::Entity::find()
        .filter(programme_target::Column::ProgrammeId.eq(id.0))
        .filter(programme_target::Column::RegionId.is_null())
        .all(conn)
        .await?
    {
        if let Some(m) = Metric::parse(&t.metric) {
            f.set_target(m, m.typed(t.target_value).to_string());
        }
    }
    Ok(f)
}

/// Creates (`id = None`) or changes a programme, with its regions and targets, in one transaction.
pub async fn save(
    svc: &Services,
    actor: Option<&Actor>,
    id: Option<ProgrammeId>,
    form: &ProgrammeForm,
    now: DateTime<Utc>,
) -> Result<ProgrammeId, ServiceError> {
    let actor = require(actor)?;
    let allowed = match id {
        None => may_create(actor),
        Some(id) => may_edit(actor, id),
    };
    if !allowed {
        return Err(ServiceError::Forbidden);
    }
    let new: NewProgramme = form.parse().map_err(ServiceError::Invalid)?;
    let txn = store::begin_write(&svc.db).await?;
    let known = region::Entity::find()
        .filter(region::Column::Id.is_in(new.regions.iter().map(|r| r.0).collect::<Vec<_>>()))
        .count(&txn)
        .await?;
    if known != new.regions.len() as u64 {
        return Err(ServiceError::Invalid(FieldErrors::one(
            Field::Regions,
            Problem::NotFound,
        )));
    }
    let (row, before) = match id {
        None => (
            programme::ActiveModel {
                name: Set(new.name.clone()),
                description: Set(new.description.clone()),
                track: Set(new.track.as_str().to_owned()),
                starts_on: Set(new.starts_on),
                ends_on: Set(new.ends_on),
                created_by: Set(Some(actor.person_id.0)),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?,
            None,
        ),
        Some(id) => {
            let before = form_of(&txn, id).await?;
            let old = programme::Entity::find_by_id(id.0)
                .one(&txn)
                .await?
                .ok_or(ServiceError::NotFound)?;
            // Sessions already planned must stay inside the period.
            let outside = session::Entity::find()
                .filter(session::Column::ProgrammeId.eq(id.0))
                .filter(session::Column::Status.ne("cancelled"))
                .all(&txn)
                .await?
                .into_iter()
                .any(|s| {
                    let day = s.starts_at.date_naive();
                    day < new.starts_on || day > new.ends_on
                });
            if outside {
                return Err(ServiceError::Invalid(FieldErrors::one(
                    Field::StartsOn,
                    Problem::OutsideProgramme,
                )));
            }
            let mut a: programme::ActiveModel = old.into();
            a.name = Set(new.name.clone());
            a.description = Set(new.description.clone());
            a.track = Set(new.track.as_str().to_owned());
            a.starts_on = Set(new.starts_on);
            a.ends_on = Set(new.ends_on);
            a.updated_at = Set(now);
            (a.update(&txn).await?, Some(before))
        }
    };
    programme_region::Entity::delete_many()
        .filter(programme_region::Column::ProgrammeId.eq(row.id))
        .exec(&txn)
        .await?;
    for r in &new.regions {
        programme_region::ActiveModel {
            programme_id: Set(row.id),
            region_id: Set(r.0),
        }
        .insert(&txn)
        .await?;
    }
    programme_target::Entity::delete_many()
        .filter(programme_target::Column::ProgrammeId.eq(row.id))
        .filter(programme_target::Column::RegionId.is_null())
        .exec(&txn)
        .await?;
    for (m, v) in &new.targets {
        programme_target::ActiveModel {
            programme_id: Set(row.id),
            metric: Set(m.as_str().to_owned()),
            target_value: Set(*v),
            region_id: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    audit::record(
        &txn,
        Entry {
            actor_id: Some(actor.person_id.0),
            action: if id.is_some() {
                "programme.update"
            } else {
                "programme.create"
            },
            entity: "programme",
            entity_id: Some(row.id),
        },
        before.as_ref(),
        Some(form),
    )
    .await?;
    txn.commit().await?;
    Ok(ProgrammeId(row.id))
}
