//! Helpers for the mail benchmarks (`bench/mail_fanout.sh`, `bench/mail_faults.sh`).
//!
//!     mail_bench seed DATABASE_URL SESSIONS PER_SESSION
//!         the demo seed plus SESSIONS sessions starting 20 to 23 hours from now (so their
//!         1-day reminder is due and their 1-hour one is not), each with PER_SESSION confirmed
//!         registrants: distinct people spread over the WIB/WITA/WIT regions, one in ten reading
//!         English, online seats with join links.
//!     mail_bench ceiling DATABASE_URL SMTP_PORT COUNT CONNECTIONS
//!         the ceiling: renders up to 1,000 queued or sent reminders from the outbox once, then
//!         pushes COUNT messages round-robin from them to the SMTP server over CONNECTIONS
//!         connections as fast as it can, through the same SMTP code as the worker but with no
//!         database work per message.
//!     mail_bench pending DATABASE_URL
//!         prints how many outbox rows are still queued or being sent.
//!     mail_bench report DATABASE_URL IDS_FILE
//!         compares the outbox with the sink's record (one Message-ID per accepted message):
//!         delivered once, more than once, not at all; exits 1 on a duplicate or a loss.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use bimtek::config::{SmtpConfig, SmtpTls};
use bimtek::domain::{SessionMode, Zone};
use bimtek::mail::transport::Transport;
use bimtek::store::entities::{email_outbox, person, programme, region, registration, session};
use chrono::{Duration, Utc};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{
    ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
    let num = |i: usize| -> usize { arg(i).parse().expect("a number") };
    match arg(1).as_str() {
        "seed" => seed(&arg(2), num(3), num(4)).await,
        "ceiling" => ceiling(&arg(2), num(3) as u16, num(4), num(5)).await,
        "pending" => println!("{}", pending(&arg(2)).await),
        "report" => std::process::exit(report(&arg(2), &arg(3)).await),
        _ => {
            eprintln!("usage: mail_bench seed|ceiling|pending|report ... (see the source)");
            std::process::exit(2);
        }
    }
}

async fn seed(url: &str, sessions: usize, per_session: usize) {
    let t0 = Instant::now();
    let db = bimtek::store::connect(url).await.expect("connect");
    Migrator::up(&db, None).await.expect("migrate");
    let now = Utc::now();
    bimtek::seed::seed_demo(&db, now).await.expect("seed");
    let programme = programme::Entity::find()
        .order_by_asc(programme::Column::Id)
        .one(&db)
        .await
        .unwrap()
        .expect("a demo programme")
        .id;
    let regions: Vec<region::Model> = region::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.parent_id.is_some())
        .collect();
    let title = "Bimtek Pemasaran Digital KPM Graduasi #";
    for chunk in (0..sessions).collect::<Vec<_>>().chunks(200) {
        let rows: Vec<session::ActiveModel> = chunk
            .iter()
            .map(|&i| {
                let r = &regions[i % regions.len()];
                let mode = [SessionMode::Hybrid, SessionMode::Online][i % 2];
                let zone = Zone::from_iana(&r.timezone).unwrap_or(Zone::Wib);
                let start = now + Duration::hours(20) + Duration::minutes((i % 180) as i64);
                session::ActiveModel {
                    programme_id: Set(programme),
                    title: Set(format!("{title}{i}")),
                    description: Set(Some("Foto produk dan katalog WhatsApp Business.".into())),
                    mode: Set(mode.as_str().into()),
                    status: Set("scheduled".into()),
                    region_id: Set(r.id),
                    timezone: Set(zone.iana().into()),
                    starts_at: Set(start),
                    ends_at: Set(start + Duration::hours(3)),
                    venue: Set(mode.has_room().then(|| format!("Balai Desa {}", r.name))),
                    meeting_url: Set(Some(format!("https://meet.jit.si/bimtek-fanout-{i}"))),
                    room_capacity: Set(if mode.has_room() { 50 } else { 0 }),
                    online_capacity: Set(per_session as i32),
                    allow_walk_ins: Set(false),
                    reminder_offsets_minutes: Set("1440,60".into()),
                    version: Set(0),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                }
            })
            .collect();
        session::Entity::insert_many(rows).exec(&db).await.unwrap();
    }
    let session_ids: Vec<(i64, SessionMode)> = session::Entity::find()
        .filter(session::Column::Title.starts_with(title))
        .order_by_asc(session::Column::Id)
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| (s.id, SessionMode::parse(&s.mode).unwrap()))
        .collect();
    let people = sessions * per_session;
    for chunk in (0..people).collect::<Vec<_>>().chunks(1_000) {
        let rows: Vec<person::ActiveModel> = chunk
            .iter()
            .map(|&i| person::ActiveModel {
                full_name: Set(format!("Ibu Peserta Fan-out {i}")),
                email: Set(Some(format!("fanout{i}@contoh.id"))),
                lang: Set(if i % 10 == 0 { "en" } else { "id" }.into()),
                region_id: Set(Some(regions[(i * 7) % regions.len()].id)),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            })
            .collect();
        person::Entity::insert_many(rows).exec(&db).await.unwrap();
    }
    let person_ids: Vec<i64> = person::Entity::find()
        .select_only()
        .column(person::Column::Id)
        .filter(person::Column::Email.starts_with("fanout"))
        .order_by_asc(person::Column::Id)
        .into_tuple()
        .all(&db)
        .await
        .unwrap();
    assert_eq!(person_ids.len(), people, "people written");
    for chunk in (0..people).collect::<Vec<_>>().chunks(1_000) {
        let rows: Vec<registration::ActiveModel> = chunk
            .iter()
            .map(|&k| {
                let (sid, mode) = session_ids[k / per_session];
                let room = mode.has_room() && k % 5 == 0;
                registration::ActiveModel {
                    session_id: Set(sid),
                    person_id: Set(person_ids[k]),
                    seat_kind: Set(if room { "room" } else { "online" }.into()),
                    status: Set("confirmed".into()),
                    join_token_hash: Set((!room).then(|| format!("{k:064x}"))),
                    registered_at: Set(now - Duration::days(3)),
                    updated_at: Set(now),
                    ..Default::default()
                }
            })
            .collect();
        registration::Entity::insert_many(rows)
            .exec(&db)
            .await
            .unwrap();
    }
    println!(
        "seeded {} sessions, {people} people and registrations in {:.1} s",
        session_ids.len(),
        t0.elapsed().as_secs_f64()
    );
}

async fn ceiling(url: &str, port: u16, count: usize, connections: usize) {
    let db = bimtek::store::connect(url).await.expect("connect");
    let from = "Bimtek <bimtek@localhost>".parse().expect("from");
    let rows = email_outbox::Entity::find()
        .filter(email_outbox::Column::Kind.eq("reminder"))
        .order_by_asc(email_outbox::Column::Id)
        .limit(1_000)
        .all(&db)
        .await
        .unwrap();
    assert!(!rows.is_empty(), "no reminders in the outbox to render");
    let messages: Vec<_> = rows
        .iter()
        .map(|r| {
            let m = bimtek::mail::worker::message(&from, r).expect("render");
            (m.envelope().clone(), m.formatted())
        })
        .collect();
    let messages = Arc::new(messages);
    let transport = Arc::new(Transport::new(&SmtpConfig {
        host: "127.0.0.1".into(),
        port,
        user: None,
        password: None,
        tls: SmtpTls::None,
        from: "Bimtek <bimtek@localhost>".into(),
    }));
    let next = Arc::new(AtomicUsize::new(0));
    let t0 = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..connections {
        let (messages, transport, next) = (messages.clone(), transport.clone(), next.clone());
        tasks.spawn(async move {
            let mut conn = transport.take().await.expect("connect");
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count {
                    break;
                }
                let (envelope, content) = &messages[i % messages.len()];
                conn.open_data(envelope, content)
                    .await
                    .expect("MAIL/RCPT/DATA");
                conn.finish_data(content).await.expect("content");
            }
        });
    }
    while tasks.join_next().await.is_some() {}
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "ceiling: {count} pre-rendered messages over {connections} connections in {secs:.1} s = {:.0} msg/s",
        count as f64 / secs
    );
}

async fn pending(url: &str) -> u64 {
    let db = bimtek::store::connect(url).await.expect("connect");
    email_outbox::Entity::find()
        .filter(email_outbox::Column::Status.is_in(["queued", "sending"]))
        .count(&db)
        .await
        .expect("count")
}

async fn report(url: &str, ids_file: &str) -> i32 {
    let db = bimtek::store::connect(url).await.expect("connect");
    let mut seen: HashMap<String, u32> = HashMap::new();
    for line in std::fs::read_to_string(ids_file)
        .expect("read IDS_FILE")
        .lines()
    {
        *seen.entry(line.trim().to_owned()).or_default() += 1;
    }
    let rows: Vec<(String, String, Option<String>)> = email_outbox::Entity::find()
        .select_only()
        .columns([
            email_outbox::Column::MessageId,
            email_outbox::Column::Status,
            email_outbox::Column::LastError,
        ])
        .into_tuple()
        .all(&db)
        .await
        .unwrap();
    let mut status: HashMap<&str, usize> = HashMap::new();
    let (mut once, mut twice, mut lost, mut not_seen) = (0, 0, 0, 0);
    for (id, st, err) in &rows {
        *status.entry(st.as_str()).or_default() += 1;
        if err.as_deref() == Some(bimtek::mail::worker::REPLY_NOT_SEEN) {
            not_seen += 1;
        }
        match seen.get(&format!("<{id}>")).or_else(|| seen.get(id)) {
            Some(1) => once += 1,
            Some(_) => twice += 1,
            None => lost += 1,
        }
    }
    let mut status: Vec<_> = status.into_iter().collect();
    status.sort();
    println!(
        "outbox {} rows {status:?}; at the sink: {} accepted, delivered once {once}, more than once {twice}, not delivered {lost}; marked \"sent, reply not seen\": {not_seen}",
        rows.len(),
        seen.values().sum::<u32>(),
    );
    if twice > 0 || lost > 0 { 1 } else { 0 }
}
