//! What the email pages show: a person's preferences and a session's delivery log.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The preferences page, opened from a signed link (no login).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailPrefs {
    pub person_id: i64,
    pub token: String,
    pub name: String,
    pub reminders: bool,
    pub invitations: bool,
}

/// One message in a session's delivery log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryRow {
    pub id: i64,
    pub kind: String,
    pub recipient: String,
    pub to: String,
    /// queued, sending, sent, failed.
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    /// When it was sent, or when it is (next) due.
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryLog {
    pub session_id: i64,
    pub title: String,
    pub zone: super::Zone,
    pub queued: u64,
    pub sent: u64,
    pub failed: u64,
    pub rows: Vec<DeliveryRow>,
}

/// `last_error` of a row marked sent after its worker stopped between handing it over and
/// reading the server's reply (see `mail::worker`).
pub const REPLY_NOT_SEEN: &str =
    "reply not seen: the worker stopped after handing the message over";

/// The words for an outbox kind.
pub fn kind_msg(kind: &str) -> crate::i18n::Msg {
    use crate::i18n::Msg::*;
    match kind {
        "invitation" => KindInvitation,
        "registration_confirmed" => KindConfirmed,
        "registration_waitlisted" => KindWaitlisted,
        "registration_promoted" => KindPromoted,
        "reminder" => KindReminder,
        "session_changed" => KindChanged,
        "session_cancelled" => KindCancelled,
        _ => KindTest,
    }
}

/// The words for an outbox status.
pub fn status_msg(status: &str) -> crate::i18n::Msg {
    use crate::i18n::Msg::*;
    match status {
        "sent" => DeliverySent,
        "failed" => DeliveryFailed,
        _ => DeliveryQueued,
    }
}

/// `siti.aminah@contoh.id` → `si…@contoh.id`: enough to spot a typo in the domain or a bounce
/// pattern, without handing organisers every registrant's address.
pub fn mask_email(address: &str) -> String {
    match address.split_once('@') {
        Some((local, domain)) => {
            let head: String = local.chars().take(2).collect();
            format!("{head}…@{domain}")
        }
        None => "…".to_owned(),
    }
}
