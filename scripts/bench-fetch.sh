#!/usr/bin/env bash
# Fetch throughput: 2,000 feeds on 200 virtual hosts (hostN.localhost), every response held
# back 100 ms by the server, fetched and parsed twice by `ingestd bench fetch` (the second
# pass conditional, answered with 304s), then by feedparser + requests one after another on
# the same server. Prints each run and the server's record of concurrency per host.
#
# usage: scripts/bench-fetch.sh [RUNS] [PEER]   RUNS of ingestd (default 3); PEER "yes" (default) or "no"
# The peer takes about 7 minutes (2 x 2,000 x 100 ms). It is installed into /tmp/fpvenv on first use.
set -euo pipefail
# Summary lines are parsed below: plain messages, not logfmt.
export INGESTD_LOG_FORMAT=human
cd "$(dirname "$0")/.."
RUNS=${1:-3} PEER=${2:-yes}
OUT=/tmp/ingestd-bench-fetch
B=.build/release/ingestd
mkdir -p "$OUT"
swift build -c release --product ingestd >/dev/null
python3 scripts/bench_fetch_server.py --hosts 200 --feeds 2000 --delay 0.1 --lifetime 3600 > "$OUT/port" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
for _ in $(seq 50); do [ -s "$OUT/port" ] && break; sleep 0.1; done
PORT=$(cut -d' ' -f2 "$OUT/port")
python3 -c "
for f in range(2000): print(f'http://host{f % 200}.localhost:$PORT/feeds/{f}.xml')" > "$OUT/urls.txt"
echo "== ingestd bench fetch, $RUNS runs (defaults: 256 transfers, 2 per host, 0.2 s between starts on a host)"
for run in $(seq "$RUNS"); do "$B" bench fetch "$OUT/urls.txt"; done | tee "$OUT/ingestd.txt"
echo "== server: $(curl -s "http://127.0.0.1:$PORT/stats")"
if [ "$PEER" = yes ]; then
    if [ ! -x /tmp/fpvenv/bin/python ]; then
        python3 -m venv /tmp/fpvenv && /tmp/fpvenv/bin/pip install -q feedparser==6.0.14 requests
    fi
    echo "== feedparser $(/tmp/fpvenv/bin/python -c 'import feedparser; print(feedparser.__version__)') + requests, sequential"
    /tmp/fpvenv/bin/python scripts/bench_fetch_peer.py "$OUT/urls.txt" "$PORT" | tee "$OUT/peer.txt"
fi
