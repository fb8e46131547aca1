#!/usr/bin/env bash
# The near-duplicate stage's scaling figure: time a document takes when the index already holds
# 990,000 documents, against when it holds 10,000, on one generated corpus.
#
# usage: scripts/bench-dedup-scaling.sh [PAIRS]
#   PAIRS  interleaved pairs of runs (default 16): each pair times the 10,000 documents after the
#          first 10,000 of a 20,000-line corpus, then the 10,000 after the first 990,000 of the
#          1,000,000-document corpus. Each window is only ~0.3 s, so single pairs swing widely on
#          a shared machine; report the medians of many.
# Writes /tmp/ingestd-bench-1000000 (once) and /tmp/ingestd-bench-1000000/c20k.jsonl; prints
# each pair, then both medians (as microseconds a document) and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${1:-16}
OUT=/tmp/ingestd-bench-1000000
B=.build/release/ingestd

swift build -c release --product ingestd >/dev/null
[ -f "$OUT/corpus.jsonl" ] || "$B" bench corpus --docs 1000000 --seed 1 --out "$OUT"
[ -f "$OUT/c20k.jsonl" ] || head -n 20000 "$OUT/corpus.jsonl" > "$OUT/c20k.jsonl"

runs=$(mktemp)
trap 'rm -f "$runs"' EXIT
for pair in $(seq "$PAIRS"); do
    small=$("$B" bench dedup --warm 10000 "$OUT/c20k.jsonl" | grep -o 'seconds=[0-9.]*' | cut -d= -f2)
    large=$("$B" bench dedup --warm 990000 "$OUT/corpus.jsonl" | grep -o 'seconds=[0-9.]*' | cut -d= -f2)
    echo "pair $pair: after 10k ${small} s, after 990k ${large} s" | tee -a "$runs"
done

python3 - "$runs" <<'PY'
import re, statistics, sys
pairs = [tuple(map(float, re.findall(r"([\d.]+) s", line))) for line in open(sys.argv[1])]
small = statistics.median(p[0] for p in pairs)
large = statistics.median(p[1] for p in pairs)
ratios = [p[1] / p[0] for p in pairs]
print(f"== {len(pairs)} pairs, 10,000 timed documents each")
print(f"after 10k: median {small * 100:.1f} us a document; after 990k: median {large * 100:.1f} us")
print(f"ratio of the medians {large / small:.2f}x (target <= 1.5x); median of the pairs' ratios "
      f"{statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f})")
PY
