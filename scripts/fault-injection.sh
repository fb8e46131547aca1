#!/usr/bin/env bash
# Kills ingestd with SIGKILL at random points and checks that nothing is lost or doubled.
# Usage: scripts/fault-injection.sh N [BIN]   (N kills, half during `import`, half during `run`)
#
# import: a 20,000-document JSONL corpus into one archive, killed N/2 times at random
#   moments and resumed each time; after each kill `verify` must pass.
# run: the demo feeds served on loopback with slow pages, `run --all` killed N/2 times;
#   after each kill `verify` must pass.
# Then both finish uninterrupted, and their archives must hold exactly what an
# uninterrupted import or run into a fresh archive holds (documents, captures, sightings,
# clusters, relations). Prints "fault-injection: K/N consistent" and exits 1 below N.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
bin=${2:-.build/release/ingestd}
[ -x "$bin" ] || bin=.build/debug/ingestd
work=$(mktemp -d /tmp/ingestd-faults.XXXXXX)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
consistent=0 kills=0

facts() {  # the counts that must match, one line
  "$bin" stats --json --archive "$1" | python3 -c '
import json, sys
s = json.load(sys.stdin)
print(s["documents"], s["captures"], s["sightings"], s["clusters"], s["multi_document_clusters"],
      json.dumps(s["relations_by_kind"], sort_keys=True))'
}

kill_during() {  # kill_during MAXSECONDS ARCHIVE COMMAND...: one kill, then verify
  local max=$1 archive=$2; shift 2
  "$bin" "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$(python3 -c "import random; print(round(random.uniform(0.05, $max), 2))")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  kills=$((kills + 1))
  if [ ! -f "$archive" ] || "$bin" verify --archive "$archive" >/dev/null 2>"$work/verify.err"; then
    consistent=$((consistent + 1))
  else
    echo "kill $kills: verify failed: $(tail -1 "$work/verify.err")"
  fi
}

# --- import ---
"$bin" bench corpus --docs 20000 --out "$work/corpus" >/dev/null
corpus="$work/corpus/corpus.jsonl"
"$bin" import --jsonl "$corpus" --archive "$work/reference-import.sqlite" >/dev/null
for _ in $(seq 1 $((n / 2))); do kill_during 6 "$work/import.sqlite" import --jsonl "$corpus" --archive "$work/import.sqlite"; done
"$bin" import --jsonl "$corpus" --archive "$work/import.sqlite" >/dev/null 2>&1 || true
import_ok=0
[ "$(facts "$work/import.sqlite")" = "$(facts "$work/reference-import.sqlite")" ] && import_ok=1 \
  || echo "import: $(facts "$work/import.sqlite") != reference $(facts "$work/reference-import.sqlite")"

# --- run ---
python3 Tests/Servers/loopback_server.py --root config/demo --log "$work/server.log" --delay 0.15 --lifetime 3600 >"$work/port" &
server=$!
for _ in $(seq 50); do grep -q PORT "$work/port" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/PORT //p' "$work/port")
{
  echo "feeds:"
  for f in meridian-wire.atom harbour-gazette.rss northline-daily.rss kiyi-haber.rss; do echo "  - url: http://127.0.0.1:$port/feeds/$f"; done
  echo "fetch:"
  echo "  allow_networks: [127.0.0.0/8]"
  echo "  per_host_delay_seconds: 0"
} >"$work/run.yaml"
"$bin" run --all --config "$work/run.yaml" --archive "$work/reference-run.sqlite" >/dev/null
for _ in $(seq 1 $((n - n / 2))); do kill_during 2 "$work/run.sqlite" run --all --config "$work/run.yaml" --archive "$work/run.sqlite"; done
"$bin" run --all --config "$work/run.yaml" --archive "$work/run.sqlite" >/dev/null 2>&1 || true
run_ok=0
[ "$(facts "$work/run.sqlite")" = "$(facts "$work/reference-run.sqlite")" ] && run_ok=1 \
  || echo "run: $(facts "$work/run.sqlite") != reference $(facts "$work/reference-run.sqlite")"

# A kill counts as consistent only if the finished archive also matches its reference.
[ $import_ok -eq 1 ] || consistent=$((consistent - n / 2))
[ $run_ok -eq 1 ] || consistent=$((consistent - (n - n / 2)))
[ $consistent -lt 0 ] && consistent=0
echo "fault-injection: $consistent/$kills consistent"
[ "$consistent" -eq "$n" ]
