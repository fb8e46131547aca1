#!/usr/bin/env bash
# The near-duplicate stage's scaling figure: `ingestd dedup`'s time a document on the
# 1,000,000-document generated corpus, against its time a document on the first 10,000 lines.
#
# usage: scripts/bench-dedup-scaling.sh [PAIRS]
#   PAIRS  interleaved pairs of runs (default 3); medians are reported.
# Writes /tmp/ingestd-bench-1000000 (once) and its c10k.jsonl; prints each pair, then both
# medians (as microseconds a document) and their ratio (target <= 1.5x).
set -euo pipefail
# Summary lines are parsed below: plain messages, not logfmt.
export INGESTD_LOG_FORMAT=human
cd "$(dirname "$0")/.."
PAIRS=${1:-3}
OUT=/tmp/ingestd-bench-1000000
B=.build/release/ingestd

swift build -c release --product ingestd >/dev/null
[ -f "$OUT/corpus.jsonl" ] || "$B" bench corpus --docs 1000000 --seed 1 --out "$OUT"
[ -f "$OUT/c10k.jsonl" ] || head -n 10000 "$OUT/corpus.jsonl" > "$OUT/c10k.jsonl"

seconds() { "$B" dedup "$1" --out /dev/null 2>&1 | tail -1 | sed -E 's/.* ([0-9.]+) s, .*/\1/'; }
runs=$(mktemp)
trap 'rm -f "$runs"' EXIT
for pair in $(seq "$PAIRS"); do
    small=$(seconds "$OUT/c10k.jsonl")
    large=$(seconds "$OUT/corpus.jsonl")
    echo "pair $pair: 10k in ${small} s, 1M in ${large} s" | tee -a "$runs"
done

python3 - "$runs" <<'PY'
import re, statistics, sys
pairs = [tuple(map(float, re.findall(r"([\d.]+) s", line))) for line in open(sys.argv[1])]
small = statistics.median(p[0] for p in pairs) / 10_000 * 1e6
large = statistics.median(p[1] for p in pairs) / 1_000_000 * 1e6
print(f"== {len(pairs)} pairs: 10k median {small:.1f} us a document; 1M median {large:.1f} us")
print(f"ratio {large / small:.2f}x (target <= 1.5x)")
PY
