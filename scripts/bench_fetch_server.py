#!/usr/bin/env python3
"""The fetch benchmark's server: FEEDS feeds spread over HOSTS virtual hosts on one port of
127.0.0.1 (hostN.localhost, told apart by the Host header), every response held back DELAY
seconds. Each feed is an RSS 2.0 document of 20 items with an ETag; a request carrying
that ETag gets 304. It records the most requests it ever had open at once per host and in
all, and prints them as JSON at GET /stats (answered at once). Prints "PORT <n>" when it
listens.

usage: bench_fetch_server.py [--hosts 200] [--feeds 2000] [--delay 0.1] [--lifetime 3600]
"""
import argparse, hashlib, json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
active, peak = {}, {}
totals = {"requests": 0, "not_modified": 0, "open": 0, "peak_open": 0}
feeds = {}


def make_feed(host, n):
    items = "".join(
        f"<item><title>Host {host} story {n}-{i}: the harbour board meets again</title>"
        f"<link>http://host{host}.localhost/news/{n}/{i}.html</link><guid>h{host}-f{n}-i{i}</guid>"
        f"<pubDate>Mon, 23 Nov 2026 {i % 24:02d}:{i:02d}:00 GMT</pubDate>"
        f"<description>Crates counted on pier {i}, and the night shift logged {host * 7 + i} arrivals &amp; departures.</description></item>"
        for i in range(20))
    body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Host {host} feed {n}</title>'
            f"<link>http://host{host}.localhost/</link>{items}</channel></rss>").encode()
    return body, '"' + hashlib.sha1(body).hexdigest() + '"'


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/stats":
            with lock:
                report = dict(totals, peak_per_host=max(peak.values(), default=0), hosts_seen=len(peak))
            return self.send(200, json.dumps(report).encode(), [("Content-Type", "application/json")])
        host = self.headers.get("Host", "").split(":")[0]
        with lock:
            active[host] = active.get(host, 0) + 1
            peak[host] = max(peak.get(host, 0), active[host])
            totals["requests"] += 1
            totals["open"] += 1
            totals["peak_open"] = max(totals["peak_open"], totals["open"])
        try:
            time.sleep(args.delay)
            feed = feeds.get((host, self.path))
            if feed is None:
                return self.send(404, b"not found")
            body, etag = feed
            if self.headers.get("If-None-Match") == etag:
                with lock:
                    totals["not_modified"] += 1
                return self.send(304, headers=[("ETag", etag)])
            self.send(200, body, [("Content-Type", "application/rss+xml"), ("ETag", etag)])
        finally:
            with lock:
                active[host] -= 1
                totals["open"] -= 1


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024

    def handle_error(self, request, client_address):
        pass


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--hosts", type=int, default=200)
    p.add_argument("--feeds", type=int, default=2000)
    p.add_argument("--delay", type=float, default=0.1)
    p.add_argument("--lifetime", type=float, default=3600)
    args = p.parse_args()
    for f in range(args.feeds):
        host = f % args.hosts
        feeds[(f"host{host}.localhost", f"/feeds/{f}.xml")] = make_feed(host, f)
    server = Server(("127.0.0.1", 0), Handler)
    threading.Timer(args.lifetime, server.shutdown).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()
