//! The organiser's changes to sessions after creating them: edit (one session or the rest of its
//! series), duplicate, cancel, and which mentors are assigned.
//!
//! Every change runs in one write transaction that locks the session first (as registering does),
//! so seat counts cannot move underneath it. A change of time, place, mode or link raises the
//! session's `version` and enqueues a "session changed" notice to everyone registered, in the
//! same transaction, keyed by version: a retried request never notifies twice.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::{Deserialize, Serialize};

use super::registrations::{count, lock_session, promote_next};
use super::{ServiceError, Services, require};
use crate::auth::Actor;
use crate::domain::session::speakers_text;
use crate::domain::{
    Choice, EditData, EditScope, Eligibility, Field, FieldErrors, NewSession, Problem, ProgrammeId,
    RegStatus, RegionId, Role, SeatKind, SessionForm, SessionId, Speaker, Zone,
};
use crate::i18n::Msg;
use crate::mail::{outbox, render};
use crate::store;
use crate::store::audit::{self, Entry};
use crate::store::entities::{
    person, person_role, registration, session, session_eligibility, session_mentor,
    session_speaker,
};

/// Replaces the speakers and the eligibility rules of a session.
pub(super) async fn write_extras(
    conn: &impl ConnectionTrait,
    session_id: i64,
    speakers: &[Speaker],
    eligibility: &Eligibility,
) -> Result<(), ServiceError> {
    session_speaker::Entity::delete_many()
        .filter(session_speaker::Column::SessionId.eq(session_id))
        .exec(conn)
        .await?;
    for (i, s) in speakers.iter().enumerate() {
        session_speaker::ActiveModel {
            session_id: Set(session_id),
            name: Set(s.name.clone()),
            affiliation: Set(s.affiliation.clone()),
            position: Set(i as i32),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    session_eligibility::Entity::delete_many()
        .filter(session_eligibility::Column::SessionId.eq(session_id))
        .exec(conn)
        .await?;
    for (role, region) in eligibility.rules() {
        session_eligibility::ActiveModel {
            session_id: Set(session_id),
            role: Set(role.map(|r| r.as_str().to_owned())),
            region_id: Set(region.map(|r| r.0)),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

pub(super) async fn speakers_of(
    conn: &impl ConnectionTrait,
    session_id: i64,
) -> Result<Vec<Speaker>, ServiceError> {
    Ok(session_speaker::Entity::find()
        .filter(session_speaker::Column::SessionId.eq(session_id))
        .order_by_asc(session_speaker::Column::Position)
        .all(conn)
        .await?
        .into_iter()
        .map(|p| Speaker {
            name: p.name,
            affiliation: p.affiliation,
        })
        .collect())
}

async fn eligibility_of(
    conn: &impl ConnectionTrait,
    session_id: i64,
) -> Result<Eligibility, ServiceError> {
    let rows: Vec<(Option<String>, Option<i64>)> = session_eligibility::Entity::find()
        .filter(session_eligibility::Column::SessionId.eq(session_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.role, r.region_id))
        .collect();
    Ok(Eligibility::from_rules(&rows))
}

fn zone_of(s: &session::Model) -> Result<Zone, ServiceError> {
    Zone::from_iana(&s.timezone)
        .ok_or_else(|| ServiceError::Internal(format!("session {} has an unknown zone", s.id)))
}

fn tick(on: bool) -> String {
    if on { "1".into() } else { String::new() }
}

/// A stored session as the organiser's form, to edit it or to start a copy.
async fn form_of(
    conn: &impl ConnectionTrait,
    s: &session::Model,
) -> Result<SessionForm, ServiceError> {
    let zone = zone_of(s)?;
    let eligibility = eligibility_of(conn, s.id).await?;
    let has = |r: Role| tick(eligibility.roles.contains(&r));
    Ok(SessionForm {
        title: s.title.clone(),
        description: s.description.clone().unwrap_or_default(),
        programme_id: s.programme_id.to_string(),
        mode: s.mode.clone(),
        region_id: s.region_id.to_string(),
        zone: zone.label().into(),
        starts_at: zone.input_value(s.starts_at),
        ends_at: zone.input_value(s.ends_at),
        room_capacity: s.room_capacity.to_string(),
        online_capacity: s.online_capacity.to_string(),
        venue: s.venue.clone().unwrap_or_default(),
        meeting_url: s.meeting_url.clone().unwrap_or_default(),
        speakers: speakers_text(&speakers_of(conn, s.id).await?),
        registration_opens_at: s
            .registration_opens_at
            .map(|t| zone.input_value(t))
            .unwrap_or_default(),
        registration_closes_at: s
            .registration_closes_at
            .map(|t| zone.input_value(t))
            .unwrap_or_default(),
        for_participant: has(Role::Participant),
        for_coordinator: has(Role::Coordinator),
        for_mentor: has(Role::Mentor),
        allow_walk_ins: tick(s.allow_walk_ins),
        eligible_region_id: eligibility
            .region_id
            .map(|r| r.0.to_string())
            .unwrap_or_default(),
        ..Default::default()
    }
    .with_reminders(&crate::domain::parse_reminder_offsets(
        &s.reminder_offsets_minutes,
    )))
}

pub(super) async fn organised_session(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: SessionId,
) -> Result<session::Model, ServiceError> {
    if !actor.is_organiser() {
        return Err(ServiceError::Forbidden);
    }
    let s = session::Entity::find_by_id(id.0)
        .one(conn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !actor.may_organise(ProgrammeId(s.programme_id), RegionId(s.region_id)) {
        return Err(ServiceError::Forbidden);
    }
    Ok(s)
}

/// Later sessions of the same series (this one included), not cancelled, in order.
async fn series_from(
    conn: &impl ConnectionTrait,
    s: &session::Model,
) -> Result<Vec<session::Model>, ServiceError> {
    let Some(series) = s.series_id else {
        return Ok(vec![s.clone()]);
    };
    Ok(session::Entity::find()
        .filter(session::Column::SeriesId.eq(series))
        .filter(session::Column::StartsAt.gte(s.starts_at))
        .filter(session::Column::Status.ne("cancelled"))
        .order_by_asc(session::Column::StartsAt)
        .order_by_asc(session::Column::Id)
        .all(conn)
        .await?)
}

pub async fn edit_data(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    now: DateTime<Utc>,
) -> Result<EditData, ServiceError> {
    let actor = require(actor)?;
    let s = organised_session(&svc.db, actor, id).await?;
    let series_later = if s.series_id.is_some() {
        series_from(&svc.db, &s).await?.len() as u32
    } else {
        0
    };
    Ok(EditData {
        id,
        form: form_of(&svc.db, &s).await?,
        series_later,
        closed: s.status == "cancelled" || s.ends_at <= now,
    })
}

/// The form of a new session copied from `id`: everything but the dates, which move a week on
/// (the organiser changes them).
pub async fn duplicate_form(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    now: DateTime<Utc>,
) -> Result<SessionForm, ServiceError> {
    let actor = require(actor)?;
    let s = organised_session(&svc.db, actor, id).await?;
    let mut copy = s.clone();
    // A week after the original, or after today if the original is long past.
    let mut shift = Duration::weeks(1);
    while copy.starts_at + shift <= now {
        shift += Duration::weeks(1);
    }
    copy.starts_at += shift;
    copy.ends_at += shift;
    copy.registration_opens_at = copy.registration_opens_at.map(|t| t + shift);
    copy.registration_closes_at = copy.registration_closes_at.map(|t| t + shift);
    form_of(&svc.db, &copy).await
}

/// What a notice to registrants says.
#[derive(Clone, Copy)]
enum Change {
    Changed,
    Cancelled,
}

/// Enqueues a notice of `change` to everyone registered (invited, confirmed, waitlisted), keyed
/// by the session's version. Returns how many were enqueued.
async fn notify_registrants(
    svc: &Services,
    txn: &DatabaseTransaction,
    s: &session::Model,
    change: Change,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<u32, ServiceError> {
    let info = super::sessions::session_info(txn, s.clone()).await?;
    let summary = &info.summary;
    let regs = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(s.id))
        .filter(registration::Column::Status.ne(RegStatus::Cancelled.as_str()))
        .order_by_asc(registration::Column::Id)
        .all(txn)
        .await?;
    let (kind, subject, intro) = match change {
        Change::Changed => (
            "session_changed",
            Msg::MailChangedSubject,
            Msg::MailChangedIntro,
        ),
        Change::Cancelled => (
            "session_cancelled",
            Msg::MailCancelledSubject,
            Msg::MailCancelledIntro,
        ),
    };
    let details = format!("{}/sesi/{}", svc.base_url, s.id);
    let mut queued = 0;
    let ids: Vec<i64> = regs.iter().map(|r| r.person_id).collect();
    let mut routes = super::participants::mail_routes(txn, &ids).await?;
    let key = crate::mail::prefs::key(txn).await?;
    for r in regs {
        let Some(route) = routes.remove(&r.person_id) else {
            continue;
        };
        let lang = route.lang;
        let online_confirmed = r.status == RegStatus::Confirmed.as_str()
            && r.seat_kind == SeatKind::Online.as_str()
            && matches!(change, Change::Changed);
        let note = match (change, reason) {
            (Change::Cancelled, Some(why)) => Some(format!("{}: {why}", lang.t(Msg::CancelReason))),
            _ if online_confirmed => Some(lang.t(Msg::MailJoinLinkStillValid).to_string()),
            _ => None,
        };
        let notice = render::Notice {
            subject: lang.t(subject).replace("{title}", &s.title),
            name: &route.name,
            on_behalf_of: route.on_behalf_of.as_deref(),
            intro: lang.t(intro).to_string(),
            action: Some((lang.t(Msg::MailDetails), details.clone())),
            note: note.as_deref(),
            zone: route.zone,
            // The calendar event is updated (SEQUENCE = version) or cancelled. Confirmed online
            // registrants keep the meeting link in it.
            ics: (r.status != RegStatus::Invited.as_str()).then(|| {
                let (method, link) = match change {
                    Change::Changed => (
                        crate::mail::ics::Method::Request,
                        r.join_token_hash
                            .as_deref()
                            .filter(|_| online_confirmed)
                            .map(|h| {
                                let t = super::registrations::derived_join_token(&key, r.id, h);
                                format!("{}{}", svc.base_url, super::registrations::join_path(&t))
                            }),
                    ),
                    Change::Cancelled => (crate::mail::ics::Method::Cancel, None),
                };
                crate::mail::session_ics(
                    &info,
                    &svc.base_url,
                    method,
                    lang,
                    &route.to,
                    link.as_deref(),
                    now,
                )
            }),
            preferences: None,
        };
        let rendered = render::session_notice(lang, notice, summary);
        let inserted = outbox::enqueue(
            txn,
            outbox::NewMail {
                idempotency_key: format!("{kind}:{}:{}:{}", s.id, r.person_id, s.version),
                kind,
                session_id: Some(s.id),
                recipient_person_id: Some(r.person_id),
                to_address: route.to,
                rendered,
                run_at: now,
                list_unsubscribe: None,
            },
            &svc.base_url,
        )
        .await?;
        if inserted {
            queued += 1;
        }
    }
    Ok(queued)
}

/// Applies the parsed form to one stored session, with its own start and end. Returns whether
/// any mail was enqueued.
#[allow(clippy::too_many_arguments)]
async fn apply(
    svc: &Services,
    txn: &DatabaseTransaction,
    row: session::Model,
    new: &NewSession,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    window: (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    // Fewer seats than people already confirmed would mean taking seats away: refused.
    let mut e = FieldErrors::default();
    for (kind, cap, field) in [
        (SeatKind::Room, new.room_capacity, Field::RoomCapacity),
        (SeatKind::Online, new.online_capacity, Field::OnlineCapacity),
    ] {
        let confirmed = count(txn, row.id, kind, RegStatus::Confirmed).await?;
        if (cap as u64) < confirmed {
            e.push(
                field,
                Problem::BelowConfirmed {
                    confirmed: confirmed as u32,
                },
            );
        }
    }
    if !e.is_empty() {
        return Err(ServiceError::Invalid(e));
    }
    let url = new.meeting_url.as_ref().map(|u| u.as_str().to_owned());
    let material = row.starts_at != starts_at
        || row.ends_at != ends_at
        || row.venue != new.venue
        || row.meeting_url != url
        || row.mode != new.mode.as_str()
        || row.timezone != new.zone.iana();
    let version = row.version + i32::from(material);
    let mut a: session::ActiveModel = row.into();
    a.title = Set(new.title.clone());
    a.description = Set(new.description.clone());
    a.programme_id = Set(new.programme_id.0);
    a.mode = Set(new.mode.as_str().to_owned());
    a.region_id = Set(new.region_id.0);
    a.timezone = Set(new.zone.iana().to_owned());
    a.starts_at = Set(starts_at);
    a.ends_at = Set(ends_at);
    a.venue = Set(new.venue.clone());
    a.meeting_url = Set(url);
    a.room_capacity = Set(new.room_capacity as i32);
    a.online_capacity = Set(new.online_capacity as i32);
    a.registration_opens_at = Set(window.0);
    a.registration_closes_at = Set(window.1);
    a.reminder_offsets_minutes = Set(crate::domain::reminder_code(&new.reminder_offsets));
    a.allow_walk_ins = Set(new.allow_walk_ins);
    a.version = Set(version);
    a.updated_at = Set(now);
    let s = a.update(txn).await?;
    write_extras(txn, s.id, &new.speakers, &new.eligibility).await?;

    let mut queued = false;
    // More seats than before: the waitlist moves up at once, each with their email.
    for kind in [SeatKind::Room, SeatKind::Online] {
        if s.ends_at <= now {
            break;
        }
        loop {
            let (promoted, q) = promote_next(svc, txn, &s, kind, now).await?;
            queued |= q;
            if promoted.is_none() {
                break;
            }
        }
    }
    if material {
        queued |= notify_registrants(svc, txn, &s, Change::Changed, None, now).await? > 0;
    }
    Ok(queued)
}

/// Saves the organiser's changes to a session, or (scope `series`) to it and the later sessions
/// of its series: each keeps its own date, moved by as much as this one's start moved.
pub async fn update(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    form: &SessionForm,
    now: DateTime<Utc>,
) -> Result<SessionId, ServiceError> {
    let actor = require(actor)?;
    if !actor.is_organiser() {
        return Err(ServiceError::Forbidden);
    }
    let txn = store::begin_write(&svc.db).await?;
    let row = lock_session(&txn, id.0).await?;
    if !actor.may_organise(ProgrammeId(row.programme_id), RegionId(row.region_id)) {
        return Err(ServiceError::Forbidden);
    }
    if row.status == "cancelled" || row.ends_at <= now {
        return Err(ServiceError::Invalid(FieldErrors::one(
            Field::Form,
            Problem::SessionClosed,
        )));
    }
    let new = form
        .parse_edit(now, row.starts_at)
        .map_err(ServiceError::Invalid)?;
    if !actor.may_organise(new.programme_id, new.region_id) {
        return Err(ServiceError::Forbidden);
    }
    super::sessions::check_refs(&txn, &new).await?;

    let shift = new.starts_at - row.starts_at;
    let length = new.ends_at - new.starts_at;
    let opens = new.registration_opens_at.map(|t| t - new.starts_at);
    let closes = new.registration_closes_at.map(|t| t - new.starts_at);
    let targets = match new.scope {
        EditScope::Series if row.series_id.is_some() => series_from(&txn, &row).await?,
        _ => vec![row.clone()],
    };
    let before = form_of(&txn, &row).await?;
    let mut queued = false;
    for (i, t) in targets.into_iter().enumerate() {
        if i > 0 {
            // Later sessions are locked too, and each gets its own start.
            lock_session(&txn, t.id).await?;
        }
        let start = if t.id == row.id {
            new.starts_at
        } else {
            t.starts_at + shift
        };
        let window = (opens.map(|d| start + d), closes.map(|d| start + d));
        queued |= apply(svc, &txn, t, &new, start, start + length, window, now).await?;
    }
    audit::record(
        &txn,
        Entry {
            actor_id: Some(actor.person_id.0),
            action: if new.scope == EditScope::Series {
                "session.update_series"
            } else {
                "session.update"
            },
            entity: "session",
            entity_id: Some(id.0),
        },
        Some(&before),
        Some(form),
    )
    .await?;
    txn.commit().await?;
    if queued {
        svc.mail_wakeup.notify_one();
    }
    tracing::info!(session = id.0, actor = actor.person_id.0, "session updated");
    Ok(id)
}

/// What a cancellation did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionsCancelled {
    pub sessions: u32,
    pub notified: u32,
}

pub const CANCEL_REASON_MAX: u32 = 300;

/// Cancels a session (or it and the rest of its series): everyone registered is told, in the same
/// transaction. Registrations stay as they were, for the record.
pub async fn cancel(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    scope: EditScope,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<SessionsCancelled, ServiceError> {
    let actor = require(actor)?;
    if !actor.is_organiser() {
        return Err(ServiceError::Forbidden);
    }
    let reason = crate::domain::errors::optional_text(reason, CANCEL_REASON_MAX)
        .map_err(|p| ServiceError::Invalid(FieldErrors::one(Field::Description, p)))?;
    let txn = store::begin_write(&svc.db).await?;
    let row = lock_session(&txn, id.0).await?;
    if !actor.may_organise(ProgrammeId(row.programme_id), RegionId(row.region_id)) {
        return Err(ServiceError::Forbidden);
    }
    if row.status == "cancelled" || row.ends_at <= now {
        return Err(ServiceError::Invalid(FieldErrors::one(
            Field::Form,
            Problem::SessionClosed,
        )));
    }
    let targets = match scope {
        EditScope::Series => series_from(&txn, &row).await?,
        EditScope::One => vec![row],
    };
    let mut out = SessionsCancelled {
        sessions: 0,
        notified: 0,
    };
    for t in targets {
        let t = lock_session(&txn, t.id).await?;
        let version = t.version + 1;
        let mut a: session::ActiveModel = t.into();
        a.status = Set("cancelled".to_owned());
        a.version = Set(version);
        a.updated_at = Set(now);
        let s = a.update(&txn).await?;
        out.sessions += 1;
        out.notified +=
            notify_registrants(svc, &txn, &s, Change::Cancelled, reason.as_deref(), now).await?;
        audit::record(
            &txn,
            Entry {
                actor_id: Some(actor.person_id.0),
                action: "session.cancel",
                entity: "session",
                entity_id: Some(s.id),
            },
            None::<&()>,
            Some(&reason),
        )
        .await?;
    }
    txn.commit().await?;
    if out.notified > 0 {
        svc.mail_wakeup.notify_one();
    }
    tracing::info!(
        session = id.0,
        sessions = out.sessions,
        notified = out.notified,
        "session cancelled"
    );
    Ok(out)
}

/// The mentors assigned to a session, and the mentors who could be (organisers only).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mentors {
    pub assigned: Vec<Choice>,
    pub available: Vec<Choice>,
}

pub async fn mentors(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
) -> Result<Mentors, ServiceError> {
    let actor = require(actor)?;
    let s = organised_session(&svc.db, actor, id).await?;
    mentors_of(&svc.db, &s).await
}

/// `mentors` for a session the caller is known to organise.
pub(super) async fn mentors_of(
    conn: &impl ConnectionTrait,
    s: &session::Model,
) -> Result<Mentors, ServiceError> {
    let assigned_ids: Vec<i64> = session_mentor::Entity::find()
        .filter(session_mentor::Column::SessionId.eq(s.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| m.person_id)
        .collect();
    // People with a mentor role for this session's programme and region (or unscoped).
    let mentor_ids: Vec<i64> = person_role::Entity::find()
        .filter(person_role::Column::Role.eq(Role::Mentor.as_str()))
        .all(conn)
        .await?
        .into_iter()
        .filter(|g| g.programme_id.is_none_or(|p| p == s.programme_id))
        .filter(|g| g.region_id.is_none_or(|r| r == s.region_id))
        .map(|g| g.person_id)
        .collect();
    let people = person::Entity::find()
        .filter(
            person::Column::Id.is_in(
                assigned_ids
                    .iter()
                    .chain(mentor_ids.iter())
                    .copied()
                    .collect::<Vec<_>>(),
            ),
        )
        .order_by_asc(person::Column::FullName)
        .all(conn)
        .await?;
    let mut out = Mentors::default();
    for p in people {
        let c = Choice {
            id: p.id,
            label: p.full_name,
        };
        if assigned_ids.contains(&p.id) {
            out.assigned.push(c);
        } else if mentor_ids.contains(&p.id) {
            out.available.push(c);
        }
    }
    Ok(out)
}

/// Assigns (`assign = true`) or removes a mentor. Only people with a mentor role that covers the
/// session can be assigned; assigning twice changes nothing.
pub async fn set_mentor(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    mentor: &str,
    assign: bool,
) -> Result<(), ServiceError> {
    let actor = require(actor)?;
    let mentor_id = mentor
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            let p = if mentor.trim().is_empty() {
                Problem::Required
            } else {
                Problem::UnknownChoice
            };
            ServiceError::Invalid(FieldErrors::one(Field::Mentor, p))
        })?;
    let txn = store::begin_write(&svc.db).await?;
    let s = organised_session(&txn, actor, id).await?;
    let existing = session_mentor::Entity::find_by_id((s.id, mentor_id))
        .one(&txn)
        .await?;
    if assign {
        let may = person_role::Entity::find()
            .filter(person_role::Column::PersonId.eq(mentor_id))
            .filter(person_role::Column::Role.eq(Role::Mentor.as_str()))
            .all(&txn)
            .await?
            .into_iter()
            .any(|g| {
                g.programme_id.is_none_or(|p| p == s.programme_id)
                    && g.region_id.is_none_or(|r| r == s.region_id)
            });
        if !may {
            return Err(ServiceError::Invalid(FieldErrors::one(
                Field::Mentor,
                Problem::UnknownChoice,
            )));
        }
        if existing.is_none() {
            session_mentor::ActiveModel {
                session_id: Set(s.id),
                person_id: Set(mentor_id),
            }
            .insert(&txn)
            .await?;
        }
    } else if let Some(m) = existing {
        session_mentor::Entity::delete_by_id((m.session_id, m.person_id))
            .exec(&txn)
            .await?;
    }
    audit::record(
        &txn,
        Entry {
            actor_id: Some(actor.person_id.0),
            action: if assign {
                "session.mentor_assign"
            } else {
                "session.mentor_remove"
            },
            entity: "session",
            entity_id: Some(s.id),
        },
        None::<&()>,
        Some(&mentor_id),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The series a session belongs to: its sessions in order (id, start), for the session page.
pub async fn series_dates(
    conn: &impl ConnectionTrait,
    s: &session::Model,
) -> Result<Vec<(SessionId, DateTime<Utc>, bool)>, ServiceError> {
    let Some(series) = s.series_id else {
        return Ok(vec![]);
    };
    Ok(session::Entity::find()
        .filter(session::Column::SeriesId.eq(series))
        .order_by_asc(session::Column::StartsAt)
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (SessionId(r.id), r.starts_at, r.status == "cancelled"))
        .collect())
}
