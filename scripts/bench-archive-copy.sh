#!/usr/bin/env bash
# `ingestd archive copy` round trip: a corpus imported into SQLite, copied into a throwaway
# PostgreSQL database and back into a new SQLite file. Prints each step's time, checks
# that the three `export --format jsonl` are identical and that `verify` is clean on each.
#
# usage: scripts/bench-archive-copy.sh [DOCS]   (DOCS defaults to 100000; uses /tmp/ingestd-bench-DOCS)
set -euo pipefail
# Summary lines are parsed below: plain messages, not logfmt.
export INGESTD_LOG_FORMAT=human
cd "$(dirname "$0")/.."
DOCS=${1:-100000}
CORPUS=/tmp/ingestd-bench-$DOCS/corpus.jsonl
B=$PWD/.build/release/ingestd
swift build -c release --product ingestd >/dev/null
[ -f "$CORPUS" ] || "$B" bench corpus --docs "$DOCS" --seed 1 --out "$(dirname "$CORPUS")" >/dev/null
. scripts/throwaway-postgres.sh
createdb_pg copy
step() {
    local name=$1; shift
    local start; start=$(date +%s.%N)
    "$@" >/dev/null
    echo "$name: $(seconds "$start") s"
}
step "import into SQLite" "$B" import --jsonl "$CORPUS" --archive "$DIR/a.db"
step "copy SQLite -> PostgreSQL" "$B" archive copy "$DIR/a.db" "$(url copy)"
step "copy PostgreSQL -> SQLite" "$B" archive copy "$(url copy)" "$DIR/b.db"
for archive in "$DIR/a.db" "$(url copy)" "$DIR/b.db"; do
    "$B" verify --archive "$archive" | tail -1
    "$B" export --format jsonl --archive "$archive" 2>/dev/null | sha256sum
done
echo "sizes: SQLite $(stat -c %s "$DIR/a.db"), copy back $(stat -c %s "$DIR/b.db") bytes"
