#!/usr/bin/env python3
"""Archive figures for issue 6.

usage: bench_archive_report.py EXPORT.jsonl STATS.json [ARCHIVE]

From `ingestd export --format jsonl` output and `ingestd stats --json`: the archive's
compressed text bytes against the sum of gzip -6 of each document's text on its own, and
against one gzip -6 of all texts together. With ARCHIVE (the archive file, checkpointed:
any ingestd command that opens it last leaves it so), also the file's size against the
compressed texts plus indexes, from SQLite's dbstat: the duplicate indexes (LSH bands,
passage postings), the FTS5 search index and SQLite's own indexes, page slack included.
"""
import gzip, json, os, sqlite3, sys

texts = [json.loads(line)["text"].encode() for line in open(sys.argv[1], encoding="utf-8")]
stats = json.load(open(sys.argv[2]))
each = sum(len(gzip.compress(t, 6)) for t in texts)
whole = len(gzip.compress(b"\n".join(texts), 6))
stored = stats["compressed_text_bytes"]
print(f"documents={len(texts)} raw_text_bytes={stats['raw_text_bytes']} compressed_text_bytes={stored} "
      f"gzip6_each_sum={each} gzip6_whole={whole} ratio_to_each={stored / each:.3f} ratio_to_whole={stored / whole:.3f} "
      f"archive_file_bytes={stats['archive_file_bytes']}")

if len(sys.argv) > 3:
    path = sys.argv[3]
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    size = dict(db.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"))
    indexes = {name for (name,) in db.execute("SELECT name FROM sqlite_schema WHERE type = 'index'")}
    # Segments of packed blocks since v12; a row per key before.
    duplicate = sum(size.get(name, 0) for name in ("index_blocks", "index_segments", "passage_postings", "minhash_bands"))
    search = sum(v for k, v in size.items() if k.startswith("documents_fts"))
    sqlite_indexes = sum(v for k, v in size.items() if k in indexes or k.startswith("sqlite_autoindex"))
    allowance = stored + duplicate + search + sqlite_indexes
    file_bytes = os.path.getsize(path)
    print(f"duplicate_index_bytes={duplicate} search_index_bytes={search} sqlite_index_bytes={sqlite_indexes} "
          f"file_bytes={file_bytes} ratio_file_to_texts_and_indexes={file_bytes / allowance:.3f}")
