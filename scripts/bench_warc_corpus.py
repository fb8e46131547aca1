#!/usr/bin/env python3
"""Writes a WARC.gz of news pages for `scripts/bench-warc.sh`: each line of a corpus made
by `ingestd bench corpus` becomes one HTML page, the way a crawl of news sites looks:
navigation, a cookie banner, share bar, related links and footer around the article, and
inline scripts and styles of random identifiers (about 60 KB a page, compressing as page
code does). Every record is its own gzip member; a request record precedes each response,
and every other response is gzip-encoded and chunked, as servers send them.

usage: bench_warc_corpus.py CORPUS.jsonl OUT.warc.gz TARGET_MB
Stops at the first of: the corpus's end, OUT reaching TARGET_MB. Prints the record count."""
import base64, gzip, hashlib, html, io, json, random, sys, uuid

corpus, out_path, target = sys.argv[1], sys.argv[2], int(sys.argv[3]) * 1024 * 1024
rng = random.Random(7)
names = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 12))) for _ in range(4000)]


def code(size):
    parts, n = [], 0
    while n < size:
        a, b, c = rng.choice(names), rng.choice(names), rng.choice(names)
        piece = rng.choice([f"var {a}=function({b}){{return {b}.{c}({rng.randint(0, 9999)})}};",
                            f".{a}-{b}{{margin:{rng.randint(0, 40)}px;color:#{rng.randint(0, 0xffffff):06x}}}",
                            f"window.{a}&&{a}.{b}('{c}',{{id:{rng.randint(0, 99999)}}});"])
        parts.append(piece)
        n += len(piece)
    return "".join(parts)


def page(doc):
    title = html.escape(doc.get("title") or doc["text"].split("\n")[0][:80])
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in doc["text"].split("\n\n") if p.strip())
    related = "".join(f'<li><a href="/news/{rng.choice(names)}">{rng.choice(names).title()} {rng.choice(names)}</a></li>' for _ in range(12))
    return (f"<!DOCTYPE html><html><head><meta charset=utf-8><title>{title}</title><style>{code(12000)}</style>"
            f"<script>{code(30000)}</script></head><body><header><nav>" + "".join(
                f'<a href="/{n}">{n.title()}</a>' for n in rng.sample(names, 20)) +
            "</nav><div class=cookie-banner>We use cookies to improve your experience. <button>Accept</button></div></header>"
            f"<main><article><h1>{title}</h1><div class=byline>By Staff Reporter</div>"
            f"<div class=article-body>{paragraphs}</div><div class=share>Share on Facebook Share on X</div></article>"
            f"<aside class=related><h2>Related</h2><ul>{related}</ul></aside></main>"
            f"<footer>Copyright 2026 News Group. All rights reserved.</footer><script>{code(18000)}</script></body></html>")


def digest(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def record(out, kind, uri, content_type, block, extra=()):
    rid = f"<urn:uuid:{uuid.UUID(int=rng.getrandbits(128))}>"
    head = [("WARC-Type", kind), ("WARC-Record-ID", rid), ("WARC-Date", "2026-11-02T10:00:00Z"),
            ("WARC-Target-URI", uri), *extra, ("Content-Type", content_type), ("WARC-Block-Digest", digest(block)),
            ("Content-Length", str(len(block)))]
    data = b"WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in head).encode() + b"\r\n" + block + b"\r\n\r\n"
    out.write(gzip.compress(data, 6))
    return rid


count = 0
with open(out_path, "wb") as out, open(corpus) as lines:
    for line in lines:
        if out.tell() >= target:
            break
        doc = json.loads(line)
        uri = f"https://news{count % 50}.example/2026/11/{doc['id']}"
        body = page(doc).encode()
        headers = "Content-Type: text/html; charset=utf-8\r\n"
        if count % 2:
            packed = gzip.compress(body, 6)
            body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(packed), packed)
            headers += "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n"
        else:
            headers += f"Content-Length: {len(body)}\r\n"
        request = f"GET /2026/11/{doc['id']} HTTP/1.1\r\nHost: news{count % 50}.example\r\nUser-Agent: bench\r\n\r\n".encode()
        rid = record(out, "request", uri, "application/http;msgtype=request", request)
        record(out, "response", uri, "application/http;msgtype=response",
               b"HTTP/1.1 200 OK\r\n" + headers.encode() + b"\r\n" + body, [("WARC-Concurrent-To", rid)])
        count += 1
print(count)
