#!/usr/bin/env bash
# Registration storm: 2,000 distinct participants register at once for one hybrid session with
# 50 room + 170 online seats, on SQLite, on PostgreSQL, and on PostgreSQL from two connection
# pools (as two server processes). Each run asserts exactly 220 confirmed, the rest waitlisted in
# arrival order without gaps, and 0 errors, and prints throughput and latency percentiles.
#
#   bash bench/registration_storm.sh [N]
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
rm -rf "$T"
