#!/usr/bin/env python3
"""Writes an archive of N documents straight into ingestd's schema, for timing exports at a
size the import pipeline would take an hour to reach (issue 6: a JSONL export of 1,000,000
documents in bounded memory). Texts come from a corpus file, made unique with a suffix; each
document gets its own cluster, capture and sighting. The archive must exist and hold no
documents (create it with `ingestd import --jsonl /dev/null --archive A`).

usage: bench_export_archive.py ARCHIVE CORPUS.jsonl [N=1000000]
then:  /usr/bin/time -f "%e s, peak %M KB" ingestd export --archive ARCHIVE --out OUT.jsonl
"""
import hashlib, itertools, json, sqlite3, sys, zlib

archive, corpus = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
texts = [json.loads(line)["text"] for line in itertools.islice(open(corpus, encoding="utf-8"), 2000)]
db = sqlite3.connect(archive)
db.execute("PRAGMA synchronous=OFF")
db.execute("INSERT OR IGNORE INTO sources (id, kind, url, created_at) VALUES (1, 'jsonl', 'file:///bench', '2026-11-23 18:00:00.000')")
now = "2026-11-23 18:00:00.000"
for start in range(1, n + 1, 20_000):
    ids = range(start, min(start + 20_000, n + 1))
    docs = []
    for i in ids:
        text = (texts[i % len(texts)] + f" (copy {i})").encode()
        docs.append((i, hashlib.sha256(text).hexdigest(), f"Title {i}", "en", b"\x01" + zlib.compress(text, 6), len(text),
                     len(text.split()), i, "canonical", now, "normalizer/2"))
    db.executemany("""INSERT INTO documents (id, content_hash, title, language, text, text_size, word_count,
                      cluster_id, relation, first_seen_at, normalizer_version) VALUES (?,?,?,?,?,?,?,?,?,?,?)""", docs)
    db.executemany("INSERT INTO clusters (id, canonical_document_id, created_at) VALUES (?,?,?)", [(i, i, now) for i in ids])
    db.executemany("""INSERT INTO captures (id, requested_url, final_url, status, headers, fetched_at, body_sha256, body_size, body)
                      VALUES (?,?,?,200,'[]',?,?,0,?)""",
                   [(i, f"file:///bench#{i}", f"file:///bench#{i}", now, hashlib.sha256(b"").hexdigest(), b"\x01" + zlib.compress(b""))
                    for i in ids])
    db.executemany("INSERT INTO sightings (document_id, source_id, capture_id, entry_key, url, seen_at) VALUES (?,1,?,?,?,?)",
                   [(i, i, str(i), f"file:///bench#{i}", now) for i in ids])
    db.commit()
print(f"{archive}: {db.execute('SELECT COUNT(*) FROM documents').fetchone()[0]} documents")
