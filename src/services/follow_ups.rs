//! Follow-up: a mentor's caseload and each participant's business record (visits and calls,
//! indicators, next actions).
//!
//! A mentor's caseload is everyone with a participant role who holds a confirmed registration
//! for a session the mentor is assigned to, plus anyone whose business this mentor has followed
//! up before. Only those mentors (and admins) see a participant's follow-up page, which is also
//! the one place a mentor sees the participant's phone number (to call them). Every write is
//! audited.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::{ServiceError, Services, require};
use crate::auth::Actor;
use crate::domain::follow_up::{
    BusinessForm, BusinessView, CaseloadRow, ContactKind, FollowUpEntry, FollowUpForm,
    FollowUpPage, NextAction, Sector, caseload_order,
};
use crate::domain::session::{Choice, Track};
use crate::domain::{Field, FieldErrors, PersonId, Problem, RegStatus, Role, Zone};
use crate::store;
use crate::store::audit::{self, Entry};
use crate::store::entities::{
    business, follow_up, person, person_role, region, registration, session, session_mentor,
};

fn require_mentor(actor: Option<&Actor>) -> Result<&Actor, ServiceError> {
    let actor = require(actor)?;
    if actor.is_admin() || actor.has_role(Role::Mentor) {
        Ok(actor)
    } else {
        Err(ServiceError::Forbidden)
    }
}

/// The people on a mentor's caseload.
async fn caseload_ids(conn: &impl ConnectionTrait, mentor: i64) -> Result<Vec<i64>, ServiceError> {
    let sessions: Vec<i64> = session_mentor::Entity::find()
        .select_only()
        .column(session_mentor::Column::SessionId)
        .filter(session_mentor::Column::PersonId.eq(mentor))
        .into_tuple()
        .all(conn)
        .await?;
    let mut ids: HashSet<i64> = HashSet::new();
    for chunk in sessions.chunks(1000) {
        let registered: Vec<i64> = registration::Entity::find()
            .select_only()
            .column(registration::Column::PersonId)
            .filter(registration::Column::SessionId.is_in(chunk.to_vec()))
            .filter(registration::Column::Status.eq(RegStatus::Confirmed.as_str()))
            .into_tuple()
            .all(conn)
            .await?;
        ids.extend(registered);
    }
    // Only participants (KPM): coordinators and mentors attend too, but have no business here.
    let mut participants: HashSet<i64> = HashSet::new();
    let all: Vec<i64> = ids.into_iter().collect();
    for chunk in all.chunks(5000) {
        let rows: Vec<i64> = person_role::Entity::find()
            .select_only()
            .column(person_role::Column::PersonId)
            .filter(person_role::Column::PersonId.is_in(chunk.to_vec()))
            .filter(person_role::Column::Role.eq(Role::Participant.as_str()))
            .into_tuple()
            .all(conn)
            .await?;
        participants.extend(rows);
    }
    let followed: Vec<i64> = follow_up::Entity::find()
        .select_only()
        .column(follow_up::Column::BusinessId)
        .filter(follow_up::Column::MentorId.eq(mentor))
        .into_tuple()
        .all(conn)
        .await?;
    for chunk in followed.chunks(5000) {
        let owners: Vec<i64> = business::Entity::find()
            .select_only()
            .column(business::Column::PersonId)
            .filter(business::Column::Id.is_in(chunk.to_vec()))
            .into_tuple()
            .all(conn)
            .await?;
        participants.extend(owners);
    }
    let mut v: Vec<i64> = participants.into_iter().collect();
    v.sort_unstable();
    Ok(v)
}

async fn may_follow_up(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    person: i64,
) -> Result<bool, ServiceError> {
    if actor.is_admin() {
        return Ok(true);
    }
    if !actor.has_role(Role::Mentor) {
        return Ok(false);
    }
    // The caseload rule for one person, without loading the whole caseload: followed up by
    // this mentor before, or a participant confirmed in one of the mentor's sessions.
    let mentor = actor.person_id.0;
    let businesses: Vec<i64> = business::Entity::find()
        .select_only()
        .column(business::Column::Id)
        .filter(business::Column::PersonId.eq(person))
        .into_tuple()
        .all(conn)
        .await?;
    let followed = follow_up::Entity::find()
        .filter(follow_up::Column::MentorId.eq(mentor))
        .filter(follow_up::Column::BusinessId.is_in(businesses))
        .one(conn)
        .await?
        .is_some();
    if followed {
        return Ok(true);
    }
    let participant = person_role::Entity::find()
        .filter(person_role::Column::PersonId.eq(person))
        .filter(person_role::Column::Role.eq(Role::Participant.as_str()))
        .one(conn)
        .await?
        .is_some();
    if !participant {
        return Ok(false);
    }
    let sessions: Vec<i64> = session_mentor::Entity::find()
        .select_only()
        .column(session_mentor::Column::SessionId)
        .filter(session_mentor::Column::PersonId.eq(mentor))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(registration::Entity::find()
        .filter(registration::Column::PersonId.eq(person))
        .filter(registration::Column::Status.eq(RegStatus::Confirmed.as_str()))
        .filter(registration::Column::SessionId.is_in(sessions))
        .one(conn)
        .await?
        .is_some())
}

async fn zone_of_actor(svc: &Services, actor: &Actor) -> Result<Zone, ServiceError> {
    Ok(super::sessions::viewer_zone(svc, Some(actor))
        .await?
        .unwrap_or(Zone::Wib))
}

fn business_view(b: &business::Model) -> Option<BusinessView> {
    Some(BusinessView {
        id: b.id,
        name: b.name.clone(),
        sector: Sector::parse(&b.sector)?,
        stage: Track::parse(&b.stage)?,
    })
}

/// The open next action of a business: its latest follow-up's, unless done.
fn next_action_of(latest: Option<&follow_up::Model>) -> Option<NextAction> {
    let f = latest?;
    if f.next_action_done_at.is_some() {
        return None;
    }
    Some(NextAction {
        follow_up_id: f.id,
        text: f.next_action.clone()?,
        due: f.next_action_due?,
    })
}

/// The caseload of the calling mentor, overdue next actions first. Also returns today's date in
/// the mentor's zone (what "overdue" is measured against) and the zone.
pub async fn caseload(
    svc: &Services,
    actor: Option<&Actor>,
    now: DateTime<Utc>,
) -> Result<(Vec<CaseloadRow>, NaiveDate, Zone), ServiceError> {
    let actor = require_mentor(actor)?;
    let db = &svc.db;
    let zone = zone_of_actor(svc, actor).await?;
    let today = zone.local(now).date();
    let ids = caseload_ids(db, actor.person_id.0).await?;
    let mut people: Vec<person::Model> = Vec::with_capacity(ids.len());
    let mut businesses: HashMap<i64, business::Model> = HashMap::new();
    for chunk in ids.chunks(5000) {
        people.extend(
            person::Entity::find()
                .filter(person::Column::Id.is_in(chunk.to_vec()))
                .all(db)
                .await?,
        );
        for b in business::Entity::find()
            .filter(business::Column::PersonId.is_in(chunk.to_vec()))
            .order_by_asc(business::Column::Id)
            .all(db)
            .await?
        {
            businesses.entry(b.person_id).or_insert(b);
        }
    }
    let business_ids: Vec<i64> = businesses.values().map(|b| b.id).collect();
    // The latest follow-up per business, and the last contact.
    let mut latest: HashMap<i64, follow_up::Model> = HashMap::new();
    for chunk in business_ids.chunks(5000) {
        for f in follow_up::Entity::find()
            .filter(follow_up::Column::BusinessId.is_in(chunk.to_vec()))
            .order_by_desc(follow_up::Column::ContactedAt)
            .order_by_desc(follow_up::Column::Id)
            .all(db)
            .await?
        {
            latest.entry(f.business_id).or_insert(f);
        }
    }
    let region_ids: Vec<i64> = people.iter().filter_map(|p| p.region_id).collect();
    let regions: HashMap<i64, String> = region::Entity::find()
        .filter(region::Column::Id.is_in(region_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let mut rows: Vec<CaseloadRow> = people
        .into_iter()
        .map(|p| {
            let b = businesses.get(&p.id);
            let f = b.and_then(|b| latest.get(&b.id));
            CaseloadRow {
                person_id: PersonId(p.id),
                region: p
                    .region_id
                    .and_then(|r| regions.get(&r).cloned())
                    .unwrap_or_default(),
                name: p.full_name,
                business: b.and_then(business_view),
                last_contact: f.map(|f| f.contacted_at),
                next_action: next_action_of(f),
            }
        })
        .collect();
    caseload_order(&mut rows, today);
    Ok((rows, today, zone))
}

/// One participant's follow-up page.
pub async fn page(
    svc: &Services,
    actor: Option<&Actor>,
    person_id: PersonId,
    now: DateTime<Utc>,
) -> Result<FollowUpPage, ServiceError> {
    let actor = require_mentor(actor)?;
    let db = &svc.db;
    if !may_follow_up(db, actor, person_id.0).await? {
        return Err(ServiceError::Forbidden);
    }
    let p = person::Entity::find_by_id(person_id.0)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let region = match p.region_id {
        Some(r) => region::Entity::find_by_id(r)
            .one(db)
            .await?
            .map(|r| r.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let b = business::Entity::find()
        .filter(business::Column::PersonId.eq(p.id))
        .order_by_asc(business::Column::Id)
        .one(db)
        .await?;
    let mut history = Vec::new();
    let mut next_action = None;
    if let Some(b) = &b {
        let rows = follow_up::Entity::find()
            .filter(follow_up::Column::BusinessId.eq(b.id))
            .order_by_desc(follow_up::Column::ContactedAt)
            .order_by_desc(follow_up::Column::Id)
            .all(db)
            .await?;
        next_action = next_action_of(rows.first());
        let mentor_ids: Vec<i64> = rows.iter().map(|f| f.mentor_id).collect();
        let mentors: HashMap<i64, String> = person::Entity::find()
            .filter(person::Column::Id.is_in(mentor_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m.full_name))
            .collect();
        let session_ids: Vec<i64> = rows.iter().filter_map(|f| f.session_id).collect();
        let titles: HashMap<i64, String> = session::Entity::find()
            .filter(session::Column::Id.is_in(session_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.id, s.title))
            .collect();
        history = rows
            .into_iter()
            .filter_map(|f| {
                Some(FollowUpEntry {
                    id: f.id,
                    kind: ContactKind::parse(&f.kind)?,
                    contacted_at: f.contacted_at,
                    mentor: mentors.get(&f.mentor_id).cloned().unwrap_or_default(),
                    session: f.session_id.and_then(|s| titles.get(&s).cloned()),
                    discussed: f.discussed,
                    monthly_revenue: f.monthly_revenue,
                    packaging_improved: f.packaging_improved,
                    selling_online: f.selling_online,
                    next_action: f.next_action,
                    next_action_due: f.next_action_due,
                    next_action_done_at: f.next_action_done_at,
                })
            })
            .collect();
    }
    // The sessions this person registered for that the mentor is assigned to.
    let mine: Vec<i64> = session_mentor::Entity::find()
        .select_only()
        .column(session_mentor::Column::SessionId)
        .filter(session_mentor::Column::PersonId.eq(actor.person_id.0))
        .into_tuple()
        .all(db)
        .await?;
    let theirs: Vec<i64> = registration::Entity::find()
        .select_only()
        .column(registration::Column::SessionId)
        .filter(registration::Column::PersonId.eq(p.id))
        .filter(registration::Column::Status.eq(RegStatus::Confirmed.as_str()))
        .filter(registration::Column::SessionId.is_in(mine))
        .into_tuple()
        .all(db)
        .await?;
    let rows = session::Entity::find()
        .filter(session::Column::Id.is_in(theirs))
        .order_by_desc(session::Column::StartsAt)
        .all(db)
        .await?;
    let recent_session = rows
        .iter()
        .find(|s| s.starts_at <= now && s.status != "cancelled")
        .map(|s| s.id);
    let sessions = rows
        .into_iter()
        .map(|s| Choice {
            id: s.id,
            label: s.title,
        })
        .collect();
    let zone = zone_of_actor(svc, actor).await?;
    let today = zone.local(now).date();
    Ok(FollowUpPage {
        person_id: PersonId(p.id),
        name: p.full_name,
        region,
        phone: p.phone.clone(),
        business: b.as_ref().and_then(business_view),
        next_action,
        history,
        sessions,
        recent_session,
        today,
        zone,
    })
}

/// Creates or updates the participant's business (one per participant here).
pub async fn save_business(
    svc: &Services,
    actor: Option<&Actor>,
    person_id: PersonId,
    form: &BusinessForm,
    now: DateTime<Utc>,
) -> Result<i64, ServiceError> {
    let actor = require_mentor(actor)?;
    if !may_follow_up(&svc.db, actor, person_id.0).await? {
        return Err(ServiceError::Forbidden);
    }
    let new = form.parse().map_err(ServiceError::Invalid)?;
    let txn = store::begin_write(&svc.db).await?;
    let existing = business::Entity::find()
        .filter(business::Column::PersonId.eq(person_id.0))
        .order_by_asc(business::Column::Id)
        .one(&txn)
        .await?;
    let before = existing
        .as_ref()
        .map(|b| (b.name.clone(), b.sector.clone(), b.stage.clone()));
    let row = match existing {
        Some(b) => {
            let mut a: business::ActiveModel = b.into();
            a.name = Set(new.name.clone());
            a.sector = Set(new.sector.as_str().to_owned());
            a.stage = Set(new.stage.as_str().to_owned());
            a.updated_at = Set(now);
            a.update(&txn).await?
        }
        None => {
            business::ActiveModel {
                person_id: Set(person_id.0),
                name: Set(new.name.clone()),
                sector: Set(new.sector.as_str().to_owned()),
                stage: Set(new.stage.as_str().to_owned()),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    audit::record(
        &txn,
        Entry {
            actor_id: Some(actor.person_id.0),
            action: "business.save",
            entity: "business",
            entity_id: Some(row.id),
        },
        before.as_ref(),
        Some(&(&row.name, &row.sector, &row.stage)),
    )
    .await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Records a visit or a call. The participant's business must be recorded first.
pub async fn record(
    svc: &Services,
    actor: Option<&Actor>,
    person_id: PersonId,
    form: &FollowUpForm,
    now: DateTime<Utc>,
) -> Result<i64, ServiceError> {
    let actor = require_mentor(actor)?;
    if !may_follow_up(&svc.db, actor, person_id.0).await? {
        return Err(ServiceError::Forbidden);
    }
    let zone = zone_of_actor(svc, actor).await?;
    let today = zone.local(now).date();
    let new = form.parse(today).map_err(ServiceError::Invalid)?;
    let txn = store::begin_write(&svc.db).await?;
    let b = business::Entity::find()
        .filter(business::Column::PersonId.eq(person_id.0))
        .order_by_asc(business::Column::Id)
        .one(&txn)
        .await?
        .ok_or_else(|| {
            ServiceError::Invalid(FieldErrors::one(Field::Form, Problem::NoBusinessYet))
        })?;
    if let Some(sid) = new.session_id {
        let ok = registration::Entity::find()
            .filter(registration::Column::SessionId.eq(sid))
            .filter(registration::Column::PersonId.eq(person_id.0))
            .one(&txn)
            .await?
            .is_some();
        if !ok {
            return Err(ServiceError::Invalid(FieldErrors::one(
                Field::Session,
                Problem::UnknownChoice,
            )));
        }
    }
    // Today: now. An earlier day: midday there (the hour is not asked).
    let contacted_at = if new.contacted_on == today {
        now
    } else {
        zone.to_utc(new.contacted_on.and_hms_opt(12, 0, 0).unwrap_or_default())
            .unwrap_or(now)
    };
    let row = follow_up::ActiveModel {
        business_id: Set(b.id),
        mentor_id: Set(actor.person_id.0),
        session_id: Set(new.session_id),
        kind: Set(new.kind.as_str().to_owned()),
        discussed: Set(new.discussed.clone()),
        monthly_revenue: Set(new.monthly_revenue),
        packaging_improved: Set(new.packaging_improved),
        selling_online: Set(new.selling_online),
        next_action: Set(new.next_action.clone()),
        next_action_due: Set(new.next_action_due),
        next_action_done_at: Set(None),
        contacted_at: Set(contacted_at),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Entry {
            actor_id: Some(actor.person_id.0),
            action: "follow_up.record",
            entity: "follow_up",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&new),
    )
    .await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Marks the open next action of the participant's business done.
pub async fn next_action_done(
    svc: &Services,
    actor: Option<&Actor>,
    person_id: PersonId,
    follow_up_id: i64,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let actor = require_mentor(actor)?;
    if !may_follow_up(&svc.db, actor, person_id.0).await? {
        return Err(ServiceError::Forbidden);
    }
    let txn = store::begin_write(&svc.db).await?;
    let f = follow_up::Entity::find_by_id(follow_up_id)
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let owner = business::Entity::find_by_id(f.business_id)
        .one(&txn)
        .await?
        .map(|b| b.person_id);
    if owner != Some(person_id.0) {
        return Err(ServiceError::NotFound);
    }
    if f.next_action_done_at.is_none() && f.next_action.is_some() {
        let id = f.id;
        let mut a: follow_up::ActiveModel = f.into();
        a.next_action_done_at = Set(Some(now));
        a.update(&txn).await?;
        audit::record(
            &txn,
            Entry {
                actor_id: Some(actor.person_id.0),
                action: "follow_up.next_action_done",
                entity: "follow_up",
                entity_id: Some(id),
            },
            None::<&()>,
            Some(&now),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}
