//! Email: rendering, the outbox (rows enqueued in the caller's transaction) and the worker that
//! delivers them through lettre.

pub mod ics;
pub mod outbox;
pub mod render;
pub mod transport;
pub mod worker;

/// A message ready to enqueue, in the recipient's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// An iCalendar attachment, if any.
    pub ics: Option<String>,
}
