#!/usr/bin/env bash
# Mail delivery under faults: SESSIONS x PER_SESSION reminders (default 50 x 200 = 10,000) are
# delivered by `bimtek send` to a local SMTP sink while the worker is killed with SIGKILL five
# times (restarted each time) and the sink is stopped and started again twice. The faults are
# placed by progress (share of messages at the sink), so they land mid-run whatever the speed.
# At the end every outbox row must be sent and the sink's record (one Message-ID per accepted
# message) is compared with the outbox: delivered once, more than once, not at all.
#
#   bash bench/mail_faults.sh [SESSIONS] [PER_SESSION] [postgres|sqlite|both]
#
# Leases of 2 s and retries from 1 s keep the run short (BIMTEK_MAIL_LEASE_SECS,
# BIMTEK_MAIL_RETRY_SECS); production defaults are 120 s and 30 s.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
SESSIONS=${1:-50}
PER=${2:-200}
WHICH=${3:-postgres}
N=$((SESSIONS * PER))
require_app_build
cargo build --release -p bimtek-server --example mail_bench --example smtp_sink
EX="$CARGO_TARGET_DIR/release/examples"
T=$(mktemp -d)
remove_tmp() { rm -rf "$T"; }
EXIT_HOOKS+=(remove_tmp)

start_sink() {
  : >"$T/sink.log"
  "$EX/smtp_sink" "$SINK_PORT" "$IDS" >"$T/sink.log" 2>&1 &
  SINK_PID=$!
  track_pid "$SINK_PID"
  for _ in $(seq 50); do
    grep -q listening "$T/sink.log" 2>/dev/null && return 0
    sleep 0.1
  done
  die "smtp sink did not start"
}

start_worker() {
  env "${APP_ENV[@]}" BIMTEK_MAIL_LEASE_SECS=2 BIMTEK_MAIL_RETRY_SECS=1 \
    RUST_LOG=warn,sea_orm=error,sqlx=error "$APP_BIN" send >>"$T/worker.log" 2>&1 &
  WORKER_PID=$!
  track_pid "$WORKER_PID"
}

delivered() { wc -l <"$IDS"; }

# wait_for SHARE_PERCENT: until that share of N is at the sink (or 300 s).
wait_for() {
  local want=$(($1 * N / 100)) deadline=$((SECONDS + 300))
  while (($(delivered) < want)); do
    ((SECONDS < deadline)) || die "stuck at $(delivered) of $N delivered"
    sleep 0.05
  done
}

faults() {
  local label=$1 db=$2 t0
  log "$label: seeding $SESSIONS sessions x $PER registrants (1-day reminders due)"
  "$EX/mail_bench" seed "$db" "$SESSIONS" "$PER"
  IDS="$T/$label.ids"
  : >"$IDS" "$T/worker.log"
  SINK_PORT=$(free_port)
  set_app_env "$db" "$(free_port)" "$SINK_PORT"
  start_sink
  t0=$SECONDS
  start_worker
  local kills=0 outages=0 step
  # share of messages at the sink -> fault
  for step in 8:kill 20:kill 30:outage 42:kill 55:kill 65:outage 78:kill; do
    wait_for "${step%%:*}"
    if [[ ${step#*:} == kill ]]; then
      kill -KILL "$WORKER_PID"
      wait "$WORKER_PID" 2>/dev/null || true
      untrack_pid "$WORKER_PID"
      kills=$((kills + 1))
      log "$label: SIGKILL $kills at $(delivered) delivered; restarting the worker"
      start_worker
    else
      stop_pid "$SINK_PID"
      outages=$((outages + 1))
      log "$label: SMTP down ($outages) at $(delivered) delivered, for 3 s"
      sleep 3
      start_sink
    fi
  done
  local deadline=$((SECONDS + 600)) left
  while left=$("$EX/mail_bench" pending "$db") && ((left > 0)); do
    ((SECONDS < deadline)) || die "$left rows still pending after 10 min"
    sleep 0.5
  done
  local secs=$((SECONDS - t0))
  stop_pid "$WORKER_PID"
  stop_pid "$SINK_PID"
  log "$label: all rows handled in ${secs} s; $kills SIGKILLs, $outages SMTP outages"
  local rc=0
  "$EX/mail_bench" report "$db" "$IDS" | tee "$T/$label.report" || rc=$?
  printf '| %-10s | %6d | %d | %d | %4d s | %s |\n' "$label" "$N" "$kills" "$outages" "$secs" \
    "$(cat "$T/$label.report")" >>"$T/table"
  return "$rc"
}

: >"$T/table"
status=0
if [[ $WHICH == postgres || $WHICH == both ]]; then
  start_throwaway_pg
  faults postgres "$(pg_createdb faults)" || status=1
fi
if [[ $WHICH == sqlite || $WHICH == both ]]; then
  faults sqlite "sqlite://$T/faults.db?mode=rwc" || status=1
fi
echo
echo "| database | messages | SIGKILLs | SMTP outages | time | result |"
echo "|---|---|---|---|---|---|"
cat "$T/table"
exit "$status"
