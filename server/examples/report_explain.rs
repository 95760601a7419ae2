//! The plans of the programme dashboard's queries, as PostgreSQL runs them: the exact SQL of
//! `bimtek::services::reports::dashboard_sql()`, under `EXPLAIN (ANALYZE, BUFFERS)`.
//!
//!     cargo run --release -p bimtek-server --example report_explain -- DATABASE_URL PROGRAMME_ID

use sea_orm::{ConnectionTrait, Statement, Value};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let url = args.get(1).expect("DATABASE_URL");
    let programme: i64 = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .expect("PROGRAMME_ID");
    let db = bimtek::store::connect(url).await.expect("connect");
    let now = bimtek::services::reports::cutoff(chrono::Utc::now());
    let sql = bimtek::services::reports::dashboard_sql();
    for (name, text, values) in [
        ("cells", sql.cells, vec![programme.into(), now.into()]),
        (
            "sessions_by_region",
            sql.sessions_by_region,
            vec![programme.into(), now.into()],
        ),
        (
            "trained_by_region",
            sql.trained_by_region,
            vec![programme.into(), now.into()],
        ),
        ("trained", sql.trained, vec![programme.into(), now.into()]),
        ("follow_ups", sql.follow_ups, vec![Value::from(programme)]),
    ] {
        let stmt = Statement::from_sql_and_values(
            db.get_database_backend(),
            format!("EXPLAIN (ANALYZE, BUFFERS) {text}"),
            values,
        );
        println!("#### {name}\n");
        println!("```");
        for row in db.query_all_raw(stmt).await.expect("explain") {
            let line: String = row.try_get("", "QUERY PLAN").expect("plan line");
            println!("{line}");
        }
        println!("```\n");
    }
}
