//! The session list: server-rendered, hydrated; times in each session's zone with its label.

use bimtek::domain::{SessionMode, SessionSummary, Track};
use bimtek::i18n::{Lang, Msg};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::app::UserResource;
use crate::components::form::EnhancedForm;
use crate::i18n::use_lang;
use crate::server_fns::sessions::{SendTestInvitation, list_sessions};

#[component]
pub fn SessionListPage() -> impl IntoView {
    let lang = use_lang();
    let UserResource(user) = expect_context();
    let data = Resource::new(|| (), |_| list_sessions());
    let query = use_query_map();
    let created = move || query.read().get("dibuat").is_some();
    let invited = move || match query.read().get("undangan").as_deref() {
        Some("terkirim") => Some(lang.t(Msg::TestInvitationQueued)),
        Some("sudah") => Some(lang.t(Msg::TestInvitationAlreadyQueued)),
        _ => None,
    };

    view! {
        <Title text=lang.t(Msg::SessionsTitle) />
        <h1>{lang.t(Msg::SessionsTitle)}</h1>
        <Show when=created>
            <div class="alert alert-ok" role="status">{lang.t(Msg::SessionCreated)}</div>
        </Show>
        {move || invited().map(|m| view! { <div class="alert alert-ok" role="status">{m}</div> })}
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                let organiser = user.await.is_some_and(|u| u.is_organiser);
                match data.await {
                    Ok(list) if list.sessions.is_empty() => {
                        view! { <p class="empty">{lang.t(Msg::SessionsEmpty)}</p> }.into_any()
                    }
                    Ok(list) => {
                        let key = list.form_key;
                        view! {
                            <ul class="sessions">
                                {list
                                    .sessions
                                    .into_iter()
                                    .map(|s| {
                                        let form_key = format!("{key}-{}", s.id);
                                        view! { <SessionCard s organiser form_key /> }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                    Err(e) => {
                        view! { <div class="alert alert-error" role="alert">{e.message(lang)}</div> }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

pub fn mode_label(lang: Lang, m: SessionMode) -> &'static str {
    lang.t(match m {
        SessionMode::InPerson => Msg::ModeInPerson,
        SessionMode::Online => Msg::ModeOnline,
        SessionMode::Hybrid => Msg::ModeHybrid,
    })
}

fn track_label(lang: Lang, t: Track) -> &'static str {
    lang.t(match t {
        Track::Pembibitan => Msg::TrackPembibitan,
        Track::Mentoring => Msg::TrackMentoring,
        Track::Inkubasi => Msg::TrackInkubasi,
    })
}

/// One session as a card; `children` adds lines under it (e.g. the caller's seat and status).
#[component]
pub fn SessionCard(
    s: SessionSummary,
    organiser: bool,
    #[prop(optional)] form_key: String,
    /// The page's own heading (the session page), instead of a link to it.
    #[prop(optional)]
    heading: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let lang = use_lang();
    let id = s.id;
    let when = format!(
        "{} – {}",
        s.zone.format_long(s.starts_at, lang),
        s.zone.format_time(s.ends_at, lang)
    );
    let mode_class = format!("badge mode-{}", s.mode.as_str());
    view! {
        <li class="session" id=format!("sesi-{id}") class:cancelled=s.cancelled>
            <div class="session-head">
                <span class=mode_class>{mode_label(lang, s.mode)}</span>
                <span class="badge track">{track_label(lang, s.track)}</span>
                {s.cancelled.then(|| view! { <span class="badge cancelled">{lang.t(Msg::Cancelled)}</span> })}
            </div>
            {if heading {
                view! { <h1>{s.title}</h1> }.into_any()
            } else {
                view! { <h2><a href=format!("/sesi/{id}")>{s.title}</a></h2> }.into_any()
            }}
            <p class="when">
                <time datetime=s.starts_at.to_rfc3339()>{when}</time>
            </p>
            <p class="where">
                {match s.venue {
                    Some(v) => format!("{v} · {}", s.region),
                    None => s.region,
                }}
            </p>
            <p class="programme muted">{s.programme}</p>
            // The session page shows seats left instead (its children).
            {(!heading).then(|| view! {
                <dl class="seats">
                    {s.mode.has_room().then(|| view! {
                        <div><dt>{lang.t(Msg::RoomSeats)}</dt><dd>{s.room_capacity}</dd></div>
                    })}
                    {s.mode.has_online().then(|| view! {
                        <div><dt>{lang.t(Msg::OnlineSeats)}</dt><dd>{s.online_capacity}</dd></div>
                    })}
                </dl>
            })}
            {children.map(|c| c())}
            {organiser.then(|| view! { <TestInvitationButton id=id.0 form_key lang /> })}
        </li>
    }
}

/// An island: the only part of the list that runs in the browser.
#[island]
fn TestInvitationButton(id: i64, form_key: String, lang: Lang) -> impl IntoView {
    provide_context(lang);
    let action = ServerAction::<SendTestInvitation>::new();
    let result = move || {
        action.value().get().map(|r| match r {
            Ok(true) => ("alert-ok", lang.t(Msg::TestInvitationQueued).to_string()),
            Ok(false) => (
                "alert-ok",
                lang.t(Msg::TestInvitationAlreadyQueued).to_string(),
            ),
            Err(e) => ("alert-error", e.message(lang)),
        })
    };
    view! {
        <EnhancedForm action path=format!("/sesi/{id}/undangan-uji") class="test-invite">
            <input type="hidden" name="session_id" value=id.to_string() />
            <input type="hidden" name="key" value=form_key />
            <button type="submit" class="secondary" disabled=move || action.pending().get()>
                {lang.t(Msg::SendTestInvitation)}
            </button>
            {move || result().map(|(class, m)| view! {
                <p class=format!("alert {class}") role="status">{m}</p>
            })}
        </EnhancedForm>
    }
}
