//! Registrations: seat kinds, statuses, what a session page shows to the caller, the roster an
//! organiser sees, and the rule that decides confirmed or waitlisted.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::errors::Problem;
use super::ids::{PersonId, SessionId};
use super::session::{SessionMode, SessionSummary};

/// Where a registrant sits: in the room or online. A hybrid session has a capacity for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeatKind {
    Room,
    Online,
}

impl SeatKind {
    pub const ALL: [SeatKind; 2] = [SeatKind::Room, SeatKind::Online];

    pub fn as_str(self) -> &'static str {
        match self {
            SeatKind::Room => "room",
            SeatKind::Online => "online",
        }
    }

    pub fn parse(s: &str) -> Option<SeatKind> {
        SeatKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    /// The seat a registrant gets in `mode`: the one asked for in a hybrid session (required),
    /// the only one otherwise (a different choice is refused, not silently changed).
    pub fn choose(mode: SessionMode, raw: &str) -> Result<SeatKind, Problem> {
        let asked = match raw.trim() {
            "" => None,
            s => Some(SeatKind::parse(s).ok_or(Problem::UnknownChoice)?),
        };
        match (mode, asked) {
            (SessionMode::Hybrid, None) => Err(Problem::Required),
            (SessionMode::Hybrid, Some(k)) => Ok(k),
            (SessionMode::InPerson, None | Some(SeatKind::Room)) => Ok(SeatKind::Room),
            (SessionMode::Online, None | Some(SeatKind::Online)) => Ok(SeatKind::Online),
            _ => Err(Problem::NotForMode),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegStatus {
    /// Invited by an organiser (e.g. from a CSV), not registered yet.
    Invited,
    Confirmed,
    Waitlisted,
    Cancelled,
}

impl RegStatus {
    pub const ALL: [RegStatus; 4] = [
        RegStatus::Invited,
        RegStatus::Confirmed,
        RegStatus::Waitlisted,
        RegStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RegStatus::Invited => "invited",
            RegStatus::Confirmed => "confirmed",
            RegStatus::Waitlisted => "waitlisted",
            RegStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<RegStatus> {
        RegStatus::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Holds a seat or a place in the queue.
    pub fn is_active(self) -> bool {
        matches!(self, RegStatus::Confirmed | RegStatus::Waitlisted)
    }
}

/// Confirmed while seats of that kind are free, waitlisted after.
pub fn decide(capacity: u32, confirmed: u64) -> RegStatus {
    if confirmed < capacity as u64 {
        RegStatus::Confirmed
    } else {
        RegStatus::Waitlisted
    }
}

/// Whether registration is open now, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Window {
    Open,
    NotYet { opens_at: DateTime<Utc> },
    Closed,
    SessionCancelled,
    SessionEnded,
}

impl Window {
    /// Registration runs from `opens_at` (or creation) to `closes_at`, which defaults to the start:
    /// after that the roster is what the room and the meeting will see.
    pub fn at(
        now: DateTime<Utc>,
        cancelled: bool,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        opens_at: Option<DateTime<Utc>>,
        closes_at: Option<DateTime<Utc>>,
    ) -> Window {
        if cancelled {
            Window::SessionCancelled
        } else if now >= ends_at {
            Window::SessionEnded
        } else if let Some(o) = opens_at.filter(|o| now < *o) {
            Window::NotYet { opens_at: o }
        } else if now >= closes_at.unwrap_or(starts_at) {
            Window::Closed
        } else {
            Window::Open
        }
    }
}

/// Seats of one kind: how many there are, taken, and queued.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatCount {
    pub capacity: u32,
    pub confirmed: u64,
    pub waitlisted: u64,
}

impl SeatCount {
    pub fn free(&self) -> u64 {
        (self.capacity as u64).saturating_sub(self.confirmed)
    }
}

/// The caller's own registration, as their session page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyRegistration {
    pub seat: SeatKind,
    pub status: RegStatus,
    /// 1 = next in line, among the waitlist of this seat kind.
    pub waitlist_rank: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    pub affiliation: Option<String>,
}

/// A session page. `meeting_url` is filled only for a confirmed online registrant and for those
/// who run the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionDetail {
    pub summary: SessionSummary,
    pub description: Option<String>,
    pub speakers: Vec<Speaker>,
    pub room: SeatCount,
    pub online: SeatCount,
    pub window: Window,
    /// `None` when anonymous.
    pub logged_in: bool,
    /// The caller may register (eligibility by role and region); true when no rule is set.
    pub eligible: bool,
    pub mine: Option<MyRegistration>,
    pub meeting_url: Option<String>,
    /// The caller organises this session (roster, invitations, exports).
    pub manage: bool,
    /// The caller may change it (edit, cancel, mentors): organisers, not mentors.
    pub organise: bool,
    /// Assigned mentors and those who could be; only filled for `organise`.
    pub mentors: Vec<super::session::Choice>,
    pub mentor_options: Vec<super::session::Choice>,
    /// The sessions of its series, in order (empty when not in a series).
    pub series: Vec<SeriesItem>,
    /// Raised on every change of time, place or link (the calendar file's SEQUENCE).
    pub version: i32,
}

/// One session of a series, for the "other dates" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesItem {
    pub id: super::ids::SessionId,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub cancelled: bool,
}

/// What registering did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterOutcome {
    pub seat: SeatKind,
    pub status: RegStatus,
    pub waitlist_rank: Option<u64>,
    /// Already registered before this request: nothing changed.
    pub unchanged: bool,
}

/// One line of a session's roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterRow {
    pub person_id: PersonId,
    pub name: String,
    /// The person's roles, comma-separated, for the organiser's eye.
    pub roles: String,
    pub region: String,
    pub seat: SeatKind,
    pub status: RegStatus,
    pub waitlist_rank: Option<u64>,
    pub registered_at: DateTime<Utc>,
    pub joined_online_at: Option<DateTime<Utc>>,
    pub checked_in_at: Option<DateTime<Utc>>,
    /// The mentor's roll-call mark, if any (issue 6 fills it in).
    pub attendance: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub session: SessionSummary,
    pub room: SeatCount,
    pub online: SeatCount,
    pub rows: Vec<RosterRow>,
}

/// Where a personal join link leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JoinOutcome {
    /// Recorded; go to the meeting.
    Go(String),
    /// The room opens 30 minutes before the start.
    TooEarly {
        session: SessionId,
        opens_at: DateTime<Utc>,
        zone: super::zone::Zone,
    },
}

/// How long before the start a personal join link starts to work.
pub const JOIN_OPENS_MINUTES: i64 = 30;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn seat_choice_follows_the_mode() {
        use SessionMode::*;
        assert_eq!(SeatKind::choose(Hybrid, "online"), Ok(SeatKind::Online));
        assert_eq!(SeatKind::choose(Hybrid, ""), Err(Problem::Required));
        assert_eq!(SeatKind::choose(Hybrid, "x"), Err(Problem::UnknownChoice));
        assert_eq!(SeatKind::choose(InPerson, ""), Ok(SeatKind::Room));
        assert_eq!(
            SeatKind::choose(InPerson, "online"),
            Err(Problem::NotForMode)
        );
        assert_eq!(SeatKind::choose(Online, " online "), Ok(SeatKind::Online));
        assert_eq!(SeatKind::choose(Online, "room"), Err(Problem::NotForMode));
    }

    #[test]
    fn full_seats_waitlist() {
        assert_eq!(decide(2, 0), RegStatus::Confirmed);
        assert_eq!(decide(2, 1), RegStatus::Confirmed);
        assert_eq!(decide(2, 2), RegStatus::Waitlisted);
        assert_eq!(decide(0, 0), RegStatus::Waitlisted);
    }

    #[test]
    fn window_opens_and_closes() {
        let t = |h| Utc.with_ymd_and_hms(2026, 12, 1, h, 0, 0).unwrap();
        let (s, e) = (t(10), t(12));
        assert_eq!(Window::at(t(9), false, s, e, None, None), Window::Open);
        assert_eq!(Window::at(t(10), false, s, e, None, None), Window::Closed);
        assert_eq!(
            Window::at(t(11), false, s, e, None, Some(t(11))),
            Window::Closed
        );
        assert_eq!(
            Window::at(t(10), false, s, e, None, Some(t(11))),
            Window::Open
        );
        assert_eq!(
            Window::at(t(8), false, s, e, Some(t(9)), None),
            Window::NotYet { opens_at: t(9) }
        );
        assert_eq!(
            Window::at(t(12), false, s, e, None, None),
            Window::SessionEnded
        );
        assert_eq!(
            Window::at(t(9), true, s, e, None, None),
            Window::SessionCancelled
        );
    }
}
