//! The mentor's and the participant's home pages: their own sessions, nothing else.

use bimtek::domain::{MySession, SessionSummary};
use bimtek::i18n::{Lang, Msg};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_lang;
use crate::pages::session_list::SessionCard;
use crate::server_fns::people::{list_mentor_sessions, list_my_sessions};

/// `/pendamping`: the sessions a mentor is assigned to; today's first, each with its roll call
/// and check-in screen one tap away.
#[component]
pub fn MentorHomePage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| list_mentor_sessions());
    view! {
        <Title text=lang.t(Msg::MentorHomeTitle) />
        <h1>{lang.t(Msg::MentorHomeTitle)}</h1>
        <p class="actions"><a class="button secondary" href="/pendamping/peserta">{lang.t(Msg::CaseloadLink)}</a></p>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) if list.is_empty() => view! {
                        <p class="empty">{lang.t(Msg::MentorHomeEmpty)}</p>
                    }
                    .into_any(),
                    Ok(list) => {
                        let now = chrono::Utc::now();
                        let (today, later): (Vec<SessionSummary>, Vec<SessionSummary>) =
                            list.into_iter().partition(|s| {
                                s.starts_at <= now || s.zone.local(s.starts_at).date() == s.zone.local(now).date()
                            });
                        view! {
                            <h2>{lang.t(Msg::MentorTodayTitle)}</h2>
                            {if today.is_empty() {
                                view! { <p class="empty">{lang.t(Msg::MentorNothingToday)}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="sessions" id="today">
                                        {today.into_iter().map(|s| mentor_card(s, lang)).collect_view()}
                                    </ul>
                                }
                                .into_any()
                            }}
                            {(!later.is_empty()).then(|| view! {
                                <h2>{lang.t(Msg::MentorLater)}</h2>
                                <ul class="sessions">
                                    {later.into_iter().map(|s| mentor_card(s, lang)).collect_view()}
                                </ul>
                            })}
                        }
                        .into_any()
                    }
                    Err(e) => view! { <div class="alert alert-error" role="alert">{e.message(lang)}</div> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn mentor_card(s: SessionSummary, lang: Lang) -> impl IntoView {
    let id = s.id.0;
    view! {
        <SessionCard s organiser=false>
            <p class="actions">
                <a class="button" href=format!("/sesi/{id}/absen")>{lang.t(Msg::RollCallTitle)}</a>
                <a class="button secondary" href=format!("/sesi/{id}/hadir/layar")>{lang.t(Msg::CheckinScreenLink)}</a>
            </p>
        </SessionCard>
    }
}

/// `/saya`: the sessions a participant registered for, with seat and status.
#[component]
pub fn MyHomePage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| list_my_sessions());
    let attended = Resource::new(
        || (),
        |_| crate::server_fns::reports::list_my_certificates(),
    );
    view! {
        <Title text=lang.t(Msg::MyHomeTitle) />
        <h1>{lang.t(Msg::MyHomeTitle)}</h1>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) if list.is_empty() => view! {
                        <p class="empty">{lang.t(Msg::MyHomeEmpty)}</p>
                        <p><a class="button primary" href="/sesi">{lang.t(Msg::SeeSessions)}</a></p>
                    }
                    .into_any(),
                    Ok(list) => view! {
                        <ul class="sessions">
                            {list.into_iter().map(|m| my_card(m, lang)).collect_view()}
                        </ul>
                    }
                    .into_any(),
                    Err(e) => view! { <div class="alert alert-error" role="alert">{e.message(lang)}</div> }.into_any(),
                }
            })}
        </Suspense>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match attended.await {
                    Ok(list) if !list.is_empty() => view! {
                        <section class="my-certificates" id="my-certificates">
                            <h2>{lang.t(Msg::MyCertificatesTitle)}</h2>
                            <ul class="plain">
                                {list.into_iter().map(|s| view! {
                                    <li>
                                        <a href=format!("/saya/sertifikat/{}", s.id.0)>{s.title}</a>
                                        <span class="muted">{format!(" · {}", s.zone.format_long(s.starts_at, lang))}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                    }
                    .into_any(),
                    _ => ().into_any(),
                }
            })}
        </Suspense>
    }
}

fn my_card(m: MySession, lang: Lang) -> impl IntoView {
    let seat = lang.t(if m.seat_kind == "room" {
        Msg::SeatRoom
    } else {
        Msg::SeatOnline
    });
    let status = match (m.status.as_str(), m.waitlist_position) {
        ("waitlisted", Some(n)) => format!("{} #{n}", lang.t(Msg::StatusWaitlisted)),
        ("waitlisted", None) => lang.t(Msg::StatusWaitlisted).to_string(),
        ("invited", _) => lang.t(Msg::StatusInvited).to_string(),
        _ => lang.t(Msg::StatusConfirmed).to_string(),
    };
    view! {
        <SessionCard s=m.session organiser=false>
            <p class="my-status">
                <span class="badge">{seat}</span>
                " "
                <strong>{status}</strong>
            </p>
        </SessionCard>
    }
}
