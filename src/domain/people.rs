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

/// An Indonesian mobile number, stored as `+62…`. Accepts `0812…`, `62812…`, `+62 812-…` with
/// spaces, dots and dashes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Phone, Problem> {
        let t = raw.trim();
        if t.is_empty() {
            return Err(Problem::Required);
        }
        if t.len() > 32 {
            return Err(Problem::InvalidPhone);
        }
        let mut digits = String::new();
        for (i, c) in t.chars().enumerate() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if i == 0 => {}
                ' ' | '-' | '.' | '(' | ')' => {}
                _ => return Err(Problem::InvalidPhone),
            }
        }
        let national = if let Some(rest) = digits.strip_prefix("62") {
            rest
        } else if let Some(rest) = digits.strip_prefix('0') {
            rest
        } else {
            return Err(Problem::InvalidPhone);
        };
        // Mobile numbers: 8xx, 9 to 12 digits after the country code.
        if national.starts_with('8') && (9..=12).contains(&national.len()) {
            Ok(Phone(format!("+62{national}")))
        } else {
            Err(Problem::InvalidPhone)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `+62 812-3456-7890` as people write it: `0812 3456 7890`.
    pub fn display(stored: &str) -> String {
        let national = stored.strip_prefix("+62").unwrap_or(stored);
        let d = format!("0{national}");
        let (a, rest) = d.split_at(4.min(d.len()));
        let (b, c) = rest.split_at(4.min(rest.len()));
        [a, b, c]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Only the last three digits, for lists seen by people who need to tell records apart but not
    /// call anyone: `0812 **** *890`.
    pub fn masked(stored: &str) -> String {
        let shown = Phone::display(stored);
        let n = shown.chars().filter(|c| c.is_ascii_digit()).count();
        let mut seen = 0;
        shown
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    seen += 1;
                    if seen > 4 && seen + 3 <= n { '*' } else { c }
                } else {
                    c
                }
            })
            .collect()
    }
}

/// Nomor Induk Kependudukan: 16 digits (spaces allowed when typed).
pub fn parse_nik(raw: &str) -> Result<Option<String>, Problem> {
    let t: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return Ok(None);
    }
    if t.len() == 16 && t.bytes().all(|b| b.is_ascii_digit()) {
        Ok(Some(t))
    } else {
        Err(Problem::InvalidNik)
    }
}

/// A NIK as others may see it: the last four digits only.
pub fn mask_nik(nik: &str) -> String {
    let tail: String = nik
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("************{tail}")
}

/// Personal codes: what a participant without email types (or scans) to log in and check in.
/// 10 symbols from 32 that cannot be confused (no 0/O, 1/I), so 50 random bits, shown as
/// `ABCDE-FGHJK`.
pub mod code {
    use super::Problem;

    pub const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    pub const LEN: usize = 10;

    /// Upper-cases and drops separators; anything else not in the alphabet is an error.
    pub fn normalise(raw: &str) -> Result<String, Problem> {
        let mut out = String::with_capacity(LEN);
        for c in raw.trim().chars() {
            if matches!(c, '-' | ' ' | '.') {
                continue;
            }
            let u = c.to_ascii_uppercase();
            if !u.is_ascii() || !ALPHABET.contains(&(u as u8)) || out.len() >= LEN {
                return Err(if out.is_empty() && c.is_whitespace() {
                    Problem::Required
                } else {
                    Problem::WrongCode
                });
            }
            out.push(u);
        }
        match out.len() {
            0 => Err(Problem::Required),
            LEN => Ok(out),
            _ => Err(Problem::WrongCode),
        }
    }

    /// `ABCDEFGHJK` → `ABCDE-FGHJK`.
    pub fn display(code: &str) -> String {
        if code.len() == LEN {
            format!("{}-{}", &code[..5], &code[5..])
        } else {
            code.to_string()
        }
    }
}

/// The coordinator's "register a participant" form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ParticipantForm {
    pub full_name: String,
    pub phone: String,
    pub nik: String,
    pub region_id: String,
}

/// A checked participant registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewParticipant {
    pub full_name: String,
    pub phone: Phone,
    pub nik: Option<String>,
    pub region_id: i64,
}

pub const NAME_MAX: u32 = 200;

impl ParticipantForm {
    /// Every field is checked and every problem reported at once; the region must be one of
    /// `allowed_regions` (those the coordinator works in).
    pub fn parse(&self, allowed_regions: &[i64]) -> Result<NewParticipant, FieldErrors> {
        let mut e = FieldErrors::default();
        let full_name = e.take(
            Field::FullName,
            super::errors::required_text(&self.full_name, 2, NAME_MAX),
        );
        let phone = e.take(Field::Phone, Phone::parse(&self.phone));
        let nik = e.take(Field::Nik, parse_nik(&self.nik));
        let region = match self.region_id.trim() {
            "" => Err(Problem::Required),
            r => r
                .parse::<i64>()
                .ok()
                .filter(|id| allowed_regions.contains(id))
                .ok_or(Problem::UnknownChoice),
        };
        let region_id = e.take(Field::Region, region);
        match (full_name, phone, nik, region_id) {
            (Some(full_name), Some(phone), Some(nik), Some(region_id)) if e.is_empty() => {
                Ok(NewParticipant {
                    full_name,
                    phone,
                    nik,
                    region_id,
                })
            }
            _ => Err(e),
        }
    }
}

/// The page each role starts on after logging in. Someone with several roles starts on the page of
/// the role that does the most.
pub fn home_path(roles: &[Role]) -> &'static str {
    for (role, path) in [
        (Role::Admin, "/admin/orang"),
        (Role::Organiser, "/sesi"),
        (Role::Coordinator, "/koordinator"),
        (Role::Mentor, "/pendamping"),
        (Role::Participant, "/saya"),
    ] {
        if roles.contains(&role) {
            return path;
        }
    }
    "/sesi"
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
    fn phones_are_normalised_to_plus_62() {
        for ok in [
            "0812 3456 7890",
            "0812-3456-7890",
            "+62 812 3456 7890",
            "6281234567890",
            "(0812) 3456.7890",
        ] {
            assert_eq!(Phone::parse(ok).unwrap().as_str(), "+6281234567890", "{ok}");
        }
        assert_eq!(Phone::parse(" "), Err(Problem::Required));
        for bad in [
            "021 555 1234",
            "0812",
            "08123456789012345",
            "+1 415 555 0100",
            "0812-3456-789x",
            "08+12345678",
        ] {
            assert_eq!(Phone::parse(bad), Err(Problem::InvalidPhone), "{bad}");
        }
        assert_eq!(Phone::display("+6281234567890"), "0812 3456 7890");
        assert_eq!(Phone::masked("+6281234567890"), "0812 **** *890");
    }

    #[test]
    fn nik_is_sixteen_digits_or_nothing() {
        assert_eq!(parse_nik(""), Ok(None));
        assert_eq!(
            parse_nik("3171 0123 4567 0001"),
            Ok(Some("3171012345670001".into()))
        );
        for bad in ["317101234567000", "31710123456700012", "3171O12345670001"] {
            assert_eq!(parse_nik(bad), Err(Problem::InvalidNik), "{bad}");
        }
        assert_eq!(mask_nik("3171012345670001"), "************0001");
    }

    #[test]
    fn personal_codes_forgive_case_and_separators() {
        assert_eq!(code::normalise("abcde-fghjk"), Ok("ABCDEFGHJK".into()));
        assert_eq!(code::normalise(" ABCDE FGHJK "), Ok("ABCDEFGHJK".into()));
        assert_eq!(code::normalise(""), Err(Problem::Required));
        // 0, O, 1 and I are not in the alphabet; too short or long is wrong too.
        for bad in [
            "ABCDE-FGHJ0",
            "ABCDE-FGHJI",
            "ABCDE",
            "ABCDE-FGHJK-L",
            "ÄBCDE-FGHJK",
        ] {
            assert_eq!(code::normalise(bad), Err(Problem::WrongCode), "{bad}");
        }
        assert_eq!(code::display("ABCDEFGHJK"), "ABCDE-FGHJK");
    }

    #[test]
    fn participant_form_reports_every_field() {
        let f = ParticipantForm {
            full_name: " ".into(),
            phone: "12".into(),
            nik: "123".into(),
            region_id: "9".into(),
        };
        let e = f.parse(&[1, 2]).unwrap_err();
        assert_eq!(e.get(Field::FullName), Some(&Problem::Required));
        assert_eq!(e.get(Field::Phone), Some(&Problem::InvalidPhone));
        assert_eq!(e.get(Field::Nik), Some(&Problem::InvalidNik));
        assert_eq!(e.get(Field::Region), Some(&Problem::UnknownChoice));
        let ok = ParticipantForm {
            full_name: " Siti Aminah ".into(),
            phone: "0812 3456 7890".into(),
            nik: "".into(),
            region_id: "2".into(),
        }
        .parse(&[1, 2])
        .unwrap();
        assert_eq!(ok.full_name, "Siti Aminah");
        assert_eq!(ok.region_id, 2);
        assert_eq!(ok.nik, None);
    }

    #[test]
    fn each_role_has_a_home() {
        assert_eq!(home_path(&[Role::Participant]), "/saya");
        assert_eq!(home_path(&[Role::Mentor]), "/pendamping");
        assert_eq!(home_path(&[Role::Coordinator]), "/koordinator");
        assert_eq!(home_path(&[Role::Organiser]), "/sesi");
        assert_eq!(home_path(&[Role::Participant, Role::Admin]), "/admin/orang");
        assert_eq!(home_path(&[]), "/sesi");
    }

    #[test]
    fn roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
