#!/usr/bin/env python3
"""A standard-library check of a WARC 1.1 file for ingestd's tests (warcio may not be
installed where the tests run): every record starts with WARC/1.1, has WARC-Type,
WARC-Record-ID, WARC-Date and a Content-Length its block matches, ends in CRLF CRLF, and
each WARC-Block-Digest / WARC-Payload-Digest (sha1, base 32) matches. Prints one JSON line
per record ({"type", "uri", "refers_to", "fields"}) and exits 1 on the first problem.
A gzip file (.warc.gz) must be one gzip member per record, as WARC readers seek by member."""
import base64, hashlib, json, sys, zlib


def digest(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def members(data):
    """Each gzip member's bytes, decompressed; exits when one does not hold exactly one record."""
    out = []
    while data:
        z = zlib.decompressobj(31)
        record = z.decompress(data)
        if not z.eof:
            sys.exit(f"gzip member {len(out)}: cut short")
        if record.count(b"WARC/1.1\r\n") != 1 or not record.startswith(b"WARC/1.1\r\n"):
            sys.exit(f"gzip member {len(out)}: not exactly one record")
        out.append(record)
        data = z.unused_data
    return b"".join(out)


def main(path):
    data = open(path, "rb").read()
    if data[:2] == b"\x1f\x8b":
        data = members(data)
    pos = 0
    while pos < len(data):
        end = data.index(b"\r\n\r\n", pos)
        lines = data[pos:end].decode("utf-8").split("\r\n")
        if lines[0] != "WARC/1.1":
            sys.exit(f"offset {pos}: not a WARC/1.1 record: {lines[0]!r}")
        headers = dict(line.split(": ", 1) for line in lines[1:])
        for key in ("WARC-Type", "WARC-Record-ID", "WARC-Date", "Content-Length"):
            if key not in headers:
                sys.exit(f"offset {pos}: no {key}")
        length = int(headers["Content-Length"])
        block = data[end + 4:end + 4 + length]
        if len(block) != length or data[end + 4 + length:end + 8 + length] != b"\r\n\r\n":
            sys.exit(f"offset {pos}: block shorter than Content-Length or not followed by CRLF CRLF")
        if headers.get("WARC-Block-Digest", digest(block)) != digest(block):
            sys.exit(f"offset {pos}: block digest mismatch")
        payload = block
        if headers["WARC-Type"] == "response":
            payload = block[block.index(b"\r\n\r\n") + 4:]
        if "WARC-Payload-Digest" in headers and headers["WARC-Payload-Digest"] != digest(payload):
            sys.exit(f"offset {pos}: payload digest mismatch")
        fields = {}
        if headers.get("Content-Type") == "application/warc-fields":
            fields = dict(l.split(": ", 1) for l in block.decode().split("\r\n") if l)
        print(json.dumps({"type": headers["WARC-Type"], "uri": headers.get("WARC-Target-URI"),
                          "id": headers["WARC-Record-ID"], "refers_to": headers.get("WARC-Refers-To"), "fields": fields}))
        pos = end + 8 + length


if __name__ == "__main__":
    main(sys.argv[1])
