//! Data for the session-list benchmark: the demo seed plus SESSIONS upcoming sessions spread over
//! the demo regions, modes and the next 60 days, and REGISTRATIONS registrations (100 per session
//! by default) from distinct people, written in batches.
//!
//!     cargo run --release -p bimtek-server --example bench_data -- DATABASE_URL [SESSIONS] [REGISTRATIONS]

use std::time::Instant;

use bimtek::domain::{SessionMode, Zone};
use bimtek::store::entities::{person, programme, region, registration, session};
use chrono::{Duration, Utc};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let url = args.get(1).expect("DATABASE_URL").clone();
    let sessions: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1_000);
    let registrations: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let t0 = Instant::now();
    let db = bimtek::store::connect(&url).await.expect("connect");
    Migrator::up(&db, None).await.expect("migrate");
    let now = Utc::now();
    bimtek::seed::seed_demo(&db, now).await.expect("seed");
    let programmes: Vec<i64> = programme::Entity::find()
        .order_by_asc(programme::Column::Id)
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    let regions: Vec<region::Model> = region::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.parent_id.is_some())
        .collect();

    let mut session_ids = Vec::with_capacity(sessions);
    for chunk in (0..sessions).collect::<Vec<_>>().chunks(200) {
        let rows: Vec<session::ActiveModel> = chunk
            .iter()
            .map(|&i| {
                let r = &regions[i % regions.len()];
                let mode = SessionMode::ALL[i % 3];
                let zone = Zone::from_iana(&r.timezone).unwrap_or(Zone::Wib);
                let start = now + Duration::hours(2 + (i as i64 * 60 * 24) / sessions as i64);
                session::ActiveModel {
                    programme_id: Set(programmes[i % programmes.len()]),
                    series_id: Set(None),
                    title: Set(format!("Bimtek Kewirausahaan Sosial KPM Graduasi #{i}")),
                    description: Set(Some(
                        "Praktisi kewirausahaan sosial berbagi pengalaman.".into(),
                    )),
                    mode: Set(mode.as_str().into()),
                    status: Set("scheduled".into()),
                    region_id: Set(r.id),
                    timezone: Set(zone.iana().into()),
                    starts_at: Set(start),
                    ends_at: Set(start + Duration::hours(4)),
                    venue: Set(mode
                        .has_room()
                        .then(|| format!("Aula Dinas Sosial {}", r.name))),
                    meeting_url: Set(mode
                        .has_online()
                        .then(|| format!("https://meet.jit.si/bimtek-bench-{i}"))),
                    room_capacity: Set(if mode.has_room() { 50 } else { 0 }),
                    online_capacity: Set(if mode.has_online() { 170 } else { 0 }),
                    registration_opens_at: Set(None),
                    registration_closes_at: Set(None),
                    allow_walk_ins: Set(false),
                    reminder_offsets_minutes: Set("1440,60".into()),
                    version: Set(0),
                    created_by: Set(None),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                }
            })
            .collect();
        session::Entity::insert_many(rows).exec(&db).await.unwrap();
    }
    for s in session::Entity::find()
        .order_by_asc(session::Column::Id)
        .all(&db)
        .await
        .unwrap()
    {
        if s.title
            .starts_with("Bimtek Kewirausahaan Sosial KPM Graduasi #")
        {
            session_ids.push((s.id, SessionMode::parse(&s.mode).unwrap()));
        }
    }

    // People: each registers for 10 sessions.
    let people = registrations.div_ceil(10);
    for chunk in (0..people).collect::<Vec<_>>().chunks(1_000) {
        let rows: Vec<person::ActiveModel> = chunk
            .iter()
            .map(|&i| person::ActiveModel {
                full_name: Set(format!("Peserta Uji Beban {i}")),
                email: Set(Some(format!("beban{i}@contoh.id"))),
                lang: Set("id".into()),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            })
            .collect();
        person::Entity::insert_many(rows)
            .exec(&db)
            .await
            .expect("insert people");
    }
    let person_ids: Vec<i64> = person::Entity::find()
        .filter(person::Column::Email.starts_with("beban"))
        .order_by_asc(person::Column::Id)
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    let mut written = 0;
    let all: Vec<usize> = (0..registrations).collect();
    for chunk in all.chunks(1_000) {
        let rows: Vec<registration::ActiveModel> = chunk
            .iter()
            .map(|&k| {
                let person = person_ids[k / 10];
                let (sid, mode) = session_ids[(k * 97 + k / 10) % session_ids.len()];
                let seat = if mode.has_online() && (k % 2 == 0 || !mode.has_room()) {
                    "online"
                } else {
                    "room"
                };
                registration::ActiveModel {
                    session_id: Set(sid),
                    person_id: Set(person),
                    seat_kind: Set(seat.into()),
                    status: Set("confirmed".into()),
                    waitlist_position: Set(None),
                    join_token_hash: Set(None),
                    invited_by: Set(None),
                    registered_at: Set(now),
                    promoted_at: Set(None),
                    cancelled_at: Set(None),
                    updated_at: Set(now),
                    ..Default::default()
                }
            })
            .collect();
        registration::Entity::insert_many(rows)
            .exec(&db)
            .await
            .expect("insert registrations");
        written += chunk.len();
    }
    println!(
        "bench data: {} sessions, {people} people, {written} registrations in {:.1} s",
        session_ids.len(),
        t0.elapsed().as_secs_f64()
    );
}
