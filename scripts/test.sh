#!/usr/bin/env bash
# The "test" command: formatting, clippy (server and wasm), release build, Rust tests against
# SQLite and a throwaway PostgreSQL, then Playwright end-to-end tests on each database.
#
#   scripts/test.sh              everything
#   scripts/test.sh --quick      Rust only: no release build, no end-to-end runs
#   scripts/test.sh --fail-fast  stop at the first failing phase
#
# A failing phase fails the run; independent later phases still run (the end-to-end phases
# need the release build), unless --fail-fast. Logs of services: printed on failure.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

QUICK=0
FAIL_FAST=0
FAILED=0
LAST_RC=0
PHASE_NAMES=()
PHASE_RESULTS=()
PHASE_SECS=()
CURRENT_PHASE=""
CURRENT_T0=0
T_START=$SECONDS
PG_VERSION=""
RUN_DIR=""

usage() {
  sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

parse_args() {
  local arg
  for arg in "$@"; do
    case "$arg" in
      --quick) QUICK=1 ;;
      --fail-fast) FAIL_FAST=1 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; die "unknown argument: $arg" ;;
    esac
  done
}

# ---------------------------------------------------------------------------------------------
# phase bookkeeping

record_phase() {
  PHASE_NAMES+=("$1")
  PHASE_RESULTS+=("$2")
  PHASE_SECS+=("$3")
}

begin_phase() {
  CURRENT_PHASE=$1
  CURRENT_T0=$SECONDS
  log "[$1] ${2:-}"
}

end_phase() {
  local rc=$1 result=ok
  if ((rc != 0)); then
    result="FAIL"
    FAILED=1
  fi
  record_phase "$CURRENT_PHASE" "$result" $((SECONDS - CURRENT_T0))
  if ((rc != 0)); then
    log "[$CURRENT_PHASE] FAILED (exit $rc)"
  fi
  CURRENT_PHASE=""
  if ((rc != 0 && FAIL_FAST)); then
    exit 1
  fi
}

# run_phase NAME DESCRIPTION FN [ARGS...]: runs FN in a subshell with errexit on (and its own
# cleanup of whatever it starts); times it; sets LAST_RC. Always returns 0: call it as a plain
# statement, never in `if`/`||` (that would switch errexit off inside FN).
run_phase() {
  local name=$1 desc=$2
  shift 2
  begin_phase "$name" "$desc"
  set +e
  (
    enter_subshell_scope
    "$@"
  )
  LAST_RC=$?
  set -e
  end_phase "$LAST_RC"
}

skip_phase() {
  record_phase "$1" "skipped" 0
  log "[$1] skipped: $2"
}

sqlite_label() {
  local sys ver libs=""
  sys=$(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)' 2>/dev/null || echo '?')
  [[ -x "$APP_BIN" ]] && libs=$(ldd "$APP_BIN" 2>/dev/null || true)
  if [[ "$libs" == *libsqlite3* ]]; then
    printf '%s (system library)' "$sys"
    return 0
  fi
  ver=$(awk '/^name = "libsqlite3-sys"$/ {getline; gsub(/version = |"/, ""); print}' \
    "$ROOT/Cargo.lock" 2>/dev/null | head -n 1)
  printf 'bundled (libsqlite3-sys %s)' "${ver:-?}"
}

phase_ran() {
  local i
  for i in "${!PHASE_NAMES[@]}"; do
    [[ "${PHASE_NAMES[$i]}" == "$1" && "${PHASE_RESULTS[$i]}" != skipped ]] && return 0
  done
  return 1
}

# The databases some test phase ran against (nextest covers both).
databases_exercised() {
  local dbs=()
  if phase_ran nextest || phase_ran e2e-sqlite; then
    dbs+=("SQLite $(sqlite_label)")
  fi
  if [[ -n "$PG_VERSION" ]] && { phase_ran nextest || phase_ran e2e-postgres; }; then
    dbs+=("PostgreSQL $PG_VERSION")
  fi
  local out="" d
  for d in "${dbs[@]}"; do
    out+="${out:+, }$d"
  done
  printf '%s' "${out:-none (no test phase ran)}"
}

print_summary() {
  local rc=$1 i total=$((SECONDS - T_START))
  if [[ -n "$CURRENT_PHASE" ]]; then
    record_phase "$CURRENT_PHASE" "FAIL" $((SECONDS - CURRENT_T0))
    FAILED=1
  fi
  ((rc == 0)) || FAILED=1
  printf '\n'
  log "Databases exercised: $(databases_exercised)"
  log "phases:"
  printf '    %-16s %-8s %8s\n' phase result seconds
  printf '    %-16s %-8s %8s\n' ---------------- -------- --------
  for i in "${!PHASE_NAMES[@]}"; do
    printf '    %-16s %-8s %8s\n' "${PHASE_NAMES[$i]}" "${PHASE_RESULTS[$i]}" "${PHASE_SECS[$i]}"
  done
  printf '    %-16s %-8s %8s\n' total "" "$total"
  if ((FAILED)); then
    [[ -n "$RUN_DIR" ]] && log "service logs kept in $RUN_DIR"
    log "RESULT: FAILED"
  else
    [[ -n "$RUN_DIR" ]] && rm -rf "$RUN_DIR"
    log "RESULT: all passed"
  fi
}

# ---------------------------------------------------------------------------------------------
# phases (each runs in its own subshell with errexit on)

in_root() { cd "$ROOT"; }

phase_setup() {
  ensure_setup
  cargo nextest --version >/dev/null 2>&1 ||
    die "cargo-nextest is missing: cargo install cargo-nextest --locked"
}

phase_fmt() {
  in_root
  cargo fmt --all --check
}

phase_clippy() {
  in_root
  cargo clippy --workspace --all-targets -- -D warnings
}

phase_clippy_wasm() {
  in_root
  cargo clippy -p app --lib --target wasm32-unknown-unknown --no-default-features \
    --features hydrate -- -D warnings
}

phase_build() {
  in_root
  cargo leptos build --release
  require_app_build
}

phase_nextest() {
  local profile=()
  [[ "${CI:-}" == "true" ]] && profile=(--profile ci)
  in_root
  cargo nextest run --workspace --no-fail-fast "${profile[@]}"
}

# phase_e2e LABEL DB_URL: serve the release build on DB_URL and run Playwright against it.
phase_e2e() {
  local label=$1 db=$2 port
  port=$(free_port "$TEST_SMTP_PORT" "$MAILDEV_WEB_PORT" "$PG_PORT")
  start_app "$db" "$port" "$TEST_SMTP_PORT" "$RUN_DIR/app-$label.log"
  # Forget mail from earlier phases, so specs only see what this run sends.
  curl -fsS -o /dev/null -X DELETE "$TEST_MAILDEV_URL/api/email/all"
  log "playwright ($label) against http://127.0.0.1:$port"
  (
    cd "$ROOT/end2end" &&
      BASE_URL="http://127.0.0.1:$port" MAILDEV_URL="$TEST_MAILDEV_URL" DB_LABEL="$label" \
        npx --no-install playwright test --output "test-results/$label"
  ) || {
    show_log_tail "$RUN_DIR/app-$label.log" 60
    return 1
  }
  stop_pid "$APP_PID"
}

phase_e2e_sqlite() {
  local dir
  dir=$(mktemp -d "$RUN_DIR/sqlite.XXXXXX")
  phase_e2e sqlite "sqlite://$dir/bimtek.db?mode=rwc"
}

phase_e2e_postgres() {
  local url
  url=$(pg_createdb bimtek_e2e)
  phase_e2e postgres "$url"
}

# In the main shell (the services outlive the phase); die() ends the run, the summary still prints.
start_services() {
  begin_phase services "throwaway PostgreSQL + maildev"
  start_throwaway_pg
  PG_VERSION=$(pg_server_version) || die "psql: show server_version failed"
  TEST_SMTP_PORT=$(free_port "$PG_PORT") || die "no free port"
  MAILDEV_WEB_PORT=$(free_port "$PG_PORT" "$TEST_SMTP_PORT") || die "no free port"
  start_maildev "$TEST_SMTP_PORT" "$MAILDEV_WEB_PORT" "$RUN_DIR/maildev.log"
  export TEST_DATABASE_URL="$PG_URL"
  export TEST_SMTP_PORT MAILDEV_WEB_PORT
  export TEST_MAILDEV_URL="http://127.0.0.1:$MAILDEV_WEB_PORT"
  export BIMTEK_REQUIRE_PG=1
  log "TEST_DATABASE_URL=$TEST_DATABASE_URL TEST_SMTP_PORT=$TEST_SMTP_PORT TEST_MAILDEV_URL=$TEST_MAILDEV_URL"
  end_phase 0
}

# ---------------------------------------------------------------------------------------------

main() {
  parse_args "$@"
  EXIT_HOOKS+=(print_summary)
  RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/bimtek-test.XXXXXX")
  log "CARGO_TARGET_DIR=$CARGO_TARGET_DIR"
  ((QUICK == 0)) || log "--quick: Rust only (no release build, no end-to-end)"

  run_phase setup "ensure_setup" phase_setup
  ((LAST_RC == 0)) || exit 1

  run_phase fmt "cargo fmt --all --check" phase_fmt
  run_phase clippy "cargo clippy --workspace --all-targets -D warnings" phase_clippy
  run_phase clippy-wasm "cargo clippy -p app (wasm32, hydrate) -D warnings" phase_clippy_wasm

  local build_ok=0
  if ((QUICK)); then
    skip_phase build "--quick"
  else
    run_phase build "cargo leptos build --release" phase_build
    ((LAST_RC == 0)) && build_ok=1
  fi

  start_services

  run_phase nextest "cargo nextest run --workspace --no-fail-fast" phase_nextest

  if ((QUICK)); then
    skip_phase e2e-sqlite "--quick"
    skip_phase e2e-postgres "--quick"
  elif ((!build_ok)); then
    skip_phase e2e-sqlite "release build failed"
    skip_phase e2e-postgres "release build failed"
  else
    run_phase e2e-sqlite "Playwright on SQLite" phase_e2e_sqlite
    run_phase e2e-postgres "Playwright on PostgreSQL" phase_e2e_postgres
  fi

  ((FAILED == 0)) || exit 1
}

main "$@"
