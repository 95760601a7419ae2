//! Who is calling: the `Actor` with their role grants, password hashing, and the login-session
//! store shared by every server process.

mod actor;
pub mod limits;
pub mod password;
pub mod session_store;
pub mod tokens;

pub use actor::{Actor, Grant};

/// Key under which the logged-in person's id is kept in the login session.
pub const SESSION_PERSON_KEY: &str = "person_id";

/// `n` random bytes from the OS generator, as lowercase hex.
pub fn random_hex(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    rand::fill(&mut bytes[..]);
    hex::encode(bytes)
}
