# shellcheck shell=bash
# Shared helpers for scripts/*.sh. Source it; do not run it.
#
#   ensure_setup                     idempotent installs (apt, rust target, cargo tools, npm tools)
#   free_port [EXCLUDED_PORT...]     print a free TCP port on 127.0.0.1
#   wait_http URL TIMEOUT_S [PID]    wait until URL answers 2xx (fail early if PID dies)
#   start_maildev SMTP WEB LOGFILE   maildev in the background
#   start_throwaway_pg               throwaway PostgreSQL cluster; exports PG_URL PG_PORT PG_BIN
#   pg_createdb NAME                 create NAME in that cluster; prints its URL
#   start_app DB_URL PORT SMTP LOG   release bimtek: migrate, seed-demo, serve in the background
#   stop_pid PID                     stop one background process started here
#
# Every background process and the PostgreSQL cluster are cleaned up by one EXIT trap.
# Inside a `( ... )` subshell, call enter_subshell_scope first: the subshell then cleans up
# only what it started itself.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

_cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
if [[ "$_cargo_bin" != "$HOME/.cargo/bin" ]]; then
  PATH="$_cargo_bin:$PATH"
fi
# .tools first: its wasm-opt (npm binaryen 123) must win over anything else on PATH.
export PATH="$ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
unset _cargo_bin

CARGO_LEPTOS_VERSION="0.3.10"
BINARYEN_VERSION="123"
# Playwright must never fetch its own browsers: Debian's chromium is used.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# ---------------------------------------------------------------------------------------------
# messages

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf '==> WARNING: %s\n' "$*" >&2; }
die() {
  printf '==> ERROR: %s\n' "$*" >&2
  exit 1
}

# Print the last lines of a log file (to stderr), framed, for failure messages.
show_log_tail() {
  local file=$1 lines=${2:-40}
  [[ -f "$file" ]] || return 0
  printf '==> --- last %s lines of %s ---\n' "$lines" "$file" >&2
  tail -n "$lines" "$file" >&2 || true
  printf '==> --- end of %s ---\n' "$file" >&2
}

# ---------------------------------------------------------------------------------------------
# cleanup: one EXIT trap for background processes, the throwaway cluster and exit hooks

BG_PIDS=()          # background processes to stop on exit
EXIT_HOOKS=()       # functions run first on exit (e.g. a summary table), main shell only
PG_DIR=""           # throwaway cluster folder (removed on exit)
_PG_OWNER=""        # BASHPID of the shell that started the cluster
_MAIN_SHELL=$BASHPID

track_pid() { BG_PIDS+=("$1"); }

untrack_pid() {
  local pid=$1 p kept=()
  for p in "${BG_PIDS[@]}"; do
    [[ "$p" == "$pid" ]] || kept+=("$p")
  done
  BG_PIDS=("${kept[@]}")
}

# stop_pid PID: SIGTERM, up to 10 s grace, then SIGKILL; reaps it and forgets it.
stop_pid() {
  local pid=$1 i
  untrack_pid "$pid"
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 40; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "process $pid ignored SIGTERM for 10 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

stop_throwaway_pg() {
  [[ -n "$PG_DIR" && "$_PG_OWNER" == "$BASHPID" ]] || return 0
  if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
    log "stopping throwaway PostgreSQL (port ${PG_PORT:-?})"
    _as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 ||
      warn "pg_ctl stop failed (log: $PG_DIR/log)"
  fi
  rm -rf "$PG_DIR"
  PG_DIR=""
}

_bimtek_cleanup() {
  local rc=$? hook pid
  set +e
  if [[ "$BASHPID" == "$_MAIN_SHELL" ]]; then
    for hook in "${EXIT_HOOKS[@]}"; do
      "$hook" "$rc"
    done
  fi
  for pid in "${BG_PIDS[@]}"; do
    stop_pid "$pid"
  done
  stop_throwaway_pg
  exit "$rc"
}

_install_traps() {
  trap _bimtek_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}
_install_traps

# Call first inside a `( ... )` subshell that starts processes of its own: it forgets the
# parent's processes (the parent still owns them) and cleans up its own on exit.
enter_subshell_scope() {
  BG_PIDS=()
  EXIT_HOOKS=()
  _install_traps
  set -euo pipefail
}

# ---------------------------------------------------------------------------------------------
# small helpers

require_cmd() {
  local c
  for c in "$@"; do
    command -v "$c" >/dev/null 2>&1 || die "'$c' is required but not on PATH"
  done
}

# free_port [EXCLUDED...]: a port the kernel hands out for 127.0.0.1:0, not one of EXCLUDED.
# shellcheck disable=SC2120 # callers in other scripts pass EXCLUDED ports
free_port() {
  local port ex i clash
  for ((i = 0; i < 20; i++)); do
    port=$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()') || return 1
    clash=0
    for ex in "$@"; do
      [[ "$ex" == "$port" ]] && clash=1
    done
    ((clash)) || { printf '%s\n' "$port"; return 0; }
  done
  return 1
}

# wait_http URL TIMEOUT_S [PID]: 0 once URL answers 2xx/3xx; 1 on timeout or when PID exits.
wait_http() {
  local url=$1 timeout=$2 pid=${3:-}
  local deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    if curl -fs -o /dev/null --max-time 2 "$url"; then
      return 0
    fi
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      log "process $pid exited while waiting for $url"
      return 1
    fi
    sleep 0.25
  done
  log "timed out after ${timeout}s waiting for $url"
  return 1
}

_as_postgres() {
  if [[ "$EUID" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Newest /usr/lib/postgresql/<version>/bin that has initdb (Debian's versioned layout).
find_pg_bin() {
  local d best="" dirs=()
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/initdb" ]] && dirs+=("$d")
  done
  ((${#dirs[@]})) || return 1
  best=$(printf '%s\n' "${dirs[@]}" | sort -V | tail -n 1)
  printf '%s\n' "$best"
}

wasm_bindgen_lock_version() {
  [[ -f "$ROOT/Cargo.lock" ]] || return 1
  awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print}' "$ROOT/Cargo.lock" |
    head -n 1
}

# ---------------------------------------------------------------------------------------------
# ensure_setup: idempotent; every step is skipped when already in place

_setup_apt() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  find_pg_bin >/dev/null || missing+=(postgresql)
  if ((${#missing[@]} == 0)); then
    log "apt: chromium and postgresql present"
    return 0
  fi
  log "apt: installing chromium postgresql (missing: ${missing[*]})"
  local sudo=()
  if [[ "$EUID" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "not root and no sudo: install chromium and postgresql with apt"
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq ||
    die "apt-get update failed"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium postgresql ||
    die "apt-get install chromium postgresql failed"
  hash -r
}

_setup_wasm_target() {
  local installed
  installed=$(rustup target list --installed) || die "rustup target list failed"
  if grep -qx 'wasm32-unknown-unknown' <<<"$installed"; then
    log "rust: target wasm32-unknown-unknown present"
    return 0
  fi
  log "rust: rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown || die "rustup target add wasm32-unknown-unknown failed"
}

_setup_cargo_leptos() {
  local have
  have=$(cargo leptos --version 2>/dev/null | head -n 1) || have=""
  if [[ "$have" == "cargo-leptos $CARGO_LEPTOS_VERSION" ]]; then
    log "cargo-leptos $CARGO_LEPTOS_VERSION present"
    return 0
  fi
  log "cargo install cargo-leptos --version $CARGO_LEPTOS_VERSION --locked (found: ${have:-none}; ~15 min cold)"
  # 0.3.11+ needs a newer rustc; own temporary target dir, not the project's.
  env -u CARGO_TARGET_DIR cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked ||
    die "cargo install cargo-leptos $CARGO_LEPTOS_VERSION failed"
  hash -r
}

_setup_wasm_bindgen() {
  local want have
  want=$(wasm_bindgen_lock_version) || want=""
  [[ -n "$want" ]] || die "no wasm-bindgen version in $ROOT/Cargo.lock (generate the lockfile first)"
  have=$(wasm-bindgen --version 2>/dev/null | head -n 1) || have=""
  if [[ "$have" == "wasm-bindgen $want" || "$have" == "wasm-bindgen $want "* ]]; then
    log "wasm-bindgen-cli $want present (matches Cargo.lock)"
    return 0
  fi
  log "cargo install wasm-bindgen-cli --version $want (found: ${have:-none}; must equal Cargo.lock)"
  # NOT --locked: its lockfile pins a yanked webpki-roots.
  env -u CARGO_TARGET_DIR cargo install wasm-bindgen-cli --version "$want" ||
    die "cargo install wasm-bindgen-cli $want failed"
  hash -r
}

_npm_install_in() {
  local dir=$1
  if [[ -f "$dir/package-lock.json" ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund --no-update-notifier) || die "npm ci failed in $dir"
  else
    (cd "$dir" && npm install --no-audit --no-fund --no-update-notifier) || die "npm install failed in $dir"
  fi
}

_setup_tools_npm() {
  local dir="$ROOT/.tools"
  [[ -f "$dir/package.json" ]] || die "$dir/package.json is missing"
  if [[ -x "$dir/node_modules/.bin/wasm-opt" ]]; then
    log "npm: .tools (binaryen $BINARYEN_VERSION wasm-opt) present"
  else
    log "npm: installing .tools (binaryen $BINARYEN_VERSION for wasm-opt)"
    _npm_install_in "$dir"
  fi
  hash -r
  local found version
  found=$(command -v wasm-opt || true)
  if [[ "$found" != "$dir/node_modules/.bin/wasm-opt" ]]; then
    die "wasm-opt resolves to '${found:-nothing}', not $dir/node_modules/.bin/wasm-opt. Debian's binaryen breaks hydration: fix PATH / remove it"
  fi
  version=$(wasm-opt --version 2>/dev/null) || die "wasm-opt --version failed ($found)"
  [[ "$version" == *"version $BINARYEN_VERSION"* ]] ||
    die "wasm-opt is '$version', expected binaryen version $BINARYEN_VERSION"
}

_setup_end2end_npm() {
  local dir="$ROOT/end2end"
  [[ -f "$dir/package.json" ]] || die "$dir/package.json is missing"
  if [[ -d "$dir/node_modules" && ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    log "npm: end2end (Playwright, maildev) present"
    return 0
  fi
  log "npm: installing end2end (Playwright without browsers, maildev)"
  _npm_install_in "$dir"
}

ensure_setup() {
  log "setup: checking tools (each step is skipped when already in place)"
  require_cmd curl python3
  _setup_apt
  require_cmd cargo rustup node npm
  _setup_wasm_target
  _setup_cargo_leptos
  _setup_wasm_bindgen
  _setup_tools_npm
  _setup_end2end_npm
  log "setup: done"
}

# ---------------------------------------------------------------------------------------------
# services

# start_maildev SMTP_PORT WEB_PORT LOGFILE; sets MAILDEV_PID.
start_maildev() {
  local smtp=$1 web=$2 logfile=$3
  local bin="$ROOT/end2end/node_modules/.bin/maildev"
  [[ -x "$bin" ]] || die "maildev not installed ($bin): run scripts/setup.sh"
  log "starting maildev: SMTP 127.0.0.1:$smtp, web http://127.0.0.1:$web (log: $logfile)"
  "$bin" --smtp "$smtp" --web "$web" --ip 127.0.0.1 --web-ip 127.0.0.1 >"$logfile" 2>&1 &
  MAILDEV_PID=$!
  track_pid "$MAILDEV_PID"
  if ! wait_http "http://127.0.0.1:$web/api/healthz" 30 "$MAILDEV_PID"; then
    show_log_tail "$logfile"
    die "maildev did not come up"
  fi
}

# start_throwaway_pg: a fresh cluster (trust auth, fsync off) on a free port, with database
# bimtek_test. Exports PG_URL, PG_PORT, PG_BIN. Removed on exit.
start_throwaway_pg() {
  PG_BIN=$(find_pg_bin) || die "no initdb under /usr/lib/postgresql/*/bin: apt-get install postgresql"
  PG_PORT=$(free_port) || die "no free port for PostgreSQL"
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/bimtek-pg.XXXXXX") || die "mktemp failed"
  _PG_OWNER=$BASHPID
  if [[ "$EUID" -eq 0 ]]; then
    chown postgres: "$PG_DIR" || die "chown postgres $PG_DIR failed"
  fi
  log "starting throwaway PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_DIR)"
  if ! _as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale \
    >"$PG_DIR/initdb.log" 2>&1; then
    show_log_tail "$PG_DIR/initdb.log"
    die "initdb failed"
  fi
  if ! _as_postgres "$PG_BIN/pg_ctl" -w -t 30 -D "$PG_DIR/data" -l "$PG_DIR/log" \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
    show_log_tail "$PG_DIR/log"
    die "pg_ctl start failed"
  fi
  _as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres bimtek_test ||
    die "createdb bimtek_test failed"
  PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/bimtek_test"
  export PG_URL PG_PORT PG_BIN
}

# pg_createdb NAME: another database in the throwaway cluster; prints its URL.
pg_createdb() {
  local name=$1
  [[ -n "${PG_PORT:-}" && -n "${PG_BIN:-}" ]] || die "pg_createdb: start_throwaway_pg first"
  _as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$name" ||
    die "createdb $name failed"
  printf 'postgres://postgres@127.0.0.1:%s/%s\n' "$PG_PORT" "$name"
}

pg_server_version() {
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc 'show server_version'
}

# ---------------------------------------------------------------------------------------------
# the app (release build of cargo leptos)

APP_BIN="$CARGO_TARGET_DIR/release/bimtek"

# set_app_env DB_URL PORT SMTP_PORT: fills APP_ENV (NAME=value words for `env`).
set_app_env() {
  local db=$1 port=$2 smtp=$3
  APP_ENV=(
    "DATABASE_URL=$db"
    "BIMTEK_ADDR=127.0.0.1:$port"
    "BIMTEK_BASE_URL=http://127.0.0.1:$port"
    "SMTP_HOST=127.0.0.1"
    "SMTP_PORT=$smtp"
    "SMTP_TLS=none"
    "LEPTOS_SITE_ROOT=$CARGO_TARGET_DIR/site"
    "LEPTOS_SITE_PKG_DIR=pkg"
    "LEPTOS_SITE_ADDR=127.0.0.1:$port"
    "LEPTOS_OUTPUT_NAME=bimtek"
    "LEPTOS_ENV=PROD"
    "RUST_LOG=${RUST_LOG:-info,sea_orm_migration=warn}"
  )
}

require_app_build() {
  [[ -x "$APP_BIN" ]] || die "$APP_BIN not built: run 'cargo leptos build --release'"
  [[ -d "$CARGO_TARGET_DIR/site/pkg" ]] || die "$CARGO_TARGET_DIR/site/pkg missing: run 'cargo leptos build --release'"
}

# app_cmd SUBCOMMAND...: run the release binary with APP_ENV (call set_app_env first).
app_cmd() {
  env "${APP_ENV[@]}" "$APP_BIN" "$@"
}

# start_app DB_URL PORT SMTP_PORT LOGFILE: migrate, seed-demo, then serve in the background;
# waits for /health. Sets APP_PID.
start_app() {
  local db=$1 port=$2 smtp=$3 logfile=$4
  require_app_build
  set_app_env "$db" "$port" "$smtp"
  : >"$logfile"
  log "bimtek migrate ($db)"
  if ! app_cmd migrate >>"$logfile" 2>&1; then
    show_log_tail "$logfile"
    die "bimtek migrate failed"
  fi
  log "bimtek seed-demo"
  if ! app_cmd seed-demo >>"$logfile" 2>&1; then
    show_log_tail "$logfile"
    die "bimtek seed-demo failed"
  fi
  log "bimtek serve on http://127.0.0.1:$port (log: $logfile)"
  # env execs the binary, so $! is the server itself
  env "${APP_ENV[@]}" "$APP_BIN" serve >>"$logfile" 2>&1 &
  APP_PID=$!
  track_pid "$APP_PID"
  if ! wait_http "http://127.0.0.1:$port/health" 60 "$APP_PID"; then
    show_log_tail "$logfile"
    die "bimtek serve did not answer /health"
  fi
}
