#!/usr/bin/env bash
# Registration storm: 2,000 distinct participants register at once for one hybrid session with
# 50 room + 170 online seats, on SQLite, on PostgreSQL, and on PostgreSQL from two connection
# pools, and through HTTP against two `bimtek serve` processes sharing one PostgreSQL (the way
# Bimtek grows past one machine). Each run asserts exactly 220 confirmed, the rest waitlisted in
# arrival order without gaps, and 0 errors, and prints throughput and latency percentiles.
#
#   bash bench/registration_storm.sh [N]
#
# The HTTP run needs the release build (cargo leptos build --release).
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
N=${1:-2000}
cargo build --release -p bimtek-server --example registration_storm
BIN="$CARGO_TARGET_DIR/release/examples/registration_storm"
T=$(mktemp -d)
start_throwaway_pg
"$BIN" "sqlite://$T/storm.db?mode=rwc" "$N" 1
"$BIN" "$(pg_createdb storm_one)" "$N" 1
"$BIN" "$(pg_createdb storm_two)" "$N" 2

# Two server processes, one database, confirmation mail going to a local SMTP sink.
require_app_build
SMTP=$(free_port)
start_maildev "$SMTP" "$(free_port)" "$T/maildev.log"
DB=$(pg_createdb storm_http)
urls=()
for i in 1 2; do
  port=$(free_port)
  set_app_env "$DB" "$port" "$SMTP"
  [[ $i == 1 ]] && app_cmd migrate >"$T/migrate.log" 2>&1
  env "${APP_ENV[@]}" RUST_LOG=warn "$APP_BIN" serve >"$T/serve$i.log" 2>&1 &
  pid=$!
  track_pid "$pid"
  wait_http "http://127.0.0.1:$port/health" 60 "$pid" || { show_log_tail "$T/serve$i.log"; die "serve $i failed"; }
  urls+=("http://127.0.0.1:$port")
done
"$BIN" "$DB" "$N" "$(IFS=,; echo "${urls[*]}")"
rm -rf "$T"
