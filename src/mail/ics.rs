//! iCalendar files for a session (RFC 5545, via the `icalendar` crate): a stable UID per session
//! so calendars update the same event, SEQUENCE = the session's version (raised on every change
//! of time, place or link), an alarm before the start, and the meeting link only when the reader
//! may have it.

use chrono::{DateTime, Duration, Utc};
use icalendar::{Alarm, Calendar, Component, EventLike, EventStatus, Trigger};

use crate::domain::SessionSummary;
use crate::i18n::{Lang, Msg};

/// What the file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// A download from the session page.
    Publish,
    /// An invitation or update in an email.
    Request,
    /// The session was cancelled.
    Cancel,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

pub struct IcsInput<'a> {
    pub session: &'a SessionSummary,
    pub version: i32,
    pub description: Option<&'a str>,
    /// Only for confirmed online registrants and those who run the session.
    pub meeting_url: Option<&'a str>,
    /// The session page, always included.
    pub page_url: String,
    /// The host part of the UID, e.g. `bimtek.kemensos.go.id`.
    pub host: &'a str,
    pub method: Method,
    pub lang: Lang,
    pub stamp: DateTime<Utc>,
    /// For mail (REQUEST/CANCEL, RFC 5546): the sender and the recipient's addresses.
    pub organizer: Option<&'a str>,
    pub attendee: Option<&'a str>,
}

/// The METHOD of a calendar file, for the attachment's content type.
pub fn method_of(ics: &str) -> Option<&'static str> {
    let line = ics.lines().find(|l| l.starts_with("METHOD:"))?;
    [Method::Publish, Method::Request, Method::Cancel]
        .into_iter()
        .map(Method::as_str)
        .find(|m| line.trim_end() == format!("METHOD:{m}"))
}

/// A stable UID per session: every file and email for it updates the same calendar event.
pub fn uid(session_id: i64, host: &str) -> String {
    format!("sesi-{session_id}@{host}")
}

pub fn session_ics(i: IcsInput<'_>) -> String {
    let s = i.session;
    let mut description = String::new();
    if let Some(d) = i.description {
        description.push_str(d);
        description.push_str("\n\n");
    }
    if let Some(url) = i.meeting_url {
        description.push_str(&format!("{}: {url}\n", i.lang.t(Msg::MeetingLink)));
    }
    description.push_str(&format!("{}: {}", i.lang.t(Msg::MailDetails), i.page_url));
    let location = match (&s.venue, i.meeting_url) {
        (Some(v), _) => format!("{v}, {}", s.region),
        (None, Some(url)) => url.to_owned(),
        (None, None) => i.lang.t(Msg::MailOnline).to_owned(),
    };
    let mut ev = icalendar::Event::with_uid(&uid(s.id.0, i.host));
    ev.summary(&s.title)
        .description(&description)
        .location(&location)
        .starts(s.starts_at)
        .ends(s.ends_at)
        .timestamp(i.stamp)
        .sequence(i.version.max(0) as u32)
        .url(&i.page_url);
    if let Some(org) = i.organizer {
        ev.append_property(icalendar::Property::new(
            "ORGANIZER",
            format!("mailto:{org}"),
        ));
    }
    if let Some(att) = i.attendee {
        ev.append_property(icalendar::Property::new(
            "ATTENDEE",
            format!("mailto:{att}"),
        ));
    }
    if i.method == Method::Cancel || s.cancelled {
        ev.status(EventStatus::Cancelled);
    } else {
        ev.status(EventStatus::Confirmed);
        // A day before, and an hour before: the reminders people asked for most.
        for (before, msg) in [
            (Duration::days(1), Msg::IcsAlarmDay),
            (Duration::hours(1), Msg::IcsAlarmHour),
        ] {
            let text = i.lang.t(msg).replace("{title}", &s.title);
            ev.alarm(Alarm::display(&text, Trigger::before_start(before)));
        }
    }
    let mut cal = Calendar::new();
    cal.append_property(("METHOD", i.method.as_str()))
        .name(&s.title)
        .push(ev.done());
    cal.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::fixtures::summary;
    use chrono::TimeZone;

    fn ics(method: Method, version: i32, link: Option<&str>, lang: Lang) -> String {
        let s = summary();
        session_ics(IcsInput {
            session: &s,
            version,
            description: Some("Foto produk; katalog, harga"),
            meeting_url: link,
            page_url: "http://x.test/sesi/9".into(),
            host: "x.test",
            method,
            lang,
            stamp: Utc.with_ymd_and_hms(2026, 11, 30, 0, 0, 0).unwrap(),
            organizer: Some("bimtek@x.test"),
            attendee: Some("sari@contoh.id"),
        })
    }

    /// The file with folded lines joined again (RFC 5545 3.1).
    fn unfolded(ics: &str) -> String {
        ics.replace("\r\n ", "")
    }

    #[test]
    fn request_carries_uid_sequence_alarms_and_the_link() {
        let f = unfolded(&ics(
            Method::Request,
            3,
            Some("https://meet.jit.si/x"),
            Lang::Id,
        ));
        assert_eq!(method_of(&f), Some("REQUEST"));
        assert!(f.contains("UID:sesi-9@x.test\r\n"));
        assert!(f.contains("SEQUENCE:3\r\n"));
        assert!(f.contains("DTSTART:20261201T010000Z"));
        assert!(f.contains("DTEND:20261201T070000Z"));
        assert!(f.contains("STATUS:CONFIRMED"));
        assert_eq!(f.matches("BEGIN:VALARM").count(), 2);
        let triggers: Vec<&str> = f.lines().filter(|l| l.starts_with("TRIGGER")).collect();
        assert_eq!(
            triggers,
            [
                "TRIGGER;RELATED=START:-PT86400S",
                "TRIGGER;RELATED=START:-PT3600S"
            ],
            "a day and an hour before the start"
        );
        assert!(f.contains("Tautan rapat: https://meet.jit.si/x"), "{f}");
        assert!(f.contains("ORGANIZER:mailto:bimtek@x.test"));
        assert!(f.contains("ATTENDEE:mailto:sari@contoh.id"));
        // Text values are escaped (RFC 5545 3.3.11).
        assert!(f.contains(r"Foto produk\; katalog\, harga"), "{f}");
    }

    #[test]
    fn cancel_keeps_the_uid_drops_alarms_and_the_link_stays_out_unless_given() {
        let f = unfolded(&ics(Method::Cancel, 4, None, Lang::En));
        assert_eq!(method_of(&f), Some("CANCEL"));
        assert!(
            f.contains("UID:sesi-9@x.test\r\n"),
            "same event as the invitation"
        );
        assert!(f.contains("SEQUENCE:4\r\n"));
        assert!(f.contains("STATUS:CANCELLED"));
        assert!(!f.contains("VALARM"));
        assert!(!f.contains("meet.jit.si"));
        assert!(
            f.contains("Details and registration: http://x.test/sesi/9"),
            "{f}"
        );
    }
}
