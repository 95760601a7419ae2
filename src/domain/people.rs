//! People: roles and contact values.

use serde::{Deserialize, Serialize};

use super::errors::Problem;

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
    fn roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
