//! An audit log entry as admins see it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// The person who acted, if known (`None` for anonymous or system actions).
    pub actor: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    /// JSON of the state before and after the change.
    pub before: Option<String>,
    pub after: Option<String>,
}
