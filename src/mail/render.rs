//! Message bodies, in the recipient's language, with times in the reader's zone and its label
//! (and the session's local time beside it when the zones differ).

use super::Rendered;
use crate::domain::{SessionSummary, Zone};
use crate::i18n::{Lang, Msg};

/// "Selasa, 1 Desember 2026, 08.00 WIB – 14.00 WIB (09.00 WITA waktu setempat)".
pub fn when_line(lang: Lang, s: &SessionSummary, reader: Option<Zone>) -> String {
    let z = reader.unwrap_or(s.zone);
    let mut when = format!(
        "{} – {}",
        z.format_long(s.starts_at, lang),
        z.format_time(s.ends_at, lang)
    );
    if z != s.zone {
        let local = lang
            .t(Msg::LocalTimeThere)
            .replace("{time}", &s.zone.format_time(s.starts_at, lang));
        when.push_str(&format!(" ({local})"));
    }
    when
}

pub use crate::text::escape_html as esc;

fn mode_label(lang: Lang, s: &SessionSummary) -> &'static str {
    use crate::domain::SessionMode::*;
    lang.t(match s.mode {
        InPerson => Msg::ModeInPerson,
        Online => Msg::ModeOnline,
        Hybrid => Msg::ModeHybrid,
    })
}

/// The test invitation an organiser sends to themself to check the mail path. Like a real
/// invitation it carries no meeting link.
pub fn test_invitation(lang: Lang, name: &str, s: &SessionSummary, base_url: &str) -> Rendered {
    let when = when_line(lang, s, None);
    let place = match (&s.venue, s.mode.has_online()) {
        (Some(v), true) => format!("{v} + {}", lang.t(Msg::MailOnline)),
        (Some(v), false) => v.clone(),
        (None, _) => lang.t(Msg::MailOnline).to_string(),
    };
    let link = format!("{base_url}/sesi#sesi-{}", s.id);
    let subject = lang
        .t(Msg::MailTestInvitationSubject)
        .replace("{title}", &s.title);
    let greeting = lang.t(Msg::MailGreeting).replace("{name}", name);
    let text = format!(
        "{greeting}\n\n{intro}\n\n{title}\n{programme}\n{mode}\n{w}: {when}\n{p}: {place}\n\n{after}\n\n{d}: {link}\n\n-- \n{note}\n{footer}\n",
        intro = lang.t(Msg::MailInvitationIntro),
        title = s.title,
        programme = s.programme,
        mode = mode_label(lang, s),
        w = lang.t(Msg::MailWhen),
        p = lang.t(Msg::MailWhere),
        after = lang.t(Msg::MailLinkAfterRegistration),
        d = lang.t(Msg::MailDetails),
        note = lang.t(Msg::MailTestNote),
        footer = lang.t(Msg::MailFooter),
    );
    let html = format!(
        "<!doctype html><html lang=\"{code}\"><body style=\"font-family:sans-serif;line-height:1.5;max-width:36em\">\
<p>{greeting}</p><p>{intro}</p>\
<h2 style=\"font-size:1.2em\">{title}</h2><p>{programme} · {mode}</p>\
<table role=\"presentation\"><tr><th align=\"left\">{w}</th><td>{when}</td></tr>\
<tr><th align=\"left\">{p}</th><td>{place}</td></tr></table>\
<p>{after}</p><p><a href=\"{link}\">{d}</a></p>\
<hr><p style=\"color:#555;font-size:.9em\">{note}<br>{footer}</p></body></html>",
        code = lang.code(),
        greeting = esc(&greeting),
        intro = esc(lang.t(Msg::MailInvitationIntro)),
        title = esc(&s.title),
        programme = esc(&s.programme),
        mode = esc(mode_label(lang, s)),
        w = esc(lang.t(Msg::MailWhen)),
        when = esc(&when),
        p = esc(lang.t(Msg::MailWhere)),
        place = esc(&place),
        after = esc(lang.t(Msg::MailLinkAfterRegistration)),
        link = esc(&link),
        d = esc(lang.t(Msg::MailDetails)),
        note = esc(lang.t(Msg::MailTestNote)),
        footer = esc(lang.t(Msg::MailFooter)),
    );
    Rendered {
        subject,
        text,
        html,
        ics: None,
    }
}

/// A notice about one session (invitation, registration confirmed / waitlisted / promoted): a
/// greeting, what happened, the session, and an optional button. When the person has no email of
/// their own it goes to their coordinator, who is told whom it is for.
pub struct Notice<'a> {
    pub subject: String,
    pub name: &'a str,
    pub on_behalf_of: Option<&'a str>,
    pub intro: String,
    pub action: Option<(&'a str, String)>,
    pub note: Option<&'a str>,
    /// The reader's zone; `None` shows the session's own.
    pub zone: Option<Zone>,
    /// The calendar file to attach.
    pub ics: Option<String>,
    /// The preferences page, shown in the footer (reminders and invitations).
    pub preferences: Option<String>,
}

pub fn session_notice(lang: Lang, n: Notice<'_>, s: &SessionSummary) -> Rendered {
    let when = when_line(lang, s, n.zone);
    let place = match (&s.venue, s.mode.has_online()) {
        (Some(v), true) => format!("{v} + {}", lang.t(Msg::MailOnline)),
        (Some(v), false) => v.clone(),
        (None, _) => lang.t(Msg::MailOnline).to_string(),
    };
    let greeting = lang.t(Msg::MailGreeting).replace("{name}", n.name);
    let relay = n
        .on_behalf_of
        .map(|p| lang.t(Msg::MailOnBehalf).replace("{name}", p));
    let mut text = format!("{greeting}\n\n");
    if let Some(r) = &relay {
        text.push_str(&format!("{r}\n\n"));
    }
    text.push_str(&format!(
        "{intro}\n\n{title}\n{programme}\n{mode}\n{w}: {when}\n{p}: {place}\n",
        intro = n.intro,
        title = s.title,
        programme = s.programme,
        mode = mode_label(lang, s),
        w = lang.t(Msg::MailWhen),
        p = lang.t(Msg::MailWhere),
    ));
    if let Some((label, url)) = &n.action {
        text.push_str(&format!("\n{label}: {url}\n"));
    }
    if let Some(note) = n.note {
        text.push_str(&format!("\n{note}\n"));
    }
    text.push_str(&format!("\n-- \n{}\n", lang.t(Msg::MailFooter)));
    if let Some(url) = &n.preferences {
        text.push_str(&format!("{}: {url}\n", lang.t(Msg::MailPreferences)));
    }
    let relay_html = relay
        .map(|r| {
            format!(
                "<p style=\"background:#fff7e0;padding:.5em\">{}</p>",
                esc(&r)
            )
        })
        .unwrap_or_default();
    let action_html = n
        .action
        .as_ref()
        .map(|(label, url)| {
            format!(
                "<p><a href=\"{}\" style=\"display:inline-block;padding:.6em 1.2em;background:#0b5d4b;color:#fff;border-radius:6px;text-decoration:none\">{}</a></p>",
                esc(url),
                esc(label)
            )
        })
        .unwrap_or_default();
    let note_html = n
        .note
        .map(|t| format!("<p>{}</p>", esc(t)))
        .unwrap_or_default();
    let html = format!(
        "<!doctype html><html lang=\"{code}\"><body style=\"font-family:sans-serif;line-height:1.5;max-width:36em\">\
<p>{greeting}</p>{relay_html}<p>{intro}</p>\
<h2 style=\"font-size:1.2em\">{title}</h2><p>{programme} · {mode}</p>\
<table role=\"presentation\"><tr><th align=\"left\">{w}</th><td>{when}</td></tr>\
<tr><th align=\"left\">{p}</th><td>{place}</td></tr></table>\
{action_html}{note_html}<hr><p style=\"color:#555;font-size:.9em\">{footer}{prefs}</p></body></html>",
        prefs = n
            .preferences
            .as_ref()
            .map(|u| format!(
                "<br><a href=\"{}\">{}</a>",
                esc(u),
                esc(lang.t(Msg::MailPreferences))
            ))
            .unwrap_or_default(),
        code = lang.code(),
        greeting = esc(&greeting),
        intro = esc(&n.intro),
        title = esc(&s.title),
        programme = esc(&s.programme),
        mode = esc(mode_label(lang, s)),
        w = esc(lang.t(Msg::MailWhen)),
        when = esc(&when),
        p = esc(lang.t(Msg::MailWhere)),
        place = esc(&place),
        footer = esc(lang.t(Msg::MailFooter)),
    );
    Rendered {
        subject: n.subject,
        text,
        html,
        ics: n.ics,
    }
}

/// The words of a one-time-link email.
pub struct LinkTexts {
    pub subject: Msg,
    pub intro: Msg,
    pub button: Msg,
}

/// A one-time link (login, password reset), valid for `minutes`.
pub fn link_mail(lang: Lang, t: &LinkTexts, name: &str, url: &str, minutes: i64) -> Rendered {
    let greeting = lang.t(Msg::MailGreeting).replace("{name}", name);
    let valid = lang
        .t(Msg::MailLinkValid)
        .replace("{n}", &minutes.to_string());
    let text = format!(
        "{greeting}\n\n{intro}\n\n{url}\n\n{valid}\n{ignore}\n\n-- \n{footer}\n",
        intro = lang.t(t.intro),
        ignore = lang.t(Msg::MailLinkIgnore),
        footer = lang.t(Msg::MailFooter),
    );
    let html = format!(
        "<!doctype html><html lang=\"{code}\"><body style=\"font-family:sans-serif;line-height:1.5;max-width:36em\">\
<p>{greeting}</p><p>{intro}</p>\
<p><a href=\"{url}\" style=\"display:inline-block;padding:.6em 1.2em;background:#0b5d4b;color:#fff;border-radius:6px;text-decoration:none\">{button}</a></p>\
<p>{valid}<br>{ignore}</p><hr><p style=\"color:#555;font-size:.9em\">{footer}</p></body></html>",
        code = lang.code(),
        greeting = esc(&greeting),
        intro = esc(lang.t(t.intro)),
        url = esc(url),
        button = esc(lang.t(t.button)),
        valid = esc(&valid),
        ignore = esc(lang.t(Msg::MailLinkIgnore)),
        footer = esc(lang.t(Msg::MailFooter)),
    );
    Rendered {
        subject: lang.t(t.subject).to_string(),
        text,
        html,
        ics: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Zone;

    use crate::mail::fixtures::summary;

    #[test]
    fn indonesian_invitation_has_zone_label_and_escapes_html() {
        let m = test_invitation(Lang::Id, "Ibu Sari", &summary(), "http://x.test");
        assert_eq!(
            m.subject,
            "[Uji] Undangan bimtek: Kemasan <produk> & pemasaran"
        );
        assert!(m.text.contains("Yth. Ibu Sari,"));
        assert!(
            m.text
                .contains("Selasa, 1 Desember 2026, 09.00 WITA – 15.00 WITA")
        );
        assert!(m.text.contains("Hotel Claro + Daring"));
        assert!(m.html.contains("Kemasan &lt;produk&gt; &amp; pemasaran"));
        assert!(!m.html.contains("<produk>"));
        assert!(m.html.contains("http://x.test/sesi#sesi-9"));
    }

    #[test]
    fn english_invitation_uses_english_words_and_clock() {
        let m = test_invitation(Lang::En, "Mrs Sari", &summary(), "http://x.test");
        assert!(m.subject.starts_with("[Test] Bimtek invitation"));
        assert!(m.text.contains("Tuesday, 1 December 2026, 09:00 WITA"));
    }

    fn login_texts() -> LinkTexts {
        LinkTexts {
            subject: Msg::MailLoginLinkSubject,
            intro: Msg::MailLoginLinkIntro,
            button: Msg::MailLoginLinkButton,
        }
    }

    #[test]
    fn link_mail_speaks_the_readers_language_and_carries_the_link_in_both_parts() {
        let url = "http://x.test/masuk/tautan/abc?x=1&y=2";
        let id = link_mail(Lang::Id, &login_texts(), "Ibu Sari", url, 15);
        assert_eq!(id.subject, "Tautan masuk Bimtek");
        assert!(id.text.starts_with("Yth. Ibu Sari,"));
        assert!(id.text.contains(&format!("\n{url}\n")));
        assert!(id.text.contains("berlaku 15 menit"));
        assert!(id.html.contains(r#"<html lang="id">"#));
        assert!(
            id.html
                .contains("href=\"http://x.test/masuk/tautan/abc?x=1&amp;y=2\"")
        );
        assert!(id.ics.is_none());
        let reset = LinkTexts {
            subject: Msg::MailResetSubject,
            intro: Msg::MailResetIntro,
            button: Msg::MailResetButton,
        };
        let en = link_mail(Lang::En, &reset, "Mrs Sari", url, 60);
        assert_eq!(en.subject, "Set a new Bimtek password");
        assert!(en.text.starts_with("Dear Mrs Sari,"));
        assert!(en.text.contains("works for 60 minutes and only once"));
        assert!(en.html.contains(r#"<html lang="en">"#));
        assert!(
            !en.text.contains("berlaku"),
            "no Indonesian left in English mail"
        );
    }

    #[test]
    fn session_notice_shows_the_readers_zone_with_the_local_time_beside_it() {
        let n = Notice {
            subject: "Pengingat".into(),
            name: "Ibu Rina",
            on_behalf_of: Some("Pak Koordinator"),
            intro: "Ini pengingat.".into(),
            action: Some(("Gabung", "http://x.test/j/tok".into())),
            note: None,
            zone: Some(Zone::Wit),
            ics: None,
            preferences: Some("http://x.test/email/preferensi?t=1".into()),
        };
        let m = session_notice(Lang::Id, n, &summary());
        // 09.00 WITA is 10.00 WIT.
        assert!(
            m.text.contains(
                "Selasa, 1 Desember 2026, 10.00 WIT – 16.00 WIT (09.00 WITA waktu setempat)"
            ),
            "{}",
            m.text
        );
        assert!(m.text.contains("Gabung: http://x.test/j/tok"));
        assert!(
            m.text.contains("Pak Koordinator"),
            "relayed through the coordinator"
        );
        assert!(m.text.contains("http://x.test/email/preferensi?t=1"));
        assert!(m.html.contains("10.00 WIT"));
    }
}
