//! Field-level validation errors. They carry a field and a problem (a message key with its numbers),
//! never a sentence: the UI and emails turn them into words in the reader's language.

use serde::{Deserialize, Serialize};

/// A form field, named as in the HTML form (`name=` attribute).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Description,
    Programme,
    Mode,
    Region,
    Zone,
    StartsAt,
    EndsAt,
    RoomCapacity,
    OnlineCapacity,
    Venue,
    MeetingUrl,
    Email,
    Password,
    PasswordConfirm,
    FullName,
    Phone,
    Nik,
    /// A participant's personal code.
    Code,
    Role,
    /// Room or online seat.
    Seat,
    /// A bulk-invitation file.
    Csv,
    Speakers,
    RegistrationOpensAt,
    RegistrationClosesAt,
    EligibleRegion,
    Repeat,
    RepeatCount,
    RepeatDates,
    /// Programme form.
    Name,
    Track,
    StartsOn,
    EndsOn,
    Regions,
    /// A programme's targets as a whole ("at least one").
    Targets,
    TargetKpmTrained,
    TargetSessionsHeld,
    TargetAttendanceRate,
    TargetFollowUps,
    TargetBusinessesProgressing,
    /// Assigning a mentor.
    Mentor,
    /// A roll-call mark (present, late, excused, absent).
    Mark,
    /// A mentor's note on a participant.
    Note,
    /// Follow-up: the business and the contact.
    Sector,
    Stage,
    ContactKind,
    ContactedOn,
    Session,
    Discussed,
    MonthlyRevenue,
    PackagingImproved,
    SellingOnline,
    NextAction,
    NextActionDue,
    /// The form as a whole (e.g. "session not found").
    Form,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Description => "description",
            Field::Programme => "programme_id",
            Field::Mode => "mode",
            Field::Region => "region_id",
            Field::Zone => "zone",
            Field::StartsAt => "starts_at",
            Field::EndsAt => "ends_at",
            Field::RoomCapacity => "room_capacity",
            Field::OnlineCapacity => "online_capacity",
            Field::Venue => "venue",
            Field::MeetingUrl => "meeting_url",
            Field::Email => "email",
            Field::Password => "password",
            Field::PasswordConfirm => "password_confirm",
            Field::FullName => "full_name",
            Field::Phone => "phone",
            Field::Nik => "nik",
            Field::Code => "code",
            Field::Role => "role",
            Field::Seat => "seat",
            Field::Csv => "csv",
            Field::Speakers => "speakers",
            Field::RegistrationOpensAt => "registration_opens_at",
            Field::RegistrationClosesAt => "registration_closes_at",
            Field::EligibleRegion => "eligible_region_id",
            Field::Repeat => "repeat",
            Field::RepeatCount => "repeat_count",
            Field::RepeatDates => "repeat_dates",
            Field::Name => "name",
            Field::Track => "track",
            Field::StartsOn => "starts_on",
            Field::EndsOn => "ends_on",
            Field::Regions => "regions",
            Field::Targets => "targets",
            Field::TargetKpmTrained => "target_kpm_trained",
            Field::TargetSessionsHeld => "target_sessions_held",
            Field::TargetAttendanceRate => "target_attendance_rate",
            Field::TargetFollowUps => "target_follow_ups",
            Field::TargetBusinessesProgressing => "target_businesses_progressing",
            Field::Mentor => "mentor_id",
            Field::Mark => "mark",
            Field::Note => "note",
            Field::Sector => "sector",
            Field::Stage => "stage",
            Field::ContactKind => "kind",
            Field::ContactedOn => "contacted_on",
            Field::Session => "session_id",
            Field::Discussed => "discussed",
            Field::MonthlyRevenue => "monthly_revenue",
            Field::PackagingImproved => "packaging_improved",
            Field::SellingOnline => "selling_online",
            Field::NextAction => "next_action",
            Field::NextActionDue => "next_action_due",
            Field::Form => "form",
        }
    }
}

/// What is wrong with a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    Required,
    TooShort {
        min: u32,
    },
    TooLong {
        max: u32,
    },
    NotANumber,
    OutOfRange {
        min: u32,
        max: u32,
    },
    UnknownChoice,
    InvalidDateTime,
    EndNotAfterStart,
    TooLongDuration {
        max_days: u32,
    },
    InThePast,
    InvalidUrl,
    /// The seat kind does not exist in this mode (e.g. room seats for an online session).
    NotForMode,
    /// In-person/hybrid needs room seats, online/hybrid needs online seats.
    NeedsSeats,
    InvalidEmail,
    WrongCredentials,
    /// The repetition differs from the first entry.
    Mismatch,
    NotFound,
    /// Not an Indonesian mobile number.
    InvalidPhone,
    /// A NIK is 16 digits.
    InvalidNik,
    /// Someone is already registered with this value (phone, NIK or email).
    AlreadyRegistered,
    /// A personal code that does not exist or was replaced.
    WrongCode,
    /// The grant exists already.
    AlreadyGranted,
    /// Removing it would leave nobody able to administer Bimtek.
    LastAdmin,
    RegistrationClosed,
    RegistrationNotOpen,
    SessionCancelled,
    SessionEnded,
    /// The session's rules (role, region) do not admit this person.
    NotEligible,
    CsvEmpty,
    CsvMissingColumns,
    CsvTooManyRows {
        max: u32,
    },
    CsvUnreadable {
        line: u64,
    },
    TooMany {
        max: u32,
    },
    /// Registration must close by the end of the session.
    ClosesAfterEnd,
    /// A series spans at most a year.
    SeriesTooLong,
    BadDate {
        value: String,
    },
    DateNotAfterFirst {
        value: String,
    },
    /// Fewer seats than people already confirmed for them.
    BelowConfirmed {
        confirmed: u32,
    },
    /// A programme needs at least one target.
    NoTargets,
    /// The change would leave sessions outside the programme (period or regions).
    OutsideProgramme,
    /// The session has ended or was cancelled: no more changes.
    SessionClosed,
    /// Self check-in opens this many minutes before the start.
    CheckinTooEarly {
        minutes: u32,
    },
    /// A check-in code that was never shown (typo or forgery).
    CheckinCodeWrong,
    /// A check-in code from a few minutes ago.
    CheckinCodeExpired,
    /// Checking in to a session one is not registered for (and walk-ins are not allowed).
    NotRegisteredHere,
    /// Not a date (YYYY-MM-DD or DD/MM/YYYY).
    InvalidDate,
    InTheFuture,
    /// A number beyond what makes sense here (a typo).
    TooLarge,
    /// A due date before the contact it follows.
    BeforeContact,
    /// A follow-up before the participant's business is recorded.
    NoBusinessYet,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// All problems found in one form, in field order. Empty means valid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn one(field: Field, problem: Problem) -> Self {
        Self(vec![FieldError { field, problem }])
    }

    pub fn push(&mut self, field: Field, problem: Problem) {
        self.0.push(FieldError { field, problem });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first problem for a field, if any (one message per field).
    pub fn get(&self, field: Field) -> Option<&Problem> {
        self.0.iter().find(|e| e.field == field).map(|e| &e.problem)
    }

    /// Records the error of `r` under `field` and returns its value, so parsing carries on and
    /// every bad field is reported at once.
    pub fn take<T>(&mut self, field: Field, r: Result<T, Problem>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(p) => {
                self.push(field, p);
                None
            }
        }
    }
}

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}: {:?}", e.field.as_str(), e.problem)?;
        }
        Ok(())
    }
}

/// Trims and checks the length of a required text (length in characters, not bytes).
pub fn required_text(raw: &str, min: u32, max: u32) -> Result<String, Problem> {
    let t = raw.trim();
    let n = t.chars().count() as u32;
    if n == 0 {
        Err(Problem::Required)
    } else if n < min {
        Err(Problem::TooShort { min })
    } else if n > max {
        Err(Problem::TooLong { max })
    } else {
        Ok(t.to_string())
    }
}

/// Trims an optional text; empty becomes `None`.
pub fn optional_text(raw: &str, max: u32) -> Result<Option<String>, Problem> {
    let t = raw.trim();
    if t.is_empty() {
        Ok(None)
    } else if t.chars().count() as u32 > max {
        Err(Problem::TooLong { max })
    } else {
        Ok(Some(t.to_string()))
    }
}
