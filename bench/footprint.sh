#!/usr/bin/env bash
# Footprint of the release build: hydration bundle (raw and gzip), page weight of the session list,
# and the server's resident memory when idle after start-up and after 200 page views.
#   bench/footprint.sh            (needs `cargo leptos build --release` first)
# Prints a Markdown table for docs/PERFORMANCE.md.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"

size() { stat -c %s "$1"; }
gz() { gzip -9 -c "$1" | wc -c; }
kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
rss() { awk '/^VmRSS/ { printf "%.1f MiB", $2 / 1024 }' "/proc/$1/status"; }

main() {
  require_app_build
  local pkg="$CARGO_TARGET_DIR/site/pkg" tmp port
  tmp=$(mktemp -d)
  port=$(free_port)
  start_app "sqlite://$tmp/bench.db?mode=rwc" "$port" 1 "$tmp/app.log" >/dev/null 2>&1
  sleep 2
  local idle; idle=$(rss "$APP_PID")
  curl -fsS "http://127.0.0.1:$port/sesi" -o "$tmp/sesi.html"
  for _ in $(seq 200); do curl -fsS "http://127.0.0.1:$port/sesi" -o /dev/null; done
  local warm; warm=$(rss "$APP_PID")

  printf '| what | raw | gzip -9 |\n|---|---|---|\n'
  for f in "$pkg/bimtek_bg.wasm" "$pkg/bimtek.wasm" "$pkg/bimtek.js" "$pkg/bimtek.css" "$tmp/sesi.html"; do
    [[ -f "$f" ]] || continue
    printf '| %s | %s | %s |\n' "${f##*/}" "$(kib "$(size "$f")")" "$(kib "$(gz "$f")")"
  done
  printf '\n| server RSS | value |\n|---|---|\n'
  printf '| idle after start | %s |\n| after 200 views of /sesi | %s |\n' "$idle" "$warm"
  rm -rf "$tmp"
}

main "$@"
