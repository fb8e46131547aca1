#!/usr/bin/env python3
"""The floor under `ingestd import --jsonl`: only the library calls that every import must make,
timed one by one on the same lines, with none of ingestd's own work (normalizing, fingerprints,
matching, the duplicate indexes, word coding, provenance beyond one row each).

usage: bench_import_floor.py CORPUS.jsonl N [RUNS]

Per line: JSON decoding; zlib -6 of the text; zlib -6 of the raw line primed with the text as JSON
escapes it (what a capture costs); SHA-256 of the line; one document, capture and sighting row in a
WAL-mode SQLite file, one transaction; FTS5 over title and text as the archive declares it (contentless,
unicode61 remove_diacritics 2, hashsize 16 MiB as migration v15 sets it), one transaction. Python's
json, zlib, hashlib and sqlite3 are C underneath, so their time is the libraries'. Prints the medians of
RUNS runs, per document, and the docs/s that two cores could reach at best if the work split evenly."""
import hashlib
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import zlib


def run(lines, docs, path):
    t, c = {}, time.perf_counter
    s = c(); [json.loads(line) for line in lines]; t["json"] = c() - s
    s = c(); texts = [zlib.compress(d["text"].encode(), 6) for d in docs]; t["zlib text"] = c() - s
    s = c()
    bodies = []
    for d, line in zip(docs, lines):
        z = zlib.compressobj(6, zdict=json.dumps(d["text"], ensure_ascii=False)[1:-1].encode()[-32768:])
        bodies.append(z.compress(line) + z.flush())
    t["zlib line"] = c() - s
    s = c(); shas = [hashlib.sha256(line).hexdigest() for line in lines]; t["sha256"] = c() - s
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE VIRTUAL TABLE f USING fts5(title, text, content='', tokenize='unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO f(f, rank) VALUES('hashsize', 16777216)")
    db.execute("CREATE TABLE d(id INTEGER PRIMARY KEY, content_hash TEXT UNIQUE, title TEXT, text BLOB)")
    db.execute("CREATE TABLE c(id INTEGER PRIMARY KEY, url TEXT, sha256 TEXT, body BLOB)")
    db.execute("CREATE TABLE s(id INTEGER PRIMARY KEY, document INTEGER, capture INTEGER)")
    s = c(); db.execute("BEGIN")
    for i, (d, text, body, sha) in enumerate(zip(docs, texts, bodies, shas)):
        db.execute("INSERT INTO d(content_hash, title, text) VALUES(?, ?, ?)", (sha, d.get("title"), text))
        db.execute("INSERT INTO c(url, sha256, body) VALUES(?, ?, ?)", (d.get("url"), sha, body))
        db.execute("INSERT INTO s(document, capture) VALUES(?, ?)", (i + 1, i + 1))
    db.execute("COMMIT"); t["rows"] = c() - s
    s = c(); db.execute("BEGIN")
    for i, d in enumerate(docs):
        db.execute("INSERT INTO f(rowid, title, text) VALUES(?, ?, ?)", (i + 1, d.get("title") or "", d["text"]))
    db.execute("COMMIT"); t["fts5"] = c() - s
    db.close()
    return t


def main():
    path, n = sys.argv[1], int(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with open(path, "rb") as f:
        lines = [line for _, line in zip(range(n), f)]
    docs = [json.loads(line) for line in lines]
    with tempfile.TemporaryDirectory() as tmp:
        results = [run(lines, docs, os.path.join(tmp, "floor.db")) for _ in range(runs)]
    median = {k: statistics.median(r[k] for r in results) for k in results[0]}
    for k, v in median.items():
        print(f"{k:10s} {v:7.2f} s  {1e6 * v / len(lines):6.1f} us/doc")
    total = sum(median.values())
    print(f"{'total':10s} {total:7.2f} s  {1e6 * total / len(lines):6.1f} us/doc; "
          f"on 2 cores at best {len(lines) / (total / 2):,.0f} docs/s")


if __name__ == "__main__":
    main()
