//! The mentor's roll call (`/sesi/:id/absen`), the check-in screen with its rotating QR code
//! (`/sesi/:id/hadir/layar`) and the participant's check-in page (`/hadir/:id`). Plain forms
//! and plain HTML: a tap is one small POST and a redirect, so the roll call works on a cheap
//! phone with weak signal and without the wasm; the screen reloads itself (meta refresh).

use bimtek::domain::attendance::{CheckinWindow, Mark, Outcome};
use bimtek::domain::{CheckinTarget, Field, RollCall, RollCallRow};
use bimtek::i18n::{Lang, Msg, problem};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::registration::seat_label;
use super::session_list::SessionCard;
use crate::components::layout::urlencode;
use crate::error::AppError;
use crate::i18n::use_lang;
use crate::server_fns::Submitted;
use crate::server_fns::attendance::{
    CheckinForm, CheckinScreenView, MarkForm, get_checkin_screen, get_checkin_target, get_roll_call,
};

/// The `:id` of the route, when it is a positive number.
pub fn id_param() -> Option<i64> {
    use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|s| s.parse::<i64>().ok())
        .filter(|n| *n > 0)
}

/// A refusal, with a login button (coming back to `next`) when the caller is not logged in.
pub fn error_view(e: AppError, lang: Lang, next: String) -> AnyView {
    let login = matches!(e, AppError::Unauthenticated);
    view! {
        <div class="alert alert-error" role="alert">{e.message(lang)}</div>
        {login.then(|| view! {
            <p><a class="button primary" href=format!("/masuk?next={}", urlencode(&next))>{lang.t(Msg::NavLogin)}</a></p>
        })}
    }
    .into_any()
}

pub fn mark_label(lang: Lang, m: Mark) -> &'static str {
    lang.t(m.label())
}

/// `/sesi/:id/absen`
#[component]
pub fn RollCallPage() -> impl IntoView {
    let lang = use_lang();
    let id = id_param();
    let data = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_roll_call(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let sub = use_context::<Submitted<MarkForm>>();
    let query = use_query_map();
    let notice = move || {
        let q = query.read();
        if let Some(n) = q.get("semua") {
            Some(lang.t(Msg::MarkedAll).replace("{n}", &n))
        } else {
            q.get("tersimpan")
                .map(|_| lang.t(Msg::MarkSaved).to_owned())
        }
    };
    let failed = sub.map(|s| {
        s.errors
            .0
            .iter()
            .map(|e| problem(lang, &e.problem))
            .chain(s.error.map(|e| e.message(lang)))
            .collect::<Vec<_>>()
            .join(" ")
    });
    view! {
        <Title text=lang.t(Msg::RollCallTitle) />
        {failed.map(|m| view! { <div class="alert alert-error" role="alert">{m}</div> })}
        {move || notice().map(|m| view! { <div class="alert alert-ok" role="status">{m}</div> })}
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(r) => roll_call_view(r, lang).into_any(),
                    Err(e) => error_view(e, lang, format!("/sesi/{}/absen", id.unwrap_or(0))),
                }
            })}
        </Suspense>
    }
}

fn roll_call_view(r: RollCall, lang: Lang) -> impl IntoView {
    let id = r.session.id.0;
    let (attended, marked, total) = r.counts();
    let counts = lang
        .t(Msg::RollCallCounts)
        .replace("{attended}", &attended.to_string())
        .replace("{marked}", &marked.to_string())
        .replace("{total}", &total.to_string());
    let open = r.open;
    let zone = r.session.zone;
    let rows: Vec<AnyView> = r
        .rows
        .iter()
        .map(|row| roll_call_row(id, row, open, zone, lang).into_any())
        .collect();
    let empty = rows.is_empty();
    view! {
        <p><a href=format!("/sesi/{id}")>"← "{r.session.title.clone()}</a></p>
        <h1>{lang.t(Msg::RollCallTitle)}</h1>
        <p class="muted" id="rollcall-counts">{counts}</p>
        {(!open).then(|| view! { <div class="alert alert-info" role="status">{lang.t(Msg::RollCallNotOpen)}</div> })}
        <p class="actions">
            <a class="button secondary" href=format!("/sesi/{id}/hadir/layar")>{lang.t(Msg::CheckinScreenLink)}</a>
        </p>
        {if empty {
            view! { <p class="empty">{lang.t(Msg::RollCallEmpty)}</p> }.into_any()
        } else {
            view! {
                <p class="hint">{lang.t(Msg::RollCallIntro)}</p>
                {open.then(|| view! {
                    <form method="post" action=format!("/sesi/{id}/absen/semua") class="mark-all">
                        <button type="submit" class="secondary">{lang.t(Msg::MarkAllPresent)}</button>
                        <span class="hint">{lang.t(Msg::MarkAllHint)}</span>
                    </form>
                })}
                <ul class="rollcall" id="rollcall">{rows}</ul>
            }
            .into_any()
        }}
    }
}

fn evidence_line(row: &RollCallRow, zone: bimtek::domain::Zone, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(t) = row.evidence.checked_in_at {
        parts.push(
            lang.t(Msg::EvidenceQr)
                .replace("{time}", &zone.format_time(t, lang)),
        );
    }
    if let Some(t) = row.evidence.joined_online_at {
        parts.push(
            lang.t(Msg::EvidenceOnline)
                .replace("{time}", &zone.format_time(t, lang)),
        );
    }
    if parts.is_empty() {
        lang.t(Msg::EvidenceNone).to_owned()
    } else {
        parts.join(" · ")
    }
}

fn roll_call_row(
    session: i64,
    row: &RollCallRow,
    open: bool,
    zone: bimtek::domain::Zone,
    lang: Lang,
) -> impl IntoView {
    let pid = row.person_id.0;
    let outcome = row.evidence.outcome();
    let current = match outcome {
        Outcome::Marked(m) => Some(m),
        _ => None,
    };
    let state_class = match outcome {
        Outcome::Marked(m) => format!("person mark-{}", m.as_str()),
        Outcome::CheckedIn | Outcome::JoinedOnline => "person evidence".to_owned(),
        Outcome::Unknown => "person".to_owned(),
    };
    let action = format!("/sesi/{session}/absen");
    let buttons = Mark::ALL
        .iter()
        .map(|m| {
            let on = current == Some(*m);
            view! {
                <button
                    type="submit"
                    name="mark"
                    value=m.as_str()
                    class=format!("tap tap-{}", m.as_str())
                    aria-pressed=if on { "true" } else { "false" }
                    disabled=!open
                >
                    {mark_label(lang, *m)}
                </button>
            }
        })
        .collect_view();
    let note = row.note.clone();
    let has_note = !note.is_empty();
    view! {
        <li class=state_class id=format!("p-{pid}")>
            <div class="who">
                <strong>{row.name.clone()}</strong>
                <span class="muted small">{format!(" · {}", seat_label(lang, row.seat))}</span>
                <p class="muted small evidence">{evidence_line(row, zone, lang)}</p>
            </div>
            <form method="post" action=action.clone() class="taps">
                <input type="hidden" name="person" value=pid.to_string() />
                {buttons}
            </form>
            <details class="note" open=has_note>
                <summary>{lang.t(Msg::NoteLabel)}</summary>
                <form method="post" action=action class="note-form">
                    <input type="hidden" name="person" value=pid.to_string() />
                    <input type="hidden" name="with_note" value="1" />
                    <label class="visually-hidden" for=format!("note-{pid}")>{lang.t(Msg::NoteLabel)}</label>
                    // Leptos writes <textarea> children unescaped on the server: escape here.
                    <textarea id=format!("note-{pid}") name=Field::Note.as_str() rows="2" maxlength="500" disabled=!open inner_html=bimtek::text::escape_html(&note)></textarea>
                    <button type="submit" class="secondary" disabled=!open>{lang.t(Msg::SaveNote)}</button>
                </form>
            </details>
        </li>
    }
}

/// `/sesi/:id/hadir/layar`: for the projector or the mentor's phone held up to the room.
#[component]
pub fn CheckinScreenPage() -> impl IntoView {
    let lang = use_lang();
    let id = id_param();
    let data = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_checkin_screen(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=lang.t(Msg::CheckinScreenTitle) />
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => screen_view(v, lang).into_any(),
                    Err(e) => error_view(e, lang, format!("/sesi/{}/hadir/layar", id.unwrap_or(0))),
                }
            })}
        </Suspense>
    }
}

fn screen_view(v: CheckinScreenView, lang: Lang) -> impl IntoView {
    let s = v.screen;
    let id = s.session.id.0;
    let zone = s.session.zone;
    let body = match s.window {
        CheckinWindow::Open => view! {
            // The link the QR code holds, also as a link (a phone showing the screen can open it).
            <a class="checkin-qr" href=s.url.clone() inner_html=v.qr_svg></a>
            <p class="checkin-hint">{lang.t(Msg::CheckinScreenHint).replace("{url}", &v.typed_url)}</p>
            <p class="checkin-code" id="checkin-code" aria-live="polite">{s.short_code.clone()}</p>
            <p class="muted small">{lang.t(Msg::CheckinCodeChanges)}</p>
        }
        .into_any(),
        CheckinWindow::TooEarly { opens_at } => view! {
            <div class="alert alert-info" role="status">
                {lang.t(Msg::CheckinNotYet).replace("{time}", &zone.format_time(opens_at, lang))}
            </div>
        }
        .into_any(),
        CheckinWindow::Closed => view! {
            <div class="alert alert-info" role="status">{lang.t(Msg::CheckinClosedNotice)}</div>
        }
        .into_any(),
    };
    let refresh = match s.window {
        CheckinWindow::Closed => None,
        _ => Some(s.refresh_in_secs.to_string()),
    };
    view! {
        {refresh.map(|n| view! { <Meta http_equiv="refresh" content=n /> })}
        <p><a href=format!("/sesi/{id}/absen")>"← "{lang.t(Msg::RollCallTitle)}</a></p>
        <h1 class="checkin-title">{s.session.title.clone()}</h1>
        <section class="checkin-screen">{body}</section>
        <p class="checkin-count" id="checkin-count">{lang.t(Msg::CheckinCount).replace("{n}", &s.checked_in.to_string())}</p>
    }
}

/// `/hadir/:id?k=<code>`: the page a scanned QR code opens. The button posts the code; opening
/// the link alone records nothing (link previews and prefetchers do not check anyone in).
#[component]
pub fn CheckinPage() -> impl IntoView {
    let lang = use_lang();
    let id = id_param();
    let query = use_query_map();
    let (code_in_link, result) = {
        let q = query.read_untracked();
        (q.get("k").unwrap_or_default(), q.get("hadir"))
    };
    let sub = use_context::<Submitted<CheckinForm>>();
    let data = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_checkin_target(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let next = format!(
        "/hadir/{}{}",
        id.unwrap_or(0),
        if code_in_link.is_empty() {
            String::new()
        } else {
            format!("?k={code_in_link}")
        }
    );
    view! {
        <Title text=lang.t(Msg::CheckinTitle) />
        <h1>{lang.t(Msg::CheckinTitle)}</h1>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || {
                let sub = sub.clone();
                let code = code_in_link.clone();
                let result = result.clone();
                let next = next.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(t) => checkin_view(t, code, result, sub, lang).into_any(),
                        Err(e) => error_view(e, lang, next),
                    }
                })
            }}
        </Suspense>
    }
}

fn checkin_view(
    t: CheckinTarget,
    code_in_link: String,
    result: Option<String>,
    sub: Option<Submitted<CheckinForm>>,
    lang: Lang,
) -> impl IntoView {
    let id = t.session.id.0;
    let zone = t.session.zone;
    let done = t.checked_in_at.map(|at| {
        let time = zone.format_time(at, lang);
        let msg = match result.as_deref() {
            Some("ok") | Some("walkin") => lang.t(Msg::CheckinDone).replace("{time}", &time),
            _ => lang.t(Msg::CheckinAlready).replace("{time}", &time),
        };
        let walk_in = result.as_deref() == Some("walkin");
        view! {
            <div class="alert alert-ok checkin-done" role="status" id="checkin-result">
                <p>{msg}</p>
                {walk_in.then(|| view! { <p>{lang.t(Msg::CheckinWalkIn)}</p> })}
            </div>
        }
    });
    let error = sub.as_ref().and_then(|s| {
        s.errors
            .get(Field::Code)
            .map(|p| problem(lang, p))
            .or_else(|| s.error.clone().map(|e| e.message(lang)))
    });
    let typed = sub.map(|s| s.form.code).unwrap_or_default();
    let form = t.checked_in_at.is_none().then(|| {
        if code_in_link.is_empty() {
            let invalid = error.is_some();
            view! {
                <p>{lang.t(Msg::CheckinTypeIntro)}</p>
                <form method="post" action=format!("/hadir/{id}") class="stack checkin-form">
                    <div class="field" class:invalid=invalid>
                        <label for="f-code">{lang.t(Msg::FieldCheckinCode)}</label>
                        <input id="f-code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="9" value=typed aria-describedby="e-code" aria-invalid=if invalid { "true" } else { "false" } />
                        <p class="error" id="e-code">{error}</p>
                    </div>
                    <button type="submit" class="primary big">{lang.t(Msg::CheckinButton)}</button>
                </form>
            }
            .into_any()
        } else {
            view! {
                {error.map(|m| view! { <div class="alert alert-error" role="alert" id="checkin-error">{m}</div> })}
                <p>{lang.t(Msg::CheckinIntro)}</p>
                <form method="post" action=format!("/hadir/{id}") class="checkin-form">
                    <input type="hidden" name="code" value=code_in_link />
                    <button type="submit" class="primary big">{lang.t(Msg::CheckinButton)}</button>
                </form>
            }
            .into_any()
        }
    });
    view! {
        {done}
        <ul class="sessions"><SessionCard s=t.session organiser=false /></ul>
        {form}
    }
}
