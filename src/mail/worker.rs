//! The mail worker: claims due outbox rows, sends them, marks them.
//!
//! Claiming sets `status = sending` with a lease (`locked_until`) and counts the attempt, in a
//! short transaction: PostgreSQL `FOR UPDATE SKIP LOCKED`, so several processes share the work;
//! SQLite `BEGIN IMMEDIATE`, one writer at a time. The rows of a batch go out over several SMTP
//! connections at once.
//!
//! **Handing over.** Each message goes MAIL, RCPT, DATA; once the server says "go ahead", the row
//! gets `accepted_at` (committed), and only then are the content and its final dot written. So:
//! - killed before `accepted_at` commits: the server never got the final dot and discards the
//!   message; the row is claimed again when its lease runs out and sent then. Nothing lost.
//! - killed after: the row is never sent again. When its lease runs out it is marked `sent`, with
//!   a note that the server's reply was not seen. Nothing sent twice.
//!
//! The window that remains is the few microseconds between the `accepted_at` commit and the
//! write of the content: a worker killed exactly then leaves a message marked sent that the
//! server discarded. It shows in the delivery log as "sent, reply not seen", where an organiser
//! can send it again. We chose a possible (rare, visible) loss over a possible duplicate; the
//! fault benchmark in `bench/mail_faults.sh` counts both.
//!
//! An error the worker does see (connection refused, timeout, 4xx) puts the row back with
//! exponential backoff; a 5xx or an unusable address marks it failed at once; after
//! `MAX_ATTEMPTS` it is failed for good. Failed rows are shown to organisers, who can retry them.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use lettre::Message;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart};
use sea_orm::sea_query::{Expr, ExprTrait, LockBehavior, LockType};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use tokio::sync::Notify;

use super::transport::{Conn, Transport};
use crate::store::entities::email_outbox::{self, Column as C, Entity as Outbox};

/// Attempts before a message is marked failed (and shown to organisers).
pub const MAX_ATTEMPTS: i32 = 8;
/// Kinds whose bodies hold a one-time link: emptied once sent or failed for good.
pub const SECRET_KINDS: [&str; 2] = ["login_link", "password_reset"];
const SCRUBBED: &str = "[dihapus setelah dikirim / removed after sending]";
pub use crate::domain::mail::REPLY_NOT_SEEN;

/// While mail is flowing, the work before a pass (the reminder sweep) runs at most this often.
pub const SWEEP_EVERY: Duration = Duration::from_secs(30);

/// How long a claim holds before another worker may take the row over.
pub const LEASE: Duration = Duration::from_secs(120);

/// The future [`Worker::before_each_pass`] returns.
pub type BeforePass =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send>>;

/// Tuning, from `BIMTEK_MAIL_*` variables (see the README); the defaults suit one server.
#[derive(Debug, Clone, Copy)]
pub struct Tuning {
    /// Rows claimed at once.
    pub batch: u64,
    /// SMTP connections used at once.
    pub connections: usize,
    /// Lease of a claim.
    pub lease: Duration,
    /// First retry delay; doubled per attempt, capped at one hour.
    pub retry_base: Duration,
    /// Idle poll interval (new mail also wakes the worker at once).
    pub poll: Duration,
}

impl Default for Tuning {
    fn default() -> Self {
        Self {
            batch: 64,
            connections: 4,
            lease: LEASE,
            retry_base: Duration::from_secs(30),
            poll: Duration::from_secs(5),
        }
    }
}

impl Tuning {
    pub fn from_env() -> Self {
        let d = Self::default();
        let num = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
        Self {
            batch: num("BIMTEK_MAIL_BATCH").unwrap_or(d.batch).clamp(1, 1000),
            connections: num("BIMTEK_MAIL_CONNECTIONS")
                .map(|n| n as usize)
                .unwrap_or(d.connections)
                .clamp(1, 64),
            lease: num("BIMTEK_MAIL_LEASE_SECS")
                .map(Duration::from_secs)
                .unwrap_or(d.lease)
                .max(Duration::from_secs(2)),
            retry_base: num("BIMTEK_MAIL_RETRY_SECS")
                .map(Duration::from_secs)
                .unwrap_or(d.retry_base),
            poll: d.poll,
        }
    }
}

#[derive(Clone)]
pub struct Worker {
    db: DatabaseConnection,
    transport: Arc<Transport>,
    from: Mailbox,
    wakeup: Arc<Notify>,
    tuning: Tuning,
    /// Runs before each pass (the reminder sweep); its errors are logged, not fatal.
    before_pass: Option<Arc<dyn Fn() -> BeforePass + Send + Sync>>,
}

#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    #[error("database: {0}")]
    Db(#[from] DbErr),
    #[error("sender address {0:?} is not a valid mailbox")]
    From(String),
}

/// Delay before retry `attempt` (1-based) with the default base: 30 s, 1 min, 2 min, ... capped
/// at 1 hour.
pub fn backoff(attempt: i32) -> chrono::Duration {
    backoff_from(Duration::from_secs(30), attempt)
}

fn backoff_from(base: Duration, attempt: i32) -> chrono::Duration {
    let exp = attempt.clamp(1, 8) - 1;
    let base = i64::try_from(base.as_millis()).unwrap_or(30_000);
    chrono::Duration::milliseconds(Ord::min(base << exp, 3_600_000))
}

/// What happened to one message.
enum Outcome {
    Sent,
    /// Not handed over (or refused): the row goes back to the queue or fails.
    Error {
        permanent: bool,
        error: String,
    },
    /// Our claim was taken over by another worker: leave the row alone.
    Lost,
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
            transport: Arc::new(transport),
            from,
            wakeup,
            tuning: Tuning::default(),
            before_pass: None,
        })
    }

    pub fn with_tuning(mut self, tuning: Tuning) -> Self {
        self.tuning = tuning;
        self
    }

    /// Work to do before each pass, such as enqueueing due reminders.
    pub fn before_each_pass(mut self, f: impl Fn() -> BeforePass + Send + Sync + 'static) -> Self {
        self.before_pass = Some(Arc::new(f));
        self
    }

    /// Runs until `shutdown` completes; wakes on new mail or every few seconds. The work before
    /// a pass (the reminder sweep) runs at most every `SWEEP_EVERY` while mail is flowing, so a
    /// big fan-out is not slowed by a sweep per batch.
    pub async fn run(self, shutdown: impl Future<Output = ()>) {
        tokio::pin!(shutdown);
        let mut last_sweep: Option<std::time::Instant> = None;
        loop {
            if let Some(f) = &self.before_pass
                && last_sweep.is_none_or(|t| t.elapsed() >= SWEEP_EVERY)
            {
                last_sweep = Some(std::time::Instant::now());
                if let Err(e) = f().await {
                    tracing::warn!(error = %e, "reminder sweep failed");
                }
            }
            match self.run_once().await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "mail worker pass failed"),
            }
            tokio::select! {
                _ = &mut shutdown => break,
                _ = self.wakeup.notified() => {}
                _ = tokio::time::sleep(self.tuning.poll) => {}
            }
        }
        tracing::info!("mail worker stopped");
    }

    /// Delivers until nothing is due (for `bimtek send --once` and tests). Returns how many rows
    /// were handled.
    pub async fn drain(&self) -> Result<usize, WorkerError> {
        let mut total = 0;
        loop {
            // Sweep, deliver everything due, and stop when a sweep finds nothing new to send.
            if let Some(f) = &self.before_pass {
                f().await.map_err(|e| WorkerError::Db(DbErr::Custom(e)))?;
            }
            let mut passed = 0;
            loop {
                let n = self.run_once().await?;
                if n == 0 {
                    break;
                }
                passed += n;
            }
            if passed == 0 {
                return Ok(total);
            }
            total += passed;
        }
    }

    /// One pass: settle handed-over rows whose worker stopped, claim a batch, send it over up to
    /// `connections` SMTP connections at once, mark each row. Returns how many were claimed.
    pub async fn run_once(&self) -> Result<usize, WorkerError> {
        self.settle_handed_over().await?;
        let rows = self.claim().await?;
        let n = rows.len();
        if n == 0 {
            return Ok(0);
        }
        let lanes = self.tuning.connections.min(n);
        let mut queues: Vec<Vec<email_outbox::Model>> = vec![Vec::new(); lanes];
        for (i, row) in rows.into_iter().enumerate() {
            queues[i % lanes].push(row);
        }
        let mut set = tokio::task::JoinSet::new();
        for queue in queues {
            let w = self.clone();
            set.spawn(async move { w.deliver_lane(queue).await });
        }
        let mut first_err = None;
        while let Some(r) = set.join_next().await {
            match r {
                Ok(Ok(())) => {}
                Ok(Err(e)) => first_err = first_err.or(Some(e)),
                Err(e) => tracing::error!(error = %e, "mail lane panicked"),
            }
        }
        match first_err {
            Some(e) => Err(e.into()),
            None => Ok(n),
        }
    }

    /// Rows handed over to the SMTP server by a worker that stopped before it saw the reply:
    /// marked sent, never sent again.
    async fn settle_handed_over(&self) -> Result<(), DbErr> {
        let now = Utc::now();
        let res = Outbox::update_many()
            .col_expr(C::Status, Expr::value("sent"))
            .col_expr(C::SentAt, Expr::col(C::AcceptedAt))
            .col_expr(C::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
            .col_expr(C::LastError, Expr::value(REPLY_NOT_SEEN))
            .filter(C::Status.eq("sending"))
            .filter(C::AcceptedAt.is_not_null())
            .filter(C::LockedUntil.lt(now))
            .exec(&self.db)
            .await?;
        if res.rows_affected > 0 {
            tracing::warn!(
                rows = res.rows_affected,
                "marked sent: handed over by a worker that stopped before the server replied"
            );
        }
        Ok(())
    }

    async fn claim(&self) -> Result<Vec<email_outbox::Model>, DbErr> {
        let now = Utc::now();
        let backend = self.db.get_database_backend();
        let txn = crate::store::begin_write(&self.db).await?;
        // Two queries, each an index range on (status, run_at, id): claims whose worker died
        // before handing over, then due queued rows in order. (One query with OR scanned and
        // sorted every queued row for each batch: 25 messages/s with 400,000 queued.)
        let lock = |q: sea_orm::Select<Outbox>| {
            if backend == DbBackend::Postgres {
                q.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
            } else {
                q
            }
        };
        let mut rows = lock(
            Outbox::find()
                .filter(C::Status.eq("sending"))
                .filter(C::LockedUntil.lt(now))
                .filter(C::AcceptedAt.is_null())
                .order_by_asc(C::RunAt)
                .order_by_asc(C::Id)
                .limit(self.tuning.batch),
        )
        .all(&txn)
        .await?;
        let room = self.tuning.batch.saturating_sub(rows.len() as u64);
        if room > 0 {
            rows.extend(
                lock(
                    Outbox::find()
                        .filter(C::Status.eq("queued"))
                        .filter(C::RunAt.lte(now))
                        .order_by_asc(C::RunAt)
                        .order_by_asc(C::Id)
                        .limit(room),
                )
                .all(&txn)
                .await?,
            );
        }
        if rows.is_empty() {
            txn.commit().await?;
            return Ok(rows);
        }
        let lease = now + chrono::Duration::from_std(self.tuning.lease).unwrap_or_default();
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

    /// Sends one lane's rows in order over one connection (opened again after an error).
    async fn deliver_lane(&self, rows: Vec<email_outbox::Model>) -> Result<(), DbErr> {
        let mut conn: Option<Conn> = None;
        for row in rows {
            let attempt = row.attempts + 1;
            let outcome = self.send_one(&row, attempt, &mut conn).await?;
            self.mark(&row, attempt, outcome).await?;
        }
        if let Some(c) = conn {
            self.transport.put(c);
        }
        Ok(())
    }

    /// An update that applies only while the row still carries our claim (`attempts` as set by
    /// our claim is its token): a worker whose lease ran out and whose row another worker took
    /// over changes nothing.
    fn ours(row: &email_outbox::Model, attempt: i32) -> sea_orm::UpdateMany<Outbox> {
        Outbox::update_many()
            .filter(C::Id.eq(row.id))
            .filter(C::Status.eq("sending"))
            .filter(C::Attempts.eq(attempt))
    }

    async fn send_one(
        &self,
        row: &email_outbox::Model,
        attempt: i32,
        conn: &mut Option<Conn>,
    ) -> Result<Outcome, DbErr> {
        let msg = match message(&self.from, row) {
            Ok(m) => m,
            Err(error) => {
                return Ok(Outcome::Error {
                    permanent: true,
                    error,
                });
            }
        };
        let envelope = msg.envelope().clone();
        let content = msg.formatted();
        let transient = |e: super::transport::Error| Outcome::Error {
            permanent: e.is_permanent(),
            error: e.to_string(),
        };
        let mut c = match conn.take() {
            Some(c) => c,
            None => match self.transport.take().await {
                Ok(c) => c,
                Err(e) => return Ok(transient(e)),
            },
        };
        // A reused connection may have been closed by the server while idle: one fresh try.
        if let Err(e) = c.open_data(&envelope, &content).await {
            if e.is_permanent() {
                return Ok(transient(e));
            }
            c = match self.transport.take().await {
                Ok(c) => c,
                Err(e) => return Ok(transient(e)),
            };
            if let Err(e) = c.open_data(&envelope, &content).await {
                return Ok(transient(e));
            }
        }
        // The server waits for the content. Record the hand-over first (see the module docs).
        let lease = Utc::now() + chrono::Duration::from_std(self.tuning.lease).unwrap_or_default();
        let handed = Self::ours(row, attempt)
            .col_expr(C::AcceptedAt, Expr::value(Utc::now()))
            .col_expr(C::LockedUntil, Expr::value(lease))
            .exec(&self.db)
            .await?;
        if handed.rows_affected == 0 {
            // Dropping the connection mid-DATA makes the server discard the message.
            tracing::info!(id = row.id, "claim lost to another worker; skipping");
            return Ok(Outcome::Lost);
        }
        match c.finish_data(&content).await {
            Ok(_) => {
                *conn = Some(c);
                Ok(Outcome::Sent)
            }
            Err(e) => {
                // The server answered no, or the connection broke before it answered: in both
                // cases it did not take the message (a server that takes it answers at once).
                Self::ours(row, attempt)
                    .col_expr(C::AcceptedAt, Expr::value(Option::<DateTime<Utc>>::None))
                    .exec(&self.db)
                    .await?;
                Ok(transient(e))
            }
        }
    }

    async fn mark(
        &self,
        row: &email_outbox::Model,
        attempt: i32,
        outcome: Outcome,
    ) -> Result<(), DbErr> {
        let now = Utc::now();
        // Mails that carry a one-time link lose their bodies once handled, so the database never
        // keeps a usable token after delivery (only its hash, in login_tokens).
        let scrub = SECRET_KINDS.contains(&row.kind.as_str());
        let update = if scrub {
            Self::ours(row, attempt)
                .col_expr(C::BodyText, Expr::value(SCRUBBED))
                .col_expr(C::BodyHtml, Expr::value(SCRUBBED))
        } else {
            Self::ours(row, attempt)
        };
        let unlocked = Expr::value(Option::<DateTime<Utc>>::None);
        match outcome {
            Outcome::Lost => {}
            Outcome::Sent => {
                update
                    .col_expr(C::Status, Expr::value("sent"))
                    .col_expr(C::SentAt, Expr::value(now))
                    .col_expr(C::LockedUntil, unlocked)
                    .col_expr(C::LastError, Expr::value(Option::<String>::None))
                    .exec(&self.db)
                    .await?;
                tracing::debug!(id = row.id, kind = %row.kind, "mail sent");
            }
            Outcome::Error { permanent, error } if permanent || attempt >= MAX_ATTEMPTS => {
                update
                    .col_expr(C::Status, Expr::value("failed"))
                    .col_expr(C::LockedUntil, unlocked)
                    .col_expr(C::LastError, Expr::value(error.clone()))
                    .exec(&self.db)
                    .await?;
                tracing::warn!(id = row.id, %error, attempt, "mail failed for good");
            }
            Outcome::Error { error, .. } => {
                Self::ours(row, attempt)
                    .col_expr(C::Status, Expr::value("queued"))
                    .col_expr(
                        C::RunAt,
                        Expr::value(now + backoff_from(self.tuning.retry_base, attempt)),
                    )
                    .col_expr(C::LockedUntil, unlocked)
                    .col_expr(C::LastError, Expr::value(error.clone()))
                    .exec(&self.db)
                    .await?;
                tracing::warn!(id = row.id, %error, attempt, "mail send failed; will retry");
            }
        }
        Ok(())
    }
}

/// The message of an outbox row, as the worker sends it: plain text and HTML, the .ics attached
/// with its METHOD, the Message-ID fixed at enqueue time, List-Unsubscribe on reminders.
pub fn message(from: &Mailbox, row: &email_outbox::Model) -> Result<Message, String> {
    let to: Mailbox = row
        .to_address
        .parse()
        .map_err(|e| format!("recipient {:?}: {e}", row.to_address))?;
    let alt = MultiPart::alternative_plain_html(row.body_text.clone(), row.body_html.clone());
    let body = match &row.ics {
        Some(ics) => {
            let method = super::ics::method_of(ics).unwrap_or("PUBLISH");
            let ct = ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))
                .map_err(|e| e.to_string())?;
            MultiPart::mixed()
                .multipart(alt)
                .singlepart(Attachment::new("bimtek.ics".to_owned()).body(ics.clone(), ct))
        }
        None => alt,
    };
    let mut b = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(row.subject.clone())
        .message_id(Some(row.message_id.clone()));
    if let Some(url) = &row.list_unsubscribe {
        b = b
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{url}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_owned(),
            ));
    }
    b.multipart(body).map_err(|e| e.to_string())
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
