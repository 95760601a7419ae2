//! `/email/preferensi`: what a person agrees to receive, opened from the signed link at the foot
//! of reminders (no login). `/sesi/:id/email`: the session's delivery log for its organisers.

use bimtek::domain::mail::{
    DeliveryLog, DeliveryRow, EmailPrefs, REPLY_NOT_SEEN, kind_msg, status_msg,
};
use bimtek::i18n::{Lang, Msg};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::layout::Refused;
use crate::error::AppError;
use crate::i18n::use_lang;
use crate::server_fns::mail::{get_delivery_log, get_email_prefs};

#[component]
pub fn EmailPrefsPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let (p, t, saved) = {
        let q = query.read_untracked();
        (
            q.get("p").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0),
            q.get("t").unwrap_or_default(),
            q.get("ok").is_some(),
        )
    };
    let data = Resource::new(move || (p, t.clone()), |(p, t)| get_email_prefs(p, t));
    view! {
        <Title text=lang.t(Msg::EmailPrefsTitle) />
        <h1>{lang.t(Msg::EmailPrefsTitle)}</h1>
        {saved.then(|| view! { <div class="alert alert-ok" role="status">{lang.t(Msg::EmailPrefsSaved)}</div> })}
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(prefs) => prefs_form(prefs, lang).into_any(),
                    Err(e) => view! { <div class="alert alert-error" role="alert">{e.message(lang)}</div> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn prefs_form(p: EmailPrefs, lang: Lang) -> impl IntoView {
    view! {
        <p>{lang.t(Msg::EmailPrefsIntro).replace("{name}", &p.name)}</p>
        <form method="post" action="/email/preferensi" class="stack">
            <input type="hidden" name="p" value=p.person_id.to_string() />
            <input type="hidden" name="t" value=p.token />
            <label class="check">
                <input type="checkbox" name="reminders" value="1" checked=p.reminders />
                {lang.t(Msg::EmailPrefsReminders)}
            </label>
            <label class="check">
                <input type="checkbox" name="invitations" value="1" checked=p.invitations />
                {lang.t(Msg::EmailPrefsInvitations)}
            </label>
            <button type="submit" class="primary">{lang.t(Msg::EmailPrefsSave)}</button>
        </form>
    }
}

#[component]
pub fn DeliveryLogPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or(0);
    let retried = use_query_map().read_untracked().get("ulang");
    let data = Resource::new(move || id, get_delivery_log);
    view! {
        <Title text=lang.t(Msg::DeliveryTitle) />
        {retried.map(|n| view! {
            <div class="alert alert-ok" role="status">{lang.t(Msg::DeliveryRetried).replace("{n}", &n)}</div>
        })}
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(log) => log_view(log, lang).into_any(),
                    Err(e @ (AppError::Unauthenticated | AppError::Forbidden)) => {
                        view! { <Refused e next="/sesi" /> }.into_any()
                    }
                    Err(e) => view! { <div class="alert alert-error" role="alert">{e.message(lang)}</div> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn log_view(log: DeliveryLog, lang: Lang) -> impl IntoView {
    let id = log.session_id;
    let shown = log.rows.len();
    let total = log.queued + log.sent + log.failed;
    let failed_class = if log.failed > 0 { "bad" } else { "" };
    view! {
        <p><a href=format!("/sesi/{id}")>"← "{log.title.clone()}</a></p>
        <h1>{lang.t(Msg::DeliveryTitle)}</h1>
        <ul class="counts" aria-label=lang.t(Msg::DeliveryStatus)>
            <li><strong>{log.queued}</strong>" "{lang.t(Msg::DeliveryQueued)}</li>
            <li><strong>{log.sent}</strong>" "{lang.t(Msg::DeliverySent)}</li>
            <li class=failed_class>
                <strong>{log.failed}</strong>" "{lang.t(Msg::DeliveryFailed)}
            </li>
        </ul>
        {(log.failed > 0).then(|| view! {
            <form method="post" action=format!("/sesi/{id}/email/ulang")>
                <button type="submit" class="primary">{lang.t(Msg::DeliveryRetry)}</button>
            </form>
        })}
        {if log.rows.is_empty() {
            view! { <p class="empty">{lang.t(Msg::DeliveryEmpty)}</p> }.into_any()
        } else {
            let zone = log.zone;
            view! {
                {(total as usize > shown).then(|| view! {
                    <p class="muted">{lang.t(Msg::DeliveryShowing).replace("{n}", &shown.to_string())}</p>
                })}
                <div class="table-wrap">
                    <table class="delivery">
                        <thead>
                            <tr>
                                <th>{lang.t(Msg::DeliveryRecipient)}</th>
                                <th>{lang.t(Msg::DeliveryKind)}</th>
                                <th>{lang.t(Msg::DeliveryStatus)}</th>
                                <th>{lang.t(Msg::DeliveryWhen)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {log.rows.into_iter().map(|r| row_view(r, zone, lang)).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}

fn row_view(r: DeliveryRow, zone: bimtek::domain::Zone, lang: Lang) -> impl IntoView {
    let status = if r.status == "sent" && r.last_error.as_deref() == Some(REPLY_NOT_SEEN) {
        lang.t(Msg::DeliveryReplyNotSeen).to_owned()
    } else {
        lang.t(status_msg(&r.status)).to_owned()
    };
    let detail = (r.status != "sent")
        .then(|| {
            let mut d = lang
                .t(Msg::DeliveryAttempts)
                .replace("{n}", &r.attempts.to_string());
            if let Some(e) = &r.last_error {
                d.push_str(": ");
                d.push_str(e);
            }
            d
        })
        .filter(|_| r.attempts > 0);
    view! {
        <tr class=format!("st-{}", r.status)>
            <td>{r.recipient}<br /><small class="muted">{r.to}</small></td>
            <td>{lang.t(kind_msg(&r.kind))}</td>
            <td>{status}{detail.map(|d| view! { <br /><small>{d}</small> })}</td>
            <td><time datetime=r.at.to_rfc3339()>{zone.format_long(r.at, lang)}</time></td>
        </tr>
    }
}
