//! Attendance reports per session and per programme, attendance certificates, and the programme
//! dashboard (targets against what was achieved, by region and by track). Definitions are in
//! [`crate::domain::report`].
//!
//! The per-programme figures are aggregated by the database (a handful of `GROUP BY` queries
//! over the programme's sessions, each using the `(programme_id, starts_at)` index on sessions
//! and the `(session_id, …)` indexes on registrations, attendance and follow-ups), so the page
//! costs the same whatever the number of rows a programme has grown to. The SQL is written once
//! for both databases: `$n` placeholders, `CASE`, `COALESCE`, `EXISTS`.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QueryResult, QuerySelect,
    Statement, Value,
};

use super::attendance::evidence_of;
use super::registrations::may_manage;
use super::sessions::{summaries, viewer_zone};
use super::{ServiceError, Services, require};
use crate::auth::Actor;
use crate::domain::attendance::CHECKIN_OPENS_MINUTES;
use crate::domain::programme::Metric;
use crate::domain::report::{
    Breakdown, Cell, Certificate, Certificates, DashboardOverview, MetricProgress, OutcomeCounts,
    ProgrammeCard, ProgrammeDashboard, ProgressPoint, RegionProgress, ReportRole, SESSION_ROWS,
    SessionReport, SessionReportRow, SessionTally, Tally, certificate_number, progressing,
};
use crate::domain::{PersonId, ProgrammeId, RegStatus, SeatKind, SessionId, Track, Zone};
use crate::store::entities::{
    attendance, person, person_role, programme, programme_target, region, registration, session,
};

/// Counts as attended: the mentor said hadir or terlambat, or said nothing and there is a
/// check-in or an online join (the rule of `Evidence::attended`).
const ATTENDED: &str = "(a.status IN ('present', 'late') OR (a.status IS NULL AND \
     (a.checked_in_at IS NOT NULL OR a.joined_online_at IS NOT NULL)))";

/// The role a registrant is counted under.
const ROLE: &str = "CASE \
     WHEN EXISTS (SELECT 1 FROM person_roles x WHERE x.person_id = r.person_id AND x.role = 'participant') THEN 'kpm' \
     WHEN EXISTS (SELECT 1 FROM person_roles x WHERE x.person_id = r.person_id AND x.role = 'coordinator') THEN 'coordinator' \
     ELSE 'other' END";

/// A KPM (participant role).
const IS_KPM: &str = "EXISTS (SELECT 1 FROM person_roles x WHERE x.person_id = r.person_id AND x.role = 'participant')";

/// The session's province (or its own region when it has no parent).
const SESSION_PROVINCE: &str = "JOIN regions sg ON sg.id = s.region_id \
     LEFT JOIN regions sp ON sp.id = sg.parent_id";
const PROVINCE_NAME: &str = "COALESCE(sp.name, sg.name)";

/// Sessions of programme $1 held by $2 (the cutoff: see [`cutoff`]), not cancelled.
const HELD: &str = "s.programme_id = $1 AND s.status <> 'cancelled' AND s.starts_at <= $2";

/// The outcome columns of a breakdown query (after `GROUP BY`).
const OUTCOMES: &str = "COUNT(*) AS expected, \
     SUM(CASE WHEN a.status = 'present' THEN 1 ELSE 0 END) AS present, \
     SUM(CASE WHEN a.status = 'late' THEN 1 ELSE 0 END) AS late, \
     SUM(CASE WHEN a.status = 'excused' THEN 1 ELSE 0 END) AS excused, \
     SUM(CASE WHEN a.status = 'absent' THEN 1 ELSE 0 END) AS absent, \
     SUM(CASE WHEN a.status IS NULL AND a.checked_in_at IS NOT NULL THEN 1 ELSE 0 END) AS checked_in, \
     SUM(CASE WHEN a.status IS NULL AND a.checked_in_at IS NULL AND a.joined_online_at IS NOT NULL THEN 1 ELSE 0 END) AS joined_online";

async fn query(
    conn: &impl ConnectionTrait,
    sql: &str,
    values: Vec<Value>,
) -> Result<Vec<QueryResult>, ServiceError> {
    let stmt = Statement::from_sql_and_values(conn.get_database_backend(), sql, values);
    Ok(conn.query_all_raw(stmt).await?)
}

fn int(row: &QueryResult, col: &str) -> Result<u64, ServiceError> {
    // SUM over no rows is NULL; counts are never negative.
    Ok(row.try_get::<Option<i64>>("", col)?.unwrap_or(0).max(0) as u64)
}

fn text(row: &QueryResult, col: &str) -> Result<String, ServiceError> {
    Ok(row.try_get::<Option<String>>("", col)?.unwrap_or_default())
}

fn outcomes_of(row: &QueryResult) -> Result<OutcomeCounts, ServiceError> {
    let mut o = OutcomeCounts {
        present: int(row, "present")?,
        late: int(row, "late")?,
        excused: int(row, "excused")?,
        absent: int(row, "absent")?,
        checked_in: int(row, "checked_in")?,
        joined_online: int(row, "joined_online")?,
        unknown: 0,
    };
    o.unknown = int(row, "expected")?.saturating_sub(o.total());
    Ok(o)
}

/// The breakdown query over the rows `from_where` selects (registrations `r`, sessions `s`,
/// attendance `a`, and whatever `region` needs), grouped by seat, role and `region`.
fn cells_sql(from_where: &str, region: &str) -> String {
    format!(
        "SELECT r.seat_kind AS seat, {ROLE} AS role, {region} AS region, {OUTCOMES} \
         FROM registrations r JOIN sessions s ON s.id = r.session_id \
         LEFT JOIN attendance a ON a.session_id = r.session_id AND a.person_id = r.person_id \
         {from_where} AND r.status = 'confirmed' \
         GROUP BY 1, 2, 3"
    )
}

async fn cells(
    conn: &impl ConnectionTrait,
    sql: &str,
    values: Vec<Value>,
) -> Result<Vec<Cell>, ServiceError> {
    query(conn, sql, values)
        .await?
        .iter()
        .map(|row| {
            Ok(Cell {
                seat: SeatKind::parse(&text(row, "seat")?).unwrap_or(SeatKind::Room),
                role: ReportRole::parse(&text(row, "role")?).unwrap_or(ReportRole::Other),
                region: text(row, "region")?,
                outcomes: outcomes_of(row)?,
            })
        })
        .collect()
}

/// The programme dashboard's queries, `$1` the programme and `$2` the [`cutoff`] (only `follow_ups` takes
/// just `$1`). Public for `examples/report_explain.rs`, which prints their plans.
pub struct DashboardSql {
    pub cells: String,
    pub sessions_by_region: String,
    pub trained_by_region: String,
    pub trained: String,
    pub follow_ups: String,
}

pub fn dashboard_sql() -> DashboardSql {
    let trained_from = format!(
        "FROM registrations r JOIN sessions s ON s.id = r.session_id {SESSION_PROVINCE} \
         LEFT JOIN attendance a ON a.session_id = r.session_id AND a.person_id = r.person_id \
         WHERE {HELD} AND r.status = 'confirmed' AND {ATTENDED} AND {IS_KPM}"
    );
    DashboardSql {
        cells: cells_sql(&format!("{SESSION_PROVINCE} WHERE {HELD}"), PROVINCE_NAME),
        sessions_by_region: format!(
            "SELECT {PROVINCE_NAME} AS region, \
             SUM(CASE WHEN s.starts_at <= $2 THEN 1 ELSE 0 END) AS n, \
             SUM(CASE WHEN s.starts_at > $2 THEN 1 ELSE 0 END) AS upcoming \
             FROM sessions s {SESSION_PROVINCE} \
             WHERE s.programme_id = $1 AND s.status <> 'cancelled' GROUP BY 1"
        ),
        trained_by_region: format!(
            "SELECT {PROVINCE_NAME} AS region, COUNT(DISTINCT r.person_id) AS n \
             {trained_from} GROUP BY 1"
        ),
        trained: format!("SELECT COUNT(DISTINCT r.person_id) AS n {trained_from}"),
        follow_ups: format!(
            "SELECT f.business_id AS business, {PROVINCE_NAME} AS region, \
             f.monthly_revenue AS revenue, f.packaging_improved AS packaging, \
             f.selling_online AS online \
             FROM follow_ups f JOIN sessions s ON s.id = f.session_id {SESSION_PROVINCE} \
             WHERE s.programme_id = $1 ORDER BY f.business_id, f.contacted_at, f.id"
        ),
    }
}

/// A session counts as held once its roll call has opened (30 minutes before the start, when
/// marks and check-ins begin), so what the mentor records shows at once.
pub fn cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::minutes(CHECKIN_OPENS_MINUTES)
}

fn report_role(roles: &[String]) -> ReportRole {
    if roles.iter().any(|r| r == "participant") {
        ReportRole::Kpm
    } else if roles.iter().any(|r| r == "coordinator") {
        ReportRole::Coordinator
    } else {
        ReportRole::Other
    }
}

/// A session's attendance report, for its organisers and mentors: every confirmed registrant
/// with role, seat, region and outcome, and the rates by role, seat kind and region (the
/// person's own region).
pub async fn session_report(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    now: DateTime<Utc>,
) -> Result<SessionReport, ServiceError> {
    let actor = require(actor)?;
    let db = &svc.db;
    let s = session::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !may_manage(db, actor, &s, true).await? {
        return Err(ServiceError::Forbidden);
    }
    let regs = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(s.id))
        .filter(registration::Column::Status.eq(RegStatus::Confirmed.as_str()))
        .all(db)
        .await?;
    let pids: Vec<i64> = regs.iter().map(|r| r.person_id).collect();
    let mut people: HashMap<i64, person::Model> = HashMap::new();
    let mut roles: HashMap<i64, Vec<String>> = HashMap::new();
    for chunk in pids.chunks(5000) {
        for p in person::Entity::find()
            .filter(person::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            people.insert(p.id, p);
        }
        for r in person_role::Entity::find()
            .filter(person_role::Column::PersonId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            roles.entry(r.person_id).or_default().push(r.role);
        }
    }
    let region_names: HashMap<i64, String> = region::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let att: HashMap<i64, attendance::Model> = attendance::Entity::find()
        .filter(attendance::Column::SessionId.eq(s.id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.person_id, a))
        .collect();
    let mut rows: Vec<SessionReportRow> = regs
        .iter()
        .filter_map(|r| {
            let p = people.get(&r.person_id)?;
            let a = att.get(&r.person_id);
            let evidence = evidence_of(a);
            Some(SessionReportRow {
                person_id: PersonId(p.id),
                name: p.full_name.clone(),
                role: report_role(roles.get(&p.id).map(Vec::as_slice).unwrap_or_default()),
                seat: SeatKind::parse(&r.seat_kind)?,
                region: p
                    .region_id
                    .and_then(|id| region_names.get(&id).cloned())
                    .unwrap_or_default(),
                outcome: evidence.outcome(),
                attended: evidence.attended(),
                note: a.and_then(|a| a.note.clone()).unwrap_or_default(),
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.person_id.0.cmp(&b.person_id.0))
    });
    // The same rows, grouped: one cell per (seat, role, region).
    let mut grouped: BTreeMap<(&str, ReportRole, &str), OutcomeCounts> = BTreeMap::new();
    for r in &rows {
        grouped
            .entry((r.seat.as_str(), r.role, r.region.as_str()))
            .or_default()
            .count(r.outcome);
    }
    let cells: Vec<Cell> = grouped
        .into_iter()
        .filter_map(|((seat, role, region), outcomes)| {
            Some(Cell {
                seat: SeatKind::parse(seat)?,
                role,
                region: region.to_owned(),
                outcomes,
            })
        })
        .collect();
    let started = s.starts_at <= cutoff(now);
    let session = summaries(db, vec![s])
        .await?
        .pop()
        .ok_or(ServiceError::NotFound)?;
    Ok(SessionReport {
        session,
        started,
        breakdown: Breakdown::from_cells(&cells),
        rows,
    })
}

/// Certificates for those who attended a session that has started, for its organisers and
/// mentors (`only`: one person's, for the participant who asks for their own).
pub async fn certificates(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    now: DateTime<Utc>,
) -> Result<Certificates, ServiceError> {
    let report = session_report(svc, actor, id, now).await?;
    Ok(certificates_of(report, now))
}

fn certificates_of(report: SessionReport, now: DateTime<Utc>) -> Certificates {
    let zone = report.session.zone;
    let issued_on = zone.local(report.session.ends_at.min(now)).date();
    let certificates = if report.started {
        report
            .rows
            .iter()
            .filter(|r| r.attended)
            .map(|r| Certificate {
                person_id: r.person_id,
                name: r.name.clone(),
                number: certificate_number(report.session.id, r.person_id),
            })
            .collect()
    } else {
        Vec::new()
    };
    Certificates {
        session: report.session,
        issued_on,
        certificates,
    }
}

/// A participant's own certificate for a session they attended (`NotFound` otherwise: the page
/// says there is none yet).
pub async fn my_certificate(
    svc: &Services,
    actor: Option<&Actor>,
    id: SessionId,
    now: DateTime<Utc>,
) -> Result<Certificates, ServiceError> {
    let actor = require(actor)?;
    let db = &svc.db;
    let s = session::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let reg = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(s.id))
        .filter(registration::Column::PersonId.eq(actor.person_id.0))
        .filter(registration::Column::Status.eq(RegStatus::Confirmed.as_str()))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let a = attendance::Entity::find()
        .filter(attendance::Column::SessionId.eq(s.id))
        .filter(attendance::Column::PersonId.eq(reg.person_id))
        .one(db)
        .await?;
    let evidence = evidence_of(a.as_ref());
    if s.starts_at > cutoff(now) || s.status == "cancelled" || !evidence.attended() {
        return Err(ServiceError::NotFound);
    }
    let session = summaries(db, vec![s])
        .await?
        .pop()
        .ok_or(ServiceError::NotFound)?;
    Ok(Certificates {
        issued_on: session.zone.local(session.ends_at.min(now)).date(),
        certificates: vec![Certificate {
            person_id: actor.person_id,
            name: actor.name.clone(),
            number: certificate_number(session.id, actor.person_id),
        }],
        session,
    })
}

/// The sessions the caller attended (newest first, at most 50), each with a certificate.
pub async fn my_attended(
    svc: &Services,
    actor: Option<&Actor>,
    now: DateTime<Utc>,
) -> Result<Vec<crate::domain::SessionSummary>, ServiceError> {
    let actor = require(actor)?;
    let db = &svc.db;
    let attended: Vec<i64> = attendance::Entity::find()
        .filter(attendance::Column::PersonId.eq(actor.person_id.0))
        .all(db)
        .await?
        .into_iter()
        .filter(|a| evidence_of(Some(a)).attended())
        .map(|a| a.session_id)
        .collect();
    let confirmed: Vec<i64> = registration::Entity::find()
        .select_only()
        .column(registration::Column::SessionId)
        .filter(registration::Column::PersonId.eq(actor.person_id.0))
        .filter(registration::Column::Status.eq(RegStatus::Confirmed.as_str()))
        .filter(registration::Column::SessionId.is_in(attended))
        .into_tuple()
        .all(db)
        .await?;
    let rows = session::Entity::find()
        .filter(session::Column::Id.is_in(confirmed))
        .filter(session::Column::Status.ne("cancelled"))
        .filter(session::Column::StartsAt.lte(cutoff(now)))
        .order_by_desc(session::Column::StartsAt)
        .limit(50)
        .all(db)
        .await?;
    summaries(db, rows).await
}

fn may_report(actor: &Actor, id: ProgrammeId) -> bool {
    actor.may_organise_programme(id)
}

/// The overview for organisers: every programme they organise, by track, with the sessions held
/// against the target (one grouped query over the sessions table).
pub async fn overview(
    svc: &Services,
    actor: Option<&Actor>,
    now: DateTime<Utc>,
) -> Result<DashboardOverview, ServiceError> {
    let actor = require(actor)?;
    if !actor.is_organiser() {
        return Err(ServiceError::Forbidden);
    }
    let db = &svc.db;
    let programmes: Vec<programme::Model> = programme::Entity::find()
        .order_by_desc(programme::Column::StartsOn)
        .order_by_asc(programme::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .filter(|p| may_report(actor, ProgrammeId(p.id)))
        .collect();
    let counts = query(
        db,
        "SELECT s.programme_id AS programme, \
         SUM(CASE WHEN s.starts_at <= $1 THEN 1 ELSE 0 END) AS held, \
         SUM(CASE WHEN s.starts_at > $1 THEN 1 ELSE 0 END) AS upcoming \
         FROM sessions s WHERE s.status <> 'cancelled' GROUP BY s.programme_id",
        vec![cutoff(now).into()],
    )
    .await?;
    let mut held: HashMap<i64, (u64, u64)> = HashMap::new();
    for row in &counts {
        let pid: i64 = row.try_get("", "programme")?;
        held.insert(pid, (int(row, "held")?, int(row, "upcoming")?));
    }
    let mut targets: HashMap<i64, Vec<(Metric, i64)>> = HashMap::new();
    for t in programme_target::Entity::find()
        .filter(programme_target::Column::RegionId.is_null())
        .all(db)
        .await?
    {
        if let Some(m) = Metric::parse(&t.metric) {
            targets
                .entry(t.programme_id)
                .or_default()
                .push((m, t.target_value));
        }
    }
    let mut tracks: Vec<(Track, Vec<ProgrammeCard>)> = Vec::new();
    for track in Track::ALL {
        let cards: Vec<ProgrammeCard> = programmes
            .iter()
            .filter(|p| Track::parse(&p.track) == Some(track))
            .map(|p| {
                let (h, u) = held.get(&p.id).copied().unwrap_or_default();
                let mut t = targets.remove(&p.id).unwrap_or_default();
                t.sort_by_key(|(m, _)| Metric::ALL.iter().position(|x| x == m));
                ProgrammeCard {
                    id: ProgrammeId(p.id),
                    name: p.name.clone(),
                    track,
                    starts_on: p.starts_on,
                    ends_on: p.ends_on,
                    sessions_held: h,
                    sessions_upcoming: u,
                    targets: t,
                }
            })
            .collect();
        if !cards.is_empty() {
            tracks.push((track, cards));
        }
    }
    Ok(DashboardOverview { tracks })
}

/// Region name -> figure, from a query with `region` and `n` columns.
fn by_region(rows: &[QueryResult]) -> Result<HashMap<String, u64>, ServiceError> {
    rows.iter()
        .map(|r| Ok((text(r, "region")?, int(r, "n")?)))
        .collect()
}

/// Expected and attended per session, for the sessions `ids`.
async fn session_tallies(
    conn: &impl ConnectionTrait,
    where_sql: &str,
    values: Vec<Value>,
) -> Result<HashMap<i64, Tally>, ServiceError> {
    let sql = format!(
        "SELECT r.session_id AS session, COUNT(*) AS expected, \
         SUM(CASE WHEN {ATTENDED} THEN 1 ELSE 0 END) AS attended \
         FROM registrations r JOIN sessions s ON s.id = r.session_id \
         LEFT JOIN attendance a ON a.session_id = r.session_id AND a.person_id = r.person_id \
         WHERE {where_sql} AND r.status = 'confirmed' GROUP BY r.session_id"
    );
    let mut out = HashMap::new();
    for row in query(conn, &sql, values).await? {
        out.insert(
            row.try_get::<i64>("", "session")?,
            Tally {
                expected: int(&row, "expected")?,
                attended: int(&row, "attended")?,
            },
        );
    }
    Ok(out)
}

async fn programme_for_report(
    svc: &Services,
    actor: Option<&Actor>,
    id: ProgrammeId,
) -> Result<(programme::Model, Track), ServiceError> {
    let actor = require(actor)?;
    let p = programme::Entity::find_by_id(id.0)
        .one(&svc.db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !may_report(actor, id) {
        return Err(ServiceError::Forbidden);
    }
    let track = Track::parse(&p.track)
        .ok_or_else(|| ServiceError::Internal(format!("programme {} has no track", p.id)))?;
    Ok((p, track))
}

/// The programme dashboard: each target against what was achieved, the same figures by region
/// (the province a session was held in), the attendance breakdown by role, seat kind and
/// region, and the newest held sessions with their rates.
pub async fn dashboard(
    svc: &Services,
    actor: Option<&Actor>,
    id: ProgrammeId,
    now: DateTime<Utc>,
) -> Result<ProgrammeDashboard, ServiceError> {
    let (p, track) = programme_for_report(svc, actor, id).await?;
    let db = &svc.db;
    let args = || -> Vec<Value> { vec![p.id.into(), cutoff(now).into()] };

    let sql = dashboard_sql();
    let breakdown = Breakdown::from_cells(&cells(db, &sql.cells, args()).await?);
    let sessions_by_region = query(db, &sql.sessions_by_region, args()).await?;
    let sessions_upcoming: u64 = sessions_by_region
        .iter()
        .map(|r| int(r, "upcoming"))
        .sum::<Result<u64, _>>()?;
    let held_by_region = by_region(&sessions_by_region)?;
    let trained_by_region = by_region(&query(db, &sql.trained_by_region, args()).await?)?;
    let trained = query(db, &sql.trained, args())
        .await?
        .first()
        .map(|r| int(r, "n"))
        .transpose()?
        .unwrap_or(0);
    // Follow-ups linked to the programme's sessions, oldest first per business: counted, and
    // replayed to see which businesses are progressing (a business is placed in the region of
    // its latest follow-up's session).
    let points = query(db, &sql.follow_ups, vec![p.id.into()]).await?;
    let mut follow_ups_by_region: HashMap<String, u64> = HashMap::new();
    let mut progressing_by_region: HashMap<String, u64> = HashMap::new();
    let mut progressing_total = 0u64;
    let mut current: Option<i64> = None;
    let mut run: Vec<ProgressPoint> = Vec::new();
    let mut run_region = String::new();
    let mut close = |run: &mut Vec<ProgressPoint>, region: &str| {
        if progressing(run) {
            progressing_total += 1;
            *progressing_by_region.entry(region.to_owned()).or_default() += 1;
        }
        run.clear();
    };
    for row in &points {
        let business: i64 = row.try_get("", "business")?;
        let region = text(row, "region")?;
        if current != Some(business) {
            close(&mut run, &run_region);
            current = Some(business);
        }
        *follow_ups_by_region.entry(region.clone()).or_default() += 1;
        run.push(ProgressPoint {
            monthly_revenue: row.try_get("", "revenue")?,
            packaging_improved: row.try_get("", "packaging")?,
            selling_online: row.try_get("", "online")?,
        });
        run_region = region;
    }
    close(&mut run, &run_region);

    let held_total: u64 = held_by_region.values().sum();
    let targets: HashMap<Metric, i64> = programme_target::Entity::find()
        .filter(programme_target::Column::ProgrammeId.eq(p.id))
        .filter(programme_target::Column::RegionId.is_null())
        .all(db)
        .await?
        .into_iter()
        .filter_map(|t| Some((Metric::parse(&t.metric)?, t.target_value)))
        .collect();
    let metrics = Metric::ALL
        .into_iter()
        .map(|m| MetricProgress {
            metric: m,
            target: targets.get(&m).copied(),
            achieved: match m {
                Metric::KpmTrained => trained as i64,
                Metric::SessionsHeld => held_total as i64,
                Metric::AttendanceRate => breakdown.total.rate_bp().unwrap_or(0),
                Metric::FollowUpsDone => points.len() as i64,
                Metric::BusinessesProgressing => progressing_total as i64,
            },
        })
        .collect();

    let mut names: Vec<String> = held_by_region
        .keys()
        .chain(follow_ups_by_region.keys())
        .cloned()
        .collect();
    names.sort();
    names.dedup();
    let regions = names
        .into_iter()
        .map(|name| RegionProgress {
            sessions_held: held_by_region.get(&name).copied().unwrap_or(0),
            kpm_trained: trained_by_region.get(&name).copied().unwrap_or(0),
            attendance: breakdown
                .by_region
                .iter()
                .find(|r| r.key == name)
                .map(|r| r.tally)
                .unwrap_or_default(),
            follow_ups: follow_ups_by_region.get(&name).copied().unwrap_or(0),
            progressing: progressing_by_region.get(&name).copied().unwrap_or(0),
            region: name,
        })
        .collect();

    // The newest held sessions, then their tallies (only those sessions' rows are read).
    let sessions = held_sessions(db, p.id, now, Some(SESSION_ROWS as u64)).await?;
    let zone = viewer_zone(svc, actor)
        .await?
        .or_else(|| sessions.first().map(|s| s.zone))
        .unwrap_or(Zone::Wib);
    Ok(ProgrammeDashboard {
        id: ProgrammeId(p.id),
        name: p.name,
        track,
        starts_on: p.starts_on,
        ends_on: p.ends_on,
        metrics,
        regions,
        breakdown,
        sessions,
        sessions_upcoming,
        zone,
    })
}

async fn tallied(
    conn: &impl ConnectionTrait,
    rows: Vec<session::Model>,
) -> Result<Vec<SessionTally>, ServiceError> {
    let mut out = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(500) {
        let ids: Vec<String> = chunk.iter().map(|s| s.id.to_string()).collect();
        // Integer ids from the database, written into the statement: no placeholder limit.
        let tallies = session_tallies(
            conn,
            &format!("r.session_id IN ({})", ids.join(", ")),
            vec![],
        )
        .await?;
        for s in summaries(conn, chunk.to_vec()).await? {
            out.push(SessionTally {
                tally: tallies.get(&s.id.0).copied().unwrap_or_default(),
                id: s.id,
                title: s.title,
                starts_at: s.starts_at,
                zone: s.zone,
                region: s.region,
            });
        }
    }
    Ok(out)
}

/// The programme's held sessions with their rates, newest first (`limit`: only the newest).
async fn held_sessions(
    conn: &impl ConnectionTrait,
    programme: i64,
    now: DateTime<Utc>,
    limit: Option<u64>,
) -> Result<Vec<SessionTally>, ServiceError> {
    let rows = session::Entity::find()
        .filter(session::Column::ProgrammeId.eq(programme))
        .filter(session::Column::Status.ne("cancelled"))
        .filter(session::Column::StartsAt.lte(cutoff(now)))
        .order_by_desc(session::Column::StartsAt)
        .order_by_desc(session::Column::Id)
        .limit(limit)
        .all(conn)
        .await?;
    tallied(conn, rows).await
}

/// Every held session of a programme with its rate, newest first: the programme report's
/// download (the dashboard's figures are not needed for it, and not computed).
pub async fn programme_sessions(
    svc: &Services,
    actor: Option<&Actor>,
    id: ProgrammeId,
    now: DateTime<Utc>,
) -> Result<Vec<SessionTally>, ServiceError> {
    let (p, _) = programme_for_report(svc, actor, id).await?;
    held_sessions(&svc.db, p.id, now, None).await
}
