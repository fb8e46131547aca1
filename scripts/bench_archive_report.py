#!/usr/bin/env python3
"""Archive compression figures for issue 6: reads `ingestd export --format jsonl` output and
`ingestd stats --json`, and prints the archive's compressed text bytes against the sum of
gzip -6 of each document's text on its own, and against one gzip -6 of all texts together.

usage: bench_archive_report.py EXPORT.jsonl STATS.json
"""
import gzip, json, sys

texts = [json.loads(line)["text"].encode() for line in open(sys.argv[1], encoding="utf-8")]
stats = json.load(open(sys.argv[2]))
each = sum(len(gzip.compress(t, 6)) for t in texts)
whole = len(gzip.compress(b"\n".join(texts), 6))
stored = stats["compressed_text_bytes"]
print(f"documents={len(texts)} raw_text_bytes={stats['raw_text_bytes']} compressed_text_bytes={stored} "
      f"gzip6_each_sum={each} gzip6_whole={whole} ratio_to_each={stored / each:.3f} ratio_to_whole={stored / whole:.3f} "
      f"archive_file_bytes={stats['archive_file_bytes']}")
