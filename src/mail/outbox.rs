//! Enqueueing mail. The row is written in the caller's transaction, so mail goes out if and only
//! if the change that caused it commits; the idempotency key makes a retry enqueue nothing twice.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};

use super::Rendered;
use crate::store::entities::email_outbox;

pub struct NewMail {
    /// kind + session + recipient + version (or the form's own key).
    pub idempotency_key: String,
    pub kind: &'static str,
    pub session_id: Option<i64>,
    pub recipient_person_id: Option<i64>,
    pub to_address: String,
    pub rendered: Rendered,
    pub run_at: DateTime<Utc>,
}

/// Inserts the row unless one with the same idempotency key exists. Returns whether it inserted.
pub async fn enqueue(
    conn: &impl ConnectionTrait,
    mail: NewMail,
    base_url: &str,
) -> Result<bool, DbErr> {
    let now = Utc::now();
    let row = email_outbox::ActiveModel {
        idempotency_key: Set(mail.idempotency_key),
        kind: Set(mail.kind.to_owned()),
        session_id: Set(mail.session_id),
        recipient_person_id: Set(mail.recipient_person_id),
        to_address: Set(mail.to_address),
        subject: Set(mail.rendered.subject),
        body_text: Set(mail.rendered.text),
        body_html: Set(mail.rendered.html),
        ics: Set(mail.rendered.ics),
        message_id: Set(message_id(base_url)),
        status: Set("queued".to_owned()),
        attempts: Set(0),
        run_at: Set(mail.run_at),
        locked_until: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
        ..Default::default()
    };
    let res = email_outbox::Entity::insert(row)
        .on_conflict_do_nothing_on([email_outbox::Column::IdempotencyKey])
        .exec(conn)
        .await?;
    Ok(matches!(res, sea_orm::TryInsertResult::Inserted(_)))
}

/// `<random@host>`, fixed when the row is enqueued so every delivery attempt carries the same id
/// (the receiving side can then drop duplicates, and tests count messages by it).
fn message_id(base_url: &str) -> String {
    let host = base_url
        .split("://")
        .nth(1)
        .unwrap_or("bimtek.localhost")
        .split(['/', ':'])
        .next()
        .filter(|h| !h.is_empty())
        .unwrap_or("bimtek.localhost");
    format!("<{:032x}@{host}>", rand::random::<u128>())
}
