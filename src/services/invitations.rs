//! Bulk invitation from a CSV: a preview that writes nothing, then a confirmation that creates
//! the people who do not exist yet and invites everyone, in one transaction. The same file
//! uploaded twice finds the same people (by email, else by phone) and their invitations, and
//! does nothing twice.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::participants::mail_route;
use super::registrations::managed_session;
use super::sessions::summaries;
use super::{ServiceError, Services, require};
use crate::auth::Actor;
use crate::domain::invite::{
    self, CellError, FileProblem, InvitePreview, InviteResult, InviteRow, LineOutcome, ParsedLine,
    PreviewLine,
};
use crate::domain::{
    Field, FieldErrors, PersonId, Phone, Problem, RegStatus, SeatKind, SessionId, SessionMode,
};
use crate::i18n::Msg;
use crate::mail::{outbox, render};
use crate::store;
use crate::store::audit::{self, Entry};
use crate::store::entities::{person, person_role, region, registration, session};

fn file_problem(p: FileProblem) -> ServiceError {
    let problem = match p {
        FileProblem::Empty => Problem::CsvEmpty,
        FileProblem::MissingColumns => Problem::CsvMissingColumns,
        FileProblem::TooManyRows { max } => Problem::CsvTooManyRows { max: max as u32 },
        FileProblem::Unreadable { line } => Problem::CsvUnreadable { line },
    };
    ServiceError::Invalid(FieldErrors::one(Field::Csv, problem))
}

/// Who a row is: the email if it has one, else the phone.
fn key_of(r: &InviteRow) -> String {
    match (&r.email, &r.phone) {
        (Some(e), _) => format!("e:{e}"),
        (None, Some(p)) => format!("p:{p}"),
        (None, None) => String::new(),
    }
}

/// Everything the preview and the confirmation need to know about the file's people.
struct Resolved {
    lines: Vec<ParsedLine>,
    /// Region name (lower case) → id.
    regions: HashMap<String, i64>,
    /// Row key → existing person id.
    people: HashMap<String, i64>,
    /// This session's registrations of those people, cancelled ones included, by person.
    registrations: HashMap<i64, registration::Model>,
}

async fn resolve(
    conn: &impl ConnectionTrait,
    s: &session::Model,
    text: &str,
) -> Result<Resolved, ServiceError> {
    let lines = invite::parse(text).map_err(file_problem)?;
    let regions: HashMap<String, i64> = region::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .flat_map(|r| [(r.name.to_lowercase(), r.id), (r.code.to_lowercase(), r.id)])
        .collect();
    let rows: Vec<&InviteRow> = lines.iter().filter_map(|l| l.row.as_ref().ok()).collect();
    let emails: Vec<String> = rows.iter().filter_map(|r| r.email.clone()).collect();
    let phones: Vec<String> = rows.iter().filter_map(|r| r.phone.clone()).collect();
    let mut people = HashMap::new();
    for chunk in emails.chunks(1000) {
        for p in person::Entity::find()
            .filter(person::Column::Email.is_in(chunk.to_vec()))
            .all(conn)
            .await?
        {
            if let Some(e) = &p.email {
                people.insert(format!("e:{e}"), p.id);
            }
        }
    }
    for chunk in phones.chunks(1000) {
        for p in person::Entity::find()
            .filter(person::Column::Phone.is_in(chunk.to_vec()))
            .all(conn)
            .await?
        {
            if let Some(ph) = &p.phone {
                // The oldest record wins when a phone is shared (families share phones).
                people.entry(format!("p:{ph}")).or_insert(p.id);
            }
        }
    }
    let ids: Vec<i64> = people.values().copied().collect();
    let mut registrations = HashMap::new();
    for chunk in ids.chunks(1000) {
        for r in registration::Entity::find()
            .filter(registration::Column::SessionId.eq(s.id))
            .filter(registration::Column::PersonId.is_in(chunk.to_vec()))
            .all(conn)
            .await?
        {
            registrations.insert(r.person_id, r);
        }
    }
    Ok(Resolved {
        lines,
        regions,
        people,
        registrations,
    })
}

/// A row with an email that belongs to nobody yet, but whose phone belongs to someone, is that
/// someone: a person is found by email first, then by phone.
fn existing(res: &Resolved, r: &InviteRow) -> Option<i64> {
    r.email
        .as_ref()
        .and_then(|e| res.people.get(&format!("e:{e}")))
        .or_else(|| {
            r.phone
                .as_ref()
                .and_then(|p| res.people.get(&format!("p:{p}")))
        })
        .copied()
}

/// Decides each line's outcome. Pure given `res`.
fn plan(res: &Resolved) -> InvitePreview {
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut out = InvitePreview {
        lines: Vec::new(),
        new_people: 0,
        to_invite: 0,
        already: 0,
        errors: 0,
    };
    for l in &res.lines {
        let (name, contact, role, region_name) = match &l.row {
            Ok(r) => (
                r.name.clone(),
                r.email
                    .clone()
                    .or_else(|| r.phone.as_deref().map(Phone::display))
                    .unwrap_or_default(),
                Some(r.role),
                r.region.clone().unwrap_or_default(),
            ),
            Err(_) => (
                l.raw.first().cloned().unwrap_or_default(),
                l.raw.get(1).cloned().unwrap_or_default(),
                None,
                String::new(),
            ),
        };
        let outcome = match &l.row {
            Err(errs) => LineOutcome::Errors(errs.clone()),
            Ok(r) => {
                let region_ok = r
                    .region
                    .as_ref()
                    .is_none_or(|n| res.regions.contains_key(&n.to_lowercase()));
                let key = key_of(r);
                if !region_ok {
                    LineOutcome::Errors(vec![CellError {
                        field: Field::Region,
                        problem: Problem::NotFound,
                    }])
                } else if let Some(first) = seen.get(&key) {
                    LineOutcome::Duplicate { first_line: *first }
                } else {
                    seen.insert(key, l.line);
                    match existing(res, r) {
                        Some(id)
                            if res
                                .registrations
                                .get(&id)
                                .is_some_and(|r| r.status != RegStatus::Cancelled.as_str()) =>
                        {
                            LineOutcome::Already
                        }
                        Some(_) => LineOutcome::Invite,
                        None => LineOutcome::NewPerson,
                    }
                }
            }
        };
        match &outcome {
            LineOutcome::NewPerson => {
                out.new_people += 1;
                out.to_invite += 1;
            }
            LineOutcome::Invite => out.to_invite += 1,
            LineOutcome::Already | LineOutcome::Duplicate { .. } => out.already += 1,
            LineOutcome::Errors(_) => out.errors += 1,
        }
        out.lines.push(PreviewLine {
            line: l.line,
            name,
            contact,
            role,
            region: region_name,
            outcome,
        });
    }
    out
}

/// May the caller invite to this session at all (before an upload is read)?
pub async fn may_invite(svc: &Services, actor: &Actor, id: SessionId) -> Result<(), ServiceError> {
    managed_session(&svc.db, actor, id).await.map(|_| ())
}

/// Checks the file and says what confirming would do. Writes nothing.
pub async fn preview(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    text: &str,
) -> Result<InvitePreview, ServiceError> {
    let actor = require(actor)?;
    let s = managed_session(&svc.db, actor, id).await?;
    let res = resolve(&svc.db, &s, text).await?;
    Ok(plan(&res))
}

/// Creates the people who do not exist yet, invites everyone not invited yet and enqueues their
/// invitations, all in one transaction. Bad rows are skipped (the preview showed them).
pub async fn confirm(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    text: &str,
    now: DateTime<Utc>,
) -> Result<InviteResult, ServiceError> {
    let actor = require(actor)?;
    let txn = store::begin_write(&svc.db).await?;
    let s = managed_session(&txn, actor, id).await?;
    if s.status == "cancelled" || now >= s.ends_at {
        return Err(ServiceError::Invalid(FieldErrors::one(
            Field::Form,
            if s.status == "cancelled" {
                Problem::SessionCancelled
            } else {
                Problem::SessionEnded
            },
        )));
    }
    let res = resolve(&txn, &s, text).await?;
    let preview = plan(&res);
    let mode = SessionMode::parse(&s.mode).unwrap_or(SessionMode::Online);
    // An invitation has no seat yet; it holds the mode's default until the person registers.
    let seat = if mode.has_online() {
        SeatKind::Online
    } else {
        SeatKind::Room
    };
    let summary = summaries(&txn, vec![s.clone()])
        .await?
        .pop()
        .ok_or(ServiceError::NotFound)?;
    // Signs each invitation's preferences link; loaded once for the whole file.
    let key = crate::mail::prefs::key(&txn).await?;
    let mut result = InviteResult::default();
    let mut created_ids = Vec::new();
    let mut queued = false;
    for (l, p) in res.lines.iter().zip(&preview.lines) {
        let Ok(row) = &l.row else {
            result.skipped += 1;
            continue;
        };
        let person_id = match &p.outcome {
            LineOutcome::Errors(_) => {
                result.skipped += 1;
                continue;
            }
            LineOutcome::Already | LineOutcome::Duplicate { .. } => {
                result.already += 1;
                continue;
            }
            LineOutcome::Invite => existing(&res, row).ok_or(ServiceError::NotFound)?,
            LineOutcome::NewPerson => {
                let region_id = row
                    .region
                    .as_ref()
                    .and_then(|n| res.regions.get(&n.to_lowercase()).copied());
                let np = person::ActiveModel {
                    full_name: Set(row.name.clone()),
                    email: Set(row.email.clone()),
                    phone: Set(row.phone.clone()),
                    nik: Set(None),
                    region_id: Set(region_id),
                    lang: Set("id".into()),
                    password_hash: Set(None),
                    personal_code_hash: Set(None),
                    registered_by: Set(None),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
                // The role the file names, scoped to this programme: an organiser cannot hand
                // out roles beyond the programme they run.
                person_role::ActiveModel {
                    person_id: Set(np.id),
                    role: Set(row.role.as_str().to_owned()),
                    programme_id: Set(Some(s.programme_id)),
                    region_id: Set(None),
                    granted_by: Set(Some(actor.person_id.0)),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
                created_ids.push(np.id);
                result.created += 1;
                np.id
            }
        };
        // Loaded by `resolve` in this transaction; a new person has none.
        match res.registrations.get(&person_id).cloned() {
            // Cancelled earlier: invited again.
            Some(r) => {
                let mut a: registration::ActiveModel = r.into();
                a.status = Set(RegStatus::Invited.as_str().to_owned());
                a.invited_by = Set(Some(actor.person_id.0));
                a.updated_at = Set(now);
                a.update(&txn).await?;
            }
            None => {
                registration::ActiveModel {
                    session_id: Set(s.id),
                    person_id: Set(person_id),
                    seat_kind: Set(seat.as_str().to_owned()),
                    status: Set(RegStatus::Invited.as_str().to_owned()),
                    waitlist_position: Set(None),
                    join_token_hash: Set(None),
                    invited_by: Set(Some(actor.person_id.0)),
                    registered_at: Set(now),
                    promoted_at: Set(None),
                    cancelled_at: Set(None),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
        }
        result.invited += 1;
        queued |= invitation_mail(svc, &txn, &key, person_id, &summary, s.version).await?;
    }
    audit::record(
        &txn,
        Entry {
            actor_id: Some(actor.person_id.0),
            action: "session.invited",
            entity: "session",
            entity_id: Some(s.id),
        },
        None::<&()>,
        Some(&serde_json::json!({
            "created_people": created_ids,
            "invited": result.invited,
            "already": result.already,
            "skipped": result.skipped,
        })),
    )
    .await?;
    txn.commit().await?;
    if queued {
        svc.mail_wakeup.notify_one();
    }
    tracing::info!(
        session = s.id,
        invited = result.invited,
        created = result.created,
        "invited from CSV"
    );
    Ok(result)
}

async fn invitation_mail(
    svc: &Services,
    conn: &impl ConnectionTrait,
    key: &[u8],
    person_id: i64,
    s: &crate::domain::SessionSummary,
    version: i32,
) -> Result<bool, ServiceError> {
    let Some(route) = mail_route(conn, PersonId(person_id)).await? else {
        return Ok(false);
    };
    // Honour the person's choice on the preferences page.
    if !route.invitations {
        return Ok(false);
    }
    let lang = route.lang;
    let url = format!("{}/sesi/{}", svc.base_url, s.id);
    let notice = render::Notice {
        subject: lang
            .t(Msg::MailInvitationSubject)
            .replace("{title}", &s.title),
        name: &route.name,
        on_behalf_of: route.on_behalf_of.as_deref(),
        intro: lang.t(Msg::MailInvitationIntro).to_string(),
        action: Some((lang.t(Msg::MailRegisterButton), url)),
        note: Some(lang.t(Msg::MailInvitationHowTo)),
        zone: route.zone,
        // No seat yet, so a plain calendar entry to keep the date, without the meeting link.
        ics: Some(crate::mail::ics::session_ics(crate::mail::ics::IcsInput {
            session: s,
            version,
            description: None,
            meeting_url: None,
            page_url: format!("{}/sesi/{}", svc.base_url, s.id),
            host: &crate::mail::host_of(&svc.base_url),
            method: crate::mail::ics::Method::Publish,
            lang,
            stamp: Utc::now(),
            organizer: None,
            attendee: None,
        })),
        preferences: Some(crate::mail::prefs::url(&svc.base_url, key, person_id)),
    };
    Ok(outbox::enqueue(
        conn,
        outbox::NewMail {
            idempotency_key: format!("invitation:{}:{person_id}:{version}", s.id),
            kind: "invitation",
            session_id: Some(s.id.0),
            recipient_person_id: Some(person_id),
            to_address: route.to,
            rendered: render::session_notice(lang, notice, s),
            run_at: Utc::now(),
            list_unsubscribe: None,
        },
        &svc.base_url,
    )
    .await?)
}
