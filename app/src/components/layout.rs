//! The page frame: header with navigation, who is logged in, and the language switch.

use bimtek::domain::Role;
use bimtek::i18n::Msg;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::error::AppError;
use crate::i18n::use_lang;
use crate::server_fns::auth::CurrentUser;

#[component]
pub fn Header(user: Option<CurrentUser>) -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    // The language switch and logout come back to this page.
    let here = move || {
        let path = location.pathname.get();
        let query = location.search.get();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    };
    let is_organiser = user.as_ref().is_some_and(|u| u.is_organiser);
    let is_admin = user.as_ref().is_some_and(|u| u.is_admin);
    let has = |r: Role| user.as_ref().is_some_and(|u| u.roles.contains(&r));
    let (is_coordinator, is_mentor, is_participant) = (
        has(Role::Coordinator),
        has(Role::Mentor),
        has(Role::Participant),
    );
    view! {
        <a class="skip" href="#main">{lang.t(Msg::SkipToContent)}</a>
        <header class="top">
            <a class="brand" href="/sesi">
                <span class="brand-name">{lang.t(Msg::AppName)}</span>
                <span class="brand-tag">{lang.t(Msg::AppTagline)}</span>
            </a>
            <nav aria-label="Menu">
                <a href="/sesi">{lang.t(Msg::NavSessions)}</a>
                {is_organiser.then(|| view! { <a href="/sesi/baru">{lang.t(Msg::NavNewSession)}</a> })}
                {is_organiser.then(|| view! { <a href="/program">{lang.t(Msg::NavProgrammes)}</a> })}
                {is_organiser.then(|| view! { <a href="/dasbor">{lang.t(Msg::NavDashboard)}</a> })}
                {is_participant.then(|| view! { <a href="/saya">{lang.t(Msg::NavMySessions)}</a> })}
                {is_mentor.then(|| view! { <a href="/pendamping">{lang.t(Msg::NavMentoring)}</a> })}
                {is_coordinator.then(|| view! { <a href="/koordinator">{lang.t(Msg::NavMyParticipants)}</a> })}
                {is_admin.then(|| view! { <a href="/admin/orang">{lang.t(Msg::NavPeople)}</a> })}
                {is_admin.then(|| view! { <a href="/admin/audit">{lang.t(Msg::NavAudit)}</a> })}
                <a
                    class="lang"
                    hreflang=lang.other().code()
                    href=move || {
                        format!("/bahasa/{}?kembali={}", lang.other().code(), urlencode(&here()))
                    }
                    // A server route (sets a cookie): the client-side router must not take it.
                    rel="external nofollow"
                >
                    {lang.t(Msg::OtherLanguage)}
                </a>
                {match user {
                    Some(u) => {
                        view! {
                            <span class="who" title=lang.t(Msg::LoggedInAs)>{u.name}</span>
                            <form method="post" action="/keluar" class="inline">
                                <button type="submit" class="link">{lang.t(Msg::NavLogout)}</button>
                            </form>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <a href=move || format!("/masuk?next={}", urlencode(&here()))>
                                {lang.t(Msg::NavLogin)}
                            </a>
                        }
                            .into_any()
                    }
                }}
            </nav>
        </header>
    }
}

/// Percent-encodes a path for use as a query value.
pub fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A page the caller may not see: the reason, and a login button when they are not logged in
/// (coming back to `next` afterwards).
#[component]
pub fn Refused(e: AppError, next: &'static str) -> impl IntoView {
    let lang = use_lang();
    let login = matches!(e, AppError::Unauthenticated);
    view! {
        <div class="alert alert-error" role="alert">{e.message(lang)}</div>
        {login.then(|| view! {
            <p><a class="button" href=format!("/masuk?next={next}")>{lang.t(Msg::NavLogin)}</a></p>
        })}
    }
}
