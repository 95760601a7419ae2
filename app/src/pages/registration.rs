//! The session page (register, cancel, join), the organiser's roster and the bulk invitation.
//! All forms are plain HTML forms answered by the server, so they work before hydration and on
//! the weakest phone; nothing here needs the wasm.

use bimtek::domain::invite::{InvitePreview, LineOutcome};
use bimtek::domain::{
    MyRegistration, RegStatus, Roster, RosterRow, SeatCount, SeatKind, SessionDetail, Window,
};
use bimtek::i18n::{Lang, Msg, problem};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::session_list::SessionCard;
use crate::error::AppError;
use crate::i18n::use_lang;
use crate::pages::people::role_label;
use crate::server_fns::Submitted;
use crate::server_fns::registrations::{InviteForm, RegisterForm, get_roster, get_session_detail};

fn id_param() -> Option<i64> {
    use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|s| s.parse::<i64>().ok())
        .filter(|n| *n > 0)
}

pub fn seat_label(lang: Lang, k: SeatKind) -> &'static str {
    lang.t(match k {
        SeatKind::Room => Msg::SeatRoom,
        SeatKind::Online => Msg::SeatOnline,
    })
}

pub fn status_label(lang: Lang, s: RegStatus) -> &'static str {
    lang.t(match s {
        RegStatus::Invited => Msg::StatusInvited,
        RegStatus::Confirmed => Msg::StatusConfirmed,
        RegStatus::Waitlisted => Msg::StatusWaitlisted,
        RegStatus::Cancelled => Msg::StatusCancelled,
    })
}

fn seats_text(lang: Lang, c: SeatCount) -> String {
    if c.free() > 0 {
        lang.t(Msg::SeatsLeft)
            .replace("{free}", &c.free().to_string())
            .replace("{cap}", &c.capacity.to_string())
    } else {
        lang.t(Msg::SeatsFull)
            .replace("{n}", &c.waitlisted.to_string())
    }
}

/// A failed plain form's message above the form: each problem in words (the form has one field
/// or none to put them under), or the error's sentence.
fn whole_message(e: &AppError, lang: Lang) -> String {
    match e {
        AppError::Invalid(f) => {
            f.0.iter()
                .map(|fe| problem(lang, &fe.problem))
                .collect::<Vec<_>>()
                .join(" ")
        }
        other => other.message(lang),
    }
}

fn error_view(e: AppError, lang: Lang) -> AnyView {
    view! { <div class="alert alert-error" role="alert">{e.message(lang)}</div> }.into_any()
}

/// `/sesi/:id`
#[component]
pub fn SessionDetailPage() -> impl IntoView {
    let lang = use_lang();
    let id = id_param();
    let data = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_session_detail(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let sub = use_context::<Submitted<RegisterForm>>();
    let query = use_query_map();
    let notice = move || {
        let q = query.read();
        if q.get("daftar").is_some() {
            Some(lang.t(Msg::RegDone))
        } else if q.get("batal").is_some() {
            Some(lang.t(Msg::RegCancelledNotice))
        } else if q.get("diubah").is_some() {
            Some(lang.t(Msg::SessionUpdated))
        } else if q.get("dibatalkan").is_some() {
            Some(lang.t(Msg::SessionCancelledNotice))
        } else if q.get("pendamping").is_some() {
            Some(lang.t(Msg::MentorsSaved))
        } else {
            None
        }
    };
    view! {
        <p><a href="/sesi">{lang.t(Msg::AllSessions)}</a></p>
        {move || notice().map(|m| view! { <div class="alert alert-ok" role="status">{m}</div> })}
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || {
                let sub = sub.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(d) => detail_view(d, sub, lang).into_any(),
                        Err(e) => {
                            #[cfg(feature = "ssr")]
                            if matches!(e, AppError::NotFound)
                                && let Some(res) = use_context::<leptos_axum::ResponseOptions>()
                            {
                                res.set_status(axum::http::StatusCode::NOT_FOUND);
                            }
                            view! {
                                <Title text=lang.t(Msg::SessionNotFound) />
                                {error_view(e, lang)}
                            }
                            .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

fn detail_view(
    d: SessionDetail,
    sub: Option<Submitted<RegisterForm>>,
    lang: Lang,
) -> impl IntoView {
    let id = d.summary.id.0;
    let title = d.summary.title.clone();
    let mode = d.summary.mode;
    let speakers = d.speakers.clone();
    let description = d.description.clone();
    let registration = registration_box(&d, sub, lang);
    let organise = d.organise && !d.summary.cancelled;
    let manage = d.manage.then(|| {
        view! {
            <p class="actions manage">
                <a class="button secondary" href=format!("/sesi/{id}/peserta")>{lang.t(Msg::RosterTitle)}</a>
                <a class="button secondary" href=format!("/sesi/{id}/absen")>{lang.t(Msg::RollCallTitle)}</a>
                <a class="button secondary" href=format!("/sesi/{id}/hadir/layar")>{lang.t(Msg::CheckinScreenLink)}</a>
                <a class="button secondary" href=format!("/sesi/{id}/laporan") id="report-link">{lang.t(Msg::ReportTitle)}</a>
                {d.organise.then(|| view! {
                    <a class="button secondary" href=format!("/sesi/{id}/undang")>{lang.t(Msg::InviteCsv)}</a>
                    <a class="button secondary" href=format!("/sesi/baru?dari={id}")>{lang.t(Msg::Duplicate)}</a>
                    <a class="button secondary" href=format!("/sesi/{id}/email")>{lang.t(Msg::EmailLogLink)}</a>
                })}
                {organise.then(|| view! {
                    <a class="button secondary" href=format!("/sesi/{id}/ubah") id="edit-session">{lang.t(Msg::Edit)}</a>
                })}
            </p>
        }
    });
    // A confirmed registrant may check in by typing the code from the screen in the room.
    let check_in = (d.mine.as_ref().is_some_and(|m| m.status == RegStatus::Confirmed)
        && mode.has_room()
        && !d.summary.cancelled)
        .then(|| view! {
            <p class="actions"><a class="button secondary" href=format!("/hadir/{id}") id="check-in-link">{lang.t(Msg::CheckinTitle)}</a></p>
        });
    let in_series = d.series.len();
    let series = (in_series > 1).then(|| {
        let zone = d.summary.zone;
        view! {
            <h2>{lang.t(Msg::SeriesTitle).replace("{n}", &in_series.to_string())}</h2>
            <ol class="series">
                {d.series.iter().map(|it| {
                    let text = zone.format_long(it.starts_at, lang);
                    let here = it.id.0 == id;
                    view! {
                        <li class:cancelled=it.cancelled>
                            {if here {
                                view! { <strong>{text}</strong> }.into_any()
                            } else {
                                view! { <a href=format!("/sesi/{}", it.id.0)>{text}</a> }.into_any()
                            }}
                            {it.cancelled.then(|| format!(" · {}", lang.t(Msg::Cancelled)))}
                        </li>
                    }
                }).collect_view()}
            </ol>
        }
    });
    let mentors = organise.then(|| mentors_box(id, &d, lang));
    let cancel = organise.then(|| {
        let later = d.series.iter().filter(|it| it.starts_at >= d.summary.starts_at && !it.cancelled).count();
        view! {
            <details class="card danger" id="cancel-session">
                <summary>{lang.t(Msg::CancelSession)}</summary>
                <form method="post" action=format!("/sesi/{id}/batalkan") class="stack" novalidate>
                    <p>{lang.t(Msg::CancelSessionExplain)}</p>
                    <div class="field">
                        <label for="f-reason">{lang.t(Msg::CancelReason)}</label>
                        <input id="f-reason" name="reason" type="text" maxlength="300" />
                    </div>
                    {(later > 1).then(|| view! {
                        <label class="choice"><input type="radio" name="scope" value="one" checked=true /><span>{lang.t(Msg::CancelThisOnly)}</span></label>
                        <label class="choice"><input type="radio" name="scope" value="series" /><span>{lang.t(Msg::CancelSeries).replace("{n}", &later.to_string())}</span></label>
                    })}
                    <p class="actions"><button type="submit" class="danger">{lang.t(Msg::CancelSessionConfirm)}</button></p>
                </form>
            </details>
        }
    });
    let seats = view! {
        <dl class="seats detail-seats">
            {mode.has_room().then(|| view! {
                <div><dt>{lang.t(Msg::SeatRoom)}</dt><dd>{seats_text(lang, d.room)}</dd></div>
            })}
            {mode.has_online().then(|| view! {
                <div><dt>{lang.t(Msg::SeatOnline)}</dt><dd>{seats_text(lang, d.online)}</dd></div>
            })}
        </dl>
    };
    view! {
        <Title text=title />
        <article class="session-detail">
            <ul class="sessions single">
                <SessionCard s=d.summary organiser=false heading=true>
                    {seats}
                </SessionCard>
            </ul>
            {description.map(|t| view! { <p class="description">{t}</p> })}
            {(!speakers.is_empty()).then(|| view! {
                <h2>{lang.t(Msg::Speakers)}</h2>
                <ul class="speakers">
                    {speakers.into_iter().map(|s| view! {
                        <li><strong>{s.name}</strong>{s.affiliation.map(|a| format!(" · {a}"))}</li>
                    }).collect_view()}
                </ul>
            })}
            <p class="calendar-link"><a href=format!("/sesi/{id}/kalender.ics") download=format!("sesi-{id}.ics")>{lang.t(Msg::AddToCalendar)}</a></p>
            {series.map(|v| v.into_any())}
            {registration.into_any()}
            {check_in}
            {manage.map(|v| v.into_any())}
            {mentors.map(|v| v.into_any())}
            {cancel.map(|v| v.into_any())}
        </article>
    }
}

/// Assigned mentors, each with a remove button, and a form to assign one more.
fn mentors_box(id: i64, d: &SessionDetail, lang: Lang) -> impl IntoView + use<> {
    let assigned = d.mentors.clone();
    let options = d.mentor_options.clone();
    view! {
        <section class="card mentors" aria-labelledby="mentors-title">
            <h2 id="mentors-title">{lang.t(Msg::AssignedMentors)}</h2>
            {assigned.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::NoMentorsYet)}</p> })}
            <ul class="plain">
                {assigned.into_iter().map(|m| view! {
                    <li>
                        {m.label}" "
                        <form method="post" action=format!("/sesi/{id}/pendamping/{}/hapus", m.id) class="inline">
                            <button type="submit" class="link">{lang.t(Msg::Remove)}</button>
                        </form>
                    </li>
                }).collect_view()}
            </ul>
            {(!options.is_empty()).then(|| view! {
                <form method="post" action=format!("/sesi/{id}/pendamping") class="row inline-form">
                    <div class="field">
                        <label for="f-mentor_id">{lang.t(Msg::AssignMentor)}</label>
                        <select id="f-mentor_id" name="mentor_id">
                            {options.into_iter().map(|m| view! { <option value=m.id.to_string()>{m.label}</option> }).collect_view()}
                        </select>
                    </div>
                    <p class="actions"><button type="submit" class="secondary">{lang.t(Msg::Assign)}</button></p>
                </form>
            })}
        </section>
    }
}

fn registration_box(
    d: &SessionDetail,
    sub: Option<Submitted<RegisterForm>>,
    lang: Lang,
) -> impl IntoView + use<> {
    let id = d.summary.id.0;
    let (chosen, errors, error) = match sub {
        Some(s) => (s.form.seat, s.errors, s.error),
        None => (String::new(), Default::default(), None),
    };
    let whole = error.map(|e| whole_message(&e, lang));
    let seat_error = errors
        .get(bimtek::domain::Field::Seat)
        .map(|p| problem(lang, p));
    let mine = d.mine.clone();
    let active = mine.as_ref().is_some_and(|m| m.status.is_active());
    // A cancelled registration says nothing here: the page offers to register again.
    let status = mine
        .as_ref()
        .filter(|m| m.status != RegStatus::Cancelled)
        .map(|m| my_status(m, lang));
    let join = d.meeting_url.clone().filter(|_| {
        mine.as_ref()
            .is_some_and(|m| m.status == RegStatus::Confirmed && m.seat == SeatKind::Online)
    });
    let organiser_link = d.meeting_url.clone().filter(|_| d.manage && join.is_none());
    let closed = match d.window {
        Window::Open => None,
        Window::NotYet { opens_at } => Some(
            lang.t(Msg::RegNotYet)
                .replace("{when}", &d.summary.zone.format_long(opens_at, lang)),
        ),
        Window::Closed => Some(problem(lang, &bimtek::domain::Problem::RegistrationClosed)),
        Window::SessionCancelled => Some(problem(lang, &bimtek::domain::Problem::SessionCancelled)),
        Window::SessionEnded => Some(problem(lang, &bimtek::domain::Problem::SessionEnded)),
    };
    let can_register = !active && closed.is_none() && d.eligible && d.logged_in;
    let mode = d.summary.mode;
    let (room, online) = (d.room, d.online);
    let form = can_register.then(|| {
        let seat_choice = (mode == bimtek::domain::SessionMode::Hybrid).then(|| {
            let options = [(SeatKind::Room, room), (SeatKind::Online, online)];
            view! {
                <fieldset class="seat-choice" aria-describedby="seat-error">
                    <legend>{lang.t(Msg::ChooseSeat)}</legend>
                    {options.into_iter().map(|(k, c)| {
                        let checked = chosen == k.as_str();
                        view! {
                            <label class="choice">
                                <input type="radio" name="seat" value=k.as_str() checked=checked required />
                                <span class="choice-label">{seat_label(lang, k)}</span>
                                <span class="muted small">{seats_text(lang, c)}</span>
                            </label>
                        }
                    }).collect_view()}
                    {seat_error.clone().map(|m| view! { <p class="field-error" id="seat-error">{m}</p> })}
                </fieldset>
            }
        });
        view! {
            <form method="post" action=format!("/sesi/{id}/daftar") id="register-form" class="stack" novalidate>
                {seat_choice}
                <p class="actions"><button type="submit" class="primary big">{lang.t(Msg::RegisterButton)}</button></p>
            </form>
        }
    });
    let login = (!d.logged_in && closed.is_none()).then(|| {
        view! {
            <p>{lang.t(Msg::RegisterLoginFirst)}</p>
            <p><a class="button primary" href=format!("/masuk?next=/sesi/{id}")>{lang.t(Msg::NavLogin)}</a></p>
        }
    });
    let not_eligible = (d.logged_in && !d.eligible && !active && closed.is_none())
        .then(|| problem(lang, &bimtek::domain::Problem::NotEligible));
    view! {
        <section class="card registration" aria-labelledby="reg-title" id="pendaftaran">
            <h2 id="reg-title">{lang.t(Msg::RegisterTitle)}</h2>
            {whole.map(|m| view! { <div class="alert alert-error" role="alert">{m}</div> })}
            {status.map(|s| view! { <p class="my-status" id="my-status"><strong>{s}</strong></p> })}
            {join.map(|url| view! {
                <p><a class="button primary big" href=format!("/sesi/{id}/gabung") id="join-button">{lang.t(Msg::JoinMeeting)}</a></p>
                <p class="muted small">{lang.t(Msg::JoinNote)}</p>
                <p class="small">{lang.t(Msg::MeetingLink)}": "<span class="meeting-url">{url}</span></p>
            })}
            {organiser_link.map(|url| view! {
                <p class="small">{lang.t(Msg::MeetingLink)}": "<span class="meeting-url">{url}</span></p>
            })}
            {(!active).then(|| closed.clone().map(|m| view! { <p class="alert alert-info">{m}</p> })).flatten()}
            {not_eligible.map(|m| view! { <p class="alert alert-info">{m}</p> })}
            {form}
            {login}
            {active.then(|| view! {
                <form method="post" action=format!("/sesi/{id}/batal") id="cancel-form">
                    <button type="submit" class="secondary">{lang.t(Msg::CancelRegistration)}</button>
                </form>
            })}
        </section>
    }
}

fn my_status(m: &MyRegistration, lang: Lang) -> String {
    let seat = seat_label(lang, m.seat).to_lowercase();
    match m.status {
        RegStatus::Confirmed => lang.t(Msg::YouAreConfirmed).replace("{seat}", &seat),
        RegStatus::Waitlisted => lang
            .t(Msg::YouAreWaitlisted)
            .replace("{seat}", &seat)
            .replace("{n}", &m.waitlist_rank.unwrap_or(1).to_string()),
        RegStatus::Invited => lang.t(Msg::YouAreInvited).to_string(),
        RegStatus::Cancelled => lang.t(Msg::RegCancelledNotice).to_string(),
    }
}

/// `/sesi/:id/peserta`: who registered, seat, status, waitlist order, joined / checked in.
#[component]
pub fn RosterPage() -> impl IntoView {
    let lang = use_lang();
    let id = id_param();
    let data = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_roster(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let query = use_query_map();
    let done = move || {
        let q = query.read();
        q.get("diundang").map(|n| {
            lang.t(Msg::InviteDone)
                .replace("{created}", &q.get("baru").unwrap_or_default())
                .replace("{invited}", &n)
                .replace("{already}", &q.get("sudah").unwrap_or_default())
                .replace("{skipped}", &q.get("lewat").unwrap_or_default())
        })
    };
    view! {
        <Title text=lang.t(Msg::RosterTitle) />
        {move || done().map(|m| view! { <div class="alert alert-ok" role="status">{m}</div> })}
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(r) => roster_view(r, lang).into_any(),
                    Err(e) => error_view(e, lang),
                }
            })}
        </Suspense>
    }
}

fn fmt_opt(r: &Roster, at: Option<chrono::DateTime<chrono::Utc>>, lang: Lang) -> String {
    at.map(|t| r.session.zone.format_time(t, lang))
        .unwrap_or_default()
}

fn roster_view(r: Roster, lang: Lang) -> impl IntoView {
    let id = r.session.id.0;
    let rows: Vec<AnyView> = r.rows.iter().map(|row| roster_row(&r, row, lang)).collect();
    let empty = r.rows.is_empty();
    let counts = format!(
        "{} {}/{} · {} {}/{}",
        lang.t(Msg::SeatRoom),
        r.room.confirmed,
        r.room.capacity,
        lang.t(Msg::SeatOnline),
        r.online.confirmed,
        r.online.capacity
    );
    view! {
        <p><a href=format!("/sesi/{id}")>"← "{r.session.title.clone()}</a></p>
        <h1>{lang.t(Msg::RosterTitle)}</h1>
        <p class="muted">{counts}</p>
        <p class="actions">
            <a class="button secondary" href=format!("/sesi/{id}/peserta.csv") download>{lang.t(Msg::ExportCsv)}</a>
            <a class="button secondary" href=format!("/sesi/{id}/peserta.xlsx") download>{lang.t(Msg::ExportXlsx)}</a>
            <a class="button secondary" href=format!("/sesi/{id}/undang")>{lang.t(Msg::InviteCsv)}</a>
        </p>
        {if empty {
            view! { <p class="empty">{lang.t(Msg::RosterEmpty)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="roster" id="roster">
                        <thead><tr>
                            <th scope="col">{lang.t(Msg::ColName)}</th>
                            <th scope="col">{lang.t(Msg::ColStatus)}</th>
                            <th scope="col">{lang.t(Msg::ColSeat)}</th>
                            <th scope="col">{lang.t(Msg::ColQueue)}</th>
                            <th scope="col">{lang.t(Msg::ColRoles)}</th>
                            <th scope="col">{lang.t(Msg::ColRegion)}</th>
                            <th scope="col">{lang.t(Msg::ColJoined)}</th>
                            <th scope="col">{lang.t(Msg::ColCheckedIn)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
    }
}

fn roster_row(r: &Roster, row: &RosterRow, lang: Lang) -> AnyView {
    let roles = row
        .roles
        .split(", ")
        .filter_map(bimtek::domain::Role::parse)
        .map(|x| role_label(lang, x))
        .collect::<Vec<_>>()
        .join(", ");
    let seat = if row.status == RegStatus::Invited {
        String::new()
    } else {
        seat_label(lang, row.seat).to_string()
    };
    view! {
        <tr class=format!("status-{}", row.status.as_str()) id=format!("orang-{}", row.person_id.0)>
            <th scope="row">{row.name.clone()}</th>
            <td>{status_label(lang, row.status)}</td>
            <td>{seat}</td>
            <td>{row.waitlist_rank.map(|n| format!("#{n}"))}</td>
            <td>{roles}</td>
            <td>{row.region.clone()}</td>
            <td class="joined">{fmt_opt(r, row.joined_online_at, lang)}</td>
            <td>{fmt_opt(r, row.checked_in_at, lang)}</td>
        </tr>
    }
    .into_any()
}

/// `/sesi/:id/undang`: paste or choose a CSV, check it, then confirm.
#[component]
pub fn InvitePage() -> impl IntoView {
    let lang = use_lang();
    let id = id_param().unwrap_or(0);
    let sub = use_context::<Submitted<InviteForm>>();
    let preview = use_context::<InvitePreview>();
    let (form, error) = match sub {
        Some(s) => (s.form, s.error),
        None => (InviteForm::default(), None),
    };
    let whole = error.map(|e| whole_message(&e, lang));
    let csv = form.csv.clone();
    view! {
        <Title text=lang.t(Msg::InviteTitle) />
        <p><a href=format!("/sesi/{id}")>{lang.t(Msg::AllSessions)}</a></p>
        <h1>{lang.t(Msg::InviteTitle)}</h1>
        {whole.map(|m| view! { <div class="alert alert-error" role="alert" id="csv-error">{m}</div> })}
        {preview.map(|p| preview_view(id, p, csv.clone(), lang))}
        <p class="intro">{lang.t(Msg::InviteIntro)}</p>
        <form method="post" action=format!("/sesi/{id}/undang") enctype="multipart/form-data" class="stack" id="invite-form" novalidate>
            <input type="hidden" name="langkah" value="periksa" />
            <div class="field">
                <label for="csv">{lang.t(Msg::FieldCsvText)}</label>
                <textarea id="csv" name="csv" rows="8" spellcheck="false" placeholder="nama,email,no_hp,peran,wilayah">{form.csv}</textarea>
            </div>
            <div class="field">
                <label for="file">{lang.t(Msg::FieldCsvFile)}</label>
                <input type="file" id="file" name="file" accept=".csv,text/csv,text/plain" />
            </div>
            <p class="actions"><button type="submit" class="secondary">{lang.t(Msg::InvitePreviewButton)}</button></p>
        </form>
    }
}

fn preview_view(id: i64, p: InvitePreview, csv: String, lang: Lang) -> impl IntoView {
    let summary = lang
        .t(Msg::InviteSummary)
        .replace("{new}", &p.new_people.to_string())
        .replace("{invite}", &p.to_invite.to_string())
        .replace("{already}", &p.already.to_string())
        .replace("{errors}", &p.errors.to_string());
    let can_confirm = p.to_invite > 0;
    let lines = p
        .lines
        .into_iter()
        .map(|l| {
            let (class, result) = match &l.outcome {
                LineOutcome::NewPerson => ("ok", lang.t(Msg::InviteOutcomeNew).to_string()),
                LineOutcome::Invite => ("ok", lang.t(Msg::InviteOutcomeInvite).to_string()),
                LineOutcome::Already => ("same", lang.t(Msg::InviteOutcomeAlready).to_string()),
                LineOutcome::Duplicate { first_line } => (
                    "same",
                    lang.t(Msg::InviteOutcomeDuplicate)
                        .replace("{n}", &first_line.to_string()),
                ),
                LineOutcome::Errors(errs) => (
                    "bad",
                    errs.iter()
                        .map(|e| {
                            format!(
                                "{}: {}",
                                field_name(lang, e.field),
                                problem(lang, &e.problem)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
            };
            view! {
                <tr class=format!("line-{class}")>
                    <td>{l.line}</td>
                    <td>{l.name}</td>
                    <td>{l.contact}</td>
                    <td>{l.role.map(|r| role_label(lang, r))}</td>
                    <td>{l.region}</td>
                    <td class="result">{result}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card preview" aria-labelledby="preview-title" id="preview">
            <h2 id="preview-title">{lang.t(Msg::InvitePreviewTitle)}</h2>
            <p id="preview-summary"><strong>{summary}</strong></p>
            <div class="table-wrap">
                <table class="roster">
                    <thead><tr>
                        <th scope="col">{lang.t(Msg::ColLine)}</th>
                        <th scope="col">{lang.t(Msg::ColName)}</th>
                        <th scope="col">{lang.t(Msg::ColContact)}</th>
                        <th scope="col">{lang.t(Msg::ColRoles)}</th>
                        <th scope="col">{lang.t(Msg::ColRegion)}</th>
                        <th scope="col">{lang.t(Msg::ColResult)}</th>
                    </tr></thead>
                    <tbody>{lines}</tbody>
                </table>
            </div>
            {if can_confirm {
                view! {
                    <form method="post" action=format!("/sesi/{id}/undang") enctype="multipart/form-data" id="confirm-form">
                        <input type="hidden" name="langkah" value="kirim" />
                        <textarea name="csv" hidden>{csv}</textarea>
                        <p class="actions"><button type="submit" class="primary">{lang.t(Msg::InviteConfirmButton)}</button></p>
                    </form>
                }
                .into_any()
            } else {
                view! { <p class="alert alert-info">{lang.t(Msg::InviteNothing)}</p> }.into_any()
            }}
        </section>
    }
}

fn field_name(lang: Lang, f: bimtek::domain::Field) -> &'static str {
    use bimtek::domain::Field;
    lang.t(match f {
        Field::FullName => Msg::ColName,
        Field::Email | Field::Phone => Msg::ColContact,
        Field::Role => Msg::ColRoles,
        Field::Region => Msg::ColRegion,
        _ => Msg::ColResult,
    })
}
