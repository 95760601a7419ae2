//! Typed values and pure rules. Constructors parse raw input and return field-level errors.

pub mod audit;
pub mod errors;
pub mod ids;
pub mod people;
pub mod session;
pub mod zone;

pub use audit::AuditEntry;
pub use errors::{Field, FieldError, FieldErrors, Problem};
pub use ids::{PersonId, ProgrammeId, RegionId, SessionId};
pub use people::{Email, Role};
pub use session::{
    Choice, MeetingUrl, NewSession, RegionChoice, SessionForm, SessionFormOptions, SessionMode,
    SessionSummary, Track,
};
pub use zone::Zone;
