#!/usr/bin/env bash
# Kills ingestd with SIGKILL at random points of its work and checks that nothing is lost
# or doubled.
# Usage: scripts/fault-injection.sh N [BIN]   (N kills: half during `import`, half during `run`)
#
# Each kill hits a fresh archive at a random moment inside the time an uninterrupted pass
# takes (measured first), so every kill lands mid-work:
#   import: a 10,000-document JSONL corpus;
#   run: the demo feeds served on loopback with slow pages.
# After each kill, `verify` must pass; then the same command runs again to the end, and the
# archive must hold exactly what the uninterrupted pass into a fresh archive holds
# (documents, captures, sightings, clusters, relations). Prints
# "fault-injection: K/N consistent (L killed while still working)" and exits 1 below N.
set -euo pipefail
# Summary lines are parsed below: plain messages, not logfmt.
export INGESTD_LOG_FORMAT=human
cd "$(dirname "$0")/.."
n=${1:-100}
bin=${2:-.build/release/ingestd}
[ -x "$bin" ] || bin=.build/debug/ingestd
work=$(mktemp -d /tmp/ingestd-faults.XXXXXX)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
consistent=0 kills=0 live=0

facts() {  # the counts that must match, one line
  "$bin" stats --json --archive "$1" | python3 -c '
import json, sys
s = json.load(sys.stdin)
print(s["documents"], s["captures"], s["sightings"], s["clusters"], s["multi_document_clusters"],
      json.dumps(s["relations_by_kind"], sort_keys=True))'
}

seconds() { python3 -c "import time; print(time.time())"; }

# cycles COUNT NAME COMMAND...: the command with --archive added, uninterrupted once, then
# COUNT times killed on a fresh archive and finished.
cycles() {
  local count=$1 name=$2; shift 2
  local started reference
  started=$(seconds)
  "$bin" "$@" --archive "$work/$name-reference.sqlite" >/dev/null
  local took
  took=$(python3 -c "print($(seconds) - $started)")
  reference=$(facts "$work/$name-reference.sqlite")
  for i in $(seq 1 "$count"); do
    local archive="$work/$name-$i.sqlite"
    "$bin" "$@" --archive "$archive" >/dev/null 2>&1 &
    local pid=$!
    sleep "$(python3 -c "import random; print(round(random.uniform(0.02, 0.9 * $took), 3))")"
    # Counted as a kill mid-work only if the process was still there to be killed.
    if kill -9 "$pid" 2>/dev/null; then live=$((live + 1)); fi
    wait "$pid" 2>/dev/null || true
    kills=$((kills + 1))
    local ok=1
    if [ -f "$archive" ] && ! "$bin" verify --archive "$archive" >/dev/null 2>"$work/verify.err"; then
      echo "$name kill $i: verify failed: $(tail -1 "$work/verify.err")"; ok=0
    fi
    "$bin" "$@" --archive "$archive" >/dev/null 2>&1 || true
    if [ "$(facts "$archive")" != "$reference" ]; then
      echo "$name kill $i: finished as $(facts "$archive"), not $reference"; ok=0
    fi
    consistent=$((consistent + ok))
    rm -f "$archive" "$archive"-*
  done
}

"$bin" bench corpus --docs 10000 --out "$work/corpus" >/dev/null
cycles $((n / 2)) import import --jsonl "$work/corpus/corpus.jsonl"

python3 Tests/Servers/loopback_server.py --root config/demo --log "$work/server.log" --delay 0.3 --lifetime 3600 >"$work/port" &
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
cycles $((n - n / 2)) run run --all --config "$work/run.yaml"

echo "fault-injection: $consistent/$kills consistent ($live killed while still working)"
[ "$consistent" -eq "$n" ]
