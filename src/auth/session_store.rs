//! A tower-sessions store on the app's own sea-orm pool (SQLite or PostgreSQL).
//!
//! Why not tower-sessions-sqlx-store: it is built on sqlx 0.8 while sea-orm 2 uses sqlx 0.9, so it
//! cannot share our pool. Records are JSON in the `auth_sessions` table.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};

use crate::store::entities::auth_session::{self, Entity as AuthSession};

#[derive(Debug, Clone)]
pub struct SeaOrmStore {
    db: DatabaseConnection,
}

impl SeaOrmStore {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

fn backend(e: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

fn to_chrono(t: time::OffsetDateTime) -> DateTime<Utc> {
    DateTime::from_timestamp(t.unix_timestamp(), t.nanosecond()).unwrap_or_default()
}

fn row(record: &Record) -> session_store::Result<auth_session::ActiveModel> {
    let data =
        serde_json::to_vec(record).map_err(|e| session_store::Error::Encode(e.to_string()))?;
    // Kept beside the JSON so that all of one person's sessions can be ended at once.
    let person_id = record
        .data
        .get(crate::auth::SESSION_PERSON_KEY)
        .and_then(|v| v.as_i64());
    Ok(auth_session::ActiveModel {
        id: Set(record.id.to_string()),
        data: Set(data),
        expiry_date: Set(to_chrono(record.expiry_date)),
        person_id: Set(person_id),
    })
}

#[async_trait]
impl SessionStore for SeaOrmStore {
    /// A new session: a plain insert, with a fresh id if (against all odds) the id is taken, so
    /// one session can never overwrite another.
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        loop {
            match AuthSession::insert(row(record)?).exec(&self.db).await {
                Ok(_) => return Ok(()),
                Err(e)
                    if matches!(
                        e.sql_err(),
                        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
                    ) =>
                {
                    record.id = Id::default();
                }
                Err(e) => return Err(backend(e)),
            }
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        AuthSession::insert(row(record)?)
            .on_conflict(
                OnConflict::column(auth_session::Column::Id)
                    .update_columns([
                        auth_session::Column::Data,
                        auth_session::Column::ExpiryDate,
                        auth_session::Column::PersonId,
                    ])
                    .to_owned(),
            )
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let row = AuthSession::find_by_id(id.to_string())
            .filter(auth_session::Column::ExpiryDate.gt(Utc::now()))
            .one(&self.db)
            .await
            .map_err(backend)?;
        row.map(|r| {
            serde_json::from_slice(&r.data).map_err(|e| session_store::Error::Decode(e.to_string()))
        })
        .transpose()
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        AuthSession::delete_by_id(id.to_string())
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

#[async_trait]
impl ExpiredDeletion for SeaOrmStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        AuthSession::delete_many()
            .filter(auth_session::Column::ExpiryDate.lte(Utc::now()))
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

/// Ends every login session of `person` (after a password reset, or when an admin locks them out).
/// Runs on `db`, which may be the transaction that made the change.
pub async fn end_all_of<C: sea_orm::ConnectionTrait>(
    db: &C,
    person: crate::domain::PersonId,
) -> Result<u64, sea_orm::DbErr> {
    let res = AuthSession::delete_many()
        .filter(auth_session::Column::PersonId.eq(person.0))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}
