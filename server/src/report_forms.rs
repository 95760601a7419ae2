//! Downloads of the attendance reports: `/sesi/<id>/laporan.csv|.xlsx` (every confirmed
//! registrant with role, seat, region, outcome and certificate number; the XLSX adds the rates
//! by role, seat and region) and `/program/<id>/laporan.csv|.xlsx` (every held session with its
//! rate; the XLSX adds the targets and the figures by region).

use app::pages::reports::{outcome_text, role_text};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bimtek::domain::programme::Metric;
use bimtek::domain::report::{Breakdown, Tally, certificate_number};
use bimtek::domain::{ProgrammeId, SessionId};
use bimtek::i18n::{Lang, Msg};
use bimtek::services::{self, ServiceError};
use tower_sessions::Session;

use crate::AppState;
use crate::export::{Sheet, sheet_csv, sheets_xlsx};
use crate::forms::{caller, login_redirect, service_error_page};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn t(lang: Lang, m: Msg) -> String {
    lang.t(m).to_owned()
}

/// A rate as a number with one decimal ("83.5"), empty when nobody was expected.
fn rate(t: Tally) -> String {
    t.rate_bp()
        .map(|bp| format!("{}.{}", bp / 100, (bp % 100) / 10))
        .unwrap_or_default()
}

fn tally_cells(t: Tally) -> [String; 3] {
    [t.attended.to_string(), t.expected.to_string(), rate(t)]
}

fn rate_headers(lang: Lang, first: Msg) -> Vec<String> {
    vec![
        t(lang, first),
        t(lang, Msg::ColAttended),
        t(lang, Msg::ColExpected),
        format!("{} (%)", t(lang, Msg::ColRate)),
    ]
}

/// The breakdown as one sheet: a block per dimension.
fn breakdown_sheet(lang: Lang, b: &Breakdown) -> Sheet {
    let mut rows = Vec::new();
    let mut push = |group: Msg, name: String, tally: Tally| {
        let mut r = vec![t(lang, group), name];
        r.extend(tally_cells(tally));
        rows.push(r);
    };
    push(Msg::AttendanceRate, String::new(), b.total);
    for r in &b.by_role {
        push(Msg::ByRole, role_text(lang, r.key).to_owned(), r.tally);
    }
    for r in &b.by_seat {
        push(
            Msg::BySeat,
            app::pages::registration::seat_label(lang, r.key).to_owned(),
            r.tally,
        );
    }
    for r in &b.by_region {
        let name = if r.key.is_empty() {
            t(lang, Msg::RegionUnknown)
        } else {
            r.key.clone()
        };
        push(Msg::ColRegion, name, r.tally);
    }
    let mut headers = vec![String::new()];
    headers.extend(rate_headers(lang, Msg::ColName));
    Sheet {
        name: t(lang, Msg::AttendanceRate),
        headers,
        rows,
        numeric: vec![2, 3, 4],
    }
}

fn download(
    headers: &HeaderMap,
    bytes: Result<Vec<u8>, String>,
    mime: &str,
    name: String,
) -> Response {
    match bytes {
        Ok(b) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, mime.to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_string()),
            ],
            b,
        )
            .into_response(),
        Err(e) => service_error_page(headers, ServiceError::Internal(e)),
    }
}

pub async fn session_csv(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    session_export(st, session, id, false, headers).await
}

pub async fn session_xlsx(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    session_export(st, session, id, true, headers).await
}

async fn session_export(
    st: AppState,
    session: Session,
    id: i64,
    xlsx: bool,
    headers: HeaderMap,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let now = chrono::Utc::now();
    let r =
        match services::reports::session_report(&st.services, actor.as_ref(), SessionId(id), now)
            .await
        {
            Ok(r) => r,
            Err(ServiceError::Unauthenticated) => {
                return login_redirect(&format!("/sesi/{id}/laporan"));
            }
            Err(e) => return service_error_page(&headers, e),
        };
    let lang = app::i18n::from_headers(&headers);
    let people = Sheet {
        name: t(lang, Msg::ReportTitle),
        headers: [
            Msg::ColName,
            Msg::ColRole,
            Msg::ColSeat,
            Msg::ColRegion,
            Msg::ColOutcome,
            Msg::ColAttended,
            Msg::ColNote,
            Msg::ColCertificate,
        ]
        .into_iter()
        .map(|m| t(lang, m))
        .collect(),
        rows: r
            .rows
            .iter()
            .map(|row| {
                let attended = row.attended && r.started;
                vec![
                    row.name.clone(),
                    role_text(lang, row.role).to_owned(),
                    app::pages::registration::seat_label(lang, row.seat).to_owned(),
                    row.region.clone(),
                    outcome_text(lang, row.outcome).to_owned(),
                    if attended { "1" } else { "0" }.to_owned(),
                    row.note.clone(),
                    if attended {
                        certificate_number(r.session.id, row.person_id)
                    } else {
                        String::new()
                    },
                ]
            })
            .collect(),
        numeric: vec![5],
    };
    let name = format!("kehadiran-sesi-{id}");
    if xlsx {
        let sheets = [people, breakdown_sheet(lang, &r.breakdown)];
        download(
            &headers,
            sheets_xlsx(&sheets).map_err(|e| e.to_string()),
            XLSX,
            format!("{name}.xlsx"),
        )
    } else {
        download(
            &headers,
            sheet_csv(&people, lang).map_err(|e| e.to_string()),
            "text/csv; charset=utf-8",
            format!("{name}.csv"),
        )
    }
}

pub async fn programme_csv(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    programme_export(st, session, id, false, headers).await
}

pub async fn programme_xlsx(
    State(st): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    programme_export(st, session, id, true, headers).await
}

fn metric_number(m: Metric, stored: i64) -> String {
    if m == Metric::AttendanceRate {
        format!("{}.{}", stored / 100, (stored % 100) / 10)
    } else {
        stored.to_string()
    }
}

async fn programme_export(
    st: AppState,
    session: Session,
    id: i64,
    xlsx: bool,
    headers: HeaderMap,
) -> Response {
    let actor = match caller(&st, &session, &headers).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let now = chrono::Utc::now();
    let all = match services::reports::programme_sessions(
        &st.services,
        actor.as_ref(),
        ProgrammeId(id),
        now,
    )
    .await
    {
        Ok(r) => r,
        Err(ServiceError::Unauthenticated) => {
            return login_redirect(&format!("/program/{id}/dasbor"));
        }
        Err(e) => return service_error_page(&headers, e),
    };
    let lang = app::i18n::from_headers(&headers);
    let mut session_headers = vec![
        "ID".to_owned(),
        t(lang, Msg::ColSession),
        t(lang, Msg::ColDate),
        t(lang, Msg::ColRegion),
    ];
    session_headers.extend(rate_headers(lang, Msg::ColName).into_iter().skip(1));
    let sessions = Sheet {
        name: t(lang, Msg::HeldSessionsTitle),
        headers: session_headers,
        rows: all
            .iter()
            .map(|s| {
                let mut r = vec![
                    s.id.0.to_string(),
                    s.title.clone(),
                    format!(
                        "{} {}",
                        s.zone.local(s.starts_at).format("%Y-%m-%d %H:%M"),
                        s.zone.label()
                    ),
                    s.region.clone(),
                ];
                r.extend(tally_cells(s.tally));
                r
            })
            .collect(),
        numeric: vec![0, 4, 5, 6],
    };
    let name = format!("laporan-program-{id}");
    if !xlsx {
        return download(
            &headers,
            sheet_csv(&sessions, lang).map_err(|e| e.to_string()),
            "text/csv; charset=utf-8",
            format!("{name}.csv"),
        );
    }
    // The workbook adds the dashboard's figures (the CSV is the sessions alone).
    let dash = match services::reports::dashboard(
        &st.services,
        actor.as_ref(),
        ProgrammeId(id),
        now,
    )
    .await
    {
        Ok(d) => d,
        Err(e) => return service_error_page(&headers, e),
    };
    let targets = Sheet {
        name: t(lang, Msg::TargetsVsAchieved),
        headers: vec![
            String::new(),
            t(lang, Msg::ColAchieved),
            t(lang, Msg::ColTarget),
        ],
        rows: dash
            .metrics
            .iter()
            .map(|p| {
                vec![
                    app::pages::programmes::metric_label(lang, p.metric).to_owned(),
                    metric_number(p.metric, p.achieved),
                    p.target
                        .map(|v| metric_number(p.metric, v))
                        .unwrap_or_default(),
                ]
            })
            .collect(),
        numeric: vec![1, 2],
    };
    let regions = Sheet {
        name: t(lang, Msg::ColRegion),
        headers: vec![
            t(lang, Msg::ColRegion),
            t(lang, Msg::ColSessionsHeld),
            app::pages::programmes::metric_label(lang, Metric::KpmTrained).to_owned(),
            format!("{} (%)", t(lang, Msg::AttendanceRate)),
            app::pages::programmes::metric_label(lang, Metric::FollowUpsDone).to_owned(),
            app::pages::programmes::metric_label(lang, Metric::BusinessesProgressing).to_owned(),
        ],
        rows: dash
            .regions
            .iter()
            .map(|r| {
                vec![
                    r.region.clone(),
                    r.sessions_held.to_string(),
                    r.kpm_trained.to_string(),
                    rate(r.attendance),
                    r.follow_ups.to_string(),
                    r.progressing.to_string(),
                ]
            })
            .collect(),
        numeric: vec![1, 2, 3, 4, 5],
    };
    let sheets = [
        targets,
        regions,
        breakdown_sheet(lang, &dash.breakdown),
        sessions,
    ];
    download(
        &headers,
        sheets_xlsx(&sheets).map_err(|e| e.to_string()),
        XLSX,
        format!("{name}.xlsx"),
    )
}
