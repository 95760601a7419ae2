//! Indonesia's three time zones, always shown with their label, and the Indonesian date style
//! (`Senin, 1 Desember 2026, 09.00 WITA`).

use chrono::{DateTime, Datelike, NaiveDateTime, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Zone {
    /// Waktu Indonesia Barat, UTC+7.
    Wib,
    /// Waktu Indonesia Tengah, UTC+8.
    Wita,
    /// Waktu Indonesia Timur, UTC+9.
    Wit,
}

impl Zone {
    pub const ALL: [Zone; 3] = [Zone::Wib, Zone::Wita, Zone::Wit];

    pub fn label(self) -> &'static str {
        match self {
            Zone::Wib => "WIB",
            Zone::Wita => "WITA",
            Zone::Wit => "WIT",
        }
    }

    /// The canonical IANA name stored for a session in this zone.
    pub fn iana(self) -> &'static str {
        match self {
            Zone::Wib => "Asia/Jakarta",
            Zone::Wita => "Asia/Makassar",
            Zone::Wit => "Asia/Jayapura",
        }
    }

    pub fn tz(self) -> Tz {
        match self {
            Zone::Wib => chrono_tz::Asia::Jakarta,
            Zone::Wita => chrono_tz::Asia::Makassar,
            Zone::Wit => chrono_tz::Asia::Jayapura,
        }
    }

    /// Any Indonesian IANA zone (Pontianak is WIB too); other zones are not ours.
    pub fn from_iana(name: &str) -> Option<Zone> {
        match name {
            "Asia/Jakarta" | "Asia/Pontianak" => Some(Zone::Wib),
            "Asia/Makassar" => Some(Zone::Wita),
            "Asia/Jayapura" => Some(Zone::Wit),
            _ => None,
        }
    }

    /// Parses the form value: the label (`WIB`) or an IANA name.
    pub fn parse(raw: &str) -> Option<Zone> {
        let t = raw.trim();
        Zone::ALL
            .into_iter()
            .find(|z| z.label().eq_ignore_ascii_case(t))
            .or_else(|| Zone::from_iana(t))
    }

    /// A wall-clock time in this zone to UTC. Indonesia has no daylight saving, so every local time
    /// maps to exactly one instant.
    pub fn to_utc(self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        self.tz()
            .from_local_datetime(&local)
            .single()
            .map(|t| t.with_timezone(&Utc))
    }

    pub fn local(self, at: DateTime<Utc>) -> NaiveDateTime {
        at.with_timezone(&self.tz()).naive_local()
    }

    /// `Senin, 1 Desember 2026, 09.00 WITA` / `Monday, 1 December 2026, 09:00 WITA`.
    pub fn format_long(self, at: DateTime<Utc>, lang: Lang) -> String {
        let l = self.local(at);
        format!(
            "{}, {} {} {}, {} {}",
            weekday_name(l.weekday(), lang),
            l.day(),
            month_name(l.month(), lang),
            l.year(),
            clock(l, lang),
            self.label()
        )
    }

    /// The time of day with the label: `11.30 WITA`.
    pub fn format_time(self, at: DateTime<Utc>, lang: Lang) -> String {
        format!("{} {}", clock(self.local(at), lang), self.label())
    }

    /// The value for an `<input type="datetime-local">`.
    pub fn input_value(self, at: DateTime<Utc>) -> String {
        self.local(at).format("%Y-%m-%dT%H:%M").to_string()
    }
}

/// A calendar day: `1 Desember 2026` / `1 December 2026`.
pub fn format_date(d: chrono::NaiveDate, lang: Lang) -> String {
    format!("{} {} {}", d.day(), month_name(d.month(), lang), d.year())
}

fn clock(l: NaiveDateTime, lang: Lang) -> String {
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ':',
    };
    format!("{:02}{sep}{:02}", l.hour(), l.minute())
}

fn weekday_name(d: Weekday, lang: Lang) -> &'static str {
    const ID: [&str; 7] = [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
    ];
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let i = d.num_days_from_monday() as usize;
    match lang {
        Lang::Id => ID[i],
        Lang::En => EN[i],
    }
}

fn month_name(m: u32, lang: Lang) -> &'static str {
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = (m.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Id => ID[i],
        Lang::En => EN[i],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn formats_in_indonesian_style_with_label() {
        // 01:00 UTC is 09:00 in Makassar (UTC+8).
        let at = utc(2026, 12, 1, 1, 0);
        assert_eq!(
            Zone::Wita.format_long(at, Lang::Id),
            "Selasa, 1 Desember 2026, 09.00 WITA"
        );
        assert_eq!(
            Zone::Wita.format_long(at, Lang::En),
            "Tuesday, 1 December 2026, 09:00 WITA"
        );
        assert_eq!(Zone::Wib.format_time(at, Lang::Id), "08.00 WIB");
        assert_eq!(Zone::Wit.format_time(at, Lang::Id), "10.00 WIT");
    }

    #[test]
    fn local_wall_clock_round_trips_through_utc() {
        let local = NaiveDate::from_ymd_opt(2026, 12, 31)
            .unwrap()
            .and_hms_opt(23, 30, 0)
            .unwrap();
        for z in Zone::ALL {
            let at = z.to_utc(local).unwrap();
            assert_eq!(z.local(at), local);
        }
        // 23:30 WIT on New Year's Eve is still 2026 in UTC, 14:30.
        assert_eq!(Zone::Wit.to_utc(local).unwrap(), utc(2026, 12, 31, 14, 30));
    }

    #[test]
    fn parses_labels_and_iana_names() {
        assert_eq!(Zone::parse("wita"), Some(Zone::Wita));
        assert_eq!(Zone::parse("Asia/Pontianak"), Some(Zone::Wib));
        assert_eq!(Zone::parse("Europe/Berlin"), None);
        assert_eq!(Zone::parse(""), None);
    }
}
