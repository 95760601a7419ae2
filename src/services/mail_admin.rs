//! Email preferences (opened from a signed link, no login) and the delivery log organisers use
//! to see what reached whom and to send failed messages again.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::{ServiceError, Services, require};
use crate::auth::Actor;
use crate::domain::mail::{DeliveryLog, DeliveryRow, EmailPrefs};
use crate::domain::{SessionId, Zone};
use crate::mail::prefs;
use crate::store;
use crate::store::audit::{self, Entry};
use crate::store::entities::{email_outbox, person};

/// Rows shown in the delivery log (the counts cover all).
pub const LOG_LIMIT: u64 = 500;

async fn person_by_link(
    svc: &Services,
    person_id: i64,
    token: &str,
) -> Result<person::Model, ServiceError> {
    let key = prefs::key(&svc.db).await?;
    if !prefs::verify(&key, person_id, token) {
        return Err(ServiceError::NotFound);
    }
    person::Entity::find_by_id(person_id)
        .one(&svc.db)
        .await?
        .ok_or(ServiceError::NotFound)
}

pub async fn preferences(
    svc: &Services,
    person_id: i64,
    token: &str,
) -> Result<EmailPrefs, ServiceError> {
    let p = person_by_link(svc, person_id, token).await?;
    Ok(EmailPrefs {
        person_id,
        token: token.to_owned(),
        name: p.full_name,
        reminders: p.email_reminders,
        invitations: p.email_invitations,
    })
}

/// Saves the choices; a one-click unsubscribe (RFC 8058) is `reminders = false` with
/// invitations unchanged (`None`).
pub async fn save_preferences(
    svc: &Services,
    person_id: i64,
    token: &str,
    reminders: bool,
    invitations: Option<bool>,
) -> Result<(), ServiceError> {
    let p = person_by_link(svc, person_id, token).await?;
    let before = serde_json::json!({
        "email_reminders": p.email_reminders,
        "email_invitations": p.email_invitations,
    });
    let invitations = invitations.unwrap_or(p.email_invitations);
    let after = serde_json::json!({
        "email_reminders": reminders,
        "email_invitations": invitations,
    });
    let txn = store::begin_write(&svc.db).await?;
    let mut a: person::ActiveModel = p.into();
    a.email_reminders = Set(reminders);
    a.email_invitations = Set(invitations);
    a.updated_at = Set(Utc::now());
    a.update(&txn).await?;
    audit::record(
        &txn,
        Entry {
            actor_id: Some(person_id),
            action: "email_preferences",
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

/// The session's mail: counts by status and the latest rows, failed first. Organisers of the
/// session only.
pub async fn delivery_log(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
) -> Result<DeliveryLog, ServiceError> {
    let actor = require(actor)?;
    let s = super::session_admin::organised_session(&svc.db, actor, id).await?;
    let counts: Vec<(String, i64)> = email_outbox::Entity::find()
        .select_only()
        .column(email_outbox::Column::Status)
        .column_as(email_outbox::Column::Id.count(), "n")
        .filter(email_outbox::Column::SessionId.eq(s.id))
        .group_by(email_outbox::Column::Status)
        .into_tuple()
        .all(&svc.db)
        .await?;
    let count = |st: &[&str]| -> u64 {
        counts
            .iter()
            .filter(|(k, _)| st.contains(&k.as_str()))
            .map(|(_, n)| u64::try_from(*n).unwrap_or(0))
            .sum()
    };
    let rows = email_outbox::Entity::find()
        .filter(email_outbox::Column::SessionId.eq(s.id))
        .order_by_desc(Expr::cust("CASE WHEN status = 'failed' THEN 1 ELSE 0 END"))
        .order_by_desc(email_outbox::Column::Id)
        .limit(LOG_LIMIT)
        .all(&svc.db)
        .await?;
    let ids: Vec<i64> = rows.iter().filter_map(|r| r.recipient_person_id).collect();
    let names: std::collections::HashMap<i64, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .all(&svc.db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.full_name))
        .collect();
    Ok(DeliveryLog {
        session_id: s.id,
        title: s.title,
        zone: Zone::from_iana(&s.timezone).unwrap_or(Zone::Wib),
        queued: count(&["queued", "sending"]),
        sent: count(&["sent"]),
        failed: count(&["failed"]),
        rows: rows
            .into_iter()
            .map(|r| DeliveryRow {
                id: r.id,
                recipient: r
                    .recipient_person_id
                    .and_then(|p| names.get(&p).cloned())
                    .unwrap_or_default(),
                kind: r.kind,
                to: crate::domain::mail::mask_email(&r.to_address),
                at: r.sent_at.unwrap_or(r.run_at),
                status: r.status,
                attempts: r.attempts,
                last_error: r.last_error,
            })
            .collect(),
    })
}

/// Puts the session's failed messages back in the queue, due now, with a fresh attempt count.
/// Returns how many.
pub async fn retry_failed(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    now: DateTime<Utc>,
) -> Result<u64, ServiceError> {
    let actor = require(actor)?;
    let txn = store::begin_write(&svc.db).await?;
    let s = super::session_admin::organised_session(&txn, actor, id).await?;
    let res = email_outbox::Entity::update_many()
        .col_expr(email_outbox::Column::Status, Expr::value("queued"))
        .col_expr(email_outbox::Column::Attempts, Expr::value(0))
        .col_expr(email_outbox::Column::RunAt, Expr::value(now))
        .col_expr(
            email_outbox::Column::AcceptedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(email_outbox::Column::SessionId.eq(s.id))
        .filter(email_outbox::Column::Status.eq("failed"))
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        Entry {
            actor_id: Some(actor.person_id.0),
            action: "mail_retry",
            entity: "session",
            entity_id: Some(s.id),
        },
        None::<&()>,
        Some(&serde_json::json!({ "requeued": res.rows_affected })),
    )
    .await?;
    txn.commit().await?;
    if res.rows_affected > 0 {
        svc.mail_wakeup.notify_one();
    }
    Ok(res.rows_affected)
}
