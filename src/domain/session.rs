//! Sessions: the form an organiser fills in, parsed into a `NewSession` that can only hold valid
//! values, and the summary shown in lists (never with the meeting link).

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::errors::{Field, FieldErrors, Problem, optional_text, required_text};
use super::ids::{ProgrammeId, RegionId, SessionId};
use super::people::Role;
use super::registration::Speaker;
use super::zone::Zone;
use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionMode {
    /// Tatap muka (luring).
    InPerson,
    /// Daring.
    Online,
    /// Hibrida: a room and an online audience, each with its own capacity.
    Hybrid,
}

impl SessionMode {
    pub const ALL: [SessionMode; 3] = [
        SessionMode::InPerson,
        SessionMode::Online,
        SessionMode::Hybrid,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SessionMode::InPerson => "in_person",
            SessionMode::Online => "online",
            SessionMode::Hybrid => "hybrid",
        }
    }

    pub fn parse(s: &str) -> Option<SessionMode> {
        SessionMode::ALL
            .into_iter()
            .find(|m| m.as_str() == s.trim())
    }

    pub fn has_room(self) -> bool {
        matches!(self, SessionMode::InPerson | SessionMode::Hybrid)
    }

    pub fn has_online(self) -> bool {
        matches!(self, SessionMode::Online | SessionMode::Hybrid)
    }
}

/// Programme track, by business stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    Pembibitan,
    Mentoring,
    Inkubasi,
}

impl Track {
    pub const ALL: [Track; 3] = [Track::Pembibitan, Track::Mentoring, Track::Inkubasi];

    pub fn as_str(self) -> &'static str {
        match self {
            Track::Pembibitan => "pembibitan",
            Track::Mentoring => "mentoring",
            Track::Inkubasi => "inkubasi",
        }
    }

    pub fn parse(s: &str) -> Option<Track> {
        Track::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// A link to a meeting at any provider (Zoom, Google Meet, Jitsi, ...): http(s), a host, no spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingUrl(String);

impl MeetingUrl {
    pub const MAX: u32 = 500;

    pub fn parse(raw: &str) -> Result<MeetingUrl, Problem> {
        let t = raw.trim();
        if t.is_empty() {
            return Err(Problem::Required);
        }
        if t.chars().count() as u32 > Self::MAX {
            return Err(Problem::TooLong { max: Self::MAX });
        }
        let rest = t
            .strip_prefix("https://")
            .or_else(|| t.strip_prefix("http://"))
            .ok_or(Problem::InvalidUrl)?;
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit('@').next().unwrap_or("");
        let host_name = host.split(':').next().unwrap_or("");
        let host_ok = !host_name.is_empty()
            && host_name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
            && host_name.contains('.')
            && !host_name.starts_with('.')
            && !host_name.ends_with('.');
        if !host_ok || t.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Problem::InvalidUrl);
        }
        Ok(MeetingUrl(t.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The organiser's form as typed: every field a string, so a bad value is kept and shown back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionForm {
    pub title: String,
    pub description: String,
    pub programme_id: String,
    pub mode: String,
    pub region_id: String,
    pub zone: String,
    pub starts_at: String,
    pub ends_at: String,
    pub room_capacity: String,
    pub online_capacity: String,
    pub venue: String,
    pub meeting_url: String,
    /// One speaker per line: `Name; organisation`.
    pub speakers: String,
    /// Optional, in the session's zone: registration opens / closes.
    pub registration_opens_at: String,
    pub registration_closes_at: String,
    /// Checkboxes ("1" when ticked): who may register. None ticked: every role.
    pub for_participant: String,
    pub for_coordinator: String,
    pub for_mentor: String,
    /// Only people of this region (and the regions under it). Empty: everywhere.
    pub eligible_region_id: String,
    /// Checkbox: people who did not register may join through check-in.
    pub allow_walk_ins: String,
    /// New sessions only: "" (once) | weekly | biweekly | dates.
    pub repeat: String,
    pub repeat_count: String,
    /// For `dates`: further dates, one per line (2026-12-08 or 8/12/2026).
    pub repeat_dates: String,
    /// Editing a session of a series: "one" (this session) | "series" (this and the later ones).
    pub scope: String,
    /// Checkboxes ("1" when ticked), one per [`REMINDER_PRESETS`] entry: when reminders go out.
    /// None ticked: no reminders.
    pub remind_1w: String,
    pub remind_3d: String,
    pub remind_1d: String,
    pub remind_3h: String,
    pub remind_1h: String,
    pub remind_15m: String,
}

/// A time before the start at which organisers can have reminders sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderPreset {
    /// Minutes before the start.
    pub minutes: i32,
    /// The form's checkbox.
    pub field: &'static str,
    /// On the form: "1 hari sebelumnya".
    pub label: Msg,
    /// In the reminder's subject: "besok".
    pub soon: Msg,
}

/// The reminder times on offer, largest first.
pub const REMINDER_PRESETS: [ReminderPreset; 6] = [
    ReminderPreset {
        minutes: 10080,
        field: "remind_1w",
        label: Msg::ReminderBefore1Week,
        soon: Msg::ReminderIn1Week,
    },
    ReminderPreset {
        minutes: 4320,
        field: "remind_3d",
        label: Msg::ReminderBefore3Days,
        soon: Msg::ReminderIn3Days,
    },
    ReminderPreset {
        minutes: 1440,
        field: "remind_1d",
        label: Msg::ReminderBefore1Day,
        soon: Msg::ReminderIn1Day,
    },
    ReminderPreset {
        minutes: 180,
        field: "remind_3h",
        label: Msg::ReminderBefore3Hours,
        soon: Msg::ReminderIn3Hours,
    },
    ReminderPreset {
        minutes: 60,
        field: "remind_1h",
        label: Msg::ReminderBefore1Hour,
        soon: Msg::ReminderIn1Hour,
    },
    ReminderPreset {
        minutes: 15,
        field: "remind_15m",
        label: Msg::ReminderBefore15Minutes,
        soon: Msg::ReminderIn15Minutes,
    },
];

/// What a new session starts with: a day and an hour before.
pub const DEFAULT_REMINDERS: [i32; 2] = [1440, 60];

/// The stored list ("1440,60") as minutes, keeping only known presets, largest first.
pub fn parse_reminder_offsets(stored: &str) -> Vec<i32> {
    let mut v: Vec<i32> = stored
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .filter(|m| REMINDER_PRESETS.iter().any(|p| p.minutes == *m))
        .collect();
    v.sort_unstable_by(|a, b| b.cmp(a));
    v.dedup();
    v
}

/// Minutes as stored: "1440,60" (largest first; empty for none).
pub fn reminder_code(offsets: &[i32]) -> String {
    let mut v = offsets.to_vec();
    v.sort_unstable_by(|a, b| b.cmp(a));
    v.dedup();
    v.iter()
        .map(|m| m.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

impl SessionForm {
    fn reminder_box(&self, field: &str) -> &str {
        match field {
            "remind_1w" => &self.remind_1w,
            "remind_3d" => &self.remind_3d,
            "remind_1d" => &self.remind_1d,
            "remind_3h" => &self.remind_3h,
            "remind_1h" => &self.remind_1h,
            _ => &self.remind_15m,
        }
    }

    /// The ticked reminder times, in minutes, largest first.
    pub fn reminder_offsets(&self) -> Vec<i32> {
        REMINDER_PRESETS
            .iter()
            .filter(|p| ticked(self.reminder_box(p.field)))
            .map(|p| p.minutes)
            .collect()
    }

    /// Whether a preset's box is ticked.
    pub fn reminds(&self, p: &ReminderPreset) -> bool {
        ticked(self.reminder_box(p.field))
    }

    /// Ticks exactly the boxes of `offsets`.
    pub fn with_reminders(mut self, offsets: &[i32]) -> Self {
        for p in REMINDER_PRESETS {
            let v = if offsets.contains(&p.minutes) {
                "1"
            } else {
                ""
            }
            .to_owned();
            match p.field {
                "remind_1w" => self.remind_1w = v,
                "remind_3d" => self.remind_3d = v,
                "remind_1d" => self.remind_1d = v,
                "remind_3h" => self.remind_3h = v,
                "remind_1h" => self.remind_1h = v,
                _ => self.remind_15m = v,
            }
        }
        self
    }
}

/// A session that passed every rule that needs no database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSession {
    pub title: String,
    pub description: Option<String>,
    pub programme_id: ProgrammeId,
    pub mode: SessionMode,
    pub region_id: RegionId,
    pub zone: Zone,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub room_capacity: u32,
    pub online_capacity: u32,
    pub venue: Option<String>,
    pub meeting_url: Option<MeetingUrl>,
    pub speakers: Vec<Speaker>,
    pub registration_opens_at: Option<DateTime<Utc>>,
    pub registration_closes_at: Option<DateTime<Utc>>,
    pub eligibility: Eligibility,
    pub allow_walk_ins: bool,
    /// Minutes before the start, largest first (see [`REMINDER_PRESETS`]).
    pub reminder_offsets: Vec<i32>,
    pub repeat: Repeat,
    pub scope: EditScope,
}

/// Who may register: people with any of `roles` (empty: any role) from `region` or a region
/// under it (none: anywhere). Stored as one rule per role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Eligibility {
    pub roles: Vec<Role>,
    pub region_id: Option<RegionId>,
}

/// The roles a session can be limited to.
pub const ELIGIBLE_ROLES: [Role; 3] = [Role::Participant, Role::Coordinator, Role::Mentor];

impl Eligibility {
    /// The rows to store: (role, region). No rows: everyone may register.
    pub fn rules(&self) -> Vec<(Option<Role>, Option<RegionId>)> {
        if self.roles.is_empty() {
            self.region_id
                .map(|r| (None, Some(r)))
                .into_iter()
                .collect()
        } else {
            self.roles
                .iter()
                .map(|r| (Some(*r), self.region_id))
                .collect()
        }
    }

    /// Back from stored rows (as written by `rules`).
    pub fn from_rules(rows: &[(Option<String>, Option<i64>)]) -> Eligibility {
        let mut roles: Vec<Role> = rows
            .iter()
            .filter_map(|(r, _)| r.as_deref().and_then(Role::parse))
            .collect();
        roles.sort_by_key(|r| r.as_str());
        roles.dedup();
        Eligibility {
            roles,
            region_id: rows.iter().find_map(|(_, g)| g.map(RegionId)),
        }
    }

    pub fn is_open(&self) -> bool {
        self.roles.is_empty() && self.region_id.is_none()
    }
}

/// How a new session repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Repeat {
    #[default]
    Once,
    /// N sessions in all, a week apart.
    Weekly(u32),
    /// N sessions in all, two weeks apart.
    Biweekly(u32),
    /// The first session and one more on each of these dates, at the same time of day.
    Dates(Vec<NaiveDate>),
}

/// How many sessions one series may hold.
pub const SERIES_MAX: u32 = 52;

impl Repeat {
    /// The start of every session of the series (the first is `first`), in order.
    pub fn starts(&self, first: DateTime<Utc>, zone: Zone) -> Vec<DateTime<Utc>> {
        match self {
            Repeat::Once => vec![first],
            Repeat::Weekly(n) => (0..*n as i64).map(|k| first + Duration::weeks(k)).collect(),
            Repeat::Biweekly(n) => (0..*n as i64)
                .map(|k| first + Duration::weeks(2 * k))
                .collect(),
            Repeat::Dates(dates) => {
                let time = zone.local(first).time();
                std::iter::once(first)
                    .chain(dates.iter().filter_map(|d| zone.to_utc(d.and_time(time))))
                    .collect()
            }
        }
    }

    /// What is stored on the series row: `weekly:4`, `biweekly:6`, `dates`.
    pub fn code(&self) -> String {
        match self {
            Repeat::Once => "once".into(),
            Repeat::Weekly(n) => format!("weekly:{n}"),
            Repeat::Biweekly(n) => format!("biweekly:{n}"),
            Repeat::Dates(_) => "dates".into(),
        }
    }
}

/// Which sessions an edit or a cancellation applies to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum EditScope {
    /// This session only.
    #[default]
    One,
    /// This session and the later ones of its series.
    Series,
}

impl EditScope {
    pub fn parse(raw: &str) -> EditScope {
        match raw.trim() {
            "series" => EditScope::Series,
            _ => EditScope::One,
        }
    }
}

pub const SPEAKERS_MAX: u32 = 20;
pub const SPEAKER_NAME_MAX: u32 = 120;
pub const SPEAKER_AFFILIATION_MAX: u32 = 200;

/// One speaker per line, `Name; organisation` (also `Name | organisation` or `Name – organisation`).
pub fn parse_speakers(raw: &str) -> Result<Vec<Speaker>, Problem> {
    let lines: Vec<&str> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() as u32 > SPEAKERS_MAX {
        return Err(Problem::TooMany { max: SPEAKERS_MAX });
    }
    lines
        .into_iter()
        .map(|line| {
            let (name, aff) = [";", "|", " – ", " — ", " - "]
                .iter()
                .find_map(|sep| line.split_once(sep))
                .unwrap_or((line, ""));
            let name = required_text(name, 2, SPEAKER_NAME_MAX)?;
            let affiliation = optional_text(aff, SPEAKER_AFFILIATION_MAX)?;
            Ok(Speaker { name, affiliation })
        })
        .collect()
}

/// Speakers back as the form's text.
pub fn speakers_text(speakers: &[Speaker]) -> String {
    speakers
        .iter()
        .map(|s| match &s.affiliation {
            Some(a) => format!("{}; {a}", s.name),
            None => s.name.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A date as people type it: `2026-12-08`, `8/12/2026` or `8-12-2026` (day first).
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let t = raw.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y"))
        .or_else(|_| NaiveDate::parse_from_str(t, "%d-%m-%Y"))
        .ok()
}

fn ticked(raw: &str) -> bool {
    matches!(raw.trim(), "1" | "on" | "true" | "yes")
}

fn optional_local(raw: &str, zone: Option<Zone>) -> Result<Option<DateTime<Utc>>, Problem> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    let local = local_datetime(raw)?;
    match zone {
        Some(z) => z.to_utc(local).map(Some).ok_or(Problem::InvalidDateTime),
        // The zone has its own error; this value is fine as far as it goes.
        None => Ok(None),
    }
}

fn repeat_of(
    form: &SessionForm,
    e: &mut FieldErrors,
    first: Option<DateTime<Utc>>,
    zone: Option<Zone>,
) -> Option<Repeat> {
    match form.repeat.trim() {
        "" | "once" => Some(Repeat::Once),
        kind @ ("weekly" | "biweekly") => {
            let n = e.take(Field::RepeatCount, {
                let t = form.repeat_count.trim();
                if t.is_empty() {
                    Err(Problem::Required)
                } else {
                    match t.parse::<i64>() {
                        Ok(n) if (2..=SERIES_MAX as i64).contains(&n) => Ok(n as u32),
                        Ok(_) => Err(Problem::OutOfRange {
                            min: 2,
                            max: SERIES_MAX,
                        }),
                        Err(_) => Err(Problem::NotANumber),
                    }
                }
            })?;
            Some(if kind == "weekly" {
                Repeat::Weekly(n)
            } else {
                Repeat::Biweekly(n)
            })
        }
        "dates" => {
            let items: Vec<&str> = form
                .repeat_dates
                .split([',', '\n', ' ', ';'])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect();
            if items.is_empty() {
                e.push(Field::RepeatDates, Problem::Required);
                return None;
            }
            if items.len() as u32 >= SERIES_MAX {
                e.push(
                    Field::RepeatDates,
                    Problem::TooMany {
                        max: SERIES_MAX - 1,
                    },
                );
                return None;
            }
            let first_day = match (first, zone) {
                (Some(f), Some(z)) => Some(z.local(f).date()),
                _ => None,
            };
            let mut dates = Vec::new();
            for item in items {
                let Some(d) = parse_date(item) else {
                    e.push(Field::RepeatDates, Problem::BadDate { value: item.into() });
                    return None;
                };
                if first_day.is_some_and(|f| d <= f) {
                    e.push(
                        Field::RepeatDates,
                        Problem::DateNotAfterFirst { value: item.into() },
                    );
                    return None;
                }
                dates.push(d);
            }
            dates.sort_unstable();
            dates.dedup();
            Some(Repeat::Dates(dates))
        }
        _ => {
            e.push(Field::Repeat, Problem::UnknownChoice);
            None
        }
    }
}

pub const TITLE_MIN: u32 = 5;
pub const TITLE_MAX: u32 = 150;
pub const DESCRIPTION_MAX: u32 = 4000;
pub const VENUE_MAX: u32 = 300;
pub const CAPACITY_MAX: u32 = 100_000;
/// A bimtek may run over several days, but not longer than this.
pub const MAX_DAYS: u32 = 14;

fn id<T>(raw: &str, make: fn(i64) -> T) -> Result<T, Problem> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(Problem::Required);
    }
    t.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(make)
        .ok_or(Problem::UnknownChoice)
}

fn capacity(raw: &str) -> Result<u32, Problem> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(0);
    }
    let n: i64 = t.parse().map_err(|_| Problem::NotANumber)?;
    if !(0..=CAPACITY_MAX as i64).contains(&n) {
        return Err(Problem::OutOfRange {
            min: 0,
            max: CAPACITY_MAX,
        });
    }
    Ok(n as u32)
}

fn local_datetime(raw: &str) -> Result<NaiveDateTime, Problem> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(Problem::Required);
    }
    // `datetime-local` sends minutes; some browsers add seconds.
    NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| Problem::InvalidDateTime)
}

impl SessionForm {
    /// Parses a new session's form, reporting all problems at once. `now` decides what is "in
    /// the past".
    pub fn parse(&self, now: DateTime<Utc>) -> Result<NewSession, FieldErrors> {
        self.parse_with(now, None)
    }

    /// Parses the form of an existing session that starts at `current_start`: a start that is
    /// unchanged may be in the past (a session under way can still be corrected). Never repeats.
    pub fn parse_edit(
        &self,
        now: DateTime<Utc>,
        current_start: DateTime<Utc>,
    ) -> Result<NewSession, FieldErrors> {
        let mut s = self.parse_with(now, Some(current_start))?;
        s.repeat = Repeat::Once;
        Ok(s)
    }

    fn parse_with(
        &self,
        now: DateTime<Utc>,
        current_start: Option<DateTime<Utc>>,
    ) -> Result<NewSession, FieldErrors> {
        let mut e = FieldErrors::default();
        let title = e.take(
            Field::Title,
            required_text(&self.title, TITLE_MIN, TITLE_MAX),
        );
        let description = e.take(
            Field::Description,
            optional_text(&self.description, DESCRIPTION_MAX),
        );
        let programme_id = e.take(Field::Programme, id(&self.programme_id, ProgrammeId));
        let mode = e.take(
            Field::Mode,
            match self.mode.trim() {
                "" => Err(Problem::Required),
                m => SessionMode::parse(m).ok_or(Problem::UnknownChoice),
            },
        );
        let region_id = e.take(Field::Region, id(&self.region_id, RegionId));
        let zone = e.take(
            Field::Zone,
            match self.zone.trim() {
                "" => Err(Problem::Required),
                z => Zone::parse(z).ok_or(Problem::UnknownChoice),
            },
        );
        let start_local = e.take(Field::StartsAt, local_datetime(&self.starts_at));
        let end_local = e.take(Field::EndsAt, local_datetime(&self.ends_at));
        let room = e.take(Field::RoomCapacity, capacity(&self.room_capacity));
        let online = e.take(Field::OnlineCapacity, capacity(&self.online_capacity));
        let venue = e.take(Field::Venue, optional_text(&self.venue, VENUE_MAX));
        let url = match self.meeting_url.trim() {
            "" => Some(None),
            u => e.take(Field::MeetingUrl, MeetingUrl::parse(u).map(Some)),
        };

        // Times: converted in the session's zone, then checked against each other and `now`.
        let (mut starts_at, mut ends_at) = (None, None);
        if let (Some(z), Some(s)) = (zone, start_local) {
            starts_at = e.take(Field::StartsAt, z.to_utc(s).ok_or(Problem::InvalidDateTime));
        }
        if let (Some(z), Some(en)) = (zone, end_local) {
            ends_at = e.take(Field::EndsAt, z.to_utc(en).ok_or(Problem::InvalidDateTime));
        }
        if let Some(s) = starts_at
            && s <= now
            && current_start != Some(s)
        {
            e.push(Field::StartsAt, Problem::InThePast);
        }
        if let (Some(s), Some(en)) = (starts_at, ends_at) {
            if en <= s {
                e.push(Field::EndsAt, Problem::EndNotAfterStart);
            } else if en - s > Duration::days(MAX_DAYS as i64) {
                e.push(
                    Field::EndsAt,
                    Problem::TooLongDuration { max_days: MAX_DAYS },
                );
            }
        }

        let speakers = e.take(Field::Speakers, parse_speakers(&self.speakers));
        let opens = e.take(
            Field::RegistrationOpensAt,
            optional_local(&self.registration_opens_at, zone),
        );
        let closes = e.take(
            Field::RegistrationClosesAt,
            optional_local(&self.registration_closes_at, zone),
        );
        if let (Some(Some(o)), Some(Some(c))) = (opens, closes)
            && c <= o
        {
            e.push(Field::RegistrationClosesAt, Problem::EndNotAfterStart);
        }
        if let (Some(Some(c)), Some(en)) = (closes, ends_at)
            && c > en
        {
            e.push(Field::RegistrationClosesAt, Problem::ClosesAfterEnd);
        }
        let roles: Vec<Role> = [
            (&self.for_participant, Role::Participant),
            (&self.for_coordinator, Role::Coordinator),
            (&self.for_mentor, Role::Mentor),
        ]
        .into_iter()
        .filter(|(v, _)| ticked(v))
        .map(|(_, r)| r)
        .collect();
        let eligible_region = match self.eligible_region_id.trim() {
            "" => Some(None),
            r => e.take(Field::EligibleRegion, id(r, RegionId).map(Some)),
        };
        let repeat = if current_start.is_some() {
            Some(Repeat::Once)
        } else {
            repeat_of(self, &mut e, starts_at, zone)
        };
        if let (Some(s), Some(r)) = (starts_at, &repeat)
            && let Some(last) = r.starts(s, zone.unwrap_or(Zone::Wib)).last()
            && *last - s > Duration::days(366)
        {
            e.push(Field::Repeat, Problem::SeriesTooLong);
        }

        // What the mode needs: a venue and room seats in the room, a link and online seats online.
        if let Some(m) = mode {
            if let Some(r) = room {
                if m.has_room() && r == 0 {
                    e.push(Field::RoomCapacity, Problem::NeedsSeats);
                } else if !m.has_room() && r > 0 {
                    e.push(Field::RoomCapacity, Problem::NotForMode);
                }
            }
            if let Some(o) = online {
                if m.has_online() && o == 0 {
                    e.push(Field::OnlineCapacity, Problem::NeedsSeats);
                } else if !m.has_online() && o > 0 {
                    e.push(Field::OnlineCapacity, Problem::NotForMode);
                }
            }
            if m.has_room() && matches!(venue, Some(None)) {
                e.push(Field::Venue, Problem::Required);
            }
            if m.has_online() && matches!(url, Some(None)) {
                e.push(Field::MeetingUrl, Problem::Required);
            }
        }

        match (
            title,
            description,
            programme_id,
            mode,
            region_id,
            zone,
            starts_at,
            ends_at,
            room,
            online,
            venue,
            url,
        ) {
            (
                Some(title),
                Some(description),
                Some(programme_id),
                Some(mode),
                Some(region_id),
                Some(zone),
                Some(starts_at),
                Some(ends_at),
                Some(room_capacity),
                Some(online_capacity),
                Some(venue),
                Some(meeting_url),
            ) if e.is_empty() => Ok(NewSession {
                speakers: speakers.unwrap_or_default(),
                registration_opens_at: opens.flatten(),
                registration_closes_at: closes.flatten(),
                eligibility: Eligibility {
                    roles,
                    region_id: eligible_region.flatten(),
                },
                reminder_offsets: self.reminder_offsets(),
                allow_walk_ins: ticked(&self.allow_walk_ins),
                repeat: repeat.unwrap_or_default(),
                scope: EditScope::parse(&self.scope),
                title,
                description,
                programme_id,
                mode,
                region_id,
                zone,
                starts_at,
                ends_at,
                room_capacity,
                online_capacity,
                // A venue or link that the mode does not use is dropped, not stored.
                venue: venue.filter(|_| mode.has_room()),
                meeting_url: meeting_url.filter(|_| mode.has_online()),
            }),
            _ => Err(e),
        }
    }
}

/// One line of the session list. Carries no meeting link: that goes only to confirmed registrants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub id: SessionId,
    pub title: String,
    pub programme: String,
    pub track: Track,
    pub mode: SessionMode,
    pub region: String,
    pub zone: Zone,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub room_capacity: u32,
    pub online_capacity: u32,
    pub venue: Option<String>,
    pub cancelled: bool,
}

/// One of the caller's own registrations, with its session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySession {
    pub session: SessionSummary,
    /// room | online
    pub seat_kind: String,
    /// invited | confirmed | waitlisted
    pub status: String,
    pub waitlist_position: Option<i64>,
}

/// The session list's filters as they come in the address (`?program=1&wilayah=3&mode=online
/// &dari=2026-12-01&zona=WITA`). Values that do not parse are ignored, not errors: a filter link
/// must never break the page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionFilterForm {
    pub program: String,
    pub wilayah: String,
    pub mode: String,
    pub dari: String,
    pub zona: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionFilter {
    pub programme: Option<ProgrammeId>,
    /// The region and every region under it.
    pub region: Option<RegionId>,
    pub mode: Option<SessionMode>,
    /// Sessions ending on or after this day (in the viewer's zone).
    pub from: Option<NaiveDate>,
    /// The zone to show times in (else the viewer's own, else each session's).
    pub zone: Option<Zone>,
}

impl SessionFilterForm {
    pub fn parse(&self) -> SessionFilter {
        let pos = |raw: &str| raw.trim().parse::<i64>().ok().filter(|n| *n > 0);
        SessionFilter {
            programme: pos(&self.program).map(ProgrammeId),
            region: pos(&self.wilayah).map(RegionId),
            mode: SessionMode::parse(&self.mode),
            from: parse_date(&self.dari),
            zone: Zone::parse(&self.zona),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.parse() == SessionFilter::default()
    }
}

/// A choice in a select box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: i64,
    pub label: String,
}

/// A region with the zone its sessions default to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionChoice {
    pub id: i64,
    pub label: String,
    pub zone: Zone,
}

/// What the edit page shows: the form filled in, and whether the session is part of a series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditData {
    pub id: SessionId,
    pub form: SessionForm,
    /// Sessions of the series from this one on (this one included); 0 when not in a series.
    pub series_later: u32,
    /// Cancelled or ended: shown, not editable.
    pub closed: bool,
}

/// What the session list's filters offer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterChoices {
    pub programmes: Vec<Choice>,
    /// Provinces first, then the regions under them.
    pub regions: Vec<Choice>,
}

/// What the new-session form offers: the programmes the organiser may organise, and regions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionFormOptions {
    pub programmes: Vec<Choice>,
    pub regions: Vec<RegionChoice>,
}

#[cfg(test)]
mod tests;
