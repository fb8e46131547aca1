#!/usr/bin/env bash
# Fuzzes every parser of untrusted bytes with libFuzzer for SECONDS each (default 20).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
# Builds ingestd with -sanitize=fuzzer,address -DLIBFUZZER into .build-fuzz, makes seed
# corpora from the test fixtures (the demo feeds and pages, the example config, and the
# seeds in Tests/Fuzz), and runs each target. A finding (crash, leak, timeout, out of
# memory) is saved as .build-fuzz/findings/TARGET/crash-… and fails the run: turn each
# into a regression test (Tests/Fuzz/regressions/TARGET/, replayed by FuzzRegressionTests).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(feed html charset robots opml config jsonl blob warc)
scratch=.build-fuzz
mkdir -p "$scratch"
swift build --product ingestd --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLIBFUZZER \
  -Xswiftc -enable-testing >"$scratch/build.log" 2>&1 || { tail -30 "$scratch/build.log"; exit 1; }
bin="$scratch/debug/ingestd"

seeds() {  # the seed files of a target, one path a line
  case "$1" in
    feed) ls config/demo/feeds/* Tests/Fuzz/seeds/feed/* ;;
    charset) ls config/demo/feeds/* Tests/Fuzz/seeds/feed/* config/demo/pages/*/*.html ;;
    html) ls config/demo/pages/*/*.html ;;
    config) ls config/ingestd.example.yaml config/demo/ingestd.yaml ;;
    blob) ;;  # made from a demo archive below
    *) ls Tests/Fuzz/seeds/"$1"/* ;;
  esac
}

failed=()
for target in "${targets[@]}"; do
  corpus="$scratch/corpus/$target" findings="$scratch/findings/$target"
  mkdir -p "$corpus" "$findings"
  seeds "$target" | while read -r f; do cp "$f" "$corpus/seed-$(basename "$f")"; done
  if [ "$target" = blob ]; then  # blobs: stored texts of a demo archive, after a 4-byte size
    archive="$scratch/demo.sqlite"
    [ -f "$archive" ] || .build/debug/ingestd import config/demo/pages --archive "$archive" >/dev/null
    python3 - "$archive" "$corpus" <<'PY'
import sqlite3, struct, sys
db = sqlite3.connect(sys.argv[1])
for i, (text, size) in enumerate(db.execute("SELECT text, text_size FROM documents")):
    open(f"{sys.argv[2]}/seed-text-{i}", "wb").write(struct.pack("<I", size) + text)
for i, (body, size) in enumerate(db.execute("SELECT body, body_size FROM captures")):
    open(f"{sys.argv[2]}/seed-capture-{i}", "wb").write(struct.pack("<I", size) + body)
PY
  fi
  echo "fuzz $target: ${seconds} s"
  if ! INGESTD_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no "$bin" "$corpus" -max_total_time="$seconds" \
      -timeout=10 -rss_limit_mb=2048 -max_len=262144 -artifact_prefix="$findings/" -print_final_stats=1 \
      >"$scratch/$target.log" 2>&1; then
    tail -20 "$scratch/$target.log"
    failed+=("$target")
  else
    grep -E "stat::number_of_executed_units|cov:" "$scratch/$target.log" | tail -2
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]} (see $scratch/findings)"; exit 1
fi
echo "fuzz: all ${#targets[@]} targets ran without a finding"
