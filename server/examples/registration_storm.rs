//! Registration storm: N distinct participants register at once for one hybrid session with 50
//! room and 170 online seats. Checks the invariants (exactly 220 confirmed, the rest waitlisted in
//! order without gaps, no errors) and prints latency percentiles.
//!
//!     cargo run --release -p bimtek-server --example registration_storm -- DATABASE_URL [N] [POOLS]
//!
//! POOLS > 1 spreads the registrations over that many connection pools against the same
//! database, as that many server processes would. Runs through the service layer (the same code
//! the HTTP handlers call), so it measures the transaction and its locking, not HTTP.

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
    let mut svcs = vec![Services::new(db.clone(), "http://127.0.0.1")];
    for _ in 1..pools {
        svcs.push(Services::new(
            bimtek::store::connect(&url).await.unwrap(),
            "http://127.0.0.1",
        ));
    }
    let mut actors = Vec::with_capacity(n);
    for pid in &people {
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
    let total = t0.elapsed();
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
        "backend={} pools={pools} registrations={n} confirmed={confirmed} waitlisted={} errors={errors} \
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
