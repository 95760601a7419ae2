//! Typed values and pure rules. Constructors parse raw input and return field-level errors.

pub mod audit;
pub mod directory;
pub mod errors;
pub mod ids;
pub mod invite;
pub mod mail;
pub mod people;
pub mod programme;
pub mod registration;
pub mod session;
pub mod zone;

pub use audit::AuditEntry;
pub use errors::{Field, FieldError, FieldErrors, Problem};
pub use ids::{PersonId, ProgrammeId, RegionId, SessionId};
pub use people::{Email, NewParticipant, ParticipantForm, Phone, Role, home_path};
pub use registration::{
    JoinOutcome, MyRegistration, RegStatus, RegisterOutcome, Roster, RosterRow, SeatCount,
    SeatKind, SeriesItem, SessionDetail, Speaker, Window,
};
pub use session::{
    Choice, EditData, EditScope, Eligibility, FilterChoices, MeetingUrl, MySession, NewSession,
    RegionChoice, Repeat, SessionFilter, SessionFilterForm, SessionForm, SessionFormOptions,
    SessionMode, SessionSummary, Track,
};
pub use zone::Zone;
