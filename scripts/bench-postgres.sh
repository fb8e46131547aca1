#!/usr/bin/env bash
# PostgreSQL archive figures: `ingestd import --jsonl` of a corpus into a throwaway
# PostgreSQL cluster (loopback, fsync off, as the postgres user when run as root) with 1,
# 2 and 4 workers at once (`--shard i/n`), in docs/s, and the database's size a document
# beside SQLite's for the same corpus.
#
# usage: scripts/bench-postgres.sh [DOCS] [WORKER COUNTS...]
#   DOCS defaults to 100000 (uses /tmp/ingestd-bench-DOCS); worker counts default to 1 2 4.
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${1:-100000}
shift || true
COUNTS=${*:-1 2 4}
CORPUS=/tmp/ingestd-bench-$DOCS/corpus.jsonl
B=$PWD/.build/release/ingestd
swift build -c release --product ingestd >/dev/null
[ -f "$CORPUS" ] || "$B" bench corpus --docs "$DOCS" --seed 1 --out "$(dirname "$CORPUS")" >/dev/null
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DIR=$(mktemp -d /tmp/ingestd-pgbench-XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U ingestd -E UTF8 --locale=C --no-sync >/dev/null
as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c fsync=off -c synchronous_commit=off" start >/dev/null
trap 'as_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null; rm -rf "$DIR"' EXIT
url() { echo "postgres://ingestd@127.0.0.1:$PORT/$1"; }
seconds() { python3 -c 'import sys,time; print(f"{time.time()-float(sys.argv[1]):.1f}")' "$1"; }

rm -f "$DIR/sqlite.db"*
start=$(date +%s.%N); "$B" import --jsonl "$CORPUS" --archive "$DIR/sqlite.db" >/dev/null; s=$(seconds "$start")
echo "sqlite, 1 worker: $s s, $(python3 -c "print(round($DOCS/$s))") docs/s, $(( $(stat -c %s "$DIR/sqlite.db") / DOCS )) bytes a document"
for workers in $COUNTS; do
    db=w$workers
    as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U ingestd "$db"
    start=$(date +%s.%N)
    for i in $(seq 0 $((workers - 1))); do
        "$B" import --jsonl "$CORPUS" --shard "$i/$workers" --archive "$(url $db)" >/dev/null &
    done
    wait
    s=$(seconds "$start")
    size=$(psql -h 127.0.0.1 -p "$PORT" -U ingestd -At -c "SELECT pg_database_size('$db')" "$db")
    echo "postgresql, $workers workers: $s s, $(python3 -c "print(round($DOCS/$s))") docs/s, $(( size / DOCS )) bytes a document"
done
