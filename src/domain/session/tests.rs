use super::*;
use chrono::TimeZone;
use proptest::prelude::*;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 0, 0, 0).unwrap()
}

fn hybrid() -> SessionForm {
    SessionForm {
        title: "Bimtek Kewirausahaan Sosial KPM Graduasi".into(),
        description: "Praktisi kewirausahaan sosial berbagi pengalaman.".into(),
        programme_id: "1".into(),
        mode: "hybrid".into(),
        region_id: "3".into(),
        zone: "WIB".into(),
        starts_at: "2026-12-01T09:00".into(),
        ends_at: "2026-12-01T15:00".into(),
        room_capacity: "50".into(),
        online_capacity: "170".into(),
        venue: "Aula Kementerian Sosial, Jakarta Pusat".into(),
        meeting_url: "https://meet.jit.si/bimtek-kpm-graduasi".into(),
        ..Default::default()
    }
}

fn problems(f: &SessionForm) -> Vec<(Field, Problem)> {
    f.parse(now())
        .unwrap_err()
        .0
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

#[test]
fn a_valid_hybrid_session_parses_in_its_zone() {
    let s = hybrid().parse(now()).unwrap();
    assert_eq!(s.mode, SessionMode::Hybrid);
    assert_eq!(s.zone, Zone::Wib);
    // 09:00 WIB = 02:00 UTC.
    assert_eq!(
        s.starts_at,
        Utc.with_ymd_and_hms(2026, 12, 1, 2, 0, 0).unwrap()
    );
    assert_eq!((s.room_capacity, s.online_capacity), (50, 170));
    assert_eq!(s.title, "Bimtek Kewirausahaan Sosial KPM Graduasi");
}

#[test]
fn the_same_wall_clock_is_a_different_instant_in_wita() {
    let mut f = hybrid();
    f.zone = "WITA".into();
    let s = f.parse(now()).unwrap();
    assert_eq!(
        s.starts_at,
        Utc.with_ymd_and_hms(2026, 12, 1, 1, 0, 0).unwrap()
    );
}

#[test]
fn an_empty_form_reports_every_required_field_once() {
    let got = problems(&SessionForm::default());
    let fields: Vec<Field> = got.iter().map(|(f, _)| *f).collect();
    for f in [
        Field::Title,
        Field::Programme,
        Field::Mode,
        Field::Region,
        Field::Zone,
        Field::StartsAt,
        Field::EndsAt,
    ] {
        assert_eq!(fields.iter().filter(|x| **x == f).count(), 1, "{f:?}");
    }
    assert!(got.iter().all(|(_, p)| *p == Problem::Required));
}

#[test]
fn end_must_follow_start_and_start_must_be_future() {
    let mut f = hybrid();
    f.ends_at = "2026-12-01T08:00".into();
    assert_eq!(
        problems(&f),
        vec![(Field::EndsAt, Problem::EndNotAfterStart)]
    );

    let mut f = hybrid();
    f.starts_at = "2026-11-01T09:00".into();
    f.ends_at = "2026-11-01T10:00".into();
    assert_eq!(problems(&f), vec![(Field::StartsAt, Problem::InThePast)]);

    let mut f = hybrid();
    f.ends_at = "2026-12-20T09:00".into();
    assert_eq!(
        problems(&f),
        vec![(
            Field::EndsAt,
            Problem::TooLongDuration { max_days: MAX_DAYS }
        )]
    );
}

#[test]
fn mode_decides_which_seats_venue_and_link_are_needed() {
    let mut f = hybrid();
    f.mode = "online".into();
    assert_eq!(
        problems(&f),
        vec![(Field::RoomCapacity, Problem::NotForMode)]
    );

    f.room_capacity = "0".into();
    let s = f.parse(now()).unwrap();
    assert_eq!(s.venue, None, "an online session stores no venue");

    let mut f = hybrid();
    f.meeting_url = "".into();
    f.venue = " ".into();
    f.online_capacity = "".into();
    assert_eq!(
        problems(&f),
        vec![
            (Field::OnlineCapacity, Problem::NeedsSeats),
            (Field::Venue, Problem::Required),
            (Field::MeetingUrl, Problem::Required),
        ]
    );
}

#[test]
fn bad_numbers_links_and_choices_are_named() {
    let mut f = hybrid();
    f.room_capacity = "lima puluh".into();
    f.online_capacity = "-3".into();
    f.meeting_url = "zoom.us/j/123".into();
    f.mode = "hologram".into();
    f.zone = "CET".into();
    f.programme_id = "x".into();
    let got = problems(&f);
    assert!(got.contains(&(Field::RoomCapacity, Problem::NotANumber)));
    assert!(got.contains(&(
        Field::OnlineCapacity,
        Problem::OutOfRange {
            min: 0,
            max: CAPACITY_MAX
        }
    )));
    assert!(got.contains(&(Field::MeetingUrl, Problem::InvalidUrl)));
    assert!(got.contains(&(Field::Mode, Problem::UnknownChoice)));
    assert!(got.contains(&(Field::Zone, Problem::UnknownChoice)));
    assert!(got.contains(&(Field::Programme, Problem::UnknownChoice)));
}

#[test]
fn meeting_urls_from_any_provider() {
    for ok in [
        "https://us02web.zoom.us/j/8123456789?pwd=abc",
        "https://meet.google.com/abc-defg-hij",
        "https://meet.jit.si/BimtekKPM",
        "http://10.0.0.5.nip.io:8443/room",
    ] {
        assert!(MeetingUrl::parse(ok).is_ok(), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "https://",
        "https://localhost/x",
        "https://exa mple.com",
        "ftp://x.id",
    ] {
        assert!(MeetingUrl::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn oversized_title_is_too_long_not_truncated() {
    let mut f = hybrid();
    f.title = "a".repeat(TITLE_MAX as usize + 1);
    assert_eq!(
        problems(&f),
        vec![(Field::Title, Problem::TooLong { max: TITLE_MAX })]
    );
}

proptest! {
    /// Whatever is typed, parsing never panics, and it either yields a session whose rules hold
    /// or names at least one field.
    #[test]
    fn parse_is_total(
        title in ".{0,200}", mode in "(in_person|online|hybrid|x|)",
        room in "-?[0-9]{0,7}|[a-z]{0,3}", online in "-?[0-9]{0,7}",
        start in "2026-1[0-2]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]|.{0,5}",
        end in "2026-1[0-2]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]|.{0,5}",
        zone in "(WIB|WITA|WIT|x)", url in "(https://meet\\.jit\\.si/[a-z]{1,8}|.{0,10})",
    ) {
        let mut f = hybrid();
        f.title = title; f.mode = mode; f.room_capacity = room; f.online_capacity = online;
        f.starts_at = start; f.ends_at = end; f.zone = zone; f.meeting_url = url;
        match f.parse(now()) {
            Ok(s) => {
                prop_assert!(s.ends_at > s.starts_at && s.starts_at > now());
                prop_assert_eq!(s.mode.has_room(), s.room_capacity > 0);
                prop_assert_eq!(s.mode.has_online(), s.online_capacity > 0);
                prop_assert_eq!(s.mode.has_online(), s.meeting_url.is_some());
            }
            Err(e) => prop_assert!(!e.is_empty()),
        }
    }
}
