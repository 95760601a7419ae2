//! Registration storm: N distinct participants register at once for one hybrid session with 50
//! room and 170 online seats. Checks the invariants (exactly 220 confirmed, the rest waitlisted in
//! order without gaps, no errors) and prints latency percentiles.
//!
//!     cargo run --release -p bimtek-server --example registration_storm -- DATABASE_URL [N] [POOLS]
//!     cargo run --release -p bimtek-server --example registration_storm -- DATABASE_URL N http://HOST:PORT[,http://HOST:PORT...]
//!
//! With POOLS it runs through the service layer (the same code the HTTP handlers call), so it
//! measures the transaction and its locking, not HTTP; POOLS > 1 spreads the registrations over
//! that many connection pools against the same database.
//!
//! With server URLs it goes through HTTP: each participant gets a login session written straight
//! into the session store (2,000 password logins would take minutes of argon2 and trip the login
//! limits, which is not what is measured here), and all of them POST the registration form at
//! once, spread round-robin over the given `bimtek serve` processes, which must use the same
//! DATABASE_URL. A 303 to the session page is a success; anything else is an error.

use std::time::{Duration, Instant};

use bimtek::domain::{
    MeetingUrl, NewSession, PersonId, ProgrammeId, RegStatus, RegionId, Role, SessionMode, Zone,
};
use bimtek::services::{self, Services};
use bimtek::store::entities::{person, person_role, programme, region, registration};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let url = args.get(1).expect("DATABASE_URL").clone();
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2000);
    let servers: Vec<String> = args
        .get(3)
        .filter(|a| a.starts_with("http"))
        .map(|a| {
            a.split(',')
                .map(|s| s.trim_end_matches('/').to_string())
                .collect()
        })
        .unwrap_or_default();
    let pools: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1).max(1);
    let db = bimtek::store::connect(&url).await.expect("connect");
    Migrator::up(&db, None).await.expect("migrate");
    bimtek::seed::seed_demo(&db, chrono::Utc::now())
        .await
        .expect("seed");
    let now = chrono::Utc::now();
    let p = programme::Entity::find()
        .order_by_asc(programme::Column::Id)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let r = region::Entity::find()
        .filter(region::Column::Code.eq("73.71"))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let start = now + chrono::Duration::days(3);
    let s = services::sessions::insert(
        &db,
        &NewSession {
            title: "Storm".into(),
            description: None,
            programme_id: ProgrammeId(p.id),
            mode: SessionMode::Hybrid,
            region_id: RegionId(r.id),
            zone: Zone::Wita,
            starts_at: start,
            ends_at: start + chrono::Duration::hours(6),
            room_capacity: 50,
            online_capacity: 170,
            venue: Some("Aula".into()),
            meeting_url: MeetingUrl::parse("https://meet.jit.si/storm").ok(),
            speakers: vec![],
            registration_opens_at: None,
            registration_closes_at: None,
            eligibility: Default::default(),
            reminder_offsets: bimtek::domain::DEFAULT_REMINDERS.to_vec(),
            allow_walk_ins: false,
            repeat: Default::default(),
            scope: Default::default(),
        },
        None,
        now,
    )
    .await
    .unwrap();
    let id = bimtek::domain::SessionId(s.id);

    // Participants, inserted in batches.
    let tag = now.timestamp_micros();
    let mut people = Vec::with_capacity(n);
    for chunk in (0..n).collect::<Vec<_>>().chunks(500) {
        let rows: Vec<person::ActiveModel> = chunk
            .iter()
            .map(|i| person::ActiveModel {
                full_name: Set(format!("Peserta {i}")),
                email: Set(Some(format!("storm{tag}-{i}@contoh.id"))),
                lang: Set("id".into()),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            })
            .collect();
        person::Entity::insert_many(rows).exec(&db).await.unwrap();
    }
    for p in person::Entity::find()
        .filter(person::Column::Email.like(format!("storm{tag}-%")))
        .all(&db)
        .await
        .unwrap()
    {
        people.push(p.id);
    }
    for chunk in people.chunks(500) {
        let rows: Vec<person_role::ActiveModel> = chunk
            .iter()
            .map(|pid| person_role::ActiveModel {
                person_id: Set(*pid),
                role: Set(Role::Participant.as_str().into()),
                created_at: Set(now),
                ..Default::default()
            })
            .collect();
        person_role::Entity::insert_many(rows)
            .exec(&db)
            .await
            .unwrap();
    }
    let (total, mut lat, errors) = if servers.is_empty() {
        through_services(&db, &url, pools, &people, id).await
    } else {
        through_http(&db, &servers, &people, id).await
    };
    let mode = if servers.is_empty() {
        format!("pools={pools}")
    } else {
        format!("http_servers={}", servers.len())
    };
    lat.sort();
    let pct = |p: f64| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)];

    let rows = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(id.0))
        .all(&db)
        .await
        .unwrap();
    let confirmed = rows
        .iter()
        .filter(|r| r.status == RegStatus::Confirmed.as_str())
        .count();
    let mut ok_order = true;
    for kind in ["room", "online"] {
        let mut w: Vec<(i64, i64)> = rows
            .iter()
            .filter(|r| r.seat_kind == kind && r.status == "waitlisted")
            .map(|r| (r.waitlist_position.unwrap_or(0), r.id))
            .collect();
        w.sort();
        // Positions 1..=k with no gap, and in arrival (insert) order.
        ok_order &= w.iter().enumerate().all(|(i, (p, _))| *p == i as i64 + 1);
        ok_order &= w.windows(2).all(|x| x[0].1 < x[1].1);
    }
    println!(
        "backend={} {mode} registrations={n} confirmed={confirmed} waitlisted={} errors={errors} \
         waitlist_in_order={ok_order} total={:.2}s rate={:.0}/s p50={:.1}ms p99={:.1}ms max={:.1}ms",
        bimtek::store::backend_name(&db),
        rows.len() - confirmed,
        total.as_secs_f64(),
        n as f64 / total.as_secs_f64(),
        pct(0.50).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        lat.last().unwrap().as_secs_f64() * 1e3,
    );
    assert_eq!(confirmed, 220, "exactly 220 confirmed");
    assert_eq!(rows.len(), n, "no registration lost");
    assert_eq!(errors, 0);
    assert!(ok_order, "waitlist in arrival order without gaps");
}

/// All registrations at once through the service layer, over `pools` connection pools.
async fn through_services(
    db: &sea_orm::DatabaseConnection,
    url: &str,
    pools: usize,
    people: &[i64],
    id: bimtek::domain::SessionId,
) -> (Duration, Vec<Duration>, usize) {
    let n = people.len();
    let mut svcs = vec![Services::new(db.clone(), "http://127.0.0.1")];
    for _ in 1..pools {
        svcs.push(Services::new(
            bimtek::store::connect(url).await.unwrap(),
            "http://127.0.0.1",
        ));
    }
    let mut actors = Vec::with_capacity(n);
    for pid in people {
        actors.push(
            services::auth::load_actor(&svcs[0], PersonId(*pid))
                .await
                .unwrap()
                .unwrap(),
        );
    }

    let t0 = Instant::now();
    let mut tasks = Vec::with_capacity(n);
    for (i, a) in actors.into_iter().enumerate() {
        let svc = svcs[i % pools].clone();
        let seat = if i % 4 == 0 { "room" } else { "online" };
        tasks.push(tokio::spawn(async move {
            let t = Instant::now();
            let r = services::registrations::register(&svc, Some(&a), id, seat, chrono::Utc::now())
                .await;
            (t.elapsed(), r.is_ok())
        }));
    }
    let mut lat: Vec<Duration> = Vec::with_capacity(n);
    let mut errors = 0;
    for t in tasks {
        let (d, ok) = t.await.unwrap();
        lat.push(d);
        if !ok {
            errors += 1;
        }
    }
    (t0.elapsed(), lat, errors)
}

/// All registrations at once as form POSTs to the given servers, each with its own login session.
async fn through_http(
    db: &sea_orm::DatabaseConnection,
    servers: &[String],
    people: &[i64],
    id: bimtek::domain::SessionId,
) -> (Duration, Vec<Duration>, usize) {
    use tower_sessions::SessionStore;
    use tower_sessions::session::{Id, Record};
    let store = bimtek::auth::session_store::SeaOrmStore::new(db.clone());
    let mut cookies = Vec::with_capacity(people.len());
    for pid in people {
        let mut rec = Record {
            id: Id::default(),
            data: [(
                bimtek::auth::SESSION_PERSON_KEY.to_string(),
                serde_json::json!(pid),
            )]
            .into(),
            expiry_date: time::OffsetDateTime::now_utc() + time::Duration::days(1),
        };
        store.create(&mut rec).await.expect("login session");
        cookies.push(format!("bimtek_sid={}", rec.id));
    }
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let t0 = Instant::now();
    let mut tasks = Vec::with_capacity(people.len());
    for (i, cookie) in cookies.into_iter().enumerate() {
        let base = servers[i % servers.len()].clone();
        let client = client.clone();
        let seat = if i % 4 == 0 { "room" } else { "online" };
        tasks.push(tokio::spawn(async move {
            let t = Instant::now();
            let r = client
                .post(format!("{base}/sesi/{}/daftar", id.0))
                .header("cookie", cookie)
                .header("origin", &base)
                .form(&[("seat", seat)])
                .send()
                .await;
            let ok = match r {
                Ok(res) => {
                    let to = res
                        .headers()
                        .get("location")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or_default()
                        .to_string();
                    res.status().as_u16() == 303 && to.contains("daftar=ok")
                }
                Err(e) => {
                    eprintln!("request failed: {e}");
                    false
                }
            };
            (t.elapsed(), ok)
        }));
    }
    let mut lat = Vec::with_capacity(tasks.len());
    let mut errors = 0;
    for t in tasks {
        let (d, ok) = t.await.unwrap();
        lat.push(d);
        errors += usize::from(!ok);
    }
    (t0.elapsed(), lat, errors)
}
