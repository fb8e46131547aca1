#!/usr/bin/env python3
"""A real HTTP server on 127.0.0.1 for ingestd's tests.

Serves files under --root with ETag and Last-Modified, answers conditional GETs with 304,
and logs every request as one line "METHOD PATH STATUS" to --log (and each GET's arrival,
"UNIXTIME HOST PATH", to --log plus ".arrivals"). Prints "PORT <n>" once
it listens (port 0 picks a free port). Extra behaviour for the fetcher tests:
  /redirect/301/<path>   301 to /<path>          /redirect/302/<path>   302 to /<path>
  /redirect-to/<url>     302 to the absolute <url> (another host)
  /moved-to/<url>        301 to the absolute <url> (another host)
  /big/<n>               <n> bytes of an HTML page, streamed with no Content-Length (for memory caps)
  /loop                  redirects to itself      /gzip/<path>           the file, gzip-encoded
  /chunked/<path>        the file, gzip-encoded, then sent with Transfer-Encoding: chunked in two chunks
  /status/<code>         an empty response with that status
  /brotli/<path>         the file, brotli-encoded (stored meta-blocks: a real stream, no encoder needed)
  /drip/<path>           the file, one byte every 0.25 s (for low-speed timeouts)
  /huge                  claims a 10 GB body and sends a little of it
  /bomb                  64 MB of zeros, gzip-encoded to about 64 KB
  /flaky/<path>          500 on the first request for the path, then the file
  /limited/<path>        429 with Retry-After: 1 on the first request for the path, then the file
  /robots.txt            as a file, unless a file robots.status in the root holds a status code to answer with
--delay S sleeps S seconds before answering any path under /pages/ (for kill tests).
It stops by itself after --lifetime seconds, so a crashed test never leaves it running.
"""
import argparse, gzip, hashlib, os, signal, sys, threading, time
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

args = None
log_lock = threading.Lock()
first_seen = set()
bomb = None


def brotli_stored(data):
    """A brotli stream (RFC 7932) of uncompressed meta-blocks: WBITS=16, then per block of
    up to 65536 bytes ISLAST=0, MNIBBLES=4, MLEN-1, ISUNCOMPRESSED=1, pad, bytes; then an
    empty last meta-block."""
    bits, out = [], bytearray()

    def put(value, n):
        bits.extend((value >> i) & 1 for i in range(n))

    def flush():
        while len(bits) % 8:
            bits.append(0)
        for i in range(0, len(bits), 8):
            out.append(sum(b << j for j, b in enumerate(bits[i:i + 8])))
        bits.clear()

    put(0, 1)  # WBITS = 16
    for start in range(0, len(data), 65536):
        chunk = data[start:start + 65536]
        put(0, 1)              # ISLAST
        put(0, 2)              # MNIBBLES = 4
        put(len(chunk) - 1, 16)
        put(1, 1)              # ISUNCOMPRESSED
        flush()
        out.extend(chunk)
    put(1, 1)  # ISLAST
    put(1, 1)  # ISLASTEMPTY
    flush()
    return bytes(out)


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

    def once(self, path):
        """True the first time this path is asked for."""
        with log_lock:
            if path in first_seen:
                return False
            first_seen.add(path)
            return True

    def raw(self, status, headers, chunks, delay=0):
        """A response written piece by piece; the client may hang up at any time."""
        try:
            self.send_response(status)
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            for chunk in chunks:
                self.wfile.write(chunk)
                self.wfile.flush()
                if delay:
                    time.sleep(delay)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.record(status)

    def do_GET(self):
        global bomb
        if args.log:
            with log_lock, open(args.log + ".arrivals", "a") as f:
                f.write(f"{time.time():.4f} {self.headers.get('Host', '')} {self.path}\n")
        path = self.path.split("?")[0]
        if path.startswith("/pages/") and args.delay > 0:
            time.sleep(args.delay)
        if path == "/huge":
            return self.raw(200, [("Content-Type", "application/xml"), ("Content-Length", str(10 * 1024 ** 3))],
                            [b"<rss>" + b" " * 65536] * 4)
        if path == "/bomb":
            with log_lock:
                if bomb is None:
                    bomb = gzip.compress(bytes(64 * 1024 * 1024), 9)
            return self.reply(200, bomb, [("Content-Type", "application/xml"), ("Content-Encoding", "gzip")])
        status_file = os.path.join(args.root, "robots.status")
        if path == "/robots.txt" and os.path.isfile(status_file):
            return self.reply(int(open(status_file).read().strip()), b"robots unavailable")
        if path.startswith("/flaky/") and self.once(path):
            return self.reply(500, b"try again")
        if path.startswith("/limited/") and self.once(path):
            return self.reply(429, b"slow down", [("Retry-After", "1")])
        for prefix in ("/flaky", "/limited"):
            if path.startswith(prefix + "/"):
                path = path[len(prefix):]
        if path.startswith("/redirect-to/"):
            return self.reply(302, headers=[("Location", self.path[len("/redirect-to/"):])])
        if path.startswith("/moved-to/"):
            return self.reply(301, headers=[("Location", self.path[len("/moved-to/"):])])
        if path.startswith("/big/"):
            size = int(path.split("/")[2])
            chunk = b"<p>" + b"word " * 13106 + b"</p>\n"
            self.close_connection = True
            return self.raw(200, [("Content-Type", "text/html"), ("Connection", "close")],
                            (chunk[:min(len(chunk), size - i)] for i in range(0, size, len(chunk))))
        if path == "/loop":
            return self.reply(302, headers=[("Location", "/loop")])
        if path.startswith("/status/"):
            return self.reply(int(path.split("/")[2]))
        for code in ("301", "302"):
            prefix = f"/redirect/{code}/"
            if path.startswith(prefix):
                return self.reply(int(code), headers=[("Location", "/" + path[len(prefix):])])
        encode = None
        for prefix in ("/gzip", "/brotli", "/drip", "/chunked"):
            if path.startswith(prefix + "/"):
                encode, path = prefix[1:], path[len(prefix):]
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
        if encode == "gzip":
            body = gzip.compress(body)
            headers.append(("Content-Encoding", "gzip"))
        elif encode == "brotli":
            body = brotli_stored(body)
            headers.append(("Content-Encoding", "br"))
        elif encode == "chunked":
            body = gzip.compress(body)
            headers += [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]
            half = len(body) // 2
            return self.raw(200, headers, [b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:half], body[half:])] + [b"0\r\n\r\n"])
        elif encode == "drip":
            headers.append(("Content-Length", str(len(body))))
            return self.raw(200, headers, [body[i:i + 1] for i in range(len(body))], delay=0.25)
        self.reply(200, body, headers)


def main():
    global args
    p = argparse.ArgumentParser()
    p.add_argument("--root", required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--log")
    p.add_argument("--delay", type=float, default=0)
    p.add_argument("--lifetime", type=float, default=600)
    args = p.parse_args()
    # A parent's worker thread may have blocked these; a test server must always be stoppable.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    class Server(ThreadingHTTPServer):
        request_queue_size = 1024  # hundreds of clients connect at once in the memory tests

        def handle_error(self, request, client_address):
            pass  # clients that hang up on purpose (size caps, timeouts) are not errors here

    server = Server((args.host, args.port), Handler)
    server.daemon_threads = True
    threading.Timer(args.lifetime, server.shutdown).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
