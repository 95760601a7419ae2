//! Programmes: a track, a period, the regions they run in, and targets that make success
//! measurable ("every programme must have a target").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::errors::{Field, FieldErrors, Problem, optional_text, required_text};
use super::ids::{ProgrammeId, RegionId};
use super::session::{Track, parse_date};

/// What a target counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// KPM who attended at least one session.
    KpmTrained,
    SessionsHeld,
    /// Stored in basis points (8,500 = 85 %); typed and shown in percent.
    AttendanceRate,
    FollowUpsDone,
    BusinessesProgressing,
}

impl Metric {
    pub const ALL: [Metric; 5] = [
        Metric::KpmTrained,
        Metric::SessionsHeld,
        Metric::AttendanceRate,
        Metric::FollowUpsDone,
        Metric::BusinessesProgressing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Metric::KpmTrained => "kpm_trained",
            Metric::SessionsHeld => "sessions_held",
            Metric::AttendanceRate => "attendance_rate",
            Metric::FollowUpsDone => "follow_ups_done",
            Metric::BusinessesProgressing => "businesses_progressing",
        }
    }

    pub fn parse(s: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.as_str() == s)
    }

    pub fn field(self) -> Field {
        match self {
            Metric::KpmTrained => Field::TargetKpmTrained,
            Metric::SessionsHeld => Field::TargetSessionsHeld,
            Metric::AttendanceRate => Field::TargetAttendanceRate,
            Metric::FollowUpsDone => Field::TargetFollowUps,
            Metric::BusinessesProgressing => Field::TargetBusinessesProgressing,
        }
    }

    /// The largest value one may type (percent for the rate).
    pub fn max_typed(self) -> u32 {
        match self {
            Metric::AttendanceRate => 100,
            // PKH reaches ~10 million families.
            _ => 20_000_000,
        }
    }

    /// Typed value to stored value.
    pub fn store(self, typed: u32) -> i64 {
        match self {
            Metric::AttendanceRate => typed as i64 * 100,
            _ => typed as i64,
        }
    }

    /// Stored value to the value shown and typed.
    pub fn typed(self, stored: i64) -> i64 {
        match self {
            Metric::AttendanceRate => stored / 100,
            _ => stored,
        }
    }
}

/// The programme form as typed. `regions` comes from checkboxes (a repeated field).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProgrammeForm {
    pub name: String,
    pub description: String,
    pub track: String,
    pub starts_on: String,
    pub ends_on: String,
    pub regions: Vec<String>,
    pub target_kpm_trained: String,
    pub target_sessions_held: String,
    pub target_attendance_rate: String,
    pub target_follow_ups: String,
    pub target_businesses_progressing: String,
}

impl ProgrammeForm {
    pub fn target(&self, m: Metric) -> &str {
        match m {
            Metric::KpmTrained => &self.target_kpm_trained,
            Metric::SessionsHeld => &self.target_sessions_held,
            Metric::AttendanceRate => &self.target_attendance_rate,
            Metric::FollowUpsDone => &self.target_follow_ups,
            Metric::BusinessesProgressing => &self.target_businesses_progressing,
        }
    }

    pub fn set_target(&mut self, m: Metric, v: String) {
        match m {
            Metric::KpmTrained => self.target_kpm_trained = v,
            Metric::SessionsHeld => self.target_sessions_held = v,
            Metric::AttendanceRate => self.target_attendance_rate = v,
            Metric::FollowUpsDone => self.target_follow_ups = v,
            Metric::BusinessesProgressing => self.target_businesses_progressing = v,
        }
    }

    pub fn parse(&self) -> Result<NewProgramme, FieldErrors> {
        let mut e = FieldErrors::default();
        let name = e.take(Field::Name, required_text(&self.name, 5, NAME_MAX));
        let description = e.take(
            Field::Description,
            optional_text(&self.description, DESCRIPTION_MAX),
        );
        let track = e.take(
            Field::Track,
            match self.track.trim() {
                "" => Err(Problem::Required),
                t => Track::parse(t).ok_or(Problem::UnknownChoice),
            },
        );
        let date = |raw: &str| match raw.trim() {
            "" => Err(Problem::Required),
            t => parse_date(t).ok_or(Problem::BadDate { value: t.into() }),
        };
        let starts_on = e.take(Field::StartsOn, date(&self.starts_on));
        let ends_on = e.take(Field::EndsOn, date(&self.ends_on));
        if let (Some(s), Some(en)) = (starts_on, ends_on) {
            if en < s {
                e.push(Field::EndsOn, Problem::EndNotAfterStart);
            } else if (en - s).num_days() > 366 * MAX_YEARS as i64 {
                e.push(
                    Field::EndsOn,
                    Problem::TooLongDuration {
                        max_days: 366 * MAX_YEARS,
                    },
                );
            }
        }
        let mut regions = Vec::new();
        for r in self
            .regions
            .iter()
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
        {
            match r.parse::<i64>().ok().filter(|n| *n > 0) {
                Some(n) if !regions.contains(&RegionId(n)) => regions.push(RegionId(n)),
                Some(_) => {}
                None => {
                    e.push(Field::Regions, Problem::UnknownChoice);
                    break;
                }
            }
        }
        if regions.is_empty() && e.get(Field::Regions).is_none() {
            e.push(Field::Regions, Problem::Required);
        }
        let mut targets = Vec::new();
        for m in Metric::ALL {
            let t = self.target(m).trim().replace(['.', ',', ' '], "");
            if t.is_empty() {
                continue;
            }
            match t.parse::<i64>() {
                Ok(n) if (0..=m.max_typed() as i64).contains(&n) => {
                    if n > 0 {
                        targets.push((m, m.store(n as u32)));
                    }
                }
                Ok(_) => e.push(
                    m.field(),
                    Problem::OutOfRange {
                        min: 0,
                        max: m.max_typed(),
                    },
                ),
                Err(_) => e.push(m.field(), Problem::NotANumber),
            }
        }
        let targets_ok = Metric::ALL.iter().all(|m| e.get(m.field()).is_none());
        if targets.is_empty() && targets_ok {
            e.push(Field::Targets, Problem::NoTargets);
        }
        match (name, description, track, starts_on, ends_on) {
            (Some(name), Some(description), Some(track), Some(starts_on), Some(ends_on))
                if e.is_empty() =>
            {
                Ok(NewProgramme {
                    name,
                    description,
                    track,
                    starts_on,
                    ends_on,
                    regions,
                    targets,
                })
            }
            _ => Err(e),
        }
    }
}

pub const NAME_MAX: u32 = 200;
pub const DESCRIPTION_MAX: u32 = 2000;
pub const MAX_YEARS: u32 = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewProgramme {
    pub name: String,
    pub description: Option<String>,
    pub track: Track,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub regions: Vec<RegionId>,
    /// Only targets above zero; stored values (the rate in basis points).
    pub targets: Vec<(Metric, i64)>,
}

/// One programme in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeSummary {
    pub id: ProgrammeId,
    pub name: String,
    pub description: Option<String>,
    pub track: Track,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub regions: Vec<String>,
    /// (metric, value as typed: the rate in percent).
    pub targets: Vec<(Metric, i64)>,
    pub sessions: u64,
    /// The caller may change it.
    pub editable: bool,
}

/// A region to tick in the programme form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionOption {
    pub id: i64,
    pub label: String,
    /// provinsi | kabupaten | kota | ...
    pub level: String,
}

/// What the programme form page needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeFormData {
    /// `None`: a new programme.
    pub id: Option<ProgrammeId>,
    pub form: ProgrammeForm,
    pub regions: Vec<RegionOption>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ProgrammeForm {
        ProgrammeForm {
            name: "Pembibitan Usaha KPM 2027".into(),
            track: "pembibitan".into(),
            starts_on: "2027-01-01".into(),
            ends_on: "31/12/2027".into(),
            regions: vec!["3".into(), "3".into(), "5".into()],
            target_kpm_trained: "400.000".into(),
            target_attendance_rate: "85".into(),
            ..Default::default()
        }
    }

    fn problems(f: &ProgrammeForm) -> Vec<(Field, Problem)> {
        f.parse()
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    #[test]
    fn a_programme_keeps_its_targets_and_regions_once() {
        let p = form().parse().unwrap();
        assert_eq!(p.regions, vec![RegionId(3), RegionId(5)]);
        assert_eq!(
            p.targets,
            vec![
                (Metric::KpmTrained, 400_000),
                (Metric::AttendanceRate, 8_500)
            ]
        );
        assert_eq!(p.ends_on, NaiveDate::from_ymd_opt(2027, 12, 31).unwrap());
    }

    #[test]
    fn a_programme_without_any_target_is_refused() {
        let mut f = form();
        f.target_kpm_trained = String::new();
        f.target_attendance_rate = "0".into();
        assert_eq!(problems(&f), vec![(Field::Targets, Problem::NoTargets)]);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let f = ProgrammeForm {
            name: "ab".into(),
            track: "panen".into(),
            starts_on: "2027-02-01".into(),
            ends_on: "2027-01-01".into(),
            regions: vec!["x".into()],
            target_attendance_rate: "120".into(),
            target_sessions_held: "banyak".into(),
            ..Default::default()
        };
        assert_eq!(
            problems(&f),
            vec![
                (Field::Name, Problem::TooShort { min: 5 }),
                (Field::Track, Problem::UnknownChoice),
                (Field::EndsOn, Problem::EndNotAfterStart),
                (Field::Regions, Problem::UnknownChoice),
                (Field::TargetSessionsHeld, Problem::NotANumber),
                (
                    Field::TargetAttendanceRate,
                    Problem::OutOfRange { min: 0, max: 100 }
                ),
            ]
        );
    }
}
