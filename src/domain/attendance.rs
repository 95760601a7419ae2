//! Attendance: one record per person per session, merging a mentor's roll-call mark, a QR
//! self check-in and an online join through the personal link. The mentor's explicit mark wins
//! over automatic evidence; evidence alone counts as present.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::ids::PersonId;
use super::registration::SeatKind;
use super::session::SessionSummary;
use crate::i18n::Msg;

/// A mentor's roll-call mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mark {
    /// hadir
    Present,
    /// terlambat
    Late,
    /// izin
    Excused,
    /// tidak hadir
    Absent,
}

impl Mark {
    pub const ALL: [Mark; 4] = [Mark::Present, Mark::Late, Mark::Excused, Mark::Absent];

    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Present => "present",
            Mark::Late => "late",
            Mark::Excused => "excused",
            Mark::Absent => "absent",
        }
    }

    pub fn parse(raw: &str) -> Option<Mark> {
        Mark::ALL.into_iter().find(|m| m.as_str() == raw.trim())
    }

    pub fn label(self) -> Msg {
        match self {
            Mark::Present => Msg::MarkPresent,
            Mark::Late => Msg::MarkLate,
            Mark::Excused => Msg::MarkExcused,
            Mark::Absent => Msg::MarkAbsent,
        }
    }

    /// Came to the session (late counts).
    pub fn attended(self) -> bool {
        matches!(self, Mark::Present | Mark::Late)
    }
}

/// What is known of one person at one session.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub mark: Option<Mark>,
    pub checked_in_at: Option<DateTime<Utc>>,
    pub joined_online_at: Option<DateTime<Utc>>,
}

/// The merged outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// The mentor said so.
    Marked(Mark),
    /// No mark; checked in by QR.
    CheckedIn,
    /// No mark; joined online through the personal link.
    JoinedOnline,
    /// Nothing recorded.
    Unknown,
}

impl Evidence {
    pub fn outcome(&self) -> Outcome {
        match (self.mark, self.checked_in_at, self.joined_online_at) {
            (Some(m), _, _) => Outcome::Marked(m),
            (None, Some(_), _) => Outcome::CheckedIn,
            (None, None, Some(_)) => Outcome::JoinedOnline,
            (None, None, None) => Outcome::Unknown,
        }
    }

    /// Counts as attended in reports.
    pub fn attended(&self) -> bool {
        match self.outcome() {
            Outcome::Marked(m) => m.attended(),
            Outcome::CheckedIn | Outcome::JoinedOnline => true,
            Outcome::Unknown => false,
        }
    }
}

/// Self check-in opens this long before the start (and closes at the end).
pub const CHECKIN_OPENS_MINUTES: i64 = 30;
/// The code on the session screen changes this often.
pub const CHECKIN_ROTATE_SECS: i64 = 60;

/// Whether self check-in is open at `now` for a session from `start` to `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckinWindow {
    TooEarly { opens_at: DateTime<Utc> },
    Open,
    Closed,
}

pub fn checkin_window(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    now: DateTime<Utc>,
) -> CheckinWindow {
    let opens_at = start - Duration::minutes(CHECKIN_OPENS_MINUTES);
    if now < opens_at {
        CheckinWindow::TooEarly { opens_at }
    } else if now >= end {
        CheckinWindow::Closed
    } else {
        CheckinWindow::Open
    }
}

/// The rotation step a moment falls in.
pub fn checkin_step(now: DateTime<Utc>) -> i64 {
    now.timestamp().div_euclid(CHECKIN_ROTATE_SECS)
}

/// The short code shown under the QR code, from the step's MAC (hex): six digits.
pub fn short_code(mac_hex: &str) -> String {
    let n = u64::from_str_radix(mac_hex.get(..12).unwrap_or("0"), 16).unwrap_or(0);
    format!("{:06}", n % 1_000_000)
}

/// What a typed short code looks like once spaces and dashes are gone.
pub fn clean_short_code(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    (digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// One line of the roll call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollCallRow {
    pub person_id: PersonId,
    pub name: String,
    pub seat: SeatKind,
    pub evidence: Evidence,
    pub note: String,
}

/// A session's roll call, for its mentors and organisers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollCall {
    pub session: SessionSummary,
    /// Marks can be given (from 30 minutes before the start; not for a cancelled session).
    pub open: bool,
    pub rows: Vec<RollCallRow>,
}

impl RollCall {
    /// (attended, marked by the mentor, confirmed) for the header.
    pub fn counts(&self) -> (usize, usize, usize) {
        let attended = self.rows.iter().filter(|r| r.evidence.attended()).count();
        let marked = self
            .rows
            .iter()
            .filter(|r| r.evidence.mark.is_some())
            .count();
        (attended, marked, self.rows.len())
    }
}

/// What the session screen shows: a QR code for `url` and `short_code` to type, both changing
/// every minute (the page reloads itself after `refresh_in_secs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckinScreen {
    pub session: SessionSummary,
    pub url: String,
    pub short_code: String,
    pub refresh_in_secs: u32,
    pub window: CheckinWindow,
    pub checked_in: u32,
}

/// The participant's check-in page: the session and whether they are checked in already.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckinTarget {
    pub session: SessionSummary,
    pub checked_in_at: Option<DateTime<Utc>>,
}

/// What checking in did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckinOutcome {
    CheckedIn {
        at: DateTime<Utc>,
        /// Not registered before: a registration was created (the organiser allows walk-ins).
        walk_in: bool,
    },
    /// Checked in earlier; nothing changed.
    Already { at: DateTime<Utc> },
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_mentors_mark_wins_over_evidence() {
        let t = Utc.with_ymd_and_hms(2026, 12, 1, 2, 0, 0).unwrap();
        let evidence = Evidence {
            mark: None,
            checked_in_at: Some(t),
            joined_online_at: Some(t),
        };
        assert_eq!(evidence.outcome(), Outcome::CheckedIn);
        assert!(evidence.attended());
        let absent = Evidence {
            mark: Some(Mark::Absent),
            ..evidence
        };
        assert_eq!(absent.outcome(), Outcome::Marked(Mark::Absent));
        assert!(!absent.attended(), "the mentor's 'absent' beats a QR scan");
        let late = Evidence {
            mark: Some(Mark::Late),
            ..Evidence::default()
        };
        assert!(late.attended());
        assert!(!Evidence::default().attended());
        assert_eq!(
            Evidence {
                joined_online_at: Some(t),
                ..Evidence::default()
            }
            .outcome(),
            Outcome::JoinedOnline
        );
    }

    #[test]
    fn marks_round_trip() {
        for m in Mark::ALL {
            assert_eq!(Mark::parse(m.as_str()), Some(m));
        }
        assert_eq!(Mark::parse("hadir"), None);
    }

    #[test]
    fn check_in_opens_half_an_hour_before_and_closes_at_the_end() {
        let start = Utc.with_ymd_and_hms(2026, 12, 1, 2, 0, 0).unwrap();
        let end = start + Duration::hours(3);
        let at = |m: i64| start + Duration::minutes(m);
        assert_eq!(
            checkin_window(start, end, at(-31)),
            CheckinWindow::TooEarly { opens_at: at(-30) }
        );
        assert_eq!(checkin_window(start, end, at(-30)), CheckinWindow::Open);
        assert_eq!(checkin_window(start, end, at(179)), CheckinWindow::Open);
        assert_eq!(checkin_window(start, end, at(180)), CheckinWindow::Closed);
    }

    #[test]
    fn short_codes_are_six_digits_and_typing_is_forgiving() {
        assert_eq!(
            short_code("ffffffffffff00"),
            format!("{:06}", 0xffff_ffff_ffffu64 % 1_000_000)
        );
        assert_eq!(short_code("000000000001"), "000001");
        assert_eq!(clean_short_code(" 123-456 "), Some("123456".into()));
        assert_eq!(clean_short_code("12345"), None);
        assert_eq!(clean_short_code("12a456"), None);
        let t = Utc.with_ymd_and_hms(2026, 12, 1, 2, 0, 59).unwrap();
        assert_eq!(checkin_step(t), checkin_step(t - Duration::seconds(59)));
        assert_eq!(checkin_step(t) + 1, checkin_step(t + Duration::seconds(1)));
    }
}
