//! Follow-up of each participant's business after a session: the mentor records a visit or a
//! call, what was discussed, simple indicators (monthly revenue, packaging improved, selling
//! online), and the next action with its due date. The caseload lists the mentor's participants
//! with overdue next actions first.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::errors::{Field, FieldErrors, Problem, optional_text, required_text};
use super::ids::PersonId;
use super::session::{Choice, Track};
use super::zone::Zone;
use crate::i18n::Msg;

/// What a micro-business makes or does (the sectors mentors meet most).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sector {
    MakananMinuman,
    Kerajinan,
    Fesyen,
    Pertanian,
    Perdagangan,
    Jasa,
    Lainnya,
}

impl Sector {
    pub const ALL: [Sector; 7] = [
        Sector::MakananMinuman,
        Sector::Kerajinan,
        Sector::Fesyen,
        Sector::Pertanian,
        Sector::Perdagangan,
        Sector::Jasa,
        Sector::Lainnya,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Sector::MakananMinuman => "makanan_minuman",
            Sector::Kerajinan => "kerajinan",
            Sector::Fesyen => "fesyen",
            Sector::Pertanian => "pertanian",
            Sector::Perdagangan => "perdagangan",
            Sector::Jasa => "jasa",
            Sector::Lainnya => "lainnya",
        }
    }

    pub fn parse(raw: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|s| s.as_str() == raw.trim())
    }

    pub fn label(self) -> Msg {
        match self {
            Sector::MakananMinuman => Msg::SectorFood,
            Sector::Kerajinan => Msg::SectorCraft,
            Sector::Fesyen => Msg::SectorFashion,
            Sector::Pertanian => Msg::SectorFarming,
            Sector::Perdagangan => Msg::SectorTrade,
            Sector::Jasa => Msg::SectorServices,
            Sector::Lainnya => Msg::SectorOther,
        }
    }
}

/// A visit or a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContactKind {
    Visit,
    Call,
}

impl ContactKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ContactKind::Visit => "visit",
            ContactKind::Call => "call",
        }
    }

    pub fn parse(raw: &str) -> Option<ContactKind> {
        match raw.trim() {
            "visit" => Some(ContactKind::Visit),
            "call" => Some(ContactKind::Call),
            _ => None,
        }
    }

    pub fn label(self) -> Msg {
        match self {
            ContactKind::Visit => Msg::ContactVisit,
            ContactKind::Call => Msg::ContactCall,
        }
    }
}

pub const BUSINESS_NAME_MAX: u32 = 200;
pub const DISCUSSED_MAX: u32 = 2000;
pub const NEXT_ACTION_MAX: u32 = 500;
/// Rp 10 billion a month: anything above is a typo.
pub const REVENUE_MAX: i64 = 10_000_000_000;

/// The business form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BusinessForm {
    pub name: String,
    pub sector: String,
    pub stage: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewBusiness {
    pub name: String,
    pub sector: Sector,
    pub stage: Track,
}

impl BusinessForm {
    pub fn parse(&self) -> Result<NewBusiness, FieldErrors> {
        let mut e = FieldErrors::default();
        let name = e.take(Field::Name, required_text(&self.name, 2, BUSINESS_NAME_MAX));
        let sector = e.take(
            Field::Sector,
            match self.sector.trim() {
                "" => Err(Problem::Required),
                s => Sector::parse(s).ok_or(Problem::UnknownChoice),
            },
        );
        let stage = e.take(
            Field::Stage,
            match self.stage.trim() {
                "" => Err(Problem::Required),
                s => Track::parse(s).ok_or(Problem::UnknownChoice),
            },
        );
        match (name, sector, stage) {
            (Some(name), Some(sector), Some(stage)) if e.is_empty() => Ok(NewBusiness {
                name,
                sector,
                stage,
            }),
            _ => Err(e),
        }
    }
}

/// The follow-up form as typed: every field a string, so a bad value is kept and shown back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUpForm {
    /// visit | call
    pub kind: String,
    /// The day of the contact (YYYY-MM-DD), today by default.
    pub contacted_on: String,
    /// Optional: the session it follows.
    pub session_id: String,
    pub discussed: String,
    /// Rupiah per month; "1.500.000", "1500000" and "Rp 1,5 juta"-free digits only.
    pub monthly_revenue: String,
    /// "yes" | "no" | "" (not asked)
    pub packaging_improved: String,
    pub selling_online: String,
    pub next_action: String,
    pub next_action_due: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFollowUp {
    pub kind: ContactKind,
    pub contacted_on: NaiveDate,
    pub session_id: Option<i64>,
    pub discussed: String,
    pub monthly_revenue: Option<i64>,
    pub packaging_improved: Option<bool>,
    pub selling_online: Option<bool>,
    pub next_action: Option<String>,
    pub next_action_due: Option<NaiveDate>,
}

fn date(raw: &str) -> Result<NaiveDate, Problem> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(raw.trim(), "%d/%m/%Y"))
        .map_err(|_| Problem::InvalidDate)
}

/// Rupiah as Indonesians type it: "1.500.000", "1500000", "Rp 750.000".
pub fn parse_rupiah(raw: &str) -> Result<Option<i64>, Problem> {
    let t = raw.trim();
    let t = t
        .strip_prefix("Rp")
        .or_else(|| t.strip_prefix("rp"))
        .unwrap_or(t)
        .trim();
    if t.is_empty() {
        return Ok(None);
    }
    let digits: String = t.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(Problem::NotANumber);
    }
    match digits.parse::<i64>() {
        Ok(n) if n <= REVENUE_MAX => Ok(Some(n)),
        _ => Err(Problem::TooLarge),
    }
}

/// "1.500.000" — thousands with dots, as on Indonesian receipts.
pub fn format_rupiah(n: i64) -> String {
    let s = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    format!("Rp {}{out}", if n < 0 { "-" } else { "" })
}

fn yes_no(raw: &str) -> Result<Option<bool>, Problem> {
    match raw.trim() {
        "" => Ok(None),
        "yes" => Ok(Some(true)),
        "no" => Ok(Some(false)),
        _ => Err(Problem::UnknownChoice),
    }
}

impl FollowUpForm {
    /// Parses the form; `today` (in the mentor's zone) bounds the contact date (not in the
    /// future) and the due date (not before the contact).
    pub fn parse(&self, today: NaiveDate) -> Result<NewFollowUp, FieldErrors> {
        let mut e = FieldErrors::default();
        let kind = e.take(
            Field::ContactKind,
            match self.kind.trim() {
                "" => Err(Problem::Required),
                k => ContactKind::parse(k).ok_or(Problem::UnknownChoice),
            },
        );
        let contacted_on = if self.contacted_on.trim().is_empty() {
            Some(today)
        } else {
            e.take(Field::ContactedOn, date(&self.contacted_on))
        };
        if let Some(d) = contacted_on
            && d > today
        {
            e.push(Field::ContactedOn, Problem::InTheFuture);
        }
        let session_id = match self.session_id.trim() {
            "" => Some(None),
            s => e.take(
                Field::Session,
                s.parse::<i64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .map(Some)
                    .ok_or(Problem::UnknownChoice),
            ),
        };
        let discussed = e.take(
            Field::Discussed,
            required_text(&self.discussed, 3, DISCUSSED_MAX),
        );
        let revenue = e.take(Field::MonthlyRevenue, parse_rupiah(&self.monthly_revenue));
        let packaging = e.take(Field::PackagingImproved, yes_no(&self.packaging_improved));
        let online = e.take(Field::SellingOnline, yes_no(&self.selling_online));
        let next_action = e.take(
            Field::NextAction,
            optional_text(&self.next_action, NEXT_ACTION_MAX),
        );
        let due = match self.next_action_due.trim() {
            "" => Some(None),
            d => e.take(Field::NextActionDue, date(d).map(Some)),
        };
        match (&next_action, &due) {
            (Some(Some(_)), Some(None)) => e.push(Field::NextActionDue, Problem::Required),
            (Some(None), Some(Some(_))) => e.push(Field::NextAction, Problem::Required),
            _ => {}
        }
        if let (Some(Some(d)), Some(c)) = (due, contacted_on)
            && d < c
        {
            e.push(Field::NextActionDue, Problem::BeforeContact);
        }
        match (
            kind,
            contacted_on,
            session_id,
            discussed,
            revenue,
            packaging,
            online,
            next_action,
            due,
        ) {
            (
                Some(kind),
                Some(contacted_on),
                Some(session_id),
                Some(discussed),
                Some(monthly_revenue),
                Some(packaging_improved),
                Some(selling_online),
                Some(next_action),
                Some(next_action_due),
            ) if e.is_empty() => Ok(NewFollowUp {
                kind,
                contacted_on,
                session_id,
                discussed,
                monthly_revenue,
                packaging_improved,
                selling_online,
                next_action,
                next_action_due,
            }),
            _ => Err(e),
        }
    }
}

/// A business as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessView {
    pub id: i64,
    pub name: String,
    pub sector: Sector,
    pub stage: Track,
}

/// One recorded follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpEntry {
    pub id: i64,
    pub kind: ContactKind,
    pub contacted_at: DateTime<Utc>,
    pub mentor: String,
    pub session: Option<String>,
    pub discussed: String,
    pub monthly_revenue: Option<i64>,
    pub packaging_improved: Option<bool>,
    pub selling_online: Option<bool>,
    pub next_action: Option<String>,
    pub next_action_due: Option<NaiveDate>,
    pub next_action_done_at: Option<DateTime<Utc>>,
}

/// The open next action: the latest follow-up's, unless it is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextAction {
    pub follow_up_id: i64,
    pub text: String,
    pub due: NaiveDate,
}

impl NextAction {
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.due < today
    }
}

/// One participant on a mentor's caseload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseloadRow {
    pub person_id: PersonId,
    pub name: String,
    pub region: String,
    pub business: Option<BusinessView>,
    pub last_contact: Option<DateTime<Utc>>,
    pub next_action: Option<NextAction>,
}

/// Overdue next actions first (the oldest due first), then never contacted, then the longest
/// since the last contact.
pub fn caseload_order(rows: &mut [CaseloadRow], today: NaiveDate) {
    rows.sort_by_key(|r| {
        let overdue = r
            .next_action
            .as_ref()
            .filter(|a| a.overdue(today))
            .map(|a| a.due);
        (
            overdue.is_none(),
            overdue,
            r.last_contact.is_some(),
            r.last_contact,
            r.name.to_lowercase(),
        )
    });
}

/// The follow-up page of one participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpPage {
    pub person_id: PersonId,
    pub name: String,
    pub region: String,
    /// For calls (E.164, `+62…`): shown to the mentors in charge only.
    pub phone: Option<String>,
    pub business: Option<BusinessView>,
    pub next_action: Option<NextAction>,
    pub history: Vec<FollowUpEntry>,
    /// The mentor's sessions this person attended or registered for, to link a follow-up to.
    pub sessions: Vec<Choice>,
    /// The latest of those that has started: the form links a new follow-up to it by default,
    /// so it counts for that session's programme on the dashboard.
    pub recent_session: Option<i64>,
    /// Today in the mentor's zone (the form's default date).
    pub today: NaiveDate,
    /// The mentor's zone, for the dates of contacts.
    pub zone: Zone,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn valid() -> FollowUpForm {
        FollowUpForm {
            kind: "visit".into(),
            contacted_on: "2026-12-01".into(),
            discussed: "Label kemasan dan harga jual".into(),
            monthly_revenue: "Rp 1.500.000".into(),
            packaging_improved: "yes".into(),
            next_action: "Foto produk untuk katalog WhatsApp".into(),
            next_action_due: "8/12/2026".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_follow_up_parses_with_indonesian_numbers_and_dates() {
        let f = valid().parse(d("2026-12-01")).unwrap();
        assert_eq!(f.kind, ContactKind::Visit);
        assert_eq!(f.monthly_revenue, Some(1_500_000));
        assert_eq!(f.packaging_improved, Some(true));
        assert_eq!(f.selling_online, None);
        assert_eq!(f.next_action_due, Some(d("2026-12-08")));
    }

    #[test]
    fn every_bad_field_is_named_at_once() {
        let f = FollowUpForm {
            kind: "fax".into(),
            contacted_on: "2026-12-05".into(),
            discussed: "".into(),
            monthly_revenue: "banyak".into(),
            selling_online: "mungkin".into(),
            next_action: "Kunjungi lagi".into(),
            next_action_due: "".into(),
            ..Default::default()
        };
        let e = f.parse(d("2026-12-01")).unwrap_err();
        let got: Vec<(Field, Problem)> = e.0.into_iter().map(|x| (x.field, x.problem)).collect();
        assert_eq!(
            got,
            vec![
                (Field::ContactKind, Problem::UnknownChoice),
                (Field::ContactedOn, Problem::InTheFuture),
                (Field::Discussed, Problem::Required),
                (Field::MonthlyRevenue, Problem::NotANumber),
                (Field::SellingOnline, Problem::UnknownChoice),
                (Field::NextActionDue, Problem::Required),
            ]
        );
        let before = FollowUpForm {
            next_action_due: "2026-11-30".into(),
            ..valid()
        };
        assert_eq!(
            before
                .parse(d("2026-12-01"))
                .unwrap_err()
                .get(Field::NextActionDue),
            Some(&Problem::BeforeContact)
        );
    }

    #[test]
    fn rupiah_both_ways() {
        assert_eq!(parse_rupiah("1.500.000"), Ok(Some(1_500_000)));
        assert_eq!(parse_rupiah("rp 750000"), Ok(Some(750_000)));
        assert_eq!(parse_rupiah(""), Ok(None));
        assert_eq!(parse_rupiah("-5"), Err(Problem::NotANumber));
        assert_eq!(parse_rupiah("99999999999999"), Err(Problem::TooLarge));
        assert_eq!(format_rupiah(1_500_000), "Rp 1.500.000");
        assert_eq!(format_rupiah(750), "Rp 750");
    }

    #[test]
    fn overdue_first_then_never_contacted_then_longest_ago() {
        let today = d("2026-12-10");
        let t =
            |day: u32| chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 12, day, 2, 0, 0).unwrap();
        let row = |name: &str, last: Option<DateTime<Utc>>, due: Option<&str>| CaseloadRow {
            person_id: PersonId(1),
            name: name.into(),
            region: String::new(),
            business: None,
            last_contact: last,
            next_action: due.map(|x| NextAction {
                follow_up_id: 1,
                text: "x".into(),
                due: d(x),
            }),
        };
        let mut rows = vec![
            row("Recent", Some(t(9)), Some("2026-12-20")),
            row("Never", None, None),
            row("Overdue late", Some(t(2)), Some("2026-12-08")),
            row("Old", Some(t(1)), None),
            row("Overdue early", Some(t(3)), Some("2026-12-04")),
        ];
        caseload_order(&mut rows, today);
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            ["Overdue early", "Overdue late", "Never", "Old", "Recent"]
        );
    }
}
