//! Email: rendering, the outbox (rows enqueued in the caller's transaction), reminders and the
//! worker that delivers them over SMTP.

pub mod ics;
pub mod outbox;
pub mod prefs;
pub mod render;
pub mod transport;
pub mod worker;

use chrono::{DateTime, Utc};

use crate::domain::SessionSummary;
use crate::i18n::Lang;

/// A message ready to enqueue, in the recipient's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// An iCalendar attachment, if any.
    pub ics: Option<String>,
}

/// What a session's mails say about it.
#[derive(Debug, Clone)]
pub struct SessionInfo {
    pub summary: SessionSummary,
    /// Raised on every change attendees must hear about (the .ics SEQUENCE).
    pub version: i32,
    pub description: Option<String>,
    pub meeting_url: Option<String>,
}

/// The calendar file attached to a session mail for one recipient. `link` is the meeting link
/// this recipient may have (their personal join link, or the meeting URL), if any.
pub fn session_ics(
    info: &SessionInfo,
    base_url: &str,
    method: ics::Method,
    lang: Lang,
    to: &str,
    link: Option<&str>,
    now: DateTime<Utc>,
) -> String {
    let host = host_of(base_url);
    let organizer = format!("bimtek@{host}");
    ics::session_ics(ics::IcsInput {
        session: &info.summary,
        version: info.version,
        description: info.description.as_deref(),
        meeting_url: link,
        page_url: format!("{base_url}/sesi/{}", info.summary.id),
        host: &host,
        method,
        lang,
        stamp: now,
        organizer: Some(&organizer),
        attendee: Some(to),
    })
}

/// `https://bimtek.example.id:8443/x` → `bimtek.example.id` (`bimtek.local` if none).
pub fn host_of(base_url: &str) -> String {
    let rest = base_url.split("://").nth(1).unwrap_or(base_url);
    match rest.split(['/', ':']).next() {
        Some(h) if !h.is_empty() => h.to_owned(),
        _ => "bimtek.local".to_owned(),
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    use crate::domain::{SessionId, SessionMode, SessionSummary, Track, Zone};
    use chrono::{TimeZone, Utc};

    /// A hybrid session in Makassar (WITA), 1 December 2026, 09.00–15.00 local time.
    pub fn summary() -> SessionSummary {
        SessionSummary {
            id: SessionId(9),
            title: "Kemasan <produk> & pemasaran".into(),
            programme: "Graduasi KPM".into(),
            track: Track::Mentoring,
            mode: SessionMode::Hybrid,
            region: "Kota Makassar".into(),
            zone: Zone::Wita,
            starts_at: Utc.with_ymd_and_hms(2026, 12, 1, 1, 0, 0).unwrap(),
            ends_at: Utc.with_ymd_and_hms(2026, 12, 1, 7, 0, 0).unwrap(),
            room_capacity: 50,
            online_capacity: 170,
            venue: Some("Hotel Claro".into()),
            cancelled: false,
        }
    }
}
