#!/usr/bin/env python3
"""A real HTTP server on 127.0.0.1 for ingestd's tests.

Serves files under --root with ETag and Last-Modified, answers conditional GETs with 304,
and logs every request as one line "METHOD PATH STATUS" to --log. Prints "PORT <n>" once
it listens (port 0 picks a free port). Extra behaviour for the fetcher tests:
  /redirect/301/<path>   301 to /<path>          /redirect/302/<path>   302 to /<path>
  /loop                  redirects to itself      /gzip/<path>           the file, gzip-encoded
  /status/<code>         an empty response with that status
--delay S sleeps S seconds before answering any path under /pages/ (for kill tests).
It stops by itself after --lifetime seconds, so a crashed test never leaves it running.
"""
import argparse, gzip, hashlib, os, signal, sys, threading, time
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

args = None
log_lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def record(self, status):
        if args.log:
            with log_lock, open(args.log, "a") as f:
                f.write(f"{self.command} {self.path} {status}\n")

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.record(status)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        path = self.path.split("?")[0]
        if path.startswith("/pages/") and args.delay > 0:
            time.sleep(args.delay)
        if path == "/loop":
            return self.reply(302, headers=[("Location", "/loop")])
        if path.startswith("/status/"):
            return self.reply(int(path.split("/")[2]))
        for code in ("301", "302"):
            prefix = f"/redirect/{code}/"
            if path.startswith(prefix):
                return self.reply(int(code), headers=[("Location", "/" + path[len(prefix):])])
        encode = path.startswith("/gzip/")
        if encode:
            path = path[len("/gzip"):]
        file = os.path.realpath(os.path.join(args.root, path.lstrip("/")))
        if not file.startswith(os.path.realpath(args.root)) or not os.path.isfile(file):
            return self.reply(404, b"not found")
        body = open(file, "rb").read()
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        mtime = int(os.path.getmtime(file))
        validators = [("ETag", etag), ("Last-Modified", formatdate(mtime, usegmt=True))]
        if self.headers.get("If-None-Match") == etag:
            return self.reply(304, headers=validators)
        ims = self.headers.get("If-Modified-Since")
        if ims and self.headers.get("If-None-Match") is None:
            try:
                if mtime <= parsedate_to_datetime(ims).timestamp():
                    return self.reply(304, headers=validators)
            except (TypeError, ValueError):
                pass
        kind = "application/xml" if file.endswith((".rss", ".atom", ".xml")) else "text/html; charset=utf-8"
        headers = validators + [("Content-Type", kind)]
        if encode:
            body = gzip.compress(body)
            headers.append(("Content-Encoding", "gzip"))
        self.reply(200, body, headers)


def main():
    global args
    p = argparse.ArgumentParser()
    p.add_argument("--root", required=True)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--log")
    p.add_argument("--delay", type=float, default=0)
    p.add_argument("--lifetime", type=float, default=600)
    args = p.parse_args()
    # A parent's worker thread may have blocked these; a test server must always be stoppable.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    threading.Timer(args.lifetime, server.shutdown).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
