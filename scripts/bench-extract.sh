#!/usr/bin/env bash
# Main-text extraction against trafilatura, side by side on the labeled pages in ../shared/extraction.
#
# usage: scripts/bench-extract.sh [RUNS]
#   RUNS  runs of each extractor per set, alternated (default 5); each page counts with its median time over its runs
# Scores both extractors with the sets' own scorer (eval.py), on each set and on each of its halves
# (bench_extract_halves.py: a page is in half A when the first hex digit of SHA-1(id) is below 8; tune on A,
# report B), times trafilatura in process (eval.py --trafilatura) and ingestd in process (`--timings`: each
# page's median over the runs), checks dates and authors against the WCXB labels, and rewrites the
# extraction section of BENCHMARKS.md with the machine, versions and date.
# trafilatura is installed into /tmp/trafvenv on first use.
set -euo pipefail
# Summary lines are parsed below: plain messages, not logfmt.
export INGESTD_LOG_FORMAT=human
cd "$(dirname "$0")/.."
RUNS=${1:-5}
SHARED=../shared/extraction
OUT=/tmp/ingestd-bench-extract
B=.build/release/ingestd
mkdir -p "$OUT"

swift build -c release --product ingestd >/dev/null
if [ ! -x /tmp/trafvenv/bin/python ]; then
    python3 -m venv /tmp/trafvenv && /tmp/trafvenv/bin/pip install -q trafilatura==2.3.1 lxml_html_clean
fi

for set in scrapinghub wcxb-dev-articles wcxb-dev-articles-more; do
    metric=$([ "$set" = scrapinghub ] && echo shingle || echo wcxb)
    rm -f "$OUT/$set"-times-*.tsv "$OUT/$set"-trafilatura-*.tsv
    : > "$OUT/$set-runs.txt"
    # Alternate the two extractors run by run, so both see the same state of the shared machine.
    for run in $(seq "$RUNS"); do
        "$B" extract "$SHARED/$set/html" --out "$OUT/$set-pred.json" --timings "$OUT/$set-times-$run.tsv" 2>&1 \
            | tail -1 | tee -a "$OUT/$set-runs.txt"
        /tmp/trafvenv/bin/python "$SHARED/eval.py" --html "$SHARED/$set/html" --truth "$SHARED/$set/ground-truth.json" \
            --trafilatura --metric "$metric" --per-page "$OUT/$set-trafilatura-$run.tsv" \
            --save-pred "$OUT/$set-trafilatura-pred.json" > "$OUT/$set-trafilatura.txt"
    done
    python3 "$SHARED/eval.py" --truth "$SHARED/$set/ground-truth.json" --pred "$OUT/$set-pred.json" \
        --metric "$metric" > "$OUT/$set-ingestd.txt"
done

python3 scripts/bench_extract_report.py "$OUT" "$SHARED" \
    "$(swift --version 2>&1 | head -1)" "$(/tmp/trafvenv/bin/python -c 'import trafilatura; print(trafilatura.__version__)')" \
    "$(dpkg-query -W -f '${Version}' libmodest-dev 2>/dev/null || echo unknown)" > "$OUT/report.md"
cat "$OUT/report.md"
python3 - "$OUT/report.md" <<'PY'
import re, sys
report = open(sys.argv[1]).read().strip()
text = open("BENCHMARKS.md").read()
begin, end = "<!-- bench-extract:begin -->", "<!-- bench-extract:end -->"
block = f"{begin}\n{report}\n{end}"
if begin in text:
    text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S)
else:
    head, sep, rest = text.partition("\n## ")
    text = head + "\n" + block + "\n\n## " + rest if sep else text + "\n" + block + "\n"
open("BENCHMARKS.md", "w").write(text)
PY
echo "BENCHMARKS.md updated"
