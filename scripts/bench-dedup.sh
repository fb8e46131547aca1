#!/usr/bin/env bash
# Near-duplicate stage against datasketch and rensa, side by side on one generated corpus.
#
# usage: scripts/bench-dedup.sh [DOCS|DIR] [RUNS] [PEERS]
#   DOCS   corpus size (default 10000); the corpus is written once to /tmp/ingestd-bench-DOCS
#   DIR    or a folder holding corpus.jsonl (and truth.jsonl), such as a real-text corpus
#          (`ingestd bench corpus --real`); the predictions are written beside it
#   RUNS   runs of each program, interleaved (default 3); medians are reported
#   PEERS  "rensa datasketch" (default), or a subset, or "none"
# Prints each run, the medians, the ratio of docs/s to each peer, pair scores (score.py) and
# ingestd's figures by kind of document.
# Needs ../shared beside the checkout. The peers are installed into /tmp/peervenv on first use.
set -euo pipefail
# Summary lines are parsed below: plain messages, not logfmt.
export INGESTD_LOG_FORMAT=human
cd "$(dirname "$0")/.."
DOCS=${1:-10000} RUNS=${2:-3} PEERS=${3:-rensa datasketch}
SHARED=../shared/dedup
OUT=/tmp/ingestd-bench-$DOCS
[ -d "$DOCS" ] && OUT=$DOCS
B=.build/release/ingestd

swift build -c release --product ingestd >/dev/null
[ -f "$OUT/corpus.jsonl" ] || "$B" bench corpus --docs "$DOCS" --seed 1 --out "$OUT"
if [ "$PEERS" != none ] && [ ! -x /tmp/peervenv/bin/python ]; then
    python3 -m venv /tmp/peervenv && /tmp/peervenv/bin/pip install -q -r "$SHARED/requirements.txt"
fi

peer() {  # backend, pred file
    case $1 in
        rensa) args=(--bands 32 --rows 4) ;;
        datasketch) args=(--threshold 0.5) ;;
    esac
    /tmp/peervenv/bin/python "$SHARED/peer_bench.py" "$OUT/corpus.jsonl" --backend "$1" --num-perm 128 --ngram 5 \
        "${args[@]}" --pred "$2" | tail -1
}

: > "$OUT/runs.txt"
for run in $(seq "$RUNS"); do
    # `ingestd dedup` end to end (reading the corpus through writing its clusters); its summary
    # line ("... 3.20 s, 31250 lines/s, peak 912 MB") in the peers' key=value form.
    "$B" dedup "$OUT/corpus.jsonl" --out "$OUT/pred-ingestd.jsonl" 2>&1 >/dev/null | tail -1 \
        | sed -E 's/.* ([0-9.]+) s, ([0-9.]+) lines\/s, peak ([0-9]+) MB/ingestd: seconds=\1 docs_per_s=\2 peak_rss_mb=\3/' \
        | tee -a "$OUT/runs.txt"
    if [ "$PEERS" != none ]; then
        for p in $PEERS; do peer "$p" "$OUT/pred-$p.jsonl" | tee -a "$OUT/runs.txt"; done
    fi
done

echo "== medians of $RUNS runs, $DOCS documents"
python3 - "$OUT/runs.txt" <<'PY'
import re, statistics, sys
rates = {}
for line in open(sys.argv[1]):
    name = "ingestd" if line.startswith("ingestd:") else re.search(r"backend=(\w+)", line).group(1)
    fields = dict(re.findall(r"(\w+)=([\d.]+)", line))
    rates.setdefault(name, []).append(fields)
med = {n: {k: statistics.median(float(r[k]) for r in rs) for k in rs[0] if k != "backend"} for n, rs in rates.items()}
for n, m in med.items():
    print(n, " ".join(f"{k}={v:g}" for k, v in m.items()))
if "ingestd" in med:
    for p in med:
        if p != "ingestd":
            print(f"ingestd / {p}: {med['ingestd']['docs_per_s'] / med[p]['docs_per_s']:.2f}x docs/s")
PY
for f in "$OUT"/pred-*.jsonl; do
    echo "== $(basename "$f")"
    python3 "$SHARED/score.py" --truth "$OUT/truth.jsonl" --pred "$f" | grep -E "^pair|false merges|^dedup"
done
echo "== ingestd by kind"
python3 - "$OUT/corpus.jsonl" "$OUT/pred-ingestd.jsonl" <<'PY'
# Copies and rewrites: share of them in their original's predicted cluster. Hard negatives
# (each its own truth cluster): how many sit in any multi-document predicted cluster, an
# upper bound on their falsely merged pairs.
import collections, json, sys
truth, kind = {}, {}
for line in open(sys.argv[1]):
    d = json.loads(line)
    truth[d["id"]], kind[d["id"]] = d["cluster"], d["kind"]
pred = {json.loads(l)["id"]: json.loads(l)["cluster"] for l in open(sys.argv[2])}
size = collections.Counter(pred.values())
for k in sorted(set(kind.values())):
    ids = [i for i in kind if kind[i] == k]
    if k in ("syndicated", "rewrite"):
        ok = sum(pred[i] == pred[truth[i]] for i in ids)
        print(f"{k}: {ok}/{len(ids)} joined their original ({ok / len(ids):.4f})")
    elif k != "original":
        merged = sum(size[pred[i]] > 1 for i in ids)
        print(f"{k}: {merged}/{len(ids)} in a multi-document cluster")
PY
