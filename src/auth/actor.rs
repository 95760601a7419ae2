use serde::{Deserialize, Serialize};

use crate::domain::{PersonId, ProgrammeId, RegionId, Role};
use crate::i18n::Lang;

/// One role, optionally scoped to a programme and/or a region (`None` = all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    pub programme_id: Option<ProgrammeId>,
    pub region_id: Option<RegionId>,
}

/// The person behind a request, loaded fresh from the database on every request so a role taken
/// away takes effect at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub person_id: PersonId,
    pub name: String,
    pub email: Option<String>,
    pub lang: Lang,
    pub grants: Vec<Grant>,
}

impl Actor {
    pub fn has_role(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    pub fn is_admin(&self) -> bool {
        self.has_role(Role::Admin)
    }

    /// May create and change sessions of this programme.
    pub fn may_organise(&self, programme: ProgrammeId) -> bool {
        self.is_admin()
            || self.grants.iter().any(|g| {
                g.role == Role::Organiser && g.programme_id.is_none_or(|p| p == programme)
            })
    }

    /// May organise at least one programme (shows the organiser's pages).
    pub fn is_organiser(&self) -> bool {
        self.is_admin() || self.has_role(Role::Organiser)
    }

    pub fn roles(&self) -> Vec<Role> {
        let mut r: Vec<Role> = self.grants.iter().map(|g| g.role).collect();
        r.sort_by_key(|r| r.as_str());
        r.dedup();
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(grants: Vec<Grant>) -> Actor {
        Actor {
            person_id: PersonId(1),
            name: "Rina".into(),
            email: None,
            lang: Lang::Id,
            grants,
        }
    }

    fn grant(role: Role, programme: Option<i64>) -> Grant {
        Grant {
            role,
            programme_id: programme.map(ProgrammeId),
            region_id: None,
        }
    }

    #[test]
    fn organisers_are_scoped_to_their_programmes() {
        let scoped = actor(vec![grant(Role::Organiser, Some(7))]);
        assert!(scoped.may_organise(ProgrammeId(7)));
        assert!(!scoped.may_organise(ProgrammeId(8)));
        let everywhere = actor(vec![grant(Role::Organiser, None)]);
        assert!(everywhere.may_organise(ProgrammeId(8)));
        let admin = actor(vec![grant(Role::Admin, None)]);
        assert!(admin.may_organise(ProgrammeId(8)));
    }

    #[test]
    fn mentors_and_participants_organise_nothing() {
        for role in [Role::Mentor, Role::Coordinator, Role::Participant] {
            let a = actor(vec![grant(role, None)]);
            assert!(!a.may_organise(ProgrammeId(1)));
            assert!(!a.is_organiser());
        }
    }
}
