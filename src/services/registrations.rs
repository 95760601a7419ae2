//! Registration: the session page, registering for a room or online seat, cancelling with
//! automatic promotion from the waitlist, the personal join link, and the organiser's roster.
//!
//! Capacity holds under concurrency because every change to a session's seats runs in a write
//! transaction that first locks the session: `SELECT … FOR UPDATE` on PostgreSQL (so several
//! server processes queue on the same row), `BEGIN IMMEDIATE` on SQLite (one writer). Counting and
//! inserting then happen with nobody else in between.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::participants::mail_route;
use super::sessions::summaries;
use super::{ServiceError, Services, require};
use crate::auth::{Actor, tokens};
use crate::domain::registration::{JOIN_OPENS_MINUTES, decide};
use crate::domain::{
    Field, FieldErrors, JoinOutcome, MyRegistration, PersonId, Problem, ProgrammeId, RegStatus,
    RegionId, RegisterOutcome, Roster, RosterRow, SeatCount, SeatKind, SeriesItem, SessionDetail,
    SessionId, SessionMode, Window,
};
use crate::i18n::{Lang, Msg};
use crate::mail::{outbox, render};
use crate::store;
use crate::store::entities::{
    attendance, person, person_role, region, registration, session, session_eligibility,
    session_mentor,
};

pub(super) fn seat_label(lang: Lang, k: SeatKind) -> &'static str {
    lang.t(match k {
        SeatKind::Room => Msg::SeatRoom,
        SeatKind::Online => Msg::SeatOnline,
    })
}

/// May see the roster and manage registrations: an organiser of the session's programme and
/// region, an admin, or a mentor assigned to it.
pub(super) async fn may_manage(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    s: &session::Model,
    mentors_too: bool,
) -> Result<bool, ServiceError> {
    if actor.may_organise(ProgrammeId(s.programme_id), RegionId(s.region_id)) {
        return Ok(true);
    }
    if mentors_too && actor.has_role(crate::domain::Role::Mentor) {
        return Ok(session_mentor::Entity::find()
            .filter(session_mentor::Column::SessionId.eq(s.id))
            .filter(session_mentor::Column::PersonId.eq(actor.person_id.0))
            .one(conn)
            .await?
            .is_some());
    }
    Ok(false)
}

/// Locks the session row for the rest of the transaction (PostgreSQL; SQLite's write
/// transaction already excludes every other writer).
pub(super) async fn lock_session(
    txn: &DatabaseTransaction,
    id: i64,
) -> Result<session::Model, ServiceError> {
    let q = session::Entity::find_by_id(id);
    let row = if txn.get_database_backend() == DbBackend::Postgres {
        q.lock_exclusive().one(txn).await?
    } else {
        q.one(txn).await?
    };
    row.ok_or(ServiceError::NotFound)
}

fn mode_of(s: &session::Model) -> Result<SessionMode, ServiceError> {
    SessionMode::parse(&s.mode)
        .ok_or_else(|| ServiceError::Internal(format!("session {} has an unknown mode", s.id)))
}

fn window_of(s: &session::Model, now: DateTime<Utc>) -> Window {
    Window::at(
        now,
        s.status == "cancelled",
        s.starts_at,
        s.ends_at,
        s.registration_opens_at,
        s.registration_closes_at,
    )
}

fn capacity_of(s: &session::Model, k: SeatKind) -> u32 {
    match k {
        SeatKind::Room => s.room_capacity.max(0) as u32,
        SeatKind::Online => s.online_capacity.max(0) as u32,
    }
}

pub(super) async fn count(
    conn: &impl ConnectionTrait,
    session_id: i64,
    k: SeatKind,
    status: RegStatus,
) -> Result<u64, ServiceError> {
    Ok(registration::Entity::find()
        .filter(registration::Column::SessionId.eq(session_id))
        .filter(registration::Column::SeatKind.eq(k.as_str()))
        .filter(registration::Column::Status.eq(status.as_str()))
        .count(conn)
        .await?)
}

async fn seat_count(
    conn: &impl ConnectionTrait,
    s: &session::Model,
    k: SeatKind,
) -> Result<SeatCount, ServiceError> {
    Ok(SeatCount {
        capacity: capacity_of(s, k),
        confirmed: count(conn, s.id, k, RegStatus::Confirmed).await?,
        waitlisted: count(conn, s.id, k, RegStatus::Waitlisted).await?,
    })
}

/// 1 = next in line: waitlisted registrations of the same seat kind ahead of this one, plus one.
pub(super) async fn waitlist_rank(
    conn: &impl ConnectionTrait,
    r: &registration::Model,
) -> Result<Option<u64>, ServiceError> {
    let Some(pos) = r.waitlist_position else {
        return Ok(None);
    };
    if r.status != RegStatus::Waitlisted.as_str() {
        return Ok(None);
    }
    let ahead = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(r.session_id))
        .filter(registration::Column::SeatKind.eq(r.seat_kind.as_str()))
        .filter(registration::Column::Status.eq(RegStatus::Waitlisted.as_str()))
        .filter(registration::Column::WaitlistPosition.lt(pos))
        .count(conn)
        .await?;
    Ok(Some(ahead + 1))
}

/// Whether the person may register under the session's rules (role and region; a region rule
/// also admits the people of its child regions). No rules: everyone.
async fn eligible(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    session_id: i64,
) -> Result<bool, ServiceError> {
    let rules = session_eligibility::Entity::find()
        .filter(session_eligibility::Column::SessionId.eq(session_id))
        .all(conn)
        .await?;
    if rules.is_empty() {
        return Ok(true);
    }
    let mut regions: Vec<i64> = Vec::new();
    if let Some(p) = person::Entity::find_by_id(actor.person_id.0)
        .one(conn)
        .await?
        && let Some(mut r) = p.region_id
    {
        // Walk up the region tree (kecamatan → kabupaten → provinsi), at most a few steps.
        for _ in 0..5 {
            regions.push(r);
            match region::Entity::find_by_id(r).one(conn).await? {
                Some(reg) if reg.parent_id.is_some() => r = reg.parent_id.unwrap_or(r),
                _ => break,
            }
        }
    }
    let roles = actor.roles();
    Ok(rules.iter().any(|rule| {
        rule.role
            .as_deref()
            .is_none_or(|role| roles.iter().any(|r| r.as_str() == role))
            && rule.region_id.is_none_or(|r| regions.contains(&r))
    }))
}

fn my_registration(r: &registration::Model, rank: Option<u64>) -> Option<MyRegistration> {
    Some(MyRegistration {
        seat: SeatKind::parse(&r.seat_kind)?,
        status: RegStatus::parse(&r.status)?,
        waitlist_rank: rank,
    })
}

/// The session page. Anyone may see it; the meeting link only goes to confirmed online
/// registrants and to those who run the session.
pub async fn detail(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    now: DateTime<Utc>,
) -> Result<SessionDetail, ServiceError> {
    let db = &svc.db;
    let s = session::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let speakers = super::session_admin::speakers_of(db, s.id).await?;
    let room = seat_count(db, &s, SeatKind::Room).await?;
    let online = seat_count(db, &s, SeatKind::Online).await?;
    let window = window_of(&s, now);
    let (mut mine, mut manage, mut is_eligible) = (None, false, true);
    if let Some(a) = actor {
        manage = may_manage(db, a, &s, true).await?;
        is_eligible = eligible(db, a, s.id).await?;
        if let Some(r) = registration::Entity::find()
            .filter(registration::Column::SessionId.eq(s.id))
            .filter(registration::Column::PersonId.eq(a.person_id.0))
            .one(db)
            .await?
        {
            let rank = waitlist_rank(db, &r).await?;
            mine = my_registration(&r, rank);
        }
    }
    let confirmed_online = mine
        .as_ref()
        .is_some_and(|m| m.status == RegStatus::Confirmed && m.seat == SeatKind::Online);
    let meeting_url = if confirmed_online || manage {
        s.meeting_url.clone()
    } else {
        None
    };
    let description = s.description.clone();
    let organise =
        actor.is_some_and(|a| a.may_organise(ProgrammeId(s.programme_id), RegionId(s.region_id)));
    let (mentors, mentor_options) = if organise {
        let m = super::session_admin::mentors_of(db, &s).await?;
        (m.assigned, m.available)
    } else {
        (vec![], vec![])
    };
    let version = s.version;
    let series = super::session_admin::series_dates(db, &s)
        .await?
        .into_iter()
        .map(|(id, starts_at, cancelled)| SeriesItem {
            id,
            starts_at,
            cancelled,
        })
        .collect();
    let summary = summaries(db, vec![s])
        .await?
        .pop()
        .ok_or(ServiceError::NotFound)?;
    Ok(SessionDetail {
        summary,
        description,
        speakers,
        room,
        online,
        window,
        logged_in: actor.is_some(),
        eligible: is_eligible,
        mine,
        meeting_url,
        manage,
        organise,
        mentors,
        mentor_options,
        series,
        version,
    })
}

/// The session as an iCalendar file (`METHOD:PUBLISH`), for anyone who may see the session. The
/// meeting link is in it only for confirmed online registrants and those who run the session.
pub async fn calendar(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    now: DateTime<Utc>,
) -> Result<String, ServiceError> {
    let d = detail(svc, actor, id, now).await?;
    let lang = actor.map(|a| a.lang).unwrap_or_default();
    Ok(crate::mail::ics::session_ics(crate::mail::ics::IcsInput {
        session: &d.summary,
        version: d.version,
        description: d.description.as_deref(),
        meeting_url: d.meeting_url.as_deref(),
        page_url: format!("{}/sesi/{}", svc.base_url, id.0),
        host: &host_of(&svc.base_url),
        method: crate::mail::ics::Method::Publish,
        lang,
        stamp: now,
        organizer: None,
        attendee: None,
    }))
}

pub use crate::mail::host_of;

fn closed_problem(w: Window) -> Problem {
    match w {
        Window::SessionCancelled => Problem::SessionCancelled,
        Window::SessionEnded => Problem::SessionEnded,
        Window::NotYet { .. } => Problem::RegistrationNotOpen,
        _ => Problem::RegistrationClosed,
    }
}

/// Registers the caller for a seat: confirmed while seats of that kind are free, waitlisted in
/// arrival order after. Registering again changes nothing. The confirmation (with the personal
/// join link for online seats) or the waitlist notice is enqueued in the same transaction.
pub async fn register(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    seat: &str,
    now: DateTime<Utc>,
) -> Result<RegisterOutcome, ServiceError> {
    let actor = require(actor)?;
    let txn = store::begin_write(&svc.db).await?;
    let s = lock_session(&txn, id.0).await?;
    let mode = mode_of(&s)?;
    let window = window_of(&s, now);
    let existing = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(s.id))
        .filter(registration::Column::PersonId.eq(actor.person_id.0))
        .one(&txn)
        .await?;
    if let Some(r) = &existing
        && let (Some(k), Some(st)) = (SeatKind::parse(&r.seat_kind), RegStatus::parse(&r.status))
        && st.is_active()
    {
        let rank = waitlist_rank(&txn, r).await?;
        return Ok(RegisterOutcome {
            seat: k,
            status: st,
            waitlist_rank: rank,
            unchanged: true,
        });
    }
    let kind = SeatKind::choose(mode, seat)
        .map_err(|p| ServiceError::Invalid(FieldErrors::one(Field::Seat, p)))?;
    if window != Window::Open {
        return Err(ServiceError::Invalid(FieldErrors::one(
            Field::Form,
            closed_problem(window),
        )));
    }
    if !eligible(&txn, actor, s.id).await? {
        return Err(ServiceError::Invalid(FieldErrors::one(
            Field::Form,
            Problem::NotEligible,
        )));
    }
    let confirmed = count(&txn, s.id, kind, RegStatus::Confirmed).await?;
    let status = decide(capacity_of(&s, kind), confirmed);
    let position = if status == RegStatus::Waitlisted {
        let last: Option<Option<i64>> = registration::Entity::find()
            .select_only()
            .column_as(registration::Column::WaitlistPosition.max(), "m")
            .filter(registration::Column::SessionId.eq(s.id))
            .filter(registration::Column::SeatKind.eq(kind.as_str()))
            .into_tuple()
            .one(&txn)
            .await?;
        Some(last.flatten().unwrap_or(0) + 1)
    } else {
        None
    };
    let (token, token_hash) = if status == RegStatus::Confirmed && kind == SeatKind::Online {
        let (t, _) = tokens::new_token();
        let h = join_hash(&t);
        (Some(t), Some(h))
    } else {
        (None, None)
    };
    let row = match existing {
        Some(r) => {
            let mut a: registration::ActiveModel = r.into();
            a.seat_kind = Set(kind.as_str().to_owned());
            a.status = Set(status.as_str().to_owned());
            a.waitlist_position = Set(position);
            a.join_token_hash = Set(token_hash);
            a.registered_at = Set(now);
            a.promoted_at = Set(None);
            a.cancelled_at = Set(None);
            a.updated_at = Set(now);
            a.update(&txn).await?
        }
        None => {
            registration::ActiveModel {
                session_id: Set(s.id),
                person_id: Set(actor.person_id.0),
                seat_kind: Set(kind.as_str().to_owned()),
                status: Set(status.as_str().to_owned()),
                waitlist_position: Set(position),
                join_token_hash: Set(token_hash),
                invited_by: Set(None),
                registered_at: Set(now),
                promoted_at: Set(None),
                cancelled_at: Set(None),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    let rank = waitlist_rank(&txn, &row).await?;
    let info = super::sessions::session_info(&txn, s).await?;
    let mail_kind = if status == RegStatus::Confirmed {
        "registration_confirmed"
    } else {
        "registration_waitlisted"
    };
    let queued = notify(
        svc,
        &txn,
        row.person_id,
        mail_kind,
        &info,
        kind,
        rank,
        token.as_deref(),
        now,
    )
    .await?;
    txn.commit().await?;
    if queued {
        svc.mail_wakeup.notify_one();
    }
    Ok(RegisterOutcome {
        seat: kind,
        status,
        waitlist_rank: rank,
        unchanged: false,
    })
}

/// Join tokens are domain-separated from login tokens, so one can never be used as the other.
fn join_hash(token: &str) -> String {
    tokens::hash(&format!("join:{token}"))
}

/// A join link for mail sent after the confirmation (reminders, changes), where the original
/// token is no longer known (only its hash is stored): `<registration>-<MAC of the current hash>`.
/// It works exactly as long as the original does: cancelling or re-registering replaces the hash.
pub fn derived_join_token(key: &[u8], registration_id: i64, join_token_hash: &str) -> String {
    let mac = crate::mail::prefs::sign(key, &format!("join:{registration_id}:{join_token_hash}"));
    format!("{registration_id}-{mac}")
}

pub fn join_path(token: &str) -> String {
    format!("/j/{token}")
}

/// Enqueues a registration notice for `person` (to them, or to their coordinator when they have
/// no email). Returns whether a row was enqueued.
#[allow(clippy::too_many_arguments)]
async fn notify(
    svc: &Services,
    conn: &impl ConnectionTrait,
    person_id: i64,
    kind: &'static str,
    info: &crate::mail::SessionInfo,
    seat: SeatKind,
    rank: Option<u64>,
    join_token: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    let s = &info.summary;
    let Some(route) = mail_route(conn, PersonId(person_id)).await? else {
        return Ok(false);
    };
    let lang = route.lang;
    let seat_name = seat_label(lang, seat).to_lowercase();
    let (subject, intro) = match kind {
        "registration_confirmed" => (Msg::MailRegConfirmedSubject, Msg::MailRegConfirmedIntro),
        "registration_promoted" => (Msg::MailPromotedSubject, Msg::MailPromotedIntro),
        _ => (Msg::MailRegWaitlistedSubject, Msg::MailRegWaitlistedIntro),
    };
    let join_url = join_token.map(|t| format!("{}{}", svc.base_url, join_path(t)));
    let details = format!("{}/sesi/{}", svc.base_url, s.id);
    let notice = render::Notice {
        subject: lang.t(subject).replace("{title}", &s.title),
        name: &route.name,
        on_behalf_of: route.on_behalf_of.as_deref(),
        intro: lang
            .t(intro)
            .replace("{seat}", &seat_name)
            .replace("{n}", &rank.unwrap_or(0).to_string()),
        action: Some(match &join_url {
            Some(u) => (lang.t(Msg::MailJoinButton), u.clone()),
            None => (lang.t(Msg::MailDetails), details),
        }),
        note: join_url.as_ref().map(|_| lang.t(Msg::MailJoinNote)),
        zone: route.zone,
        // A seat goes into the calendar (with the personal join link when online); a waitlist
        // place does not.
        ics: (kind != "registration_waitlisted").then(|| {
            crate::mail::session_ics(
                info,
                &svc.base_url,
                crate::mail::ics::Method::Request,
                lang,
                &route.to,
                join_url.as_deref(),
                now,
            )
        }),
        preferences: None,
    };
    let rendered = render::session_notice(lang, notice, s);
    Ok(outbox::enqueue(
        conn,
        outbox::NewMail {
            // One notice per change: the registration's timestamp tells a re-registration apart.
            idempotency_key: format!("{kind}:{}:{person_id}:{}", s.id, now.timestamp_micros()),
            kind,
            session_id: Some(s.id.0),
            recipient_person_id: Some(person_id),
            to_address: route.to,
            rendered,
            run_at: now,
            list_unsubscribe: None,
        },
        &svc.base_url,
    )
    .await?)
}

/// What a cancellation did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled {
    /// The person moved from the waitlist into the freed seat, if any.
    pub promoted: Option<PersonId>,
}

/// Cancels the caller's registration. A freed seat goes at once to the first waitlisted person
/// of the same seat kind, whose "you have a seat" email is enqueued in the same transaction.
pub async fn cancel(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    now: DateTime<Utc>,
) -> Result<Cancelled, ServiceError> {
    let actor = require(actor)?;
    let txn = store::begin_write(&svc.db).await?;
    let s = lock_session(&txn, id.0).await?;
    let r = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(s.id))
        .filter(registration::Column::PersonId.eq(actor.person_id.0))
        .one(&txn)
        .await?
        .filter(|r| RegStatus::parse(&r.status).is_some_and(|st| st.is_active()))
        .ok_or(ServiceError::NotFound)?;
    let was_confirmed = r.status == RegStatus::Confirmed.as_str();
    let kind = SeatKind::parse(&r.seat_kind)
        .ok_or_else(|| ServiceError::Internal(format!("registration {} seat", r.id)))?;
    let mut a: registration::ActiveModel = r.into();
    a.status = Set(RegStatus::Cancelled.as_str().to_owned());
    a.waitlist_position = Set(None);
    a.join_token_hash = Set(None);
    a.cancelled_at = Set(Some(now));
    a.updated_at = Set(now);
    a.update(&txn).await?;
    let mut promoted = None;
    let mut queued = false;
    // A seat freed after the session ended helps nobody.
    if was_confirmed && now < s.ends_at && s.status != "cancelled" {
        let (p, q) = promote_next(svc, &txn, &s, kind, now).await?;
        promoted = p;
        queued = q;
    }
    txn.commit().await?;
    if queued {
        svc.mail_wakeup.notify_one();
    }
    Ok(Cancelled { promoted })
}

/// Moves the first waitlisted registration of `kind` into a free seat, if there is one.
pub(super) async fn promote_next(
    svc: &Services,
    txn: &DatabaseTransaction,
    s: &session::Model,
    kind: SeatKind,
    now: DateTime<Utc>,
) -> Result<(Option<PersonId>, bool), ServiceError> {
    let confirmed = count(txn, s.id, kind, RegStatus::Confirmed).await?;
    if confirmed >= capacity_of(s, kind) as u64 {
        return Ok((None, false));
    }
    let Some(next) = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(s.id))
        .filter(registration::Column::SeatKind.eq(kind.as_str()))
        .filter(registration::Column::Status.eq(RegStatus::Waitlisted.as_str()))
        .order_by_asc(registration::Column::WaitlistPosition)
        .order_by_asc(registration::Column::Id)
        .one(txn)
        .await?
    else {
        return Ok((None, false));
    };
    let person_id = next.person_id;
    let token = (kind == SeatKind::Online).then(|| tokens::new_token().0);
    let mut a: registration::ActiveModel = next.into();
    a.status = Set(RegStatus::Confirmed.as_str().to_owned());
    a.waitlist_position = Set(None);
    a.promoted_at = Set(Some(now));
    a.join_token_hash = Set(token.as_deref().map(join_hash));
    a.updated_at = Set(now);
    a.update(txn).await?;
    let info = super::sessions::session_info(txn, s.clone()).await?;
    let queued = notify(
        svc,
        txn,
        person_id,
        "registration_promoted",
        &info,
        kind,
        None,
        token.as_deref(),
        now,
    )
    .await?;
    Ok((Some(PersonId(person_id)), queued))
}

/// Records an online join as attendance evidence (the first join time is kept) and says where
/// to go. Works from `JOIN_OPENS_MINUTES` before the start to the end.
async fn record_join(
    svc: &Services,
    r: registration::Model,
    now: DateTime<Utc>,
) -> Result<JoinOutcome, ServiceError> {
    let txn = store::begin_write(&svc.db).await?;
    let s = session::Entity::find_by_id(r.session_id)
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let Some(url) = s.meeting_url.clone() else {
        return Err(ServiceError::NotFound);
    };
    if s.status == "cancelled" || now >= s.ends_at {
        return Err(ServiceError::Gone);
    }
    let opens_at = s.starts_at - Duration::minutes(JOIN_OPENS_MINUTES);
    if now < opens_at {
        return Ok(JoinOutcome::TooEarly {
            session: SessionId(s.id),
            opens_at,
            zone: crate::domain::Zone::from_iana(&s.timezone).unwrap_or(crate::domain::Zone::Wib),
        });
    }
    let existing = attendance::Entity::find()
        .filter(attendance::Column::SessionId.eq(s.id))
        .filter(attendance::Column::PersonId.eq(r.person_id))
        .one(&txn)
        .await?;
    match existing {
        Some(a) if a.joined_online_at.is_some() => {}
        Some(a) => {
            let mut a: attendance::ActiveModel = a.into();
            a.joined_online_at = Set(Some(now));
            a.registration_id = Set(Some(r.id));
            a.updated_at = Set(now);
            a.update(&txn).await?;
        }
        None => {
            attendance::ActiveModel {
                session_id: Set(s.id),
                person_id: Set(r.person_id),
                registration_id: Set(Some(r.id)),
                joined_online_at: Set(Some(now)),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    txn.commit().await?;
    Ok(JoinOutcome::Go(url))
}

/// `/j/<token>`: no login needed, the token is the proof. Unknown, replaced or cancelled
/// tokens are `Gone`.
pub async fn join_by_token(
    svc: &Services,
    token: &str,
    now: DateTime<Utc>,
) -> Result<JoinOutcome, ServiceError> {
    let confirmed = registration::Column::Status.eq(RegStatus::Confirmed.as_str());
    if let Some((id, mac)) = token.split_once('-') {
        let id: i64 = id.parse().map_err(|_| ServiceError::Gone)?;
        let r = registration::Entity::find_by_id(id)
            .filter(confirmed)
            .one(&svc.db)
            .await?
            .ok_or(ServiceError::Gone)?;
        let key = crate::mail::prefs::key(&svc.db).await?;
        let valid = r
            .join_token_hash
            .as_deref()
            .is_some_and(|h| crate::mail::prefs::check(&key, &format!("join:{id}:{h}"), mac));
        if !valid {
            return Err(ServiceError::Gone);
        }
        return record_join(svc, r, now).await;
    }
    if !tokens::well_formed(token) {
        return Err(ServiceError::Gone);
    }
    let r = registration::Entity::find()
        .filter(registration::Column::JoinTokenHash.eq(join_hash(token)))
        .filter(confirmed)
        .one(&svc.db)
        .await?
        .ok_or(ServiceError::Gone)?;
    record_join(svc, r, now).await
}

/// The "join" button of a logged-in, confirmed online registrant.
pub async fn join_as(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    now: DateTime<Utc>,
) -> Result<JoinOutcome, ServiceError> {
    let actor = require(actor)?;
    let r = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(id.0))
        .filter(registration::Column::PersonId.eq(actor.person_id.0))
        .filter(registration::Column::Status.eq(RegStatus::Confirmed.as_str()))
        .filter(registration::Column::SeatKind.eq(SeatKind::Online.as_str()))
        .one(&svc.db)
        .await?
        .ok_or(ServiceError::Forbidden)?;
    record_join(svc, r, now).await
}

/// The roster: confirmed first, then the waitlist in order, then invited, then cancelled.
pub async fn roster(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
) -> Result<Roster, ServiceError> {
    let actor = require(actor)?;
    let db = &svc.db;
    let s = session::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !may_manage(db, actor, &s, true).await? {
        return Err(ServiceError::Forbidden);
    }
    let regs = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(s.id))
        .order_by_asc(registration::Column::WaitlistPosition)
        .order_by_asc(registration::Column::RegisteredAt)
        .order_by_asc(registration::Column::Id)
        .all(db)
        .await?;
    let pids: Vec<i64> = regs.iter().map(|r| r.person_id).collect();
    let mut people: HashMap<i64, person::Model> = HashMap::new();
    let mut roles: HashMap<i64, Vec<String>> = HashMap::new();
    let mut att: HashMap<i64, attendance::Model> = HashMap::new();
    // Chunked so a big session stays within the databases' bind-parameter limits.
    for chunk in pids.chunks(5000) {
        for p in person::Entity::find()
            .filter(person::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            people.insert(p.id, p);
        }
        for g in person_role::Entity::find()
            .filter(person_role::Column::PersonId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            let v = roles.entry(g.person_id).or_default();
            if !v.contains(&g.role) {
                v.push(g.role);
            }
        }
    }
    for a in attendance::Entity::find()
        .filter(attendance::Column::SessionId.eq(s.id))
        .all(db)
        .await?
    {
        att.insert(a.person_id, a);
    }
    let region_ids: Vec<i64> = people.values().filter_map(|p| p.region_id).collect();
    let region_names: HashMap<i64, String> = region::Entity::find()
        .filter(region::Column::Id.is_in(region_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let mut ranks: HashMap<&str, u64> = HashMap::new();
    let mut rows: Vec<RosterRow> = regs
        .iter()
        .filter_map(|r| {
            let status = RegStatus::parse(&r.status)?;
            let seat = SeatKind::parse(&r.seat_kind)?;
            let p = people.get(&r.person_id)?;
            let rank = (status == RegStatus::Waitlisted).then(|| {
                let n = ranks.entry(seat.as_str()).or_insert(0);
                *n += 1;
                *n
            });
            let a = att.get(&r.person_id);
            Some(RosterRow {
                person_id: PersonId(p.id),
                name: p.full_name.clone(),
                roles: roles.get(&p.id).map(|v| v.join(", ")).unwrap_or_default(),
                region: p
                    .region_id
                    .and_then(|r| region_names.get(&r).cloned())
                    .unwrap_or_default(),
                seat,
                status,
                waitlist_rank: rank,
                registered_at: r.registered_at,
                joined_online_at: a.and_then(|a| a.joined_online_at),
                checked_in_at: a.and_then(|a| a.checked_in_at),
                attendance: a.and_then(|a| a.status.clone()),
            })
        })
        .collect();
    let order = |s: RegStatus| match s {
        RegStatus::Confirmed => 0,
        RegStatus::Waitlisted => 1,
        RegStatus::Invited => 2,
        RegStatus::Cancelled => 3,
    };
    rows.sort_by_key(|r| (order(r.status), r.seat.as_str(), r.waitlist_rank));
    let room = seat_count(db, &s, SeatKind::Room).await?;
    let online = seat_count(db, &s, SeatKind::Online).await?;
    let session = summaries(db, vec![s])
        .await?
        .pop()
        .ok_or(ServiceError::NotFound)?;
    Ok(Roster {
        session,
        room,
        online,
        rows,
    })
}

/// For the organiser's checks elsewhere (invitations).
pub(super) async fn managed_session(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: SessionId,
) -> Result<session::Model, ServiceError> {
    let s = session::Entity::find_by_id(id.0)
        .one(conn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !may_manage(conn, actor, &s, false).await? {
        return Err(ServiceError::Forbidden);
    }
    Ok(s)
}
