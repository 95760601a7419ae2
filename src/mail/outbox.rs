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
    /// The one-click preferences link, for reminders.
    pub list_unsubscribe: Option<String>,
}

/// Inserts the row unless one with the same idempotency key exists. Returns whether it inserted.
pub async fn enqueue(
    conn: &impl ConnectionTrait,
    mail: NewMail,
    base_url: &str,
) -> Result<bool, DbErr> {
    let res = email_outbox::Entity::insert(row(mail, base_url))
        .on_conflict_do_nothing_on([email_outbox::Column::IdempotencyKey])
        .exec(conn)
        .await?;
    Ok(matches!(res, sea_orm::TryInsertResult::Inserted(_)))
}

/// Many rows in one statement (reminder fan-out), each skipped if its key exists. Returns how
/// many were inserted.
pub async fn enqueue_many(
    conn: &impl ConnectionTrait,
    mails: Vec<NewMail>,
    base_url: &str,
) -> Result<u64, DbErr> {
    let rows: Vec<_> = mails.into_iter().map(|m| row(m, base_url)).collect();
    let res = email_outbox::Entity::insert_many(rows)
        .on_conflict_do_nothing_on([email_outbox::Column::IdempotencyKey])
        .exec_without_returning(conn)
        .await?;
    Ok(match res {
        sea_orm::TryInsertResult::Inserted(n) => n,
        _ => 0,
    })
}

fn row(mail: NewMail, base_url: &str) -> email_outbox::ActiveModel {
    let now = Utc::now();
    email_outbox::ActiveModel {
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
        accepted_at: Set(None),
        list_unsubscribe: Set(mail.list_unsubscribe),
        ..Default::default()
    }
}

/// `<random@host>`, fixed when the row is enqueued so every delivery attempt carries the same id
/// (the receiving side can then drop duplicates, and tests count messages by it).
fn message_id(base_url: &str) -> String {
    format!(
        "<{:032x}@{}>",
        rand::random::<u128>(),
        super::host_of(base_url)
    )
}
