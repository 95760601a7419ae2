//! Demo data: regions in the three zones, a programme per track with targets, one person per role
//! with a printed dev password, and sessions in WIB, WITA and WIT. Running it twice changes nothing.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};

use crate::auth::password;
use crate::domain::{
    MeetingUrl, NewSession, ProgrammeId, RegionId, Role, SessionMode, Speaker, Zone,
};
use crate::services::{ServiceError, sessions};
use crate::store::entities::{
    business, follow_up, person, person_role, programme, programme_region, programme_target,
    region, registration, session_mentor,
};

/// The personal code of the demo participant without email (registered by the demo
/// coordinator). For local development only; printed by `seed-demo`.
pub const DEMO_CODE: &str = "KPMWA-RUNG2";
pub const DEMO_CODE_NAME: &str = "Sri Wahyuni (KPM, tanpa email)";
/// Her (made-up) phone and NIK: tests look for them where they must not appear.
pub const DEMO_CODE_PHONE: &str = "+6281298765432";
pub const DEMO_CODE_NIK: &str = "3171014506850009";

/// The password every demo account gets. For local development only; printed by `seed-demo`.
pub const DEMO_PASSWORD: &str = "bimtek-demo-2026";

pub struct DemoAccount {
    pub role: Role,
    pub name: &'static str,
    pub email: &'static str,
}

pub const DEMO_ACCOUNTS: [DemoAccount; 5] = [
    DemoAccount {
        role: Role::Admin,
        name: "Admin Bimtek",
        email: "admin@bimtek.localhost",
    },
    DemoAccount {
        role: Role::Organiser,
        name: "Rina Wulandari (Penyelenggara)",
        email: "penyelenggara@bimtek.localhost",
    },
    DemoAccount {
        role: Role::Mentor,
        name: "Agus Santoso (Pendamping PKH)",
        email: "pendamping@bimtek.localhost",
    },
    DemoAccount {
        role: Role::Coordinator,
        name: "Dewi Lestari (Koordinator PKH)",
        email: "koordinator@bimtek.localhost",
    },
    DemoAccount {
        role: Role::Participant,
        name: "Siti Aminah (KPM)",
        email: "kpm@bimtek.localhost",
    },
];

/// (code, name, level, parent code, IANA zone)
const REGIONS: [(&str, &str, &str, Option<&str>, &str); 13] = [
    ("31", "DKI Jakarta", "provinsi", None, "Asia/Jakarta"),
    (
        "31.71",
        "Kota Jakarta Pusat",
        "kabupaten_kota",
        Some("31"),
        "Asia/Jakarta",
    ),
    (
        "31.72",
        "Kota Jakarta Utara",
        "kabupaten_kota",
        Some("31"),
        "Asia/Jakarta",
    ),
    (
        "31.73",
        "Kota Jakarta Barat",
        "kabupaten_kota",
        Some("31"),
        "Asia/Jakarta",
    ),
    (
        "31.74",
        "Kota Jakarta Selatan",
        "kabupaten_kota",
        Some("31"),
        "Asia/Jakarta",
    ),
    (
        "31.75",
        "Kota Jakarta Timur",
        "kabupaten_kota",
        Some("31"),
        "Asia/Jakarta",
    ),
    ("61", "Kalimantan Barat", "provinsi", None, "Asia/Pontianak"),
    (
        "61.71",
        "Kota Pontianak",
        "kabupaten_kota",
        Some("61"),
        "Asia/Pontianak",
    ),
    ("73", "Sulawesi Selatan", "provinsi", None, "Asia/Makassar"),
    (
        "73.71",
        "Kota Makassar",
        "kabupaten_kota",
        Some("73"),
        "Asia/Makassar",
    ),
    ("91", "Papua", "provinsi", None, "Asia/Jayapura"),
    (
        "91.71",
        "Kota Jayapura",
        "kabupaten_kota",
        Some("91"),
        "Asia/Jayapura",
    ),
    (
        "91.03",
        "Kabupaten Jayapura",
        "kabupaten_kota",
        Some("91"),
        "Asia/Jayapura",
    ),
];

/// Seeds the demo data unless it is there already. Returns whether anything was written.
pub async fn seed_demo(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<bool, ServiceError> {
    let exists = person::Entity::find()
        .filter(person::Column::Email.eq(DEMO_ACCOUNTS[0].email))
        .one(db)
        .await?
        .is_some();
    if exists {
        return Ok(false);
    }
    // Hash before the transaction: argon2 is slow on purpose and must not hold the write lock.
    let hash = password::hash(DEMO_PASSWORD.to_owned())
        .await
        .map_err(|e| ServiceError::Internal(e.to_string()))?;

    let txn = crate::store::begin_write(db).await?;
    let mut region_ids = std::collections::HashMap::new();
    for (code, name, level, parent, tz) in REGIONS {
        let row = region::ActiveModel {
            code: Set(code.into()),
            name: Set(name.into()),
            level: Set(level.into()),
            parent_id: Set(parent.and_then(|p| region_ids.get(p).copied())),
            timezone: Set(tz.into()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        region_ids.insert(code, row.id);
    }
    let jakpus = region_ids["31.71"];

    let mut organiser_id = None;
    let mut ids: HashMap<&'static str, i64> = HashMap::new();
    for a in &DEMO_ACCOUNTS {
        let p = person::ActiveModel {
            full_name: Set(a.name.into()),
            email: Set(Some(a.email.into())),
            phone: Set(None),
            nik: Set(None),
            region_id: Set(Some(jakpus)),
            lang: Set("id".into()),
            password_hash: Set(Some(hash.clone())),
            personal_code_hash: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        grant(&txn, p.id, a.role, None, now).await?;
        ids.insert(a.role.as_str(), p.id);
        if a.role == Role::Organiser {
            organiser_id = Some(p.id);
        }
    }

    let year = (now + Duration::days(30)).year();
    let period = |m, d| NaiveDate::from_ymd_opt(year, m, d).unwrap_or_default();
    let mut programme_ids = Vec::new();
    for (name, track) in [
        ("Pembibitan Usaha KPM PKH Graduasi", "pembibitan"),
        ("Mentoring Usaha Berkembang KPM", "mentoring"),
        ("Inkubasi Usaha Sudah Maju", "inkubasi"),
    ] {
        let p = programme::ActiveModel {
            name: Set(format!("{name} {year}")),
            description: Set(Some(
                "Bimbingan teknis kewirausahaan sosial bagi KPM PKH Graduasi dengan rintisan usaha."
                    .into(),
            )),
            track: Set(track.into()),
            starts_on: Set(period(1, 1)),
            ends_on: Set(period(12, 31)),
            created_by: Set(organiser_id),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        programme_ids.push(p.id);
        // Every demo programme runs in the four demo provinces.
        for (code, _, level, _, _) in REGIONS {
            if level == "provinsi" {
                programme_region::ActiveModel {
                    programme_id: Set(p.id),
                    region_id: Set(region_ids[code]),
                }
                .insert(&txn)
                .await?;
            }
        }
        for (metric, value) in [
            ("kpm_trained", 400_000i64),
            ("sessions_held", 120),
            ("attendance_rate", 8_500),
            ("follow_ups_done", 200_000),
        ] {
            programme_target::ActiveModel {
                programme_id: Set(p.id),
                metric: Set(metric.into()),
                target_value: Set(value),
                region_id: Set(None),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }

    let day = |d: i64, hour_local: u32, zone: Zone| {
        let date = (now + Duration::days(d))
            .with_timezone(&zone.tz())
            .date_naive();
        zone.to_utc(date.and_hms_opt(hour_local, 0, 0).unwrap_or_default())
            .unwrap_or(now)
    };
    let url = |s: &str| MeetingUrl::parse(s).ok();
    let demo = [
        NewSession {
            title: "Bimtek Kewirausahaan Sosial bagi KPM PKH Graduasi".into(),
            description: Some("Narasumber: praktisi kewirausahaan sosial. 50 peserta di ruangan (koordinator PKH dan TKSK, KPM dengan rintisan usaha) dan 170 peserta daring.".into()),
            programme_id: ProgrammeId(programme_ids[0]),
            mode: SessionMode::Hybrid,
            region_id: RegionId(jakpus),
            zone: Zone::Wib,
            starts_at: day(7, 9, Zone::Wib),
            ends_at: day(7, 15, Zone::Wib),
            room_capacity: 50,
            online_capacity: 170,
            venue: Some("Aula Kementerian Sosial, Jl. Salemba Raya 28, Jakarta Pusat".into()),
            meeting_url: url("https://meet.jit.si/bimtek-kpm-graduasi-jakarta"),
            speakers: vec![
                Speaker {
                    name: "Ibu Sari Wulandari".into(),
                    affiliation: Some("Praktisi kewirausahaan sosial, Koperasi Wanita Mandiri".into()),
                },
                Speaker {
                    name: "Bapak Dimas Pratama".into(),
                    affiliation: Some("Pendiri usaha sosial kemasan pangan lokal".into()),
                },
            ],
            registration_opens_at: None,
            registration_closes_at: None,
            eligibility: Default::default(),
            reminder_offsets: crate::domain::DEFAULT_REMINDERS.to_vec(),
            allow_walk_ins: false,
            repeat: Default::default(),
            scope: Default::default(),
        },
        NewSession {
            title: "Kemasan dan Pemasaran Daring untuk Usaha Makanan-Minuman".into(),
            description: Some("Sesi daring bagi KPM dan pendamping di Sulawesi Selatan.".into()),
            programme_id: ProgrammeId(programme_ids[1]),
            mode: SessionMode::Online,
            region_id: RegionId(region_ids["73.71"]),
            zone: Zone::Wita,
            starts_at: day(10, 10, Zone::Wita),
            ends_at: day(10, 12, Zone::Wita),
            room_capacity: 0,
            online_capacity: 300,
            venue: None,
            meeting_url: url("https://us02web.zoom.us/j/81234567890"),
            speakers: vec![],
            registration_opens_at: None,
            registration_closes_at: None,
            eligibility: Default::default(),
            reminder_offsets: crate::domain::DEFAULT_REMINDERS.to_vec(),
            allow_walk_ins: false,
            repeat: Default::default(),
            scope: Default::default(),
        },
        NewSession {
            title: "Pencatatan Keuangan Sederhana untuk Usaha Kerajinan".into(),
            description: Some("Tatap muka di Jayapura, membawa buku kas usaha.".into()),
            programme_id: ProgrammeId(programme_ids[0]),
            mode: SessionMode::InPerson,
            region_id: RegionId(region_ids["91.71"]),
            zone: Zone::Wit,
            starts_at: day(14, 9, Zone::Wit),
            ends_at: day(14, 13, Zone::Wit),
            room_capacity: 40,
            online_capacity: 0,
            venue: Some("Balai Pertemuan Dinas Sosial Kota Jayapura".into()),
            meeting_url: None,
            speakers: vec![],
            registration_opens_at: None,
            registration_closes_at: None,
            eligibility: Default::default(),
            reminder_offsets: crate::domain::DEFAULT_REMINDERS.to_vec(),
            allow_walk_ins: false,
            repeat: Default::default(),
            scope: Default::default(),
        },
        NewSession {
            title: "Inkubasi: Menyusun Rencana Usaha dan Akses Modal BSIMU".into(),
            description: Some("Lanjutan bagi KPM dengan usaha sudah maju; bantuan stimulan Rp3.500.000 bagi KPM terpilih.".into()),
            programme_id: ProgrammeId(programme_ids[2]),
            mode: SessionMode::Hybrid,
            region_id: RegionId(region_ids["61.71"]),
            zone: Zone::Wib,
            starts_at: day(21, 13, Zone::Wib),
            ends_at: day(21, 16, Zone::Wib),
            room_capacity: 30,
            online_capacity: 100,
            venue: Some("Kantor Dinas Sosial Kota Pontianak".into()),
            meeting_url: url("https://meet.google.com/abc-defg-hij"),
            speakers: vec![],
            registration_opens_at: None,
            registration_closes_at: None,
            eligibility: Default::default(),
            reminder_offsets: crate::domain::DEFAULT_REMINDERS.to_vec(),
            allow_walk_ins: false,
            repeat: Default::default(),
            scope: Default::default(),
        },
    ];
    let mut session_ids = Vec::new();
    for s in &demo {
        session_ids.push(sessions::insert(&txn, s, organiser_id, now).await?.id);
    }
    // The mentor accompanies the Jakarta and Makassar sessions; the KPM has an online seat in
    // Jakarta.
    for sid in &session_ids[..2] {
        session_mentor::ActiveModel {
            session_id: Set(*sid),
            person_id: Set(ids["mentor"]),
        }
        .insert(&txn)
        .await?;
    }
    registration::ActiveModel {
        session_id: Set(session_ids[0]),
        person_id: Set(ids["participant"]),
        seat_kind: Set("online".into()),
        status: Set("confirmed".into()),
        registered_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    // A participant without email, registered by the coordinator, logs in with a personal code.
    let code = crate::domain::people::code::normalise(DEMO_CODE)
        .map_err(|_| sea_orm::DbErr::Custom("demo code not in the alphabet".into()))?;
    let sri = person::ActiveModel {
        full_name: Set(DEMO_CODE_NAME.into()),
        email: Set(None),
        phone: Set(Some(DEMO_CODE_PHONE.into())),
        nik: Set(Some(DEMO_CODE_NIK.into())),
        region_id: Set(Some(jakpus)),
        lang: Set("id".into()),
        password_hash: Set(None),
        personal_code_hash: Set(Some(crate::auth::tokens::personal_code_hash(&code))),
        registered_by: Set(Some(ids["coordinator"])),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    grant(&txn, sri.id, Role::Participant, None, now).await?;
    // The KPM's business, visited by the mentor last week; its next action is overdue.
    let week_ago = now - Duration::days(6);
    let biz = business::ActiveModel {
        person_id: Set(ids["participant"]),
        name: Set("Keripik Pisang Bu Siti".into()),
        sector: Set("makanan_minuman".into()),
        stage: Set("pembibitan".into()),
        created_at: Set(week_ago),
        updated_at: Set(week_ago),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    follow_up::ActiveModel {
        business_id: Set(biz.id),
        mentor_id: Set(ids["mentor"]),
        session_id: Set(None),
        kind: Set("visit".into()),
        discussed: Set("Label kemasan dan izin PIRT; harga jual per bungkus.".into()),
        monthly_revenue: Set(Some(1_200_000)),
        packaging_improved: Set(Some(false)),
        selling_online: Set(Some(false)),
        next_action: Set(Some("Foto produk untuk katalog WhatsApp Business".into())),
        next_action_due: Set(Some((now - Duration::days(2)).date_naive())),
        next_action_done_at: Set(None),
        contacted_at: Set(week_ago),
        created_at: Set(week_ago),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(true)
}

async fn grant(
    conn: &impl ConnectionTrait,
    person_id: i64,
    role: Role,
    programme_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    person_role::ActiveModel {
        person_id: Set(person_id),
        role: Set(role.as_str().into()),
        programme_id: Set(programme_id),
        region_id: Set(None),
        granted_by: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}
