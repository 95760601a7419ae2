//! Typed values and pure rules. Constructors parse raw input and return field-level errors.

pub mod attendance;
pub mod audit;
pub mod directory;
pub mod errors;
pub mod follow_up;
pub mod ids;
pub mod invite;
pub mod mail;
pub mod people;
pub mod programme;
pub mod registration;
pub mod report;
pub mod session;
pub mod zone;

pub use attendance::{CheckinOutcome, CheckinScreen, CheckinTarget, RollCall, RollCallRow};
pub use audit::AuditEntry;
pub use errors::{Field, FieldError, FieldErrors, Problem};
pub use ids::{PersonId, ProgrammeId, RegionId, SessionId};
pub use people::{Email, NewParticipant, ParticipantForm, Phone, Role, home_path};
pub use registration::{
    JoinOutcome, MyRegistration, RegStatus, RegisterOutcome, Roster, RosterRow, SeatCount,
    SeatKind, SeriesItem, SessionDetail, Speaker, Window,
};
pub use session::{
    Choice, DEFAULT_REMINDERS, EditData, EditScope, Eligibility, FilterChoices, MeetingUrl,
    MySession, NewSession, REMINDER_PRESETS, RegionChoice, ReminderPreset, Repeat, SessionFilter,
    SessionFilterForm, SessionForm, SessionFormOptions, SessionMode, SessionSummary, Track,
    parse_reminder_offsets, reminder_code,
};
pub use zone::Zone;
