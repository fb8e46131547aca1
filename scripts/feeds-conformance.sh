#!/usr/bin/env bash
# Feed-parser conformance: ../shared/feeds/compare.py over feedparser's 1,323 test feeds and
# the 13 real-world feeds, failing below the minimum share of files that agree on every field.
#
# usage: scripts/feeds-conformance.sh [BINARY] [MIN_PASS]   (defaults: .build/debug/ingestd, 0.97)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-.build/debug/ingestd}") MIN=${2:-0.97}
COMPARE=../shared/feeds/compare.py
if [ ! -f "$COMPARE" ]; then
    echo "feeds conformance: $COMPARE not found (../shared is not beside the checkout)" >&2
    exit 1
fi
python3 "$COMPARE" --cmd "$BIN feeds parse --jsonl" --set all --min-pass "$MIN" --show-failures 5 | tail -n 25
