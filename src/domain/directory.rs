//! What the people pages show: the admin's directory of people and roles, and the coordinator's
//! list of the participants they registered. Contact data appears only in the types for the people
//! allowed to see it (admins; a participant's own coordinator).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::errors::{Field, FieldErrors, Problem};
use super::people::Role;
use super::session::Choice;

/// One line of the admin's people list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRow {
    pub id: i64,
    pub full_name: String,
    pub email: Option<String>,
    pub region: Option<String>,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeoplePage {
    pub rows: Vec<PersonRow>,
    pub query: String,
    pub page: u64,
    pub has_more: bool,
}

/// One role grant with its scope in words (`None` = every programme / region).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantRow {
    pub id: i64,
    pub role: Role,
    pub programme: Option<String>,
    pub region: Option<String>,
}

/// A person as the admin sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonDetail {
    pub id: i64,
    pub full_name: String,
    pub email: Option<String>,
    /// As people write it (`0812 3456 7890`).
    pub phone: Option<String>,
    pub nik: Option<String>,
    pub region: Option<String>,
    pub registered_by: Option<String>,
    pub has_password: bool,
    pub has_code: bool,
    pub created_at: DateTime<Utc>,
    pub grants: Vec<GrantRow>,
    /// What the "add a role" form offers.
    pub programmes: Vec<Choice>,
    pub regions: Vec<Choice>,
}

/// The admin's "add a role" form as typed. Empty scope = all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GrantForm {
    pub role: String,
    pub programme_id: String,
    pub region_id: String,
}

/// A checked grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewGrant {
    pub role: Role,
    pub programme_id: Option<i64>,
    pub region_id: Option<i64>,
}

impl GrantForm {
    pub fn parse(&self) -> Result<NewGrant, FieldErrors> {
        let mut e = FieldErrors::default();
        let role = match self.role.trim() {
            "" => Err(Problem::Required),
            r => Role::parse(r).ok_or(Problem::UnknownChoice),
        };
        let role = e.take(Field::Role, role);
        let id = |s: &str| match s.trim() {
            "" => Ok(None),
            v => v
                .parse::<i64>()
                .ok()
                .filter(|n| *n > 0)
                .map(Some)
                .ok_or(Problem::UnknownChoice),
        };
        let programme_id = e.take(Field::Programme, id(&self.programme_id));
        let region_id = e.take(Field::Region, id(&self.region_id));
        match (role, programme_id, region_id) {
            (Some(role), Some(programme_id), Some(region_id)) => Ok(match role {
                // Admins and participants are not scoped.
                Role::Admin => NewGrant {
                    role,
                    programme_id: None,
                    region_id: None,
                },
                _ => NewGrant {
                    role,
                    programme_id,
                    region_id,
                },
            }),
            _ => Err(e),
        }
    }
}

/// A participant in their coordinator's list. The coordinator relays their invitations, so sees
/// their phone; the NIK only masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantRow {
    pub id: i64,
    pub full_name: String,
    pub phone: Option<String>,
    pub nik_masked: Option<String>,
    pub region: Option<String>,
    pub registered_at: DateTime<Utc>,
}

/// What the coordinator's page needs: their participants and the regions they may register in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoordinatorHome {
    pub participants: Vec<ParticipantRow>,
    pub regions: Vec<Choice>,
}

/// A freshly issued personal code, shown once (only its hash is stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCode {
    pub person_id: i64,
    pub full_name: String,
    pub region: Option<String>,
    /// `ABCDE-FGHJK`
    pub code: String,
    /// The link the QR code holds: `<base>/k/<code>`.
    pub link: String,
    /// That link as a QR code, an SVG drawn on the server.
    pub qr_svg: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grant_form_checks_role_and_scope() {
        let f = |r: &str, p: &str, g: &str| GrantForm {
            role: r.into(),
            programme_id: p.into(),
            region_id: g.into(),
        };
        assert_eq!(
            f("mentor", "3", "").parse(),
            Ok(NewGrant {
                role: Role::Mentor,
                programme_id: Some(3),
                region_id: None
            })
        );
        // Admin scope is dropped: an admin is an admin everywhere.
        assert_eq!(f("admin", "3", "4").parse().unwrap().programme_id, None);
        let e = f("root", "x", "-1").parse().unwrap_err();
        assert_eq!(e.get(Field::Role), Some(&Problem::UnknownChoice));
        assert_eq!(e.get(Field::Programme), Some(&Problem::UnknownChoice));
        assert_eq!(e.get(Field::Region), Some(&Problem::UnknownChoice));
        assert_eq!(
            f("", "", "").parse().unwrap_err().get(Field::Role),
            Some(&Problem::Required)
        );
    }
}
