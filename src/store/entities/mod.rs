//! sea-orm entities, one per table, in the shape `sea-orm-cli generate entity` writes. Keep logic
//! out of here: queries and mapping to domain types live in `store/*.rs`.

pub mod app_setting;
pub mod attendance;
pub mod audit_log;
pub mod auth_session;
pub mod business;
pub mod email_outbox;
pub mod follow_up;
pub mod login_token;
pub mod person;
pub mod person_role;
pub mod programme;
pub mod programme_region;
pub mod programme_target;
pub mod region;
pub mod registration;
pub mod reminder_run;
pub mod session;
pub mod session_eligibility;
pub mod session_mentor;
pub mod session_series;
pub mod session_speaker;
