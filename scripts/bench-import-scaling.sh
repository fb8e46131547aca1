#!/usr/bin/env bash
# `ingestd import --jsonl`'s scaling figures on the 1,000,000-document generated corpus,
# against its time a document for the first 10,000 lines into an empty archive:
# - its time a document for all 1,000,000 (the first 990,000 into an empty archive, then
#   the last 10,000 in a second run), as `dedup`'s figure is its time on the whole corpus;
# - its time a document for those last 10,000 alone: a cron run into a large archive,
#   whose lookups of the 990,000 read index segments (a run's own documents are held in memory).
# SQLite files in a scratch folder, or one PostgreSQL worker on a throwaway cluster on
# loopback (fsync off).
#
# usage: scripts/bench-import-scaling.sh [sqlite|postgres]
set -euo pipefail
# Summary lines are parsed below: plain messages, not logfmt.
export INGESTD_LOG_FORMAT=human
cd "$(dirname "$0")/.."
STORE=${1:-sqlite}
OUT=/tmp/ingestd-bench-1000000
B=$PWD/.build/release/ingestd
swift build -c release --product ingestd >/dev/null
[ -f "$OUT/corpus.jsonl" ] || "$B" bench corpus --docs 1000000 --seed 1 --out "$OUT"
[ -f "$OUT/c10k.jsonl" ] || head -n 10000 "$OUT/corpus.jsonl" > "$OUT/c10k.jsonl"
case $STORE in
    postgres)
        . scripts/throwaway-postgres.sh
        createdb_pg small
        createdb_pg large
        small_archive=$(url small) large_archive=$(url large)
        bytes() { psql -h 127.0.0.1 -p "$PORT" -U ingestd -At -c "SELECT pg_database_size('large')" large; } ;;
    sqlite)
        DIR=$(mktemp -d /tmp/ingestd-importbench-XXXXXX)
        trap 'rm -rf "$DIR"' EXIT
        small_archive=$DIR/small.sqlite large_archive=$DIR/large.sqlite
        bytes() { du -cb "$DIR"/large.sqlite* | tail -1 | cut -f1; } ;;
    *) echo "usage: $0 [sqlite|postgres]" >&2; exit 64 ;;
esac
head -n 990000 "$OUT/corpus.jsonl" > "$DIR/first.jsonl"
tail -n +990001 "$OUT/corpus.jsonl" > "$DIR/last.jsonl"
# Each run starts with the disk idle: the writes of the one before (3 GB for the 990k) are
# flushed first, as they would be between two cron runs.
timed() {
    sync
    local start end; start=$(date +%s.%N)
    "$B" import --jsonl "$1" --archive "$2" >/dev/null
    end=$(date +%s.%N)
    python3 -c "print(f'{$end - $start:.1f}')"
}
small=$(timed "$OUT/c10k.jsonl" "$small_archive")
echo "first 10k into an empty archive: $small s"
bulk=$(timed "$DIR/first.jsonl" "$large_archive")
echo "990k lines: $bulk s"
large=$(timed "$DIR/last.jsonl" "$large_archive")
echo "last 10k into 990k: $large s"
size=$(bytes)
python3 -c "
s, l, b = $small, $large, $bulk
print(f'$STORE: {s * 100:.1f} us a document at 10k; all 1M: {b + l:.1f} s, {b + l:.1f} us a document, {(b + l) / (s * 100):.2f}x, '
      f'{1_000_000 / (b + l):.0f} docs/s; the last 10k alone: {l * 100:.1f} us, {l / s:.2f}x; {$size // 1_000_000} bytes a document')
"
