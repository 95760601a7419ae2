#!/usr/bin/env bash
# Reports at national scale, on PostgreSQL: 1,000,000 participants, 50,000 sessions in 50
# programmes, 10,200,000 registrations and 10,000,080 attendance rows (every registration of
# the 49,020 sessions already held), 1,000,000 businesses and about 400,000 follow-ups, written
# by SQL (generate_series) after `bimtek migrate` and `seed-demo`, so every index of the
# migrations is in place. Then, with an organiser logged in, wrk at 1 and 16 connections on:
#   - a session's roster        /sesi/<id>/peserta   (204 registrants)
#   - its attendance report     /sesi/<id>/laporan
#   - a programme's dashboard   /program/<id>/dasbor (1,000 sessions, 204,000 registrations)
# and the plans of the dashboard's queries (EXPLAIN ANALYZE) into $T/explain.md.
#
#   bash bench/dashboard.sh [SECONDS_PER_RUN] [SESSIONS] [PER_SESSION]
#
# Needs the release build (cargo leptos build --release) and wrk.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
SECS=${1:-10}
SESSIONS=${2:-50000}
PER=${3:-204}
PROGRAMMES=50
PEOPLE=1000000
UPCOMING=$((SESSIONS / 50 - SESSIONS / 50 / 50)) # 980 of 50,000 not held yet
command -v wrk >/dev/null || die "wrk missing: apt-get install wrk"
require_app_build
cargo build --release -p bimtek-server --example report_explain
T=${BENCH_OUT:-$(mktemp -d)}
start_throwaway_pg
DB=$(pg_createdb dashboard)
psql_db() { "$PG_BIN/psql" -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d dashboard "$@"; }
PORT=$(free_port)
set_app_env "$DB" "$PORT" 1
app_cmd migrate >"$T/migrate.log" 2>&1 || { show_log_tail "$T/migrate.log"; die "migrate failed"; }
app_cmd seed-demo >>"$T/migrate.log" 2>&1 || { show_log_tail "$T/migrate.log"; die "seed failed"; }

log "generating $PEOPLE people, $SESSIONS sessions x $PER registrations, attendance, follow-ups"
t0=$(date +%s)
psql_db <<SQL
SET synchronous_commit = off;
SET maintenance_work_mem = '1GB';
SET work_mem = '256MB';
CREATE TEMP TABLE kab AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS i, id, timezone FROM regions WHERE parent_id IS NOT NULL;
-- Programmes, a third per track, each with targets.
INSERT INTO programmes (name, description, track, starts_on, ends_on, created_at, updated_at)
  SELECT 'Program Bench ' || g, NULL, (ARRAY['pembibitan','mentoring','inkubasi'])[1 + g % 3],
         current_date - 300, current_date + 65, now(), now()
  FROM generate_series(1, $PROGRAMMES) g;
CREATE TEMP TABLE prog AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS i, id FROM programmes WHERE name LIKE 'Program Bench %';
INSERT INTO programme_targets (programme_id, metric, target_value, region_id, created_at)
  SELECT p.id, m.metric, m.v, NULL, now() FROM prog p
  CROSS JOIN (VALUES ('kpm_trained', 150000), ('sessions_held', 1000), ('attendance_rate', 8000),
                     ('follow_ups_done', 10000), ('businesses_progressing', 3000)) AS m(metric, v);
-- People: KPM, every tenth a coordinator.
INSERT INTO people (full_name, email, region_id, lang, created_at, updated_at)
  SELECT 'Peserta ' || g, NULL, (SELECT id FROM kab WHERE kab.i = g % (SELECT count(*) FROM kab)),
         'id', now(), now()
  FROM generate_series(0, $PEOPLE - 1) g;
CREATE TEMP TABLE pp AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS i, id FROM people WHERE full_name LIKE 'Peserta %';
CREATE UNIQUE INDEX ON pp (i);
INSERT INTO person_roles (person_id, role, created_at)
  SELECT id, CASE WHEN i % 10 = 0 THEN 'coordinator' ELSE 'participant' END, now() FROM pp;
-- Sessions: the first ones held over the last 300 days, the rest in the next 60.
INSERT INTO sessions (programme_id, title, mode, status, region_id, timezone, starts_at, ends_at,
                      room_capacity, online_capacity, reminder_offsets_minutes, version, created_at, updated_at)
  SELECT p.id, 'Bimtek Bench #' || g, (ARRAY['in_person','online','hybrid'])[1 + g % 3], 'scheduled',
         k.id, k.timezone,
         CASE WHEN g < $SESSIONS - $UPCOMING
              THEN now() - interval '300 days' + (g * interval '300 days' / ($SESSIONS - $UPCOMING))
              ELSE now() + interval '1 day' + ((g - ($SESSIONS - $UPCOMING)) * interval '59 days' / $UPCOMING) END,
         CASE WHEN g < $SESSIONS - $UPCOMING
              THEN now() - interval '300 days' + (g * interval '300 days' / ($SESSIONS - $UPCOMING)) + interval '3 hours'
              ELSE now() + interval '1 day 3 hours' + ((g - ($SESSIONS - $UPCOMING)) * interval '59 days' / $UPCOMING) END,
         50, 170, '1440,60', 1, now(), now()
  FROM generate_series(0, $SESSIONS - 1) g
  JOIN prog p ON p.i = g % $PROGRAMMES
  JOIN kab k ON k.i = g % (SELECT count(*) FROM kab);
CREATE TEMP TABLE ss AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS i, id, starts_at FROM sessions WHERE title LIKE 'Bimtek Bench #%';
CREATE UNIQUE INDEX ON ss (i);
-- Registrations: PER per session, distinct people within a session; 50 in the room.
INSERT INTO registrations (session_id, person_id, seat_kind, status, registered_at, updated_at)
  SELECT s.id, pp.id, CASE WHEN k < 50 THEN 'room' ELSE 'online' END, 'confirmed',
         s.starts_at - interval '7 days', s.starts_at - interval '7 days'
  FROM ss s CROSS JOIN generate_series(0, $PER - 1) k
  JOIN pp ON pp.i = (s.i * $PER + k) % $PEOPLE;
-- Attendance for every registration of a held session: 70 % present, 8 % late, 5 % excused,
-- 7 % absent, 5 % unmarked with a QR check-in, 5 % unmarked and joined online.
INSERT INTO attendance (session_id, person_id, registration_id, status, checked_in_at, joined_online_at, updated_at)
  SELECT r.session_id, r.person_id, r.id,
         CASE WHEN r.id % 100 < 70 THEN 'present' WHEN r.id % 100 < 78 THEN 'late'
              WHEN r.id % 100 < 83 THEN 'excused' WHEN r.id % 100 < 90 THEN 'absent' END,
         CASE WHEN r.id % 100 BETWEEN 90 AND 94 THEN s.starts_at + interval '5 minutes' END,
         CASE WHEN r.id % 100 >= 95 THEN s.starts_at + interval '2 minutes' END,
         s.starts_at + interval '3 hours'
  FROM registrations r JOIN sessions s ON s.id = r.session_id
  WHERE s.title LIKE 'Bimtek Bench #%' AND s.starts_at <= now();
-- A business per participant; a follow-up for one registration in 25 of the held sessions.
INSERT INTO businesses (person_id, name, sector, stage, created_at, updated_at)
  SELECT id, 'Usaha ' || i, (ARRAY['makanan_minuman','kerajinan','fesyen','jasa'])[1 + i % 4],
         'pembibitan', now(), now() FROM pp;
INSERT INTO follow_ups (business_id, mentor_id, session_id, kind, discussed, monthly_revenue,
                        packaging_improved, selling_online, contacted_at, created_at)
  SELECT b.id, (SELECT id FROM people WHERE email = 'pendamping@bimtek.localhost'), r.session_id,
         CASE WHEN r.id % 2 = 0 THEN 'visit' ELSE 'call' END, 'Tindak lanjut bench',
         500000 + (r.id % 20) * 50000, r.id % 3 = 0, r.id % 4 = 0,
         s.starts_at + interval '7 days', s.starts_at + interval '7 days'
  FROM registrations r JOIN sessions s ON s.id = r.session_id
  JOIN businesses b ON b.person_id = r.person_id
  WHERE s.title LIKE 'Bimtek Bench #%' AND s.starts_at <= now() AND r.id % 25 = 0;
ANALYZE;
SQL
t1=$(date +%s)
counts=$(psql_db -tA -c "SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM sessions), (SELECT count(*) FROM registrations), (SELECT count(*) FROM attendance), (SELECT count(*) FROM follow_ups)")
log "generated in $((t1 - t0)) s: people|sessions|registrations|attendance|follow_ups = $counts"
log "database size: $(psql_db -tA -c "SELECT pg_size_pretty(pg_database_size('dashboard'))")"

PID=$(psql_db -tA -c "SELECT id FROM programmes WHERE name = 'Program Bench 1'")
SID=$(psql_db -tA -c "SELECT id FROM sessions WHERE title = 'Bimtek Bench #1000'")
"$CARGO_TARGET_DIR/release/examples/report_explain" "$DB" "$PID" >"$T/explain.md"
# The default random_page_cost (4) is for spinning disks; on SSD storage (these VMs, and any
# server one would buy now) 1.1 is the usual setting. Plans under both; the pages are measured
# with 1.1.
psql_db -c "ALTER DATABASE dashboard SET random_page_cost = 1.1"
"$CARGO_TARGET_DIR/release/examples/report_explain" "$DB" "$PID" >"$T/explain-ssd.md"
log "plans in $T/explain.md and $T/explain-ssd.md (random_page_cost 1.1)"
for f in explain explain-ssd; do
  log "$f: $(grep -E '^#### |Execution Time' "$T/$f.md" | paste -sd' ' -)"
done

env "${APP_ENV[@]}" BIMTEK_MAIL_WORKER=off RUST_LOG=warn "$APP_BIN" serve >"$T/serve.log" 2>&1 &
APP=$!
track_pid "$APP"
wait_http "http://127.0.0.1:$PORT/health" 60 "$APP" || { show_log_tail "$T/serve.log"; die "serve failed"; }
JAR="$T/jar"
curl -fs -o /dev/null -c "$JAR" -H "Origin: http://127.0.0.1:$PORT" \
  --data-urlencode "email=penyelenggara@bimtek.localhost" --data-urlencode "password=bimtek-demo-2026" \
  "http://127.0.0.1:$PORT/masuk"
# HttpOnly cookies are written as "#HttpOnly_<host> …" lines.
COOKIE=$(sed 's/^#HttpOnly_//' "$JAR" | awk '!/^#/ && NF >= 7 {printf "%s=%s; ", $6, $7}')
[[ -n "$COOKIE" ]] || die "login failed"
for path in "/sesi/$SID/peserta" "/sesi/$SID/laporan" "/program/$PID/dasbor"; do
  code=$(curl -s -o "$T/page.html" -w '%{http_code} %{size_download} %{time_total}' -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$path")
  log "$path: HTTP/size/seconds $code"
  [[ $code == 200* ]] || die "$path did not answer 200"
done
echo "| page | conns | req/s | p50 | p99 |"
echo "|---|---|---|---|---|"
for path in "/sesi/$SID/peserta" "/sesi/$SID/laporan" "/program/$PID/dasbor"; do
  for c in 1 16; do
    out=$(wrk -t"$((c < 2 ? 1 : 2))" -c"$c" -d"${SECS}s" --latency -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$path")
    printf '| %s | %s | %s | %s | %s |\n' "$path" "$c" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
      "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")"
  done
done
stop_pid "$APP"
