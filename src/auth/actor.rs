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

    fn organiser_grants(&self) -> impl Iterator<Item = &Grant> {
        self.grants.iter().filter(|g| g.role == Role::Organiser)
    }

    /// May create and change sessions of this programme in this region: one grant must cover both
    /// (a grant's scope is exact; region hierarchy is not applied yet).
    pub fn may_organise(&self, programme: ProgrammeId, region: RegionId) -> bool {
        self.is_admin()
            || self.organiser_grants().any(|g| {
                g.programme_id.is_none_or(|p| p == programme)
                    && g.region_id.is_none_or(|r| r == region)
            })
    }

    /// May organise this programme somewhere (offers it in the form).
    pub fn may_organise_programme(&self, programme: ProgrammeId) -> bool {
        self.is_admin()
            || self
                .organiser_grants()
                .any(|g| g.programme_id.is_none_or(|p| p == programme))
    }

    /// May organise some programme in this region (offers it in the form).
    pub fn may_organise_in(&self, region: RegionId) -> bool {
        self.is_admin()
            || self
                .organiser_grants()
                .any(|g| g.region_id.is_none_or(|r| r == region))
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
    fn organisers_are_scoped_to_their_programmes_and_regions() {
        let (p7, p8, r1, r2) = (ProgrammeId(7), ProgrammeId(8), RegionId(1), RegionId(2));
        let scoped = actor(vec![grant(Role::Organiser, Some(7))]);
        assert!(scoped.may_organise(p7, r1));
        assert!(!scoped.may_organise(p8, r1));
        let everywhere = actor(vec![grant(Role::Organiser, None)]);
        assert!(everywhere.may_organise(p8, r2));
        let admin = actor(vec![grant(Role::Admin, None)]);
        assert!(admin.may_organise(p8, r2));

        // Programme 7 in region 1 only, and programme 8 in region 2 only: no mixing.
        let mut a = grant(Role::Organiser, Some(7));
        a.region_id = Some(r1);
        let mut b = grant(Role::Organiser, Some(8));
        b.region_id = Some(r2);
        let two = actor(vec![a, b]);
        assert!(two.may_organise(p7, r1) && two.may_organise(p8, r2));
        assert!(!two.may_organise(p7, r2) && !two.may_organise(p8, r1));
        assert!(two.may_organise_programme(p8) && two.may_organise_in(r2));
        assert!(!two.may_organise_in(RegionId(3)));
    }

    #[test]
    fn mentors_and_participants_organise_nothing() {
        for role in [Role::Mentor, Role::Coordinator, Role::Participant] {
            let a = actor(vec![grant(role, None)]);
            assert!(!a.may_organise(ProgrammeId(1), RegionId(1)));
            assert!(!a.may_organise_programme(ProgrammeId(1)));
            assert!(!a.is_organiser());
        }
    }
}
