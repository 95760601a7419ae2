//! Reminders before sessions, at offsets set per session (default 1 day and 1 hour before).
//!
//! A sweep runs before every pass of the mail worker. For each upcoming session it takes the
//! nearest offset that is due (so a server that was down for a day sends one reminder, not two
//! at once) and, unless that (session, offset, start time) already has a `reminder_runs` row,
//! enqueues one personalised reminder per confirmed registrant, in pages, then writes the row.
//! Each reminder's key is `reminder:<session>:<person>:<offset>:<start>`, so a sweep interrupted
//! half-way and run again (by this or another process) enqueues nothing twice; moving the
//! session to another time starts a new round.
//!
//! Left out on purpose: people who said no to reminders (preferences page), and people whose
//! seat was confirmed after the reminder's time (they just got their confirmation).

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};

use super::{ServiceError, Services};
use crate::domain::{RegStatus, SeatKind};
use crate::i18n::Msg;
use crate::mail::{ics, outbox, prefs, render};
use crate::store;
use crate::store::entities::{registration, reminder_run, session};

pub use crate::domain::{DEFAULT_REMINDERS, REMINDER_PRESETS, parse_reminder_offsets};

/// Registrants handled per transaction during fan-out.
const PAGE: usize = 500;

/// The nearest offset that is due at `now` for a session starting at `start`.
pub fn due_offset(offsets: &[i32], start: DateTime<Utc>, now: DateTime<Utc>) -> Option<i32> {
    if now >= start {
        return None;
    }
    offsets
        .iter()
        .copied()
        .filter(|m| start - Duration::minutes(i64::from(*m)) <= now)
        .min()
}

fn offset_words(minutes: i32) -> Msg {
    REMINDER_PRESETS
        .iter()
        .find(|p| p.minutes == minutes)
        .map(|p| p.soon)
        .unwrap_or(Msg::ReminderIn1Hour)
}

/// Enqueues every reminder due at `now`. Returns how many were enqueued.
pub async fn enqueue_due(svc: &Services, now: DateTime<Utc>) -> Result<u64, ServiceError> {
    let longest = REMINDER_PRESETS
        .iter()
        .map(|p| p.minutes)
        .max()
        .unwrap_or(1440);
    let upcoming = session::Entity::find()
        .filter(session::Column::Status.ne("cancelled"))
        .filter(session::Column::StartsAt.gt(now))
        .filter(session::Column::StartsAt.lte(now + Duration::minutes(i64::from(longest))))
        .order_by_asc(session::Column::StartsAt)
        .all(&svc.db)
        .await?;
    // The rounds already done, in one query per thousand sessions (not one per session).
    let mut done: std::collections::HashSet<(i64, i32, i64)> = std::collections::HashSet::new();
    let ids: Vec<i64> = upcoming.iter().map(|s| s.id).collect();
    for chunk in ids.chunks(1000) {
        for r in reminder_run::Entity::find()
            .filter(reminder_run::Column::SessionId.is_in(chunk.to_vec()))
            .all(&svc.db)
            .await?
        {
            done.insert((r.session_id, r.offset_minutes, r.starts_at.timestamp()));
        }
    }
    let mut total = 0;
    for s in upcoming {
        let Some(offset) = due_offset(
            &parse_reminder_offsets(&s.reminder_offsets_minutes),
            s.starts_at,
            now,
        ) else {
            continue;
        };
        if !done.contains(&(s.id, offset, s.starts_at.timestamp())) {
            total += fan_out(svc, s, offset, now).await?;
        }
    }
    if total > 0 {
        svc.mail_wakeup.notify_one();
    }
    Ok(total)
}

/// One session's reminders at one offset.
async fn fan_out(
    svc: &Services,
    s: session::Model,
    offset: i32,
    now: DateTime<Utc>,
) -> Result<u64, ServiceError> {
    let remind_at = s.starts_at - Duration::minutes(i64::from(offset));
    let session_id = s.id;
    let starts_at = s.starts_at;
    let key = prefs::key(&svc.db).await?;
    let info = super::sessions::session_info(&svc.db, s).await?;
    let mut enqueued = 0u64;
    let mut after = 0i64;
    loop {
        let regs = registration::Entity::find()
            .filter(registration::Column::SessionId.eq(session_id))
            .filter(registration::Column::Status.eq(RegStatus::Confirmed.as_str()))
            .filter(registration::Column::Id.gt(after))
            .order_by_asc(registration::Column::Id)
            .limit(PAGE as u64)
            .all(&svc.db)
            .await?;
        let Some(last) = regs.last() else { break };
        after = last.id;
        let ids: Vec<i64> = regs.iter().map(|r| r.person_id).collect();
        let routes = super::participants::mail_routes(&svc.db, &ids).await?;
        let mails = regs
            .iter()
            .filter(|r| r.promoted_at.unwrap_or(r.registered_at) <= remind_at)
            .filter_map(|r| {
                let route = routes.get(&r.person_id).filter(|rt| rt.reminders)?;
                Some(reminder(svc, &info, &key, r, route, offset, starts_at, now))
            })
            .collect::<Vec<_>>();
        if !mails.is_empty() {
            let txn = store::begin_write(&svc.db).await?;
            enqueued += outbox::enqueue_many(&txn, mails, &svc.base_url).await?;
            txn.commit().await?;
        }
        if regs.len() < PAGE {
            break;
        }
    }
    reminder_run::Entity::insert(reminder_run::ActiveModel {
        session_id: Set(session_id),
        offset_minutes: Set(offset),
        starts_at: Set(starts_at),
        enqueued: Set(i32::try_from(enqueued).unwrap_or(i32::MAX)),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([
        reminder_run::Column::SessionId,
        reminder_run::Column::OffsetMinutes,
        reminder_run::Column::StartsAt,
    ])
    .exec(&svc.db)
    .await?;
    tracing::info!(session = session_id, offset, enqueued, "reminders enqueued");
    Ok(enqueued)
}

#[allow(clippy::too_many_arguments)]
fn reminder(
    svc: &Services,
    info: &crate::mail::SessionInfo,
    key: &[u8],
    r: &registration::Model,
    route: &super::participants::MailRoute,
    offset: i32,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> outbox::NewMail {
    let lang = route.lang;
    let s = &info.summary;
    let online = r.seat_kind == SeatKind::Online.as_str();
    let join = r.join_token_hash.as_deref().filter(|_| online).map(|h| {
        let t = super::registrations::derived_join_token(key, r.id, h);
        format!("{}{}", svc.base_url, super::registrations::join_path(&t))
    });
    let preferences = prefs::url(&svc.base_url, key, r.person_id);
    let details = format!("{}/sesi/{}", svc.base_url, s.id);
    let seat = super::registrations::seat_label(
        lang,
        if online {
            SeatKind::Online
        } else {
            SeatKind::Room
        },
    );
    let notice = render::Notice {
        subject: lang
            .t(Msg::MailReminderSubject)
            .replace("{title}", &s.title)
            .replace("{in}", lang.t(offset_words(offset))),
        name: &route.name,
        on_behalf_of: route.on_behalf_of.as_deref(),
        intro: lang
            .t(Msg::MailReminderIntro)
            .replace("{seat}", &seat.to_lowercase()),
        action: Some(match &join {
            Some(u) => (lang.t(Msg::MailJoinButton), u.clone()),
            None => (lang.t(Msg::MailDetails), details),
        }),
        note: join.as_ref().map(|_| lang.t(Msg::MailJoinNote)),
        zone: route.zone,
        ics: Some(crate::mail::session_ics(
            info,
            &svc.base_url,
            ics::Method::Request,
            lang,
            &route.to,
            join.as_deref(),
            now,
        )),
        preferences: Some(preferences.clone()),
    };
    outbox::NewMail {
        idempotency_key: format!(
            "reminder:{}:{}:{offset}:{}",
            s.id,
            r.person_id,
            starts_at.timestamp()
        ),
        kind: "reminder",
        session_id: Some(s.id.0),
        recipient_person_id: Some(r.person_id),
        to_address: route.to.clone(),
        rendered: render::session_notice(lang, notice, s),
        run_at: now,
        list_unsubscribe: Some(preferences),
    }
}

/// Used by the delivery log: how many reminders each round enqueued.
pub async fn runs_of(svc: &Services, session_id: i64) -> Result<HashMap<i32, i32>, ServiceError> {
    Ok(reminder_run::Entity::find()
        .filter(reminder_run::Column::SessionId.eq(session_id))
        .all(&svc.db)
        .await?
        .into_iter()
        .map(|r| (r.offset_minutes, r.enqueued))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn offsets_keep_presets_largest_first() {
        assert_eq!(parse_reminder_offsets("60, 1440,x,7,60"), vec![1440, 60]);
        assert_eq!(parse_reminder_offsets(""), Vec::<i32>::new());
        assert_eq!(crate::domain::reminder_code(&[60, 10080, 60]), "10080,60");
    }

    #[test]
    fn the_nearest_due_offset_wins() {
        let start = Utc.with_ymd_and_hms(2026, 12, 2, 2, 0, 0).unwrap();
        let offs = [1440, 60];
        let at = |h: i64| start - Duration::hours(h);
        assert_eq!(due_offset(&offs, start, at(30)), None);
        assert_eq!(due_offset(&offs, start, at(24)), Some(1440));
        assert_eq!(due_offset(&offs, start, at(2)), Some(1440));
        assert_eq!(due_offset(&offs, start, at(1)), Some(60));
        assert_eq!(due_offset(&offs, start, start), None);
    }
}
