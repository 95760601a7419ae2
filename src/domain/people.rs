//! People: roles and contact values.

use serde::{Deserialize, Serialize};

use super::errors::{Field, FieldErrors, Problem};

/// What a person may do. One person may hold several roles; organisers and mentors are scoped to
/// programmes / regions (scopes are stored with the grant).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Organiser,
    Mentor,
    Coordinator,
    Participant,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Organiser,
        Role::Mentor,
        Role::Coordinator,
        Role::Participant,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Organiser => "organiser",
            Role::Mentor => "mentor",
            Role::Coordinator => "coordinator",
            Role::Participant => "participant",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// An email address, trimmed and lower-cased. Deliberately permissive (one `@`, a dot in the
/// domain, no spaces): the real check is that mail arrives.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub const MAX: u32 = 254;

    pub fn parse(raw: &str) -> Result<Email, Problem> {
        let t = raw.trim().to_lowercase();
        if t.is_empty() {
            return Err(Problem::Required);
        }
        if t.len() as u32 > Self::MAX {
            return Err(Problem::TooLong { max: Self::MAX });
        }
        let (local, domain) = t.split_once('@').ok_or(Problem::InvalidEmail)?;
        let ok = !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !t.chars().any(|c| c.is_whitespace() || c.is_control());
        if ok {
            Ok(Email(t))
        } else {
            Err(Problem::InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Shortest password accepted.
pub const PASSWORD_MIN: u32 = 10;
pub const PASSWORD_MAX: u32 = 1024;

/// A new password and its repetition: long enough, not absurdly long, and the same twice.
pub fn new_password(password: &str, confirm: &str) -> Result<String, FieldErrors> {
    let mut e = FieldErrors::default();
    let n = password.chars().count() as u32;
    if n == 0 {
        e.push(Field::Password, Problem::Required);
    } else if n < PASSWORD_MIN {
        e.push(Field::Password, Problem::TooShort { min: PASSWORD_MIN });
    } else if n > PASSWORD_MAX {
        e.push(Field::Password, Problem::TooLong { max: PASSWORD_MAX });
    } else if password != confirm {
        e.push(Field::PasswordConfirm, Problem::Mismatch);
    }
    if e.is_empty() {
        Ok(password.to_owned())
    } else {
        Err(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Siti@Example.ID ").unwrap().as_str(),
            "siti@example.id"
        );
        assert_eq!(Email::parse(""), Err(Problem::Required));
        for bad in [
            "siti", "siti@", "@x.id", "a@b", "a@@b.id", "a b@c.id", "a@.id",
        ] {
            assert_eq!(Email::parse(bad), Err(Problem::InvalidEmail), "{bad}");
        }
    }

    #[test]
    fn new_passwords_must_be_long_enough_and_repeated() {
        assert!(new_password("kemasan-baru-2026", "kemasan-baru-2026").is_ok());
        let problem = |p: &str, c: &str| new_password(p, c).unwrap_err().0[0].clone();
        assert_eq!(problem("", "").problem, Problem::Required);
        assert_eq!(
            problem("pendek", "pendek").problem,
            Problem::TooShort { min: PASSWORD_MIN }
        );
        let e = problem("kemasan-baru-2026", "kemasan-baru-2025");
        assert_eq!(
            (e.field, e.problem),
            (Field::PasswordConfirm, Problem::Mismatch)
        );
    }

    #[test]
    fn roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
