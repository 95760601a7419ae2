//! Attendance reports (per session, per programme) and the programme dashboard: what the
//! organiser shows to say whether a programme reached its targets.
//!
//! **Definitions** (the same in the pages, the exports and the tests):
//! - *held*: a session whose roll call has opened (30 minutes before the start) and that is not
//!   cancelled;
//! - *expected*: confirmed registrations of a held session;
//! - *attended*: of those, the ones whose merged evidence counts as attended
//!   ([`super::attendance::Evidence::attended`]: hadir or terlambat, or no mark and a QR check-in
//!   or an online join);
//! - *attendance rate*: attended / expected;
//! - *KPM trained*: distinct participants (role KPM) who attended at least one session;
//! - *follow-ups done*: visits and calls linked to one of the programme's sessions;
//! - *businesses progressing*: businesses with a follow-up linked to the programme whose most
//!   recent follow-up reports packaging improved or selling online, or a monthly revenue above the
//!   first one recorded for it ([`progressing`]).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::attendance::Outcome;
use super::ids::{PersonId, ProgrammeId, SessionId};
use super::programme::Metric;
use super::registration::SeatKind;
use super::session::{SessionSummary, Track};
use super::zone::Zone;

/// Expected and attended: a rate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub expected: u64,
    pub attended: u64,
}

impl Tally {
    pub fn add(&mut self, other: Tally) {
        self.expected += other.expected;
        self.attended += other.attended;
    }

    /// The rate in basis points (10,000 = 100 %); `None` when nobody was expected.
    pub fn rate_bp(self) -> Option<i64> {
        (self.expected > 0).then(|| (self.attended * 10_000 / self.expected) as i64)
    }

    /// "83,5 %" (Indonesian) or "83.5 %"; "–" when nobody was expected.
    pub fn rate_text(self, comma: bool) -> String {
        self.rate_bp()
            .map(|bp| percent_text(bp, comma))
            .unwrap_or_else(|| "–".into())
    }
}

/// Basis points as a percentage with one decimal.
pub fn percent_text(bp: i64, comma: bool) -> String {
    let s = format!("{}.{} %", bp / 100, (bp % 100) / 10);
    if comma { s.replace('.', ",") } else { s }
}

/// How a person takes part, for "rates by role".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ReportRole {
    /// KPM PKH Graduasi.
    Kpm,
    /// PKH or TKSK coordinator.
    Coordinator,
    /// Mentors, organisers and anyone else.
    Other,
}

impl ReportRole {
    pub const ALL: [ReportRole; 3] = [ReportRole::Kpm, ReportRole::Coordinator, ReportRole::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportRole::Kpm => "kpm",
            ReportRole::Coordinator => "coordinator",
            ReportRole::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<ReportRole> {
        ReportRole::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// How many ended each way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeCounts {
    pub present: u64,
    pub late: u64,
    pub excused: u64,
    pub absent: u64,
    pub checked_in: u64,
    pub joined_online: u64,
    pub unknown: u64,
}

impl OutcomeCounts {
    pub fn add(&mut self, o: OutcomeCounts) {
        self.present += o.present;
        self.late += o.late;
        self.excused += o.excused;
        self.absent += o.absent;
        self.checked_in += o.checked_in;
        self.joined_online += o.joined_online;
        self.unknown += o.unknown;
    }

    pub fn count(&mut self, o: Outcome) {
        use super::attendance::Mark;
        match o {
            Outcome::Marked(Mark::Present) => self.present += 1,
            Outcome::Marked(Mark::Late) => self.late += 1,
            Outcome::Marked(Mark::Excused) => self.excused += 1,
            Outcome::Marked(Mark::Absent) => self.absent += 1,
            Outcome::CheckedIn => self.checked_in += 1,
            Outcome::JoinedOnline => self.joined_online += 1,
            Outcome::Unknown => self.unknown += 1,
        }
    }

    pub fn attended(&self) -> u64 {
        self.present + self.late + self.checked_in + self.joined_online
    }

    pub fn total(&self) -> u64 {
        self.attended() + self.excused + self.absent + self.unknown
    }
}

/// One group of a breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TallyRow<K> {
    pub key: K,
    pub tally: Tally,
}

/// The cells of the breakdown query: one per (seat, role, region).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub seat: SeatKind,
    pub role: ReportRole,
    /// The region's name ("" when unknown).
    pub region: String,
    pub outcomes: OutcomeCounts,
}

/// Rates by role, seat kind and region, with the totals.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breakdown {
    pub total: Tally,
    pub outcomes: OutcomeCounts,
    pub by_role: Vec<TallyRow<ReportRole>>,
    pub by_seat: Vec<TallyRow<SeatKind>>,
    /// By name; "" (unknown) last.
    pub by_region: Vec<TallyRow<String>>,
}

fn tally_of(o: &OutcomeCounts) -> Tally {
    Tally {
        expected: o.total(),
        attended: o.attended(),
    }
}

fn bump<K: PartialEq + Clone>(rows: &mut Vec<TallyRow<K>>, key: &K, t: Tally) {
    match rows.iter_mut().find(|r| &r.key == key) {
        Some(r) => r.tally.add(t),
        None => rows.push(TallyRow {
            key: key.clone(),
            tally: t,
        }),
    }
}

impl Breakdown {
    pub fn from_cells(cells: &[Cell]) -> Breakdown {
        let mut b = Breakdown::default();
        for c in cells {
            let t = tally_of(&c.outcomes);
            b.total.add(t);
            b.outcomes.add(c.outcomes);
            bump(&mut b.by_role, &c.role, t);
            bump(&mut b.by_seat, &c.seat, t);
            bump(&mut b.by_region, &c.region, t);
        }
        b.by_role.sort_by_key(|r| r.key);
        b.by_seat.sort_by_key(|r| r.key.as_str());
        b.by_region
            .sort_by(|a, z| (a.key.is_empty(), &a.key).cmp(&(z.key.is_empty(), &z.key)));
        b
    }
}

/// One person in a session's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionReportRow {
    pub person_id: PersonId,
    pub name: String,
    pub role: ReportRole,
    pub seat: SeatKind,
    /// The person's own region ("" when unknown).
    pub region: String,
    pub outcome: Outcome,
    pub attended: bool,
    pub note: String,
}

/// A session's attendance report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionReport {
    pub session: SessionSummary,
    /// Its roll call has opened (before that, nobody is counted absent).
    pub started: bool,
    pub breakdown: Breakdown,
    /// By name.
    pub rows: Vec<SessionReportRow>,
}

/// An attendance certificate: one per person who attended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    pub person_id: PersonId,
    pub name: String,
    /// A reference printed on it: `BIMTEK-<session>-<person>`.
    pub number: String,
}

/// The certificates of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificates {
    pub session: SessionSummary,
    pub issued_on: NaiveDate,
    pub certificates: Vec<Certificate>,
}

pub fn certificate_number(session: SessionId, person: PersonId) -> String {
    format!("BIMTEK-{}-{}", session.0, person.0)
}

/// Target and achievement of one metric (stored units: the rate in basis points).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetricProgress {
    pub metric: Metric,
    pub target: Option<i64>,
    pub achieved: i64,
}

impl MetricProgress {
    /// Achieved as a share of the target, in percent (may pass 100); `None` without a target.
    pub fn percent_of_target(&self) -> Option<i64> {
        self.target
            .filter(|t| *t > 0)
            .map(|t| self.achieved.saturating_mul(100) / t)
    }

    pub fn reached(&self) -> bool {
        self.target.is_some_and(|t| self.achieved >= t)
    }
}

/// What was achieved in one region (the session's province).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionProgress {
    pub region: String,
    pub sessions_held: u64,
    pub kpm_trained: u64,
    pub attendance: Tally,
    pub follow_ups: u64,
    pub progressing: u64,
}

/// A held session in the programme report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionTally {
    pub id: SessionId,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub zone: Zone,
    pub region: String,
    pub tally: Tally,
}

/// The programme dashboard and report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeDashboard {
    pub id: ProgrammeId,
    pub name: String,
    pub track: Track,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Every metric, in [`Metric::ALL`] order.
    pub metrics: Vec<MetricProgress>,
    /// By region name.
    pub regions: Vec<RegionProgress>,
    pub breakdown: Breakdown,
    /// Held sessions, newest first (at most [`SESSION_ROWS`]).
    pub sessions: Vec<SessionTally>,
    pub sessions_upcoming: u64,
    pub zone: Zone,
}

/// The programme page lists this many held sessions; the export has them all.
pub const SESSION_ROWS: usize = 100;

impl ProgrammeDashboard {
    pub fn metric(&self, m: Metric) -> Option<&MetricProgress> {
        self.metrics.iter().find(|p| p.metric == m)
    }
}

/// One programme on the overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeCard {
    pub id: ProgrammeId,
    pub name: String,
    pub track: Track,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub sessions_held: u64,
    pub sessions_upcoming: u64,
    /// (metric, stored target).
    pub targets: Vec<(Metric, i64)>,
}

/// The overview: programmes by track.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardOverview {
    /// Tracks in order, each with its programmes (newest first); empty tracks left out.
    pub tracks: Vec<(Track, Vec<ProgrammeCard>)>,
}

/// One follow-up, as far as progress is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgressPoint {
    pub monthly_revenue: Option<i64>,
    pub packaging_improved: Option<bool>,
    pub selling_online: Option<bool>,
}

/// Whether a business is progressing, from its follow-ups oldest first: the latest reports
/// packaging improved or selling online, or a revenue above the first revenue recorded.
pub fn progressing(points: &[ProgressPoint]) -> bool {
    let Some(last) = points.last() else {
        return false;
    };
    if last.packaging_improved == Some(true) || last.selling_online == Some(true) {
        return true;
    }
    let first_revenue = points.iter().find_map(|p| p.monthly_revenue);
    let last_revenue = points.iter().rev().find_map(|p| p.monthly_revenue);
    matches!((first_revenue, last_revenue), (Some(a), Some(b)) if b > a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(rev: Option<i64>, pack: Option<bool>, online: Option<bool>) -> ProgressPoint {
        ProgressPoint {
            monthly_revenue: rev,
            packaging_improved: pack,
            selling_online: online,
        }
    }

    #[test]
    fn progress_needs_a_better_latest_follow_up() {
        assert!(!progressing(&[]));
        assert!(!progressing(&[pt(Some(1_000_000), None, None)]));
        assert!(progressing(&[
            pt(Some(1_000_000), None, None),
            pt(Some(1_500_000), None, None)
        ]));
        assert!(!progressing(&[
            pt(Some(1_500_000), None, None),
            pt(Some(1_000_000), Some(false), Some(false))
        ]));
        // The latest says packaging improved: progressing, whatever the revenue.
        assert!(progressing(&[
            pt(Some(2_000_000), None, None),
            pt(Some(1_000_000), Some(true), None)
        ]));
        // An earlier "selling online" does not count if the latest says no.
        assert!(!progressing(&[
            pt(None, None, Some(true)),
            pt(None, None, Some(false))
        ]));
        // Revenue compared between the first and the last that recorded one.
        assert!(progressing(&[
            pt(Some(500_000), None, None),
            pt(Some(800_000), None, None),
            pt(None, None, None)
        ]));
    }

    #[test]
    fn rates_round_down_to_a_tenth_of_a_percent() {
        let t = Tally {
            expected: 3,
            attended: 2,
        };
        assert_eq!(t.rate_bp(), Some(6666));
        assert_eq!(t.rate_text(true), "66,6 %");
        assert_eq!(t.rate_text(false), "66.6 %");
        assert_eq!(Tally::default().rate_text(true), "–");
    }

    #[test]
    fn a_breakdown_adds_up_cells_by_each_dimension() {
        let cell = |seat, role, region: &str, present, absent| Cell {
            seat,
            role,
            region: region.into(),
            outcomes: OutcomeCounts {
                present,
                absent,
                ..Default::default()
            },
        };
        let b = Breakdown::from_cells(&[
            cell(SeatKind::Room, ReportRole::Kpm, "Papua", 3, 1),
            cell(SeatKind::Online, ReportRole::Kpm, "", 1, 1),
            cell(SeatKind::Online, ReportRole::Coordinator, "Papua", 2, 0),
        ]);
        assert_eq!(
            b.total,
            Tally {
                expected: 8,
                attended: 6
            }
        );
        assert_eq!(b.by_role[0].key, ReportRole::Kpm);
        assert_eq!(b.by_role[0].tally.expected, 6);
        assert_eq!(b.by_seat.len(), 2);
        assert_eq!(b.by_region[0].key, "Papua");
        assert_eq!(b.by_region[0].tally.attended, 5);
        assert_eq!(b.by_region[1].key, "");
    }

    #[test]
    fn progress_against_a_target() {
        let m = MetricProgress {
            metric: Metric::SessionsHeld,
            target: Some(40),
            achieved: 50,
        };
        assert_eq!(m.percent_of_target(), Some(125));
        assert!(m.reached());
        let none = MetricProgress { target: None, ..m };
        assert_eq!(none.percent_of_target(), None);
        assert!(!none.reached());
    }
}
