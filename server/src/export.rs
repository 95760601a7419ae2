//! Roster exports: CSV (UTF-8 with a byte-order mark, so Excel reads the names right; `;` between
//! cells for Indonesian, as Excel expects where the comma is the decimal mark) and XLSX.

use bimtek::domain::{Roster, RosterRow};
use bimtek::i18n::{Lang, Msg};
use chrono::{DateTime, Utc};

fn headers(lang: Lang) -> Vec<&'static str> {
    [
        Msg::ColName,
        Msg::ColStatus,
        Msg::ColSeat,
        Msg::ColQueue,
        Msg::ColRoles,
        Msg::ColRegion,
        Msg::ColRegistered,
        Msg::ColJoined,
        Msg::ColCheckedIn,
    ]
    .into_iter()
    .map(|m| lang.t(m))
    .collect()
}

fn when(r: &Roster, t: Option<DateTime<Utc>>) -> String {
    t.map(|t| {
        format!(
            "{} {}",
            r.session.zone.local(t).format("%Y-%m-%d %H:%M"),
            r.session.zone.label()
        )
    })
    .unwrap_or_default()
}

fn cells(r: &Roster, row: &RosterRow, lang: Lang) -> Vec<String> {
    vec![
        row.name.clone(),
        app::pages::registration::status_label(lang, row.status).to_string(),
        if row.status == bimtek::domain::RegStatus::Invited {
            String::new()
        } else {
            app::pages::registration::seat_label(lang, row.seat).to_string()
        },
        row.waitlist_rank.map(|n| n.to_string()).unwrap_or_default(),
        row.roles.clone(),
        row.region.clone(),
        when(r, Some(row.registered_at)),
        when(r, row.joined_online_at),
        when(r, row.checked_in_at),
    ]
}

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) gets a leading `'`.
fn defuse(s: String) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s
    }
}

pub fn roster_csv(r: &Roster, lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(if lang == Lang::Id { b';' } else { b',' })
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(headers(lang))?;
        for row in &r.rows {
            w.write_record(cells(r, row, lang).into_iter().map(defuse))?;
        }
        w.flush()?;
    }
    Ok(out)
}

pub fn roster_xlsx(r: &Roster, lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name(lang.t(Msg::RosterTitle))?;
    let bold = Format::new().set_bold();
    for (c, h) in headers(lang).into_iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (i, row) in r.rows.iter().enumerate() {
        for (c, v) in cells(r, row, lang).into_iter().enumerate() {
            // Text cells: never evaluated as formulas.
            if c == 3
                && let Ok(n) = v.parse::<f64>()
            {
                sheet.write_number(i as u32 + 1, c as u16, n)?;
                continue;
            }
            sheet.write_string(i as u32 + 1, c as u16, v)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();
    wb.save_to_buffer()
}

/// A table to export: headers and rows of text (numbers stay text in CSV; in XLSX, the
/// columns in `numeric` are written as numbers).
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub numeric: Vec<usize>,
}

/// One sheet as CSV, with the same conventions as the roster (BOM, `;` for Indonesian).
pub fn sheet_csv(sheet: &Sheet, lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(if lang == Lang::Id { b';' } else { b',' })
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(&sheet.headers)?;
        for row in &sheet.rows {
            // Decimal comma for Indonesian, as the `;` separator implies.
            w.write_record(row.iter().enumerate().map(|(c, v)| {
                if lang == Lang::Id && sheet.numeric.contains(&c) {
                    v.replace('.', ",")
                } else {
                    defuse(v.clone())
                }
            }))?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// Sheets as one workbook.
pub fn sheets_xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    for s in sheets {
        let ws = wb.add_worksheet();
        // Sheet names: at most 31 characters, none of []:*?/\
        let name: String = s
            .name
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        ws.set_name(name)?;
        for (c, h) in s.headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)?;
        }
        for (i, row) in s.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if s.numeric.contains(&c)
                    && let Ok(n) = v.parse::<f64>()
                {
                    ws.write_number(i as u32 + 1, c as u16, n)?;
                } else {
                    // Text cells: never evaluated as formulas.
                    ws.write_string(i as u32 + 1, c as u16, v)?;
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
        ws.autofit();
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=HYPERLINK(\"x\")".into()), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("-1".into()), "'-1");
        assert_eq!(defuse("Siti".into()), "Siti");
    }
}
