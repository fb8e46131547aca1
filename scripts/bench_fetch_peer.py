#!/usr/bin/env python3
"""The fetch benchmark's peer: feedparser + requests, one feed after another, as a script
built on those two libraries would do it, over the same URL list and server as
`ingestd bench fetch`. Two passes; the second sends each feed's ETag and Last-Modified.

usage: bench_fetch_peer.py URLS_FILE PORT
Prints one line per pass like ingestd's: "peer: pass=N feeds= ok= not_modified= failed= entries= seconds=".
*.localhost names are sent to 127.0.0.1:PORT with the name in the Host header, because the
system resolver (unlike libcurl) does not resolve them.
"""
import sys, time
from urllib.parse import urlsplit

import feedparser
import requests

urls = [u.strip() for u in open(sys.argv[1]) if u.strip()]
port = sys.argv[2]
session = requests.Session()
validators = {}
for n in (1, 2):
    ok = nm = failed = entries = 0
    started = time.perf_counter()
    for url in urls:
        parts = urlsplit(url)
        headers = {"Host": parts.netloc, "User-Agent": "feedparser-peer"}
        etag, modified = validators.get(url, (None, None))
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        try:
            r = session.get(f"http://127.0.0.1:{port}{parts.path}", headers=headers, timeout=30)
        except requests.RequestException:
            failed += 1
            continue
        if r.status_code == 304:
            nm += 1
            continue
        if r.status_code != 200:
            failed += 1
            continue
        feed = feedparser.parse(r.content, response_headers={"content-type": r.headers.get("content-type", "")})
        ok += 1
        entries += len(feed.entries)
        validators[url] = (r.headers.get("ETag"), r.headers.get("Last-Modified"))
    print(f"peer: pass={n} feeds={len(urls)} ok={ok} not_modified={nm} failed={failed} entries={entries} "
          f"seconds={time.perf_counter() - started:.3f}", flush=True)
