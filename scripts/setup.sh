#!/usr/bin/env bash
# Install everything Bimtek needs to build, run and test (idempotent; skips what is there).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

first_line() { "$@" 2>/dev/null | head -n 1 || true; }

print_summary() {
  local pg_bin
  pg_bin=$(find_pg_bin || true)
  log "versions:"
  printf '    %-14s %s\n' \
    rustc "$(first_line rustc --version)" \
    cargo "$(first_line cargo --version)" \
    cargo-leptos "$(first_line cargo leptos --version)" \
    wasm-bindgen "$(first_line wasm-bindgen --version) (Cargo.lock: $(wasm_bindgen_lock_version || echo '?'))" \
    wasm-opt "$(first_line wasm-opt --version) at $(command -v wasm-opt)" \
    cargo-nextest "$(first_line cargo nextest --version)" \
    node "$(first_line node --version)" \
    npm "$(first_line npm --version)" \
    playwright "$(cd "$ROOT/end2end" && first_line node_modules/.bin/playwright --version)" \
    maildev "$(cd "$ROOT/end2end" && first_line node -p 'require("./node_modules/maildev/package.json").version')" \
    chromium "$(first_line chromium --version)" \
    postgresql "$(first_line "$pg_bin/postgres" --version)"
}

main() {
  ensure_setup
  print_summary
}

main "$@"
