//! Bulk invitation: a CSV of participants (name, email or phone, role, region), checked row by
//! row so the organiser sees every bad row before anything is written.

use serde::{Deserialize, Serialize};

use super::errors::{Field, Problem, required_text};
use super::people::{Email, Phone, Role};

/// At most this many rows per upload; a bigger list goes in several files.
pub const MAX_ROWS: usize = 5000;
pub const NAME_MAX: u32 = 150;

/// One valid row. The region is still a name: the service looks it up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteRow {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub role: Role,
    pub region: Option<String>,
}

/// A problem in one cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellError {
    pub field: Field,
    pub problem: Problem,
}

/// One data line of the file: its line number (1 = the header) and the row or its problems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedLine {
    pub line: u64,
    /// The cells as typed, for the preview.
    pub raw: Vec<String>,
    pub row: Result<InviteRow, Vec<CellError>>,
}

/// What is wrong with the file as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileProblem {
    Empty,
    /// No `nama`/`name` column, or neither an email nor a phone column.
    MissingColumns,
    TooManyRows {
        max: usize,
    },
    /// Not readable as CSV (e.g. an unclosed quote), at this line.
    Unreadable {
        line: u64,
    },
}

/// The preview an organiser confirms: each line with what confirming it would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitePreview {
    pub lines: Vec<PreviewLine>,
    pub new_people: u64,
    pub to_invite: u64,
    pub already: u64,
    pub errors: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewLine {
    pub line: u64,
    pub name: String,
    pub contact: String,
    pub role: Option<Role>,
    pub region: String,
    pub outcome: LineOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineOutcome {
    /// A new person will be created and invited.
    NewPerson,
    /// The person exists and will be invited.
    Invite,
    /// Invited or registered already: nothing happens.
    Already,
    /// The same person appears on an earlier line of this file.
    Duplicate {
        first_line: u64,
    },
    Errors(Vec<CellError>),
}

/// What confirming did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteResult {
    pub created: u64,
    pub invited: u64,
    pub already: u64,
    pub skipped: u64,
}

#[cfg(feature = "server")]
fn column_of(header: &str) -> Option<Field> {
    let h: String = header
        .trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    Some(match h.as_str() {
        "nama" | "name" | "namalengkap" | "fullname" => Field::FullName,
        "email" | "surel" | "emailaddress" | "alamatemail" => Field::Email,
        "telepon" | "hp" | "nohp" | "nomorhp" | "phone" | "telp" | "notelp" | "whatsapp" | "wa"
        | "mobile" => Field::Phone,
        "peran" | "role" | "jenis" => Field::Role,
        "wilayah" | "region" | "kabupatenkota" | "kabkota" | "kabupaten" | "kota" => Field::Region,
        _ => return None,
    })
}

/// Roles a CSV may name: the people who attend a bimtek. Organisers and admins are made by admins.
pub fn parse_role(raw: &str) -> Result<Role, Problem> {
    let r = raw.trim().to_lowercase();
    let r = r.as_str();
    if r.is_empty() || ["peserta", "participant", "kpm"].contains(&r) || r.starts_with("kpm ") {
        Ok(Role::Participant)
    } else if r.starts_with("koordinator") || r.starts_with("coordinator") || r == "tksk" {
        Ok(Role::Coordinator)
    } else if ["pendamping", "mentor", "pendamping pkh"].contains(&r) {
        Ok(Role::Mentor)
    } else {
        Err(Problem::UnknownChoice)
    }
}

/// Excel in an Indonesian locale writes `;` between cells (the comma is the decimal mark).
#[cfg(feature = "server")]
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// Reads the file: a header row naming the columns (Indonesian or English, any order), then one
/// person per line. Blank lines are skipped.
#[cfg(feature = "server")]
pub fn parse(text: &str) -> Result<Vec<ParsedLine>, FileProblem> {
    // Browsers send a textarea with CRLF; line numbers are counted on LF alone.
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let text = text.as_str();
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|_| FileProblem::Unreadable { line: 1 })?
        .clone();
    let cols: Vec<Option<Field>> = headers.iter().map(column_of).collect();
    let has = |f: Field| cols.contains(&Some(f));
    if !has(Field::FullName) || !(has(Field::Email) || has(Field::Phone)) {
        return Err(FileProblem::MissingColumns);
    }
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| FileProblem::Unreadable {
            line: e.position().map(|p| p.line()).unwrap_or(0),
        })?;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if out.len() >= MAX_ROWS {
            return Err(FileProblem::TooManyRows { max: MAX_ROWS });
        }
        // csv's own line count skips blank lines, and a record's position starts before the
        // blank lines in front of it: count the newlines up to its first byte instead.
        let line = rec
            .position()
            .map(|p| {
                let bytes = text.as_bytes();
                let mut at = (p.byte() as usize).min(bytes.len());
                while at < bytes.len() && (bytes[at] == b'\n' || bytes[at] == b'\r') {
                    at += 1;
                }
                1 + bytes[..at].iter().filter(|b| **b == b'\n').count() as u64
            })
            .unwrap_or(0);
        let cell = |f: Field| -> &str {
            cols.iter()
                .position(|c| *c == Some(f))
                .and_then(|i| rec.get(i))
                .unwrap_or("")
        };
        out.push(ParsedLine {
            line,
            raw: rec.iter().map(|c| c.to_string()).collect(),
            row: parse_row(
                cell(Field::FullName),
                cell(Field::Email),
                cell(Field::Phone),
                cell(Field::Role),
                cell(Field::Region),
            ),
        });
    }
    if out.is_empty() {
        return Err(FileProblem::Empty);
    }
    Ok(out)
}

/// Checks one row's cells; every problem is reported.
pub fn parse_row(
    name: &str,
    email: &str,
    phone: &str,
    role: &str,
    region: &str,
) -> Result<InviteRow, Vec<CellError>> {
    let mut errs = Vec::new();
    let mut take = |field: Field, problem: Problem| errs.push(CellError { field, problem });
    let name = required_text(name, 2, NAME_MAX)
        .map_err(|p| take(Field::FullName, p))
        .ok();
    let email = match email.trim() {
        "" => None,
        e => Email::parse(e)
            .map(|e| e.as_str().to_string())
            .map_err(|p| take(Field::Email, p))
            .ok(),
    };
    let phone = match phone.trim() {
        "" => None,
        p => Phone::parse(p)
            .map(|p| p.as_str().to_string())
            .map_err(|p| take(Field::Phone, p))
            .ok(),
    };
    let role = parse_role(role).map_err(|p| take(Field::Role, p)).ok();
    if email.is_none() && phone.is_none() && errs.is_empty() {
        errs.push(CellError {
            field: Field::Email,
            problem: Problem::Required,
        });
    }
    let region = Some(region.trim())
        .filter(|r| !r.is_empty())
        .map(String::from);
    match (name, role) {
        (Some(name), Some(role)) if errs.is_empty() => Ok(InviteRow {
            name,
            email,
            phone,
            role,
            region,
        }),
        _ => Err(errs),
    }
}

#[cfg(all(test, feature = "server"))]
mod tests {
    use super::*;

    #[test]
    fn reads_indonesian_excel_with_semicolons_and_bom() {
        let f = "\u{feff}Nama;No HP;Peran;Wilayah\nSiti Aminah;0812-3456-7890;KPM;Kota Makassar\n;;;\nBudi;08123;peserta;\n";
        let lines = parse(f).unwrap();
        assert_eq!(lines.len(), 2);
        let first = lines[0].row.as_ref().unwrap();
        assert_eq!(first.name, "Siti Aminah");
        assert_eq!(first.phone.as_deref(), Some("+6281234567890"));
        assert_eq!(first.role, Role::Participant);
        assert_eq!(first.region.as_deref(), Some("Kota Makassar"));
        assert_eq!(lines[1].line, 4);
        let errs = lines[1].row.as_ref().unwrap_err();
        assert_eq!(errs[0].field, Field::Phone);
    }

    #[test]
    fn line_numbers_count_the_header_with_crlf_too() {
        let lines = parse("nama,email\r\nA B,a@b.id\r\n\r\nC D,c@d.id\r\n").unwrap();
        assert_eq!(lines.iter().map(|l| l.line).collect::<Vec<_>>(), vec![2, 4]);
    }

    #[test]
    fn english_headers_any_order_and_quotes() {
        let f = "email,role,name\n\"a@contoh.id\",coordinator,\"Rahmat, S.Pd\"\nbad,admin,X\n";
        let lines = parse(f).unwrap();
        let r = lines[0].row.as_ref().unwrap();
        assert_eq!(r.name, "Rahmat, S.Pd");
        assert_eq!(r.role, Role::Coordinator);
        let errs = lines[1].row.as_ref().unwrap_err();
        let fields: Vec<Field> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![Field::FullName, Field::Email, Field::Role]);
    }

    #[test]
    fn a_row_needs_a_way_to_reach_the_person() {
        let errs = parse_row("Sri", "", "", "", "").unwrap_err();
        assert_eq!(
            errs,
            vec![CellError {
                field: Field::Email,
                problem: Problem::Required
            }]
        );
    }

    #[test]
    fn file_problems() {
        assert_eq!(parse(""), Err(FileProblem::Empty));
        assert_eq!(parse("nama\nSri\n"), Err(FileProblem::MissingColumns));
        assert_eq!(parse("nama,email\n"), Err(FileProblem::Empty));
        let big = format!("nama,email\n{}", "A B,a@b.id\n".repeat(MAX_ROWS + 1));
        assert_eq!(parse(&big), Err(FileProblem::TooManyRows { max: MAX_ROWS }));
    }
}
