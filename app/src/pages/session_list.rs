//! The session list: server-rendered, hydrated; times in each session's zone with its label.

use bimtek::domain::{FilterChoices, SessionFilterForm, SessionMode, SessionSummary, Track, Zone};
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
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        SessionFilterForm {
            program: get("program"),
            wilayah: get("wilayah"),
            mode: get("mode"),
            dari: get("dari"),
            zona: get("zona"),
        }
    };
    let data = Resource::new(filter, list_sessions);
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
                    Ok(list) => {
                        let key = list.form_key;
                        let zone = list.viewer_zone;
                        let empty = list.sessions.is_empty();
                        view! {
                            <FilterForm choices=list.choices current=filter() zone />
                            {empty.then(|| view! { <p class="empty">{lang.t(Msg::SessionsEmpty)}</p> })}
                            <ul class="sessions">
                                {list
                                    .sessions
                                    .into_iter()
                                    .map(|s| {
                                        let form_key = format!("{key}-{}", s.id);
                                        let viewer_zone = zone.unwrap_or(s.zone);
                                        view! { <SessionCard s organiser form_key viewer_zone /> }
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

pub fn track_label(lang: Lang, t: Track) -> &'static str {
    lang.t(match t {
        Track::Pembibitan => Msg::TrackPembibitan,
        Track::Mentoring => Msg::TrackMentoring,
        Track::Inkubasi => Msg::TrackInkubasi,
    })
}

/// Filters as a plain GET form: works without JavaScript, and the address can be shared.
#[component]
fn FilterForm(
    choices: FilterChoices,
    current: SessionFilterForm,
    zone: Option<Zone>,
) -> impl IntoView {
    let lang = use_lang();
    let option = |v: String, label: String, selected: &str| {
        let is = v == selected;
        view! { <option value=v selected=is>{label}</option> }
    };
    let active = !current.is_empty();
    let zone_value = zone.map(|z| z.label().to_string()).unwrap_or_default();
    view! {
        // Folded unless a filter is on: on a phone the sessions come first.
        <details class="filters-box" open=active>
        <summary>{lang.t(Msg::FilterTitle)}</summary>
        <form method="get" action="/sesi" class="filters" role="search" aria-label=lang.t(Msg::FilterTitle)>
            <div class="field">
                <label for="q-program">{lang.t(Msg::FieldProgramme)}</label>
                <select id="q-program" name="program">
                    {option(String::new(), lang.t(Msg::AllProgrammes).into(), &current.program)}
                    {choices.programmes.into_iter().map(|c| option(c.id.to_string(), c.label, &current.program)).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="q-wilayah">{lang.t(Msg::FieldRegion)}</label>
                <select id="q-wilayah" name="wilayah">
                    {option(String::new(), lang.t(Msg::AllRegions).into(), &current.wilayah)}
                    {choices.regions.into_iter().map(|c| option(c.id.to_string(), c.label, &current.wilayah)).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="q-mode">{lang.t(Msg::FieldMode)}</label>
                <select id="q-mode" name="mode">
                    {option(String::new(), lang.t(Msg::AllModes).into(), &current.mode)}
                    {SessionMode::ALL.into_iter().map(|m| option(m.as_str().into(), mode_label(lang, m).into(), &current.mode)).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="q-dari">{lang.t(Msg::FilterFrom)}</label>
                <input id="q-dari" name="dari" type="date" value=current.dari.clone() />
            </div>
            <div class="field">
                <label for="q-zona">{lang.t(Msg::FilterZone)}</label>
                <select id="q-zona" name="zona">
                    {option(String::new(), lang.t(Msg::ZoneOfSession).into(), &zone_value)}
                    {Zone::ALL.into_iter().map(|z| option(z.label().into(), z.label().into(), &zone_value)).collect_view()}
                </select>
            </div>
            <p class="actions">
                <button type="submit" class="secondary">{lang.t(Msg::FilterApply)}</button>
                {active.then(|| view! { <a href="/sesi">{lang.t(Msg::FilterReset)}</a> })}
            </p>
        </form>
        </details>
    }
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
    /// Show times in this zone (the reader's); the session's own local time is added when it
    /// differs.
    #[prop(optional, into)]
    viewer_zone: Option<Zone>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let lang = use_lang();
    let id = s.id;
    let shown = viewer_zone.unwrap_or(s.zone);
    let when = format!(
        "{} – {}",
        shown.format_long(s.starts_at, lang),
        shown.format_time(s.ends_at, lang)
    );
    let local = (shown != s.zone).then(|| {
        lang.t(Msg::LocalTimeThere)
            .replace("{time}", &s.zone.format_time(s.starts_at, lang))
    });
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
                {local.map(|l| view! { <span class="muted small local-time">{format!(" ({l})")}</span> })}
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
