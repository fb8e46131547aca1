#!/usr/bin/env bash
# The WARC import figure: `ingestd import` of a 1 GB WARC.gz of news pages (request and
# response records, half of them gzip-encoded and chunked; see bench_warc_corpus.py),
# with its rate and peak RSS (target <= 200 MB).
#
# usage: scripts/bench-warc.sh [MB]   (default 1024)
# Writes /tmp/ingestd-bench-warc/crawl-MB.warc.gz once, from the 100,000-document synthetic corpus.
set -euo pipefail
# Summary lines are parsed below: plain messages, not logfmt.
export INGESTD_LOG_FORMAT=human
cd "$(dirname "$0")/.."
MB=${1:-1024}
OUT=/tmp/ingestd-bench-warc
B=.build/release/ingestd
swift build -c release --product ingestd >/dev/null
mkdir -p "$OUT"
[ -f "$OUT/corpus.jsonl" ] || "$B" bench corpus --docs 100000 --seed 1 --out "$OUT" >/dev/null
[ -f "$OUT/crawl-$MB.warc.gz" ] || python3 scripts/bench_warc_corpus.py "$OUT/corpus.jsonl" "$OUT/crawl-$MB.warc.gz" "$MB"
rm -f "$OUT/archive.sqlite"*
/usr/bin/time -f "%e s wall, %M KB peak RSS" "$B" import "$OUT/crawl-$MB.warc.gz" --archive "$OUT/archive.sqlite"
ls -l "$OUT/crawl-$MB.warc.gz" "$OUT/archive.sqlite"
