#!/usr/bin/env bash
# Session-list page under load: 1,000 upcoming sessions and 100,000 registrations, on SQLite and
# on PostgreSQL, with wrk at 1, 16 and 64 connections; beside each, the same HTML bytes served as
# a static file by the same server (its static-file path), as the ceiling.
#
#   bash bench/session_list.sh [SECONDS_PER_RUN]
#
# Needs the release build (cargo leptos build --release) and wrk (apt-get install wrk).
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
SECS=${1:-10}
command -v wrk >/dev/null || die "wrk missing: apt-get install wrk"
require_app_build
cargo build --release -p bimtek-server --example bench_data
GEN="$CARGO_TARGET_DIR/release/examples/bench_data"
T=$(mktemp -d)
STATIC="$CARGO_TARGET_DIR/site/pkg/bench-sesi.html"
remove_tmp() { rm -rf "$T" "$STATIC"; }
EXIT_HOOKS+=(remove_tmp)
start_throwaway_pg

# run_wrk LABEL URL: one line per connection count: rps, p50, p99.
run_wrk() {
  local label=$1 url=$2 c out rps p50 p99
  for c in 1 16 64; do
    out=$(wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"${SECS}s" --latency "$url")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    printf '| %-22s | %3s | %9s | %8s | %8s |\n' "$label" "$c" "$rps" "$p50" "$p99"
  done
}

bench_db() {
  local label=$1 url=$2 port
  "$GEN" "$url" 1000 100000
  port=$(free_port)
  set_app_env "$url" "$port" 1
  # The page is measured, not mail: the worker (and its reminder sweep over 100,000
  # registrations) stays off.
  env "${APP_ENV[@]}" BIMTEK_MAIL_WORKER=off RUST_LOG=warn "$APP_BIN" serve >"$T/$label.log" 2>&1 &
  local pid=$!
  track_pid "$pid"
  wait_http "http://127.0.0.1:$port/health" 60 "$pid" || { show_log_tail "$T/$label.log"; die "serve failed"; }
  curl -fs "http://127.0.0.1:$port/sesi" -o "$STATIC"
  log "$label: /sesi is $(wc -c <"$STATIC") bytes, $(grep -o 'class="session' "$STATIC" | wc -l) cards"
  echo "| what                   | conns | req/s | p50 | p99 |"
  echo "|---|---|---|---|---|"
  run_wrk "$label /sesi" "http://127.0.0.1:$port/sesi"
  run_wrk "$label static copy" "http://127.0.0.1:$port/pkg/bench-sesi.html"
  stop_pid "$pid"
}

bench_db sqlite "sqlite://$T/list.db?mode=rwc"
bench_db postgres "$(pg_createdb list_bench)"
