//! The mail worker: claims due outbox rows, sends them, marks them.
//!
//! Claiming sets `status = sending` with a lease (`locked_until`) and counts the attempt, in a short
//! transaction: PostgreSQL `FOR UPDATE SKIP LOCKED`, so several processes share the work; SQLite
//! `BEGIN IMMEDIATE`, one writer at a time. A worker killed mid-send leaves the row `sending`; it is
//! claimed again when the lease runs out. The remaining window is a crash after the SMTP server
//! accepted a message and before it was marked sent: that message is sent again, with the same
//! Message-ID.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::{AsyncTransport, Message};
use sea_orm::sea_query::{Expr, ExprTrait, LockBehavior, LockType};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbBackend, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use tokio::sync::Notify;

use super::transport::Transport;
use crate::store::entities::email_outbox::{self, Column as C, Entity as Outbox};

/// Attempts before a message is marked failed (and shown to organisers).
pub const MAX_ATTEMPTS: i32 = 8;
/// Kinds whose bodies hold a one-time link: emptied once sent or failed for good.
pub const SECRET_KINDS: [&str; 2] = ["login_link", "password_reset"];
const SCRUBBED: &str = "[dihapus setelah dikirim / removed after sending]";

/// How long a claim holds before another worker may take the row over.
pub const LEASE: Duration = Duration::from_secs(120);

pub struct Worker {
    db: DatabaseConnection,
    transport: Transport,
    from: Mailbox,
    wakeup: Arc<Notify>,
    batch: u64,
    poll: Duration,
}

#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    #[error("database: {0}")]
    Db(#[from] DbErr),
    #[error("sender address {0:?} is not a valid mailbox")]
    From(String),
}

/// Delay before retry `attempt` (1-based): 30 s, 1 min, 2 min, ... capped at 1 hour.
pub fn backoff(attempt: i32) -> chrono::Duration {
    let exp = attempt.clamp(1, 8) - 1;
    chrono::Duration::seconds(Ord::min(30i64 << exp, 3600))
}

impl Worker {
    pub fn new(
        db: DatabaseConnection,
        transport: Transport,
        from: &str,
        wakeup: Arc<Notify>,
    ) -> Result<Self, WorkerError> {
        let from = from
            .parse()
            .map_err(|_| WorkerError::From(from.to_owned()))?;
        Ok(Self {
            db,
            transport,
            from,
            wakeup,
            batch: 50,
            poll: Duration::from_secs(5),
        })
    }

    /// Runs until `shutdown` completes; wakes on new mail or every few seconds.
    pub async fn run(self, shutdown: impl Future<Output = ()>) {
        tokio::pin!(shutdown);
        loop {
            match self.run_once().await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "mail worker pass failed"),
            }
            tokio::select! {
                _ = &mut shutdown => break,
                _ = self.wakeup.notified() => {}
                _ = tokio::time::sleep(self.poll) => {}
            }
        }
        tracing::info!("mail worker stopped");
    }

    /// One pass: claim a batch, send each, mark each. Returns how many were claimed.
    pub async fn run_once(&self) -> Result<usize, WorkerError> {
        let rows = self.claim().await?;
        let n = rows.len();
        for row in rows {
            self.deliver(row).await?;
        }
        Ok(n)
    }

    async fn claim(&self) -> Result<Vec<email_outbox::Model>, DbErr> {
        let now = Utc::now();
        let backend = self.db.get_database_backend();
        let txn = crate::store::begin_write(&self.db).await?;
        let due = Condition::any()
            .add(C::Status.eq("queued").and(C::RunAt.lte(now)))
            .add(C::Status.eq("sending").and(C::LockedUntil.lt(now)));
        let mut q = Outbox::find()
            .filter(due)
            .order_by_asc(C::RunAt)
            .order_by_asc(C::Id)
            .limit(self.batch);
        if backend == DbBackend::Postgres {
            q = q.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
        }
        let rows = q.all(&txn).await?;
        if rows.is_empty() {
            txn.commit().await?;
            return Ok(rows);
        }
        let lease = now + chrono::Duration::from_std(LEASE).unwrap_or_default();
        Outbox::update_many()
            .col_expr(C::Status, Expr::value("sending"))
            .col_expr(C::LockedUntil, Expr::value(lease))
            .col_expr(C::Attempts, Expr::col(C::Attempts).add(1))
            .filter(C::Id.is_in(rows.iter().map(|r| r.id)))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        Ok(rows)
    }

    /// Sends one claimed row. `attempts` as set by our claim is the claim's token: the lease is
    /// renewed and every mark is made only while the row still carries it, so a worker whose lease
    /// ran out (and whose row another worker took over) changes nothing and sends nothing.
    async fn deliver(&self, row: email_outbox::Model) -> Result<(), DbErr> {
        let attempt = row.attempts + 1;
        let ours = || {
            Outbox::update_many()
                .filter(C::Id.eq(row.id))
                .filter(C::Status.eq("sending"))
                .filter(C::Attempts.eq(attempt))
        };
        let lease = Utc::now() + chrono::Duration::from_std(LEASE).unwrap_or_default();
        let renewed = ours()
            .col_expr(C::LockedUntil, Expr::value(lease))
            .exec(&self.db)
            .await?;
        if renewed.rows_affected == 0 {
            tracing::info!(id = row.id, "claim lost to another worker; skipping");
            return Ok(());
        }
        let result = match self.build(&row) {
            Ok(msg) => self
                .transport
                .send(msg)
                .await
                .map(|_| ())
                .map_err(|e| (e.is_permanent(), e.to_string())),
            Err(e) => Err((true, e)),
        };
        let now = Utc::now();
        // Mails that carry a one-time link lose their bodies once handled, so the database never
        // keeps a usable token after delivery (only its hash, in login_tokens).
        let scrub = SECRET_KINDS.contains(&row.kind.as_str());
        let update = if scrub {
            ours()
                .col_expr(C::BodyText, Expr::value(SCRUBBED))
                .col_expr(C::BodyHtml, Expr::value(SCRUBBED))
        } else {
            ours()
        };
        match result {
            Ok(()) => {
                update
                    .col_expr(C::Status, Expr::value("sent"))
                    .col_expr(C::SentAt, Expr::value(now))
                    .col_expr(
                        C::LockedUntil,
                        Expr::value(Option::<chrono::DateTime<Utc>>::None),
                    )
                    .exec(&self.db)
                    .await?;
                tracing::info!(id = row.id, kind = %row.kind, "mail sent");
            }
            Err((permanent, error)) if permanent || attempt >= MAX_ATTEMPTS => {
                update
                    .col_expr(C::Status, Expr::value("failed"))
                    .col_expr(C::LastError, Expr::value(error.clone()))
                    .exec(&self.db)
                    .await?;
                tracing::warn!(id = row.id, %error, attempt, "mail failed for good");
            }
            Err((_, error)) => {
                ours()
                    .col_expr(C::Status, Expr::value("queued"))
                    .col_expr(C::RunAt, Expr::value(now + backoff(attempt)))
                    .col_expr(
                        C::LockedUntil,
                        Expr::value(Option::<chrono::DateTime<Utc>>::None),
                    )
                    .col_expr(C::LastError, Expr::value(error.clone()))
                    .exec(&self.db)
                    .await?;
                tracing::warn!(id = row.id, %error, attempt, "mail send failed; will retry");
            }
        }
        Ok(())
    }

    fn build(&self, row: &email_outbox::Model) -> Result<Message, String> {
        let to: Mailbox = row
            .to_address
            .parse()
            .map_err(|e| format!("recipient {:?}: {e}", row.to_address))?;
        let alt = MultiPart::alternative_plain_html(row.body_text.clone(), row.body_html.clone());
        let body = match &row.ics {
            Some(ics) => {
                let ct = ContentType::parse("text/calendar; charset=utf-8; method=REQUEST")
                    .map_err(|e| e.to_string())?;
                MultiPart::mixed()
                    .multipart(alt)
                    .singlepart(Attachment::new("undangan.ics".to_owned()).body(ics.clone(), ct))
            }
            None => alt,
        };
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(row.subject.clone())
            .message_id(Some(row.message_id.clone()))
            .multipart(body)
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn backoff_doubles_and_caps_at_an_hour() {
        let secs: Vec<i64> = (1..=9).map(|a| backoff(a).num_seconds()).collect();
        assert_eq!(secs, vec![30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    }
}
