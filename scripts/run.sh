#!/usr/bin/env bash
# Build and run Bimtek locally: release build, maildev for mail, migrate + demo data, serve.
#   BIMTEK_PORT (3000), MAIL_SMTP_PORT (1025), MAIL_WEB_PORT (1080), DATABASE_URL
#   (default: SQLite file data/bimtek.db) override the defaults.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# port_in_use PORT: 0 when 127.0.0.1:PORT cannot be bound.
port_in_use() {
  python3 - "$1" <<'PY'
import socket, sys
s = socket.socket()
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(0)
sys.exit(1)
PY
}

print_box() {
  local app=$1 mail=$2 db=$3 line
  local lines=(
    "Bimtek is running"
    ""
    "App:          $app"
    "Mail viewer:  $mail"
    "Database:     $db"
    ""
    "Ctrl+C to stop"
  )
  local width=0
  for line in "${lines[@]}"; do
    ((${#line} > width)) && width=${#line}
  done
  local bar
  bar=$(printf '%*s' $((width + 4)) '' | tr ' ' '-')
  printf '\n+%s+\n' "$bar"
  for line in "${lines[@]}"; do
    printf '|  %-*s  |\n' "$width" "$line"
  done
  printf '+%s+\n\n' "$bar"
}

main() {
  local port=${BIMTEK_PORT:-3000}
  local smtp=${MAIL_SMTP_PORT:-1025}
  local web=${MAIL_WEB_PORT:-1080}
  local p
  for p in "$port" "$smtp" "$web"; do
    if port_in_use "$p"; then
      die "port $p is in use (set BIMTEK_PORT / MAIL_SMTP_PORT / MAIL_WEB_PORT)"
    fi
  done

  ensure_setup

  log "cargo leptos build --release"
  (cd "$ROOT" && cargo leptos build --release) || die "cargo leptos build --release failed"
  require_app_build

  mkdir -p "$ROOT/data"
  local db=${DATABASE_URL:-"sqlite://$ROOT/data/bimtek.db?mode=rwc"}

  start_maildev "$smtp" "$web" "$ROOT/data/maildev.log"

  set_app_env "$db" "$port" "$smtp"
  log "bimtek migrate"
  app_cmd migrate || die "bimtek migrate failed"
  log "bimtek seed-demo"
  app_cmd seed-demo || die "bimtek seed-demo failed"

  print_box "http://127.0.0.1:$port" "http://127.0.0.1:$web" "$db"
  # Foreground: Ctrl+C stops the server; the EXIT trap then stops maildev.
  app_cmd serve
}

main "$@"
