//! Attendance: the mentor's roll call (one tap per person, "mark all present", a note per
//! person, every change audited with old and new), QR self check-in with a rotating code, and
//! walk-ins where the organiser allows them. One `attendance` row per person per session holds
//! all the evidence; [`crate::domain::attendance::Evidence`] merges it (the mentor's mark wins).
//!
//! **Check-in codes.** The session screen shows a QR code for
//! `/hadir/<session>?k=<step>-<mac>` and a six-digit code to type, where `step` counts minutes
//! since the epoch (`CHECKIN_ROTATE_SECS`) and `mac` is HMAC-SHA256 of `checkin:<session>:<step>`
//! under the server key in `app_settings` (shared by every process, nothing stored per code).
//! A code is accepted during its own step and the next one, so a scan just before the code
//! changes still works (and one step early, for servers whose clocks differ by a second); an
//! older one is "expired", a wrong MAC "not recognised". Check-in is
//! open from 30 minutes before the start to the end, once per person.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

use super::registrations::{lock_session, may_manage};
use super::sessions::summaries;
use super::{ServiceError, Services, require};
use crate::auth::Actor;
use crate::domain::attendance::{
    CHECKIN_OPENS_MINUTES, CHECKIN_ROTATE_SECS, CheckinWindow, Evidence, Mark, checkin_step,
    checkin_window, clean_short_code, short_code,
};
use crate::domain::{
    CheckinOutcome, CheckinScreen, CheckinTarget, Field, FieldErrors, PersonId, Problem, RegStatus,
    RollCall, RollCallRow, SeatKind, SessionId, SessionMode,
};
use crate::mail::prefs;
use crate::store;
use crate::store::audit::{self, Entry};
use crate::store::entities::{attendance, person, registration, session};

/// Longest note a mentor can keep per person.
pub const NOTE_MAX: usize = 500;

fn invalid(field: Field, p: Problem) -> ServiceError {
    ServiceError::Invalid(FieldErrors::one(field, p))
}

async fn managed(
    svc: &Services,
    actor: &Actor,
    id: SessionId,
) -> Result<session::Model, ServiceError> {
    let s = session::Entity::find_by_id(id.0)
        .one(&svc.db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !may_manage(&svc.db, actor, &s, true).await? {
        return Err(ServiceError::Forbidden);
    }
    Ok(s)
}

/// The merged evidence of one attendance row (none: nothing recorded).
pub(super) fn evidence_of(a: Option<&attendance::Model>) -> Evidence {
    Evidence {
        mark: a.and_then(|a| a.status.as_deref()).and_then(Mark::parse),
        checked_in_at: a.and_then(|a| a.checked_in_at),
        joined_online_at: a.and_then(|a| a.joined_online_at),
    }
}

/// The roll call of a session: its confirmed registrants with their evidence, by name.
pub async fn roll_call(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    now: DateTime<Utc>,
) -> Result<RollCall, ServiceError> {
    let actor = require(actor)?;
    let s = managed(svc, actor, id).await?;
    let db = &svc.db;
    let regs = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(s.id))
        .filter(registration::Column::Status.eq(RegStatus::Confirmed.as_str()))
        .all(db)
        .await?;
    let pids: Vec<i64> = regs.iter().map(|r| r.person_id).collect();
    let mut names: HashMap<i64, String> = HashMap::new();
    for chunk in pids.chunks(5000) {
        for p in person::Entity::find()
            .filter(person::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            names.insert(p.id, p.full_name);
        }
    }
    let att: HashMap<i64, attendance::Model> = attendance::Entity::find()
        .filter(attendance::Column::SessionId.eq(s.id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.person_id, a))
        .collect();
    let mut rows: Vec<RollCallRow> = regs
        .iter()
        .filter_map(|r| {
            let a = att.get(&r.person_id);
            Some(RollCallRow {
                person_id: PersonId(r.person_id),
                name: names.get(&r.person_id)?.clone(),
                seat: SeatKind::parse(&r.seat_kind)?,
                evidence: evidence_of(a),
                note: a.and_then(|a| a.note.clone()).unwrap_or_default(),
            })
        })
        .collect();
    rows.sort_by_key(|r| r.name.to_lowercase());
    let window = checkin_window(s.starts_at, s.ends_at, now);
    let cancelled = s.status == "cancelled";
    let session = summaries(db, vec![s])
        .await?
        .pop()
        .ok_or(ServiceError::NotFound)?;
    Ok(RollCall {
        session,
        open: !cancelled && !matches!(window, CheckinWindow::TooEarly { .. }),
        rows,
    })
}

#[derive(Serialize)]
struct MarkState<'a> {
    session_id: i64,
    person_id: i64,
    status: Option<&'a str>,
    note: Option<&'a str>,
}

/// Writes one person's mark and/or note, auditing old -> new; nothing is written (nor audited)
/// when nothing changes. The caller holds a write transaction.
async fn write_mark(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    s: &session::Model,
    r: &registration::Model,
    mark: Option<Mark>,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    let existing = attendance::Entity::find()
        .filter(attendance::Column::SessionId.eq(s.id))
        .filter(attendance::Column::PersonId.eq(r.person_id))
        .one(txn)
        .await?;
    let old_status = existing.as_ref().and_then(|a| a.status.clone());
    let old_note = existing.as_ref().and_then(|a| a.note.clone());
    let new_status = mark.map(|m| m.as_str().to_owned()).or(old_status.clone());
    let new_note = match note {
        Some(n) if n.trim().is_empty() => None,
        Some(n) => Some(n.trim().to_owned()),
        None => old_note.clone(),
    };
    if new_status == old_status && new_note == old_note {
        return Ok(false);
    }
    let row = match existing {
        Some(a) => {
            let mut a: attendance::ActiveModel = a.into();
            a.status = Set(new_status.clone());
            a.status_by = Set(Some(actor.person_id.0));
            a.status_at = Set(Some(now));
            a.note = Set(new_note.clone());
            a.registration_id = Set(Some(r.id));
            a.updated_at = Set(now);
            a.update(txn).await?
        }
        None => {
            attendance::ActiveModel {
                session_id: Set(s.id),
                person_id: Set(r.person_id),
                registration_id: Set(Some(r.id)),
                status: Set(new_status.clone()),
                status_by: Set(Some(actor.person_id.0)),
                status_at: Set(Some(now)),
                note: Set(new_note.clone()),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await?
        }
    };
    audit::record(
        txn,
        Entry {
            actor_id: Some(actor.person_id.0),
            action: "attendance.mark",
            entity: "attendance",
            entity_id: Some(row.id),
        },
        Some(&MarkState {
            session_id: s.id,
            person_id: r.person_id,
            status: old_status.as_deref(),
            note: old_note.as_deref(),
        }),
        Some(&MarkState {
            session_id: s.id,
            person_id: r.person_id,
            status: new_status.as_deref(),
            note: new_note.as_deref(),
        }),
    )
    .await?;
    Ok(true)
}

/// Roll call is taken from when check-in opens; a session that was cancelled has none.
fn roll_call_open(s: &session::Model, now: DateTime<Utc>) -> Result<(), ServiceError> {
    if s.status == "cancelled" {
        return Err(invalid(Field::Form, Problem::SessionCancelled));
    }
    if let CheckinWindow::TooEarly { .. } = checkin_window(s.starts_at, s.ends_at, now) {
        return Err(invalid(
            Field::Form,
            Problem::CheckinTooEarly {
                minutes: CHECKIN_OPENS_MINUTES as u32,
            },
        ));
    }
    Ok(())
}

/// One tap on the roll call (`mark`), or a note saved (`note`), for one confirmed registrant.
pub async fn mark(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    person: PersonId,
    mark: Option<&str>,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    let actor = require(actor)?;
    managed(svc, actor, id).await?;
    let mark = match mark {
        Some(m) => Some(Mark::parse(m).ok_or(invalid(Field::Mark, Problem::UnknownChoice))?),
        None => None,
    };
    if let Some(n) = note
        && n.trim().chars().count() > NOTE_MAX
    {
        return Err(invalid(
            Field::Note,
            Problem::TooLong {
                max: NOTE_MAX as u32,
            },
        ));
    }
    let txn = store::begin_write(&svc.db).await?;
    let s = lock_session(&txn, id.0).await?;
    roll_call_open(&s, now)?;
    let r = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(s.id))
        .filter(registration::Column::PersonId.eq(person.0))
        .filter(registration::Column::Status.eq(RegStatus::Confirmed.as_str()))
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let changed = write_mark(&txn, actor, &s, &r, mark, note, now).await?;
    txn.commit().await?;
    Ok(changed)
}

/// "Mark all present": every confirmed registrant without a mark yet. Marks already given are
/// kept. Returns how many were marked.
pub async fn mark_all_present(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    now: DateTime<Utc>,
) -> Result<u32, ServiceError> {
    let actor = require(actor)?;
    managed(svc, actor, id).await?;
    let txn = store::begin_write(&svc.db).await?;
    let s = lock_session(&txn, id.0).await?;
    roll_call_open(&s, now)?;
    let marked: std::collections::HashSet<i64> = attendance::Entity::find()
        .filter(attendance::Column::SessionId.eq(s.id))
        .filter(attendance::Column::Status.is_not_null())
        .all(&txn)
        .await?
        .into_iter()
        .map(|a| a.person_id)
        .collect();
    let regs = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(s.id))
        .filter(registration::Column::Status.eq(RegStatus::Confirmed.as_str()))
        .order_by_asc(registration::Column::Id)
        .all(&txn)
        .await?;
    let mut n = 0;
    for r in regs.iter().filter(|r| !marked.contains(&r.person_id)) {
        if write_mark(&txn, actor, &s, r, Some(Mark::Present), None, now).await? {
            n += 1;
        }
    }
    txn.commit().await?;
    Ok(n)
}

/// The participant's check-in page: any logged-in person may open it for a session that exists
/// (it shows only what the public list shows, and their own check-in time).
pub async fn checkin_target(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
) -> Result<CheckinTarget, ServiceError> {
    let actor = require(actor)?;
    let s = session::Entity::find_by_id(id.0)
        .one(&svc.db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let checked_in_at = attendance::Entity::find()
        .filter(attendance::Column::SessionId.eq(s.id))
        .filter(attendance::Column::PersonId.eq(actor.person_id.0))
        .one(&svc.db)
        .await?
        .and_then(|a| a.checked_in_at);
    let session = summaries(&svc.db, vec![s])
        .await?
        .pop()
        .ok_or(ServiceError::NotFound)?;
    Ok(CheckinTarget {
        session,
        checked_in_at,
    })
}

fn step_message(session_id: i64, step: i64) -> String {
    format!("checkin:{session_id}:{step}")
}

/// What the session screen shows now.
pub async fn checkin_screen(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    now: DateTime<Utc>,
) -> Result<CheckinScreen, ServiceError> {
    let actor = require(actor)?;
    let s = managed(svc, actor, id).await?;
    let key = prefs::key(&svc.db).await?;
    let step = checkin_step(now);
    let mac = prefs::sign(&key, &step_message(s.id, step));
    let next_change = (step + 1) * CHECKIN_ROTATE_SECS - now.timestamp();
    let window = checkin_window(s.starts_at, s.ends_at, now);
    let cancelled = s.status == "cancelled";
    let checked_in = attendance::Entity::find()
        .filter(attendance::Column::SessionId.eq(s.id))
        .filter(attendance::Column::CheckedInAt.is_not_null())
        .count(&svc.db)
        .await?;
    let session = summaries(&svc.db, vec![s])
        .await?
        .pop()
        .ok_or(ServiceError::NotFound)?;
    Ok(CheckinScreen {
        url: format!("{}/hadir/{}?k={step}-{}", svc.base_url, id.0, &mac[..32]),
        short_code: short_code(&mac),
        refresh_in_secs: next_change.clamp(1, CHECKIN_ROTATE_SECS) as u32,
        window: if cancelled {
            CheckinWindow::Closed
        } else {
            window
        },
        checked_in: checked_in as u32,
        session,
    })
}

/// Checks a code from the QR link (`<step>-<mac>`) or typed (six digits) against the current
/// and the previous step.
fn check_code(key: &[u8], session_id: i64, raw: &str, now: DateTime<Utc>) -> Result<(), Problem> {
    let step = checkin_step(now);
    let raw = raw.trim();
    if let Some((st, mac)) = raw.split_once('-')
        && let Ok(st) = st.parse::<i64>()
    {
        let full = prefs::sign(key, &step_message(session_id, st));
        let ok = mac.len() == 32 && full.get(..32) == Some(mac.to_ascii_lowercase().as_str());
        // One step ahead is accepted: another server's clock may be a second ahead.
        if !ok || st > step + 1 {
            return Err(Problem::CheckinCodeWrong);
        }
        if st < step - 1 {
            return Err(Problem::CheckinCodeExpired);
        }
        return Ok(());
    }
    let typed = clean_short_code(raw).ok_or(Problem::CheckinCodeWrong)?;
    let code_at = |st: i64| short_code(&prefs::sign(key, &step_message(session_id, st)));
    if (step - 1..=step + 1).any(|st| code_at(st) == typed) {
        return Ok(());
    }
    // Shown in the last quarter of an hour: expired rather than wrong.
    if (step - 15..step - 1).any(|st| code_at(st) == typed) {
        return Err(Problem::CheckinCodeExpired);
    }
    Err(Problem::CheckinCodeWrong)
}

/// A participant checks themself in with the code from the session screen.
pub async fn check_in(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    code: &str,
    now: DateTime<Utc>,
) -> Result<CheckinOutcome, ServiceError> {
    let actor = require(actor)?;
    let key = prefs::key(&svc.db).await?;
    let txn = store::begin_write(&svc.db).await?;
    let s = lock_session(&txn, id.0).await?;
    if s.status == "cancelled" {
        return Err(invalid(Field::Code, Problem::SessionCancelled));
    }
    match checkin_window(s.starts_at, s.ends_at, now) {
        CheckinWindow::TooEarly { .. } => {
            return Err(invalid(
                Field::Code,
                Problem::CheckinTooEarly {
                    minutes: CHECKIN_OPENS_MINUTES as u32,
                },
            ));
        }
        CheckinWindow::Closed => return Err(invalid(Field::Code, Problem::SessionEnded)),
        CheckinWindow::Open => {}
    }
    check_code(&key, s.id, code, now).map_err(|p| invalid(Field::Code, p))?;
    let existing = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(s.id))
        .filter(registration::Column::PersonId.eq(actor.person_id.0))
        .one(&txn)
        .await?;
    let mut walk_in = false;
    let r = match existing {
        Some(r) if r.status == RegStatus::Confirmed.as_str() => r,
        other if s.allow_walk_ins => {
            walk_in = true;
            let mode = SessionMode::parse(&s.mode).unwrap_or(SessionMode::InPerson);
            let seat = if mode.has_room() {
                SeatKind::Room
            } else {
                SeatKind::Online
            };
            match other {
                Some(r) => {
                    let mut a: registration::ActiveModel = r.into();
                    a.status = Set(RegStatus::Confirmed.as_str().to_owned());
                    a.seat_kind = Set(seat.as_str().to_owned());
                    a.waitlist_position = Set(None);
                    a.cancelled_at = Set(None);
                    a.updated_at = Set(now);
                    a.update(&txn).await?
                }
                None => {
                    registration::ActiveModel {
                        session_id: Set(s.id),
                        person_id: Set(actor.person_id.0),
                        seat_kind: Set(seat.as_str().to_owned()),
                        status: Set(RegStatus::Confirmed.as_str().to_owned()),
                        registered_at: Set(now),
                        updated_at: Set(now),
                        ..Default::default()
                    }
                    .insert(&txn)
                    .await?
                }
            }
        }
        _ => return Err(invalid(Field::Code, Problem::NotRegisteredHere)),
    };
    let att = attendance::Entity::find()
        .filter(attendance::Column::SessionId.eq(s.id))
        .filter(attendance::Column::PersonId.eq(actor.person_id.0))
        .one(&txn)
        .await?;
    let outcome = match att {
        Some(a) if a.checked_in_at.is_some() => CheckinOutcome::Already {
            at: a.checked_in_at.unwrap_or(now),
        },
        Some(a) => {
            let mut a: attendance::ActiveModel = a.into();
            a.checked_in_at = Set(Some(now));
            a.registration_id = Set(Some(r.id));
            a.updated_at = Set(now);
            a.update(&txn).await?;
            CheckinOutcome::CheckedIn { at: now, walk_in }
        }
        None => {
            attendance::ActiveModel {
                session_id: Set(s.id),
                person_id: Set(actor.person_id.0),
                registration_id: Set(Some(r.id)),
                checked_in_at: Set(Some(now)),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            CheckinOutcome::CheckedIn { at: now, walk_in }
        }
    };
    if walk_in {
        audit::record(
            &txn,
            Entry {
                actor_id: Some(actor.person_id.0),
                action: "registration.walk_in",
                entity: "registration",
                entity_id: Some(r.id),
            },
            None::<&()>,
            Some(&r.seat_kind),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(outcome)
}
