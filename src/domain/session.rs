//! Sessions: the form an organiser fills in, parsed into a `NewSession` that can only hold valid
//! values, and the summary shown in lists (never with the meeting link).

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::errors::{Field, FieldErrors, Problem, optional_text, required_text};
use super::ids::{ProgrammeId, RegionId, SessionId};
use super::zone::Zone;

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
    /// Parses every field, reporting all problems at once. `now` decides what is "in the past".
    pub fn parse(&self, now: DateTime<Utc>) -> Result<NewSession, FieldErrors> {
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

/// What the new-session form offers: the programmes the organiser may organise, and regions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionFormOptions {
    pub programmes: Vec<Choice>,
    pub regions: Vec<RegionChoice>,
}

#[cfg(test)]
mod tests;
