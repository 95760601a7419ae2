//! Sessions: list, create, and the "send me a test invitation" that proves the mail path.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::{ServiceError, Services, require};
use crate::auth::Actor;
use crate::domain::{
    Choice, Field, FieldErrors, FilterChoices, MySession, NewSession, Problem, ProgrammeId,
    RegionChoice, RegionId, SessionFilter, SessionForm, SessionFormOptions, SessionId, SessionMode,
    SessionSummary, Track, Zone,
};
use crate::i18n::Lang;
use crate::mail::{self, outbox};
use crate::store;
use crate::store::audit::{self, Entry};
use crate::store::entities::{
    person, programme, region, registration, session, session_mentor, session_series,
};

/// How many sessions one list page shows.
pub const LIST_LIMIT: u64 = 200;

/// Upcoming and running sessions, soonest first, filtered. Open to everyone: it carries no
/// meeting link.
pub async fn list_upcoming(
    svc: &Services,
    filter: &SessionFilter,
    now: DateTime<Utc>,
) -> Result<Vec<SessionSummary>, ServiceError> {
    let mut q = session::Entity::find().filter(session::Column::EndsAt.gt(now));
    if let Some(p) = filter.programme {
        q = q.filter(session::Column::ProgrammeId.eq(p.0));
    }
    if let Some(m) = filter.mode {
        q = q.filter(session::Column::Mode.eq(m.as_str()));
    }
    if let Some(day) = filter.from {
        let zone = filter.zone.unwrap_or(Zone::Wib);
        if let Some(t) = zone.to_utc(day.and_time(chrono::NaiveTime::MIN)) {
            q = q.filter(session::Column::EndsAt.gt(t));
        }
    }
    if let Some(r) = filter.region {
        q = q.filter(session::Column::RegionId.is_in(region_and_below(&svc.db, r.0).await?));
    }
    let rows = q
        .order_by_asc(session::Column::StartsAt)
        .order_by_asc(session::Column::Id)
        .limit(LIST_LIMIT)
        .all(&svc.db)
        .await?;
    summaries(&svc.db, rows).await
}

/// A region and the regions under it (provinsi → kabupaten/kota → kecamatan).
pub(super) async fn region_and_below(
    conn: &impl ConnectionTrait,
    id: i64,
) -> Result<Vec<i64>, ServiceError> {
    let mut all = vec![id];
    let mut frontier = vec![id];
    for _ in 0..4 {
        if frontier.is_empty() {
            break;
        }
        frontier = region::Entity::find()
            .filter(region::Column::ParentId.is_in(frontier))
            .all(conn)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect();
        all.extend(&frontier);
    }
    Ok(all)
}

/// Programmes and regions to filter the list by (public names only).
pub async fn filter_choices(svc: &Services) -> Result<FilterChoices, ServiceError> {
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
        .order_by_asc(region::Column::Code)
        .all(&svc.db)
        .await?
        .into_iter()
        .map(|r| Choice {
            id: r.id,
            label: if r.parent_id.is_some() {
                format!("— {}", r.name)
            } else {
                r.name
            },
        })
        .collect();
    Ok(FilterChoices {
        programmes,
        regions,
    })
}

/// The zone of the caller's region, to show times in (None: anonymous or no region).
pub async fn viewer_zone(
    svc: &Services,
    actor: Option<&Actor>,
) -> Result<Option<Zone>, ServiceError> {
    let Some(a) = actor else {
        return Ok(None);
    };
    let Some(region_id) = person::Entity::find_by_id(a.person_id.0)
        .one(&svc.db)
        .await?
        .and_then(|p| p.region_id)
    else {
        return Ok(None);
    };
    Ok(region::Entity::find_by_id(region_id)
        .one(&svc.db)
        .await?
        .and_then(|r| Zone::from_iana(&r.timezone)))
}

/// What mails about this session need to say (summary, version, description, link).
pub async fn session_info(
    conn: &impl ConnectionTrait,
    s: session::Model,
) -> Result<crate::mail::SessionInfo, ServiceError> {
    let version = s.version;
    let description = s.description.clone();
    let meeting_url = s.meeting_url.clone();
    let summary = summaries(conn, vec![s])
        .await?
        .pop()
        .ok_or(ServiceError::NotFound)?;
    Ok(crate::mail::SessionInfo {
        summary,
        version,
        description,
        meeting_url,
    })
}

/// Maps rows to summaries with two lookups in all (programmes, regions), not one per row.
pub(super) async fn summaries(
    conn: &impl ConnectionTrait,
    rows: Vec<session::Model>,
) -> Result<Vec<SessionSummary>, ServiceError> {
    let mut pids: Vec<i64> = rows.iter().map(|s| s.programme_id).collect();
    let mut rids: Vec<i64> = rows.iter().map(|s| s.region_id).collect();
    pids.sort_unstable();
    pids.dedup();
    rids.sort_unstable();
    rids.dedup();
    let programmes: HashMap<i64, programme::Model> = programme::Entity::find()
        .filter(programme::Column::Id.is_in(pids))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let regions: HashMap<i64, region::Model> = region::Entity::find()
        .filter(region::Column::Id.is_in(rids))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    rows.into_iter()
        .map(|s| {
            let p = programmes.get(&s.programme_id);
            Ok(SessionSummary {
                id: SessionId(s.id),
                title: s.title,
                programme: p.map(|p| p.name.clone()).unwrap_or_default(),
                track: p
                    .and_then(|p| Track::parse(&p.track))
                    .unwrap_or(Track::Pembibitan),
                mode: SessionMode::parse(&s.mode).ok_or_else(|| corrupt("mode", s.id))?,
                region: regions
                    .get(&s.region_id)
                    .map(|r| r.name.clone())
                    .unwrap_or_default(),
                zone: Zone::from_iana(&s.timezone).ok_or_else(|| corrupt("timezone", s.id))?,
                starts_at: s.starts_at,
                ends_at: s.ends_at,
                room_capacity: s.room_capacity.max(0) as u32,
                online_capacity: s.online_capacity.max(0) as u32,
                venue: s.venue,
                cancelled: s.status == "cancelled",
            })
        })
        .collect()
}

/// Mentors: the upcoming sessions they are assigned to, soonest first.
pub async fn mentor_upcoming(
    svc: &Services,
    actor: Option<&Actor>,
    now: DateTime<Utc>,
) -> Result<Vec<SessionSummary>, ServiceError> {
    let actor = require(actor)?;
    if !(actor.is_admin() || actor.has_role(crate::domain::Role::Mentor)) {
        return Err(ServiceError::Forbidden);
    }
    let ids: Vec<i64> = session_mentor::Entity::find()
        .filter(session_mentor::Column::PersonId.eq(actor.person_id.0))
        .all(&svc.db)
        .await?
        .into_iter()
        .map(|m| m.session_id)
        .collect();
    let rows = session::Entity::find()
        .filter(session::Column::Id.is_in(ids))
        .filter(session::Column::EndsAt.gt(now))
        .order_by_asc(session::Column::StartsAt)
        .limit(LIST_LIMIT)
        .all(&svc.db)
        .await?;
    summaries(&svc.db, rows).await
}

/// Anyone logged in: the sessions they registered for (not cancelled), with seat and status.
pub async fn my_upcoming(
    svc: &Services,
    actor: Option<&Actor>,
    now: DateTime<Utc>,
) -> Result<Vec<MySession>, ServiceError> {
    let actor = require(actor)?;
    let regs: HashMap<i64, registration::Model> = registration::Entity::find()
        .filter(registration::Column::PersonId.eq(actor.person_id.0))
        .filter(registration::Column::Status.ne("cancelled"))
        .all(&svc.db)
        .await?
        .into_iter()
        .map(|r| (r.session_id, r))
        .collect();
    let rows = session::Entity::find()
        .filter(session::Column::Id.is_in(regs.keys().copied().collect::<Vec<_>>()))
        .filter(session::Column::EndsAt.gt(now))
        .order_by_asc(session::Column::StartsAt)
        .limit(LIST_LIMIT)
        .all(&svc.db)
        .await?;
    let mut out = Vec::new();
    for s in summaries(&svc.db, rows).await? {
        let Some(r) = regs.get(&s.id.0) else {
            continue;
        };
        // The place in line among those still waiting, not the stored order key.
        let rank = super::registrations::waitlist_rank(&svc.db, r).await?;
        out.push(MySession {
            seat_kind: r.seat_kind.clone(),
            status: r.status.clone(),
            waitlist_position: rank.map(|n| n as i64),
            session: s,
        });
    }
    Ok(out)
}

fn corrupt(what: &str, id: i64) -> ServiceError {
    ServiceError::Internal(format!("session {id} has an unknown {what}"))
}

/// Programmes the caller may organise, and all regions, for the new-session form.
pub async fn form_options(
    svc: &Services,
    actor: Option<&Actor>,
) -> Result<SessionFormOptions, ServiceError> {
    let actor = require(actor)?;
    if !actor.is_organiser() {
        return Err(ServiceError::Forbidden);
    }
    let programmes = programme::Entity::find()
        .order_by_asc(programme::Column::Name)
        .all(&svc.db)
        .await?
        .into_iter()
        .filter(|p| actor.may_organise_programme(ProgrammeId(p.id)))
        .map(|p| Choice {
            id: p.id,
            label: p.name,
        })
        .collect();
    let regions = region::Entity::find()
        .filter(region::Column::Level.ne("provinsi"))
        .order_by_asc(region::Column::Name)
        .all(&svc.db)
        .await?
        .into_iter()
        .filter(|r| actor.may_organise_in(RegionId(r.id)))
        .filter_map(|r| {
            Some(RegionChoice {
                zone: Zone::from_iana(&r.timezone)?,
                id: r.id,
                label: r.name,
            })
        })
        .collect();
    Ok(SessionFormOptions {
        programmes,
        regions,
    })
}

/// Creates a session from the organiser's form. All-or-nothing: the session and its audit entry
/// are written in one transaction.
pub async fn create(
    svc: &Services,
    actor: Option<&Actor>,
    form: &SessionForm,
    now: DateTime<Utc>,
) -> Result<SessionId, ServiceError> {
    let actor = require(actor)?;
    if !actor.is_organiser() {
        return Err(ServiceError::Forbidden);
    }
    let new = form.parse(now).map_err(ServiceError::Invalid)?;
    if !actor.may_organise(new.programme_id, new.region_id) {
        return Err(ServiceError::Forbidden);
    }

    let txn = store::begin_write(&svc.db).await?;
    check_refs(&txn, &new).await?;

    // A series: one row for the series, one session per date, all in this transaction.
    let starts = new.repeat.starts(new.starts_at, new.zone);
    let series_id = if starts.len() > 1 {
        Some(
            session_series::ActiveModel {
                programme_id: Set(new.programme_id.0),
                recurrence: Set(new.repeat.code()),
                created_by: Set(Some(actor.person_id.0)),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?
            .id,
        )
    } else {
        None
    };
    let length = new.ends_at - new.starts_at;
    let mut first = None;
    for start in starts {
        let shift = start - new.starts_at;
        let one = NewSession {
            starts_at: start,
            ends_at: start + length,
            registration_opens_at: new.registration_opens_at.map(|t| t + shift),
            registration_closes_at: new.registration_closes_at.map(|t| t + shift),
            ..new.clone()
        };
        let row = insert_one(&txn, &one, Some(actor.person_id.0), series_id, now).await?;
        first.get_or_insert(row.id);
    }
    let first = first.ok_or(ServiceError::Internal("a series without sessions".into()))?;
    audit::record(
        &txn,
        Entry {
            actor_id: Some(actor.person_id.0),
            action: "session.create",
            entity: "session",
            entity_id: Some(first),
        },
        None::<&()>,
        Some(&new),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(
        session = first,
        actor = actor.person_id.0,
        "session created"
    );
    Ok(SessionId(first))
}

/// The programme and region of a parsed form exist (checked inside the caller's transaction).
pub(super) async fn check_refs(
    conn: &impl ConnectionTrait,
    new: &NewSession,
) -> Result<(), ServiceError> {
    let mut e = FieldErrors::default();
    if programme::Entity::find_by_id(new.programme_id.0)
        .one(conn)
        .await?
        .is_none()
    {
        e.push(Field::Programme, Problem::NotFound);
    }
    for (field, r) in [
        (Field::Region, Some(new.region_id)),
        (Field::EligibleRegion, new.eligibility.region_id),
    ] {
        if let Some(r) = r
            && region::Entity::find_by_id(r.0).one(conn).await?.is_none()
        {
            e.push(field, Problem::NotFound);
        }
    }
    if e.is_empty() {
        Ok(())
    } else {
        Err(ServiceError::Invalid(e))
    }
}

/// Inserts a parsed session with its speakers and eligibility (also used by the demo seed).
pub async fn insert(
    conn: &impl ConnectionTrait,
    new: &NewSession,
    created_by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<session::Model, ServiceError> {
    insert_one(conn, new, created_by, None, now).await
}

async fn insert_one(
    conn: &impl ConnectionTrait,
    new: &NewSession,
    created_by: Option<i64>,
    series_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<session::Model, ServiceError> {
    let row = session::ActiveModel {
        programme_id: Set(new.programme_id.0),
        series_id: Set(series_id),
        title: Set(new.title.clone()),
        description: Set(new.description.clone()),
        mode: Set(new.mode.as_str().to_owned()),
        status: Set("scheduled".to_owned()),
        region_id: Set(new.region_id.0),
        timezone: Set(new.zone.iana().to_owned()),
        starts_at: Set(new.starts_at),
        ends_at: Set(new.ends_at),
        venue: Set(new.venue.clone()),
        meeting_url: Set(new.meeting_url.as_ref().map(|u| u.as_str().to_owned())),
        room_capacity: Set(new.room_capacity as i32),
        online_capacity: Set(new.online_capacity as i32),
        registration_opens_at: Set(new.registration_opens_at),
        registration_closes_at: Set(new.registration_closes_at),
        allow_walk_ins: Set(new.allow_walk_ins),
        reminder_offsets_minutes: Set(crate::domain::reminder_code(&new.reminder_offsets)),
        version: Set(0),
        created_by: Set(created_by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    super::session_admin::write_extras(conn, row.id, &new.speakers, &new.eligibility).await?;
    Ok(row)
}

/// Outcome of "send me a test invitation".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestInvitation {
    Queued,
    /// The same form was submitted before (double click, resubmit): nothing new is sent.
    AlreadyQueued,
}

/// Enqueues a test invitation for this session to the caller's own address. `client_key` comes
/// from the form, so a double submit of one form sends one email.
pub async fn send_test_invitation(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    client_key: &str,
) -> Result<TestInvitation, ServiceError> {
    let actor = require(actor)?;
    if !actor.is_organiser() {
        return Err(ServiceError::Forbidden);
    }
    let key_ok = !client_key.is_empty()
        && client_key.len() <= 64
        && client_key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !key_ok {
        return Err(ServiceError::BadRequest("idempotency key"));
    }
    let txn = store::begin_write(&svc.db).await?;
    let row = session::Entity::find_by_id(id.0)
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !actor.may_organise(ProgrammeId(row.programme_id), RegionId(row.region_id)) {
        return Err(ServiceError::Forbidden);
    }
    let me = person::Entity::find_by_id(actor.person_id.0)
        .one(&txn)
        .await?
        .ok_or(ServiceError::Unauthenticated)?;
    let Some(to) = me.email.clone() else {
        return Err(ServiceError::Invalid(FieldErrors::one(
            Field::Email,
            Problem::Required,
        )));
    };
    let summary = summaries(&txn, vec![row])
        .await?
        .pop()
        .ok_or(ServiceError::NotFound)?;
    let lang = Lang::parse(&me.lang);
    let msg = mail::render::test_invitation(lang, &me.full_name, &summary, &svc.base_url);
    let queued = outbox::enqueue(
        &txn,
        outbox::NewMail {
            idempotency_key: format!("test_invitation:{}:{}:{client_key}", id.0, me.id),
            kind: "test_invitation",
            session_id: Some(id.0),
            recipient_person_id: Some(me.id),
            to_address: to,
            rendered: msg,
            run_at: Utc::now(),
            list_unsubscribe: None,
        },
        &svc.base_url,
    )
    .await?;
    txn.commit().await?;
    if queued {
        svc.mail_wakeup.notify_one();
        Ok(TestInvitation::Queued)
    } else {
        Ok(TestInvitation::AlreadyQueued)
    }
}
