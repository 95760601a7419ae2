#!/usr/bin/env bash
# Reminder fan-out: SESSIONS x PER_SESSION confirmed registrants (default 2,000 x 200 = 400,000,
# the size of one national partnership) whose 1-day reminder is due. `bimtek send --once` sweeps
# (renders and enqueues one personalised reminder each: name, language, zone, join link, .ics,
# preferences link) and delivers them all to a local SMTP sink; we report the wall time, the
# messages per second and the process's peak memory. Beside it, in the same run, the ceiling: a
# sender that pushes pre-rendered messages to the same sink over as many connections, with no
# database work. Then the sink's record is checked: every reminder accepted exactly once.
#
#   bash bench/mail_fanout.sh [SESSIONS] [PER_SESSION] [postgres|sqlite|both]
#
# Tuning comes from BIMTEK_MAIL_BATCH and BIMTEK_MAIL_CONNECTIONS (see the README).
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
SESSIONS=${1:-2000}
PER=${2:-200}
WHICH=${3:-postgres}
N=$((SESSIONS * PER))
CONNS=${BIMTEK_MAIL_CONNECTIONS:-4}
require_app_build
cargo build --release -p bimtek-server --example mail_bench --example smtp_sink
EX="$CARGO_TARGET_DIR/release/examples"
T=$(mktemp -d)
remove_tmp() { rm -rf "$T"; }
EXIT_HOOKS+=(remove_tmp)

# start_sink IDS_FILE: sets SINK_PORT, SINK_PID.
start_sink() {
  SINK_PORT=$(free_port)
  "$EX/smtp_sink" "$SINK_PORT" "$1" >"$T/sink.log" 2>&1 &
  SINK_PID=$!
  track_pid "$SINK_PID"
  for _ in $(seq 50); do
    grep -q listening "$T/sink.log" 2>/dev/null && return 0
    sleep 0.1
  done
  die "smtp sink did not start"
}

fanout() {
  local label=$1 db=$2
  log "$label: seeding $SESSIONS sessions x $PER registrants"
  "$EX/mail_bench" seed "$db" "$SESSIONS" "$PER"
  start_sink "$T/$label.ids"
  set_app_env "$db" "$(free_port)" "$SINK_PORT"
  log "$label: bimtek send --once (sweep + delivery of $N reminders, $CONNS connections)"
  local t0 t1 t2
  t0=$(date +%s.%N)
  env "${APP_ENV[@]}" RUST_LOG=info,sea_orm=warn,sqlx=warn \
    /usr/bin/time -f '%e %M' -o "$T/$label.time" "$APP_BIN" send --once >"$T/$label.log" 2>&1 ||
    { show_log_tail "$T/$label.log"; die "send failed"; }
  t2=$(date +%s.%N)
  # The sweep is done when the last "reminders enqueued" line is logged.
  t1=$(grep 'reminders enqueued' "$T/$label.log" | tail -1 | sed 's/\x1b\[[0-9;]*m//g' | cut -c1-27)
  t1=$(date -d "$t1" +%s.%N)
  read -r wall rss_kb <"$T/$label.time"
  stop_pid "$SINK_PID"
  "$EX/mail_bench" report "$db" "$T/$label.ids"
  start_sink "$T/$label-ceiling.ids"
  local ceil
  ceil=$("$EX/mail_bench" ceiling "$db" "$SINK_PORT" "$N" "$CONNS")
  echo "$ceil"
  stop_pid "$SINK_PID"
  [[ $(wc -l <"$T/$label-ceiling.ids") -eq $N ]] || die "ceiling: the sink did not get $N messages"
  local rate ceil_rate
  rate=$(awk -v n="$N" -v w="$wall" 'BEGIN {printf "%.0f", n / w}')
  ceil_rate=$(awk '{for (i = 1; i <= NF; i++) if ($i == "msg/s") print $(i - 1)}' <<<"$ceil")
  printf '| %-10s | %7d | %6.1f s | %6.1f s | %6.1f s | %6s msg/s | %5d MB | %6s msg/s | %4.0f %% |\n' \
    "$label" "$N" "$wall" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" \
    "$(awk -v a="$t1" -v b="$t2" 'BEGIN {print b - a}')" "$rate" $((rss_kb / 1024)) "$ceil_rate" \
    "$(awk -v r="$rate" -v c="$ceil_rate" 'BEGIN {print 100 * r / c}')" >>"$T/table"
}

: >"$T/table"
if [[ $WHICH == postgres || $WHICH == both ]]; then
  start_throwaway_pg
  fanout postgres "$(pg_createdb fanout)"
fi
if [[ $WHICH == sqlite || $WHICH == both ]]; then
  fanout sqlite "sqlite://$T/fanout.db?mode=rwc"
fi
echo
echo "| database | reminders | total | sweep | delivery | rate | peak RSS | ceiling | ratio |"
echo "|---|---|---|---|---|---|---|---|---|"
cat "$T/table"
