//! The organiser's figures: a session's attendance report (`/sesi/:id/laporan`), its
//! certificates (`/sesi/:id/sertifikat`, and a participant's own at `/saya/sertifikat/:id`),
//! the dashboard of every programme by track (`/dasbor`) and one programme's dashboard
//! (`/program/:id/dasbor`). Charts are SVG drawn on the server: bars in an SVG each, labels and
//! numbers as HTML beside them, so they stay readable on a 360 px phone and print cleanly.

use bimtek::domain::attendance::Outcome;
use bimtek::domain::programme::Metric;
use bimtek::domain::report::{
    Breakdown, Certificates, DashboardOverview, MetricProgress, ProgrammeCard, ProgrammeDashboard,
    ReportRole, SESSION_ROWS, SessionReport, Tally, percent_text,
};
use bimtek::domain::zone::format_date;
use bimtek::i18n::{Lang, Msg};
use leptos::prelude::*;
use leptos_meta::Title;

use super::attendance::{error_view, id_param, mark_label};
use super::coordinator::PrintButton;
use super::programmes::{metric_label, metric_value};
use super::registration::seat_label;
use super::session_list::track_label;
use crate::error::AppError;
use crate::i18n::use_lang;
use crate::server_fns::reports::{
    get_certificates, get_dashboard_overview, get_programme_dashboard, get_session_report,
};

fn comma(lang: Lang) -> bool {
    lang == Lang::Id
}

pub fn role_text(lang: Lang, r: ReportRole) -> &'static str {
    lang.t(match r {
        ReportRole::Kpm => Msg::RoleKpm,
        ReportRole::Coordinator => Msg::RoleCoordinatorReport,
        ReportRole::Other => Msg::RoleOther,
    })
}

pub fn outcome_text(lang: Lang, o: Outcome) -> &'static str {
    match o {
        Outcome::Marked(m) => mark_label(lang, m),
        Outcome::CheckedIn => lang.t(Msg::OutcomeCheckedIn),
        Outcome::JoinedOnline => lang.t(Msg::OutcomeJoinedOnline),
        Outcome::Unknown => lang.t(Msg::OutcomeUnknown),
    }
}

fn region_text(lang: Lang, r: &str) -> String {
    if r.is_empty() {
        lang.t(Msg::RegionUnknown).to_owned()
    } else {
        r.to_owned()
    }
}

/// A stored metric value as shown: counts with thousands separators, the rate in percent.
fn shown(lang: Lang, m: Metric, stored: i64) -> String {
    if m == Metric::AttendanceRate {
        percent_text(stored, comma(lang))
    } else {
        metric_value(lang, m, stored)
    }
}

/// One horizontal bar: `value` on a scale of `scale`, with an optional mark at `target`.
/// The SVG stretches to its box (`preserveAspectRatio="none"`); its label says the numbers.
#[component]
fn Bar(
    value: f64,
    scale: f64,
    #[prop(default = None)] target: Option<f64>,
    label: String,
) -> impl IntoView {
    let scale = scale.max(1.0);
    let w = (value / scale * 100.0).clamp(0.0, 100.0);
    let reached = target.is_some_and(|t| value >= t);
    view! {
        <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label=label>
            <rect class="bar-bg" x="0" y="0" width="100" height="10" />
            <rect class="bar-fill" class:reached=reached x="0" y="0" width=format!("{w:.2}") height="10" />
            {target.map(|t| {
                let x = (t / scale * 100.0).clamp(0.0, 100.0);
                view! { <line class="bar-target" x1=format!("{x:.2}") x2=format!("{x:.2}") y1="0" y2="10" /> }
            })}
        </svg>
    }
}

/// A table of rates: one row per group, with a bar of its rate.
fn tally_table(lang: Lang, id: &'static str, caption: Msg, rows: Vec<(String, Tally)>) -> AnyView {
    let body = rows
        .into_iter()
        .map(|(name, t)| {
            let rate = t.rate_text(comma(lang));
            let pct = t.rate_bp().unwrap_or(0) as f64 / 100.0;
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    <td class="num">{format!("{} / {}", t.attended, t.expected)}</td>
                    <td class="num rate">{rate.clone()}</td>
                    <td class="bar-cell"><Bar value=pct scale=100.0 label=format!("{name}: {rate}") /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="report" id=id>
                <caption>{lang.t(caption)}</caption>
                <thead><tr>
                    <th scope="col"></th>
                    <th scope="col" class="num">{format!("{} / {}", lang.t(Msg::ColAttended), lang.t(Msg::ColExpected).to_lowercase())}</th>
                    <th scope="col" class="num">"%"</th>
                    <th scope="col" class="bar-cell"><span class="sr-only">{lang.t(Msg::AttendanceRate)}</span></th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn breakdown_tables(lang: Lang, b: &Breakdown, regions: bool) -> AnyView {
    let roles = b
        .by_role
        .iter()
        .map(|r| (role_text(lang, r.key).to_owned(), r.tally))
        .collect();
    let seats = b
        .by_seat
        .iter()
        .map(|r| (seat_label(lang, r.key).to_owned(), r.tally))
        .collect();
    let by_region = b
        .by_region
        .iter()
        .map(|r| (region_text(lang, &r.key), r.tally))
        .collect();
    view! {
        <div class="report-grid">
            {tally_table(lang, "by-role", Msg::ByRole, roles)}
            {tally_table(lang, "by-seat", Msg::BySeat, seats)}
        </div>
        {regions.then(|| tally_table(lang, "by-region", Msg::ByRegion, by_region))}
    }
    .into_any()
}

/// The outcome counts as a line of figures.
fn outcome_figures(lang: Lang, b: &Breakdown) -> AnyView {
    use bimtek::domain::attendance::Mark;
    let o = b.outcomes;
    let items = [
        (mark_label(lang, Mark::Present), o.present),
        (mark_label(lang, Mark::Late), o.late),
        (lang.t(Msg::OutcomeCheckedIn), o.checked_in),
        (lang.t(Msg::OutcomeJoinedOnline), o.joined_online),
        (mark_label(lang, Mark::Excused), o.excused),
        (mark_label(lang, Mark::Absent), o.absent),
        (lang.t(Msg::OutcomeUnknown), o.unknown),
    ];
    view! {
        <dl class="figures" id="outcomes">
            {items.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
        </dl>
    }
    .into_any()
}

/// `/sesi/:id/laporan`
#[component]
pub fn SessionReportPage() -> impl IntoView {
    let lang = use_lang();
    let id = id_param();
    let data = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_session_report(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=lang.t(Msg::ReportTitle) />
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(r) => session_report_view(r, lang),
                    Err(e) => error_view(e, lang, format!("/sesi/{}/laporan", id.unwrap_or(0))),
                }
            })}
        </Suspense>
    }
}

fn session_report_view(r: SessionReport, lang: Lang) -> AnyView {
    let id = r.session.id.0;
    let zone = r.session.zone;
    let when = format!(
        "{} – {}",
        zone.format_long(r.session.starts_at, lang),
        zone.format_time(r.session.ends_at, lang)
    );
    let total = r.breakdown.total;
    let headline = format!(
        "{} · {} {} / {} {}",
        total.rate_text(comma(lang)),
        total.attended,
        lang.t(Msg::ColAttended).to_lowercase(),
        total.expected,
        lang.t(Msg::ColExpected).to_lowercase(),
    );
    let rows = r
        .rows
        .iter()
        .map(|row| {
            view! {
                <tr class:attended=row.attended id=format!("orang-{}", row.person_id.0)>
                    <th scope="row">{row.name.clone()}</th>
                    <td data-label=lang.t(Msg::ColRole)>{role_text(lang, row.role)}</td>
                    <td data-label=lang.t(Msg::ColSeat)>{seat_label(lang, row.seat)}</td>
                    <td data-label=lang.t(Msg::ColRegion)>{region_text(lang, &row.region)}</td>
                    <td class="outcome" data-label=lang.t(Msg::ColOutcome)>{outcome_text(lang, row.outcome)}</td>
                    <td data-label=lang.t(Msg::ColNote)>{row.note.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let empty = r.rows.is_empty();
    view! {
        <p><a href=format!("/sesi/{id}")>"← "{r.session.title.clone()}</a></p>
        <h1>{lang.t(Msg::ReportTitle)}</h1>
        <p class="when">{when}" · "{r.session.region.clone()}</p>
        {(!r.started).then(|| view! { <div class="alert alert-info" role="status">{lang.t(Msg::ReportNotStarted)}</div> })}
        <p class="headline" id="report-rate"><strong>{lang.t(Msg::AttendanceRate)}": "</strong>{headline}</p>
        {outcome_figures(lang, &r.breakdown)}
        <p class="actions no-print">
            <a class="button secondary" href=format!("/sesi/{id}/laporan.csv") download>{lang.t(Msg::ExportCsv)}</a>
            <a class="button secondary" href=format!("/sesi/{id}/laporan.xlsx") download>{lang.t(Msg::ExportXlsx)}</a>
            <a class="button secondary" href=format!("/sesi/{id}/sertifikat") id="certificates-link">{lang.t(Msg::CertificatesLink)}</a>
            <a class="button secondary" href=format!("/sesi/{id}/absen")>{lang.t(Msg::RollCallTitle)}</a>
        </p>
        <p class="hint">{lang.t(Msg::ReportIntro)}</p>
        {if empty {
            view! { <p class="empty">{lang.t(Msg::ReportEmpty)}</p> }.into_any()
        } else {
            view! {
                {breakdown_tables(lang, &r.breakdown, true)}
                <div class="table-wrap">
                    <table class="roster report-people stacked" id="report-people">
                        <thead><tr>
                            <th scope="col">{lang.t(Msg::ColName)}</th>
                            <th scope="col">{lang.t(Msg::ColRole)}</th>
                            <th scope="col">{lang.t(Msg::ColSeat)}</th>
                            <th scope="col">{lang.t(Msg::ColRegion)}</th>
                            <th scope="col">{lang.t(Msg::ColOutcome)}</th>
                            <th scope="col">{lang.t(Msg::ColNote)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
    }
    .into_any()
}

/// `/sesi/:id/sertifikat` (organisers and mentors: everyone who attended) and
/// `/saya/sertifikat/:id` (a participant's own).
#[component]
pub fn CertificatesPage() -> impl IntoView {
    certificates_page(false)
}

#[component]
pub fn MyCertificatePage() -> impl IntoView {
    certificates_page(true)
}

fn certificates_page(mine: bool) -> impl IntoView {
    let lang = use_lang();
    let id = id_param();
    let data = Resource::new(
        move || id,
        move |id| async move {
            match id {
                Some(id) => get_certificates(id, mine).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let here = move || match mine {
        true => format!("/saya/sertifikat/{}", id.unwrap_or(0)),
        false => format!("/sesi/{}/sertifikat", id.unwrap_or(0)),
    };
    view! {
        <Title text=lang.t(Msg::CertificateTitle) />
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(c) => certificates_view(c, lang, mine),
                    Err(AppError::NotFound) if mine => view! {
                        <h1>{lang.t(Msg::MyCertificate)}</h1>
                        <p class="empty">{lang.t(Msg::MyCertificateNone)}</p>
                    }
                    .into_any(),
                    Err(e) => error_view(e, lang, here()),
                }
            })}
        </Suspense>
    }
}

fn certificates_view(c: Certificates, lang: Lang, mine: bool) -> AnyView {
    let id = c.session.id.0;
    let zone = c.session.zone;
    let when = format!(
        "{} – {}",
        zone.format_long(c.session.starts_at, lang),
        zone.format_time(c.session.ends_at, lang)
    );
    let issued = lang
        .t(Msg::CertificateIssuedOn)
        .replace("{date}", &format_date(c.issued_on, lang));
    let n = c.certificates.len();
    let back = if mine {
        ("/saya".to_owned(), lang.t(Msg::NavMySessions).to_owned())
    } else {
        (
            format!("/sesi/{id}/laporan"),
            lang.t(Msg::ReportTitle).to_owned(),
        )
    };
    let pages = c
        .certificates
        .into_iter()
        .map(|cert| {
            view! {
                <section class="certificate" id=format!("sertifikat-{}", cert.person_id.0)>
                    <p class="cert-issuer">{lang.t(Msg::CertificateIssuer)}</p>
                    <h2 class="cert-title">{lang.t(Msg::CertificateTitle)}</h2>
                    <p class="cert-given">{lang.t(Msg::CertificateGiven)}</p>
                    <p class="cert-name">{cert.name}</p>
                    <p class="cert-for">{lang.t(Msg::CertificateFor)}</p>
                    <p class="cert-session">{c.session.title.clone()}</p>
                    <p class="cert-programme">{format!("{} · {}", c.session.programme, track_label(lang, c.session.track))}</p>
                    <p class="cert-when">{when.clone()}" · "{c.session.region.clone()}</p>
                    <p class="cert-foot">
                        <span>{issued.clone()}</span>
                        <span>{lang.t(Msg::CertificateNumber)}": "{cert.number}</span>
                    </p>
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="no-print">
            <p><a href=back.0>"← "{back.1}</a></p>
            <h1>{lang.t(if mine { Msg::MyCertificate } else { Msg::CertificatesLink })}</h1>
            {if n == 0 {
                view! { <p class="empty">{lang.t(Msg::CertificatesNone)}</p> }.into_any()
            } else {
                view! {
                    <p class="hint" id="certificates-hint">{lang.t(Msg::CertificatesHint).replace("{n}", &n.to_string())}</p>
                    <p><PrintButton label=lang.t(Msg::CertificatePrint).to_owned() /></p>
                }
                .into_any()
            }}
        </div>
        <div class="certificates">{pages}</div>
    }
    .into_any()
}

/// `/dasbor`: every programme the organiser may see, by track.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| get_dashboard_overview());
    view! {
        <Title text=lang.t(Msg::DashboardTitle) />
        <h1>{lang.t(Msg::DashboardTitle)}</h1>
        <p class="hint">{lang.t(Msg::DashboardIntro)}</p>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(o) => overview_view(o, lang),
                    Err(e) => error_view(e, lang, "/dasbor".into()),
                }
            })}
        </Suspense>
    }
}

fn overview_view(o: DashboardOverview, lang: Lang) -> AnyView {
    if o.tracks.is_empty() {
        return view! { <p class="empty">{lang.t(Msg::DashboardEmpty)}</p> }.into_any();
    }
    o.tracks
        .into_iter()
        .map(|(track, cards)| {
            view! {
                <section class="track" id=format!("jalur-{}", track.as_str())>
                    <h2>{track_label(lang, track)}</h2>
                    <ul class="programmes">
                        {cards.into_iter().map(|c| programme_card(c, lang)).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view()
        .into_any()
}

fn programme_card(c: ProgrammeCard, lang: Lang) -> impl IntoView {
    let id = c.id.0;
    let target = c
        .targets
        .iter()
        .find(|(m, _)| *m == Metric::SessionsHeld)
        .map(|(_, v)| *v);
    let held = c.sessions_held as f64;
    let scale = target.map_or(held, |t| t as f64 * 1.5).max(1.0);
    let label = format!(
        "{}: {}{}",
        lang.t(Msg::ColSessionsHeld),
        c.sessions_held,
        target.map(|t| format!(" / {t}")).unwrap_or_default()
    );
    view! {
        <li class="session programme-card" id=format!("program-{id}")>
            <h3><a href=format!("/program/{id}/dasbor")>{c.name}</a></h3>
            <p class="when">{format!("{} – {}", format_date(c.starts_on, lang), format_date(c.ends_on, lang))}</p>
            <p>{label.clone()}</p>
            <Bar value=held scale=scale target=target.map(|t| t as f64) label=label />
            <p class="muted">{lang.t(Msg::SessionsUpcomingCount).replace("{n}", &c.sessions_upcoming.to_string())}</p>
            <dl class="targets">
                {c.targets.into_iter().map(|(m, v)| view! {
                    <div><dt>{metric_label(lang, m)}</dt><dd>{shown(lang, m, v)}</dd></div>
                }).collect_view()}
            </dl>
            <p><a class="button secondary" href=format!("/program/{id}/dasbor")>{lang.t(Msg::OpenDashboard)}</a></p>
        </li>
    }
}

/// `/program/:id/dasbor`
#[component]
pub fn ProgrammeDashboardPage() -> impl IntoView {
    let lang = use_lang();
    let id = id_param();
    let data = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_programme_dashboard(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=lang.t(Msg::DashboardTitle) />
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => programme_view(d, lang),
                    Err(e) => error_view(e, lang, format!("/program/{}/dasbor", id.unwrap_or(0))),
                }
            })}
        </Suspense>
    }
}

fn metric_row(lang: Lang, p: MetricProgress) -> impl IntoView {
    let achieved = shown(lang, p.metric, p.achieved);
    let target = p.target.map(|t| shown(lang, p.metric, t));
    let pct = p.percent_of_target();
    let label = format!(
        "{}: {}{}",
        metric_label(lang, p.metric),
        achieved,
        target
            .as_ref()
            .map(|t| format!(" / {t}"))
            .unwrap_or_default()
    );
    // Bars on the scale of the target (a bar past it is cut at 150 %).
    let (value, scale) = match p.target {
        Some(t) if t > 0 => (p.achieved.min(t * 3 / 2) as f64, (t * 3 / 2) as f64),
        _ => (0.0, 1.0),
    };
    view! {
        <tr id=format!("metric-{}", p.metric.as_str()) class:reached=p.reached()>
            <th scope="row">{metric_label(lang, p.metric)}</th>
            <td class="num achieved" data-label=lang.t(Msg::ColAchieved)>{achieved}</td>
            <td class="num target" data-label=lang.t(Msg::ColTarget)>{target.unwrap_or_else(|| lang.t(Msg::NoTarget).to_owned())}</td>
            <td class="num" data-label="%">{pct.map(|x| format!("{x} %"))}{p.reached().then(|| view! { <span class="badge ok">{lang.t(Msg::TargetReached)}</span> })}</td>
            <td class="bar-cell">
                {p.target.map(|t| view! { <Bar value scale target=Some(t as f64) label=label.clone() /> })}
            </td>
        </tr>
    }
}

fn programme_view(d: ProgrammeDashboard, lang: Lang) -> AnyView {
    let id = d.id.0;
    let zone = d.zone;
    let metrics = d
        .metrics
        .iter()
        .map(|p| metric_row(lang, *p))
        .collect_view();
    let max_held = d.regions.iter().map(|r| r.sessions_held).max().unwrap_or(0);
    let regions = d
        .regions
        .iter()
        .map(|r| {
            let rate = r.attendance.rate_text(comma(lang));
            let name = region_text(lang, &r.region);
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    <td class="num" data-label=lang.t(Msg::ColSessionsHeld)>{r.sessions_held}</td>
                    <td class="num" data-label=metric_label(lang, Metric::KpmTrained)>{r.kpm_trained}</td>
                    <td class="num" data-label=lang.t(Msg::AttendanceRate)>{rate.clone()}</td>
                    <td class="num" data-label=metric_label(lang, Metric::FollowUpsDone)>{r.follow_ups}</td>
                    <td class="num" data-label=metric_label(lang, Metric::BusinessesProgressing)>{r.progressing}</td>
                    <td class="bar-cell"><Bar value=r.sessions_held as f64 scale=max_held as f64 label=format!("{name}: {} {}", r.sessions_held, lang.t(Msg::ColSessionsHeld).to_lowercase()) /></td>
                </tr>
            }
        })
        .collect_view();
    let sessions_empty = d.sessions.is_empty();
    let shown_n = d.sessions.len();
    let sessions = d
        .sessions
        .into_iter()
        .map(|s| {
            let rate = s.tally.rate_text(comma(lang));
            view! {
                <tr>
                    <th scope="row"><a href=format!("/sesi/{}/laporan", s.id.0)>{s.title}</a></th>
                    <td data-label=lang.t(Msg::ColDate)>{zone.format_long(s.starts_at, lang)}</td>
                    <td data-label=lang.t(Msg::ColRegion)>{s.region}</td>
                    <td class="num" data-label=format!("{} / {}", lang.t(Msg::ColAttended), lang.t(Msg::ColExpected).to_lowercase())>{format!("{} / {}", s.tally.attended, s.tally.expected)}</td>
                    <td class="num" data-label=lang.t(Msg::ColRate)>{rate}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <span class="wide" hidden></span>
        <p class="no-print"><a href="/dasbor">"← "{lang.t(Msg::DashboardTitle)}</a></p>
        <h1>{d.name.clone()}</h1>
        <p class="when">
            <span class="badge track">{track_label(lang, d.track)}</span>" "
            {format!("{} – {}", format_date(d.starts_on, lang), format_date(d.ends_on, lang))}
            " · "{lang.t(Msg::SessionsUpcomingCount).replace("{n}", &d.sessions_upcoming.to_string())}
        </p>
        <p class="actions no-print">
            <a class="button secondary" href=format!("/program/{id}/laporan.csv") download>{lang.t(Msg::ExportCsv)}</a>
            <a class="button secondary" href=format!("/program/{id}/laporan.xlsx") download>{lang.t(Msg::ExportXlsx)}</a>
        </p>
        <section class="card">
            <div class="table-wrap">
                <table class="report targets-table stacked" id="targets">
                    <caption>{lang.t(Msg::TargetsVsAchieved)}</caption>
                    <thead><tr>
                        <th scope="col"></th>
                        <th scope="col" class="num">{lang.t(Msg::ColAchieved)}</th>
                        <th scope="col" class="num">{lang.t(Msg::ColTarget)}</th>
                        <th scope="col" class="num">"%"</th>
                        <th scope="col" class="bar-cell"><span class="sr-only">{lang.t(Msg::ChartTargetsLabel)}</span></th>
                    </tr></thead>
                    <tbody>{metrics}</tbody>
                </table>
            </div>
        </section>
        <section>
            <div class="table-wrap">
                <table class="report stacked" id="regions">
                    <caption>{lang.t(Msg::RegionsTitle)}</caption>
                    <thead><tr>
                        <th scope="col">{lang.t(Msg::ColRegion)}</th>
                        <th scope="col" class="num">{lang.t(Msg::ColSessionsHeld)}</th>
                        <th scope="col" class="num">{metric_label(lang, Metric::KpmTrained)}</th>
                        <th scope="col" class="num">{lang.t(Msg::AttendanceRate)}</th>
                        <th scope="col" class="num">{metric_label(lang, Metric::FollowUpsDone)}</th>
                        <th scope="col" class="num">{metric_label(lang, Metric::BusinessesProgressing)}</th>
                        <th scope="col" class="bar-cell"><span class="sr-only">{lang.t(Msg::ChartRegionsLabel)}</span></th>
                    </tr></thead>
                    <tbody>{regions}</tbody>
                </table>
            </div>
        </section>
        <h2>{lang.t(Msg::AttendanceBreakdownTitle)}</h2>
        {outcome_figures(lang, &d.breakdown)}
        {breakdown_tables(lang, &d.breakdown, false)}
        <h2>{lang.t(Msg::HeldSessionsTitle)}</h2>
        {if sessions_empty {
            view! { <p class="empty">{lang.t(Msg::NoSessionsHeld)}</p> }.into_any()
        } else {
            view! {
                {(shown_n >= SESSION_ROWS).then(|| view! { <p class="hint">{lang.t(Msg::ShowingNewest).replace("{n}", &shown_n.to_string())}</p> })}
                <div class="table-wrap">
                    <table class="roster stacked" id="held-sessions">
                        <thead><tr>
                            <th scope="col">{lang.t(Msg::ColSession)}</th>
                            <th scope="col">{lang.t(Msg::ColDate)}</th>
                            <th scope="col">{lang.t(Msg::ColRegion)}</th>
                            <th scope="col" class="num">{format!("{} / {}", lang.t(Msg::ColAttended), lang.t(Msg::ColExpected).to_lowercase())}</th>
                            <th scope="col" class="num">{lang.t(Msg::ColRate)}</th>
                        </tr></thead>
                        <tbody>{sessions}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
        <details class="definitions">
            <summary>{lang.t(Msg::DefinitionsTitle)}</summary>
            <p>{lang.t(Msg::DefinitionsText)}</p>
        </details>
    }
    .into_any()
}
