#!/usr/bin/env bash
# PostgreSQL archive figures: `ingestd import --jsonl` of a corpus into a throwaway
# PostgreSQL cluster (loopback, fsync off, as the postgres user when run as root) with 1,
# 2 and 4 workers at once (`--shard i/n`), in docs/s, and the database's size a document
# beside SQLite's for the same corpus.
#
# usage: scripts/bench-postgres.sh [DOCS] [WORKER COUNTS...]
#   DOCS defaults to 100000 (uses /tmp/ingestd-bench-DOCS); worker counts default to 1 2 4.
set -euo pipefail
# Summary lines are parsed below: plain messages, not logfmt.
export INGESTD_LOG_FORMAT=human
cd "$(dirname "$0")/.."
DOCS=${1:-100000}
shift || true
COUNTS=${*:-1 2 4}
CORPUS=/tmp/ingestd-bench-$DOCS/corpus.jsonl
B=$PWD/.build/release/ingestd
swift build -c release --product ingestd >/dev/null
[ -f "$CORPUS" ] || "$B" bench corpus --docs "$DOCS" --seed 1 --out "$(dirname "$CORPUS")" >/dev/null
. scripts/throwaway-postgres.sh

rm -f "$DIR/sqlite.db"*
start=$(date +%s.%N); "$B" import --jsonl "$CORPUS" --archive "$DIR/sqlite.db" >/dev/null; s=$(seconds "$start")
echo "sqlite, 1 worker: $s s, $(python3 -c "print(round($DOCS/$s))") docs/s, $(( $(stat -c %s "$DIR/sqlite.db") / DOCS )) bytes a document"
for workers in $COUNTS; do
    db=w$workers
    createdb_pg "$db"
    start=$(date +%s.%N)
    for i in $(seq 0 $((workers - 1))); do
        "$B" import --jsonl "$CORPUS" --shard "$i/$workers" --archive "$(url $db)" >/dev/null &
    done
    wait
    s=$(seconds "$start")
    size=$(psql -h 127.0.0.1 -p "$PORT" -U ingestd -At -c "SELECT pg_database_size('$db')" "$db")
    echo "postgresql, $workers workers: $s s, $(python3 -c "print(round($DOCS/$s))") docs/s, $(( size / DOCS )) bytes a document"
done
