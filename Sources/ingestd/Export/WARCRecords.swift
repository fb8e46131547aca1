import Archive
import Crypto
import Foundation
import Timestamps

/// WARC 1.1 (ISO 28500:2017) records for the raw captures of exported documents: one
/// `warcinfo` record, then per capture a `request` record (when the request as sent was
/// kept), a `response` record (or `resource` for a file URL), and a `metadata` record
/// referring to the response that names the document, its cluster and its relation, or
/// the feed whose body the capture is.
///
/// Guarantees: every record carries WARC-Record-ID, WARC-Date, Content-Length and
/// WARC-Block-Digest; responses carry WARC-Target-URI and WARC-Payload-Digest (SHA-1, base
/// 32, of the bytes after the HTTP head, as warcio reads them); a request record is
/// WARC-Concurrent-To its response. Record ids are derived from the capture and document
/// ids, so a capture's records keep their ids from one export to the next. A capture with
/// its wire bytes is written as it crossed the wire: the status line and headers as
/// received, the body still in its transfer and content coding. One made before those were
/// kept gets a head rebuilt from its status and headers, its body as stored (decoded), so
/// the headers that described the wire encoding (Content-Encoding, Transfer-Encoding,
/// Content-Length) are replaced by a Content-Length of the body as written. No stored value
/// can break a WARC header: URIs are percent-encoded where they hold controls or spaces,
/// other values have their control characters (CR and LF among them) made spaces, and a
/// rebuilt HTTP header whose name is not an RFC 9110 token is left out.
enum WARCRecords {
    static func warcinfo(date: Date) -> Data {
        record(["WARC-Type": "warcinfo", "WARC-Record-ID": recordID("warcinfo"), "WARC-Date": TimestampParser.iso8601String(date),
                "Content-Type": "application/warc-fields"],
               block: Data("software: ingestd 0.1.0\r\nformat: WARC File Format 1.1\r\n".utf8))
    }

    /// The records of one capture, each whole (a writer of `.warc.gz` compresses each alone).
    static func capture(_ c: CaptureExport) -> [Data] {
        // A capture shared by two documents is written once for each, under ids of its own.
        let subject = switch c.subject {
        case let .document(documentID, _, _): "document:\(documentID)"
        case .feed: "feed"
        }
        let id = recordID("capture:\(c.captureID):\(subject)")
        let date = TimestampParser.iso8601String(c.fetchedAt)
        var out: [Data] = []
        if c.finalURL.lowercased().hasPrefix("http") {
            let head: Data, payload: Data
            if let raw = c.responseHead {
                (head, payload) = (raw, c.wireBody ?? c.body)
            } else {
                (head, payload) = (rebuiltHead(c), c.body)
            }
            if let request = c.requestHead {
                out.append(record(["WARC-Type": "request", "WARC-Record-ID": recordID("request:\(c.captureID):\(subject)"),
                                   "WARC-Date": date, "WARC-Target-URI": c.finalURL, "WARC-Concurrent-To": id,
                                   "Content-Type": "application/http;msgtype=request"], block: request))
            }
            out.append(record(["WARC-Type": "response", "WARC-Record-ID": id, "WARC-Date": date, "WARC-Target-URI": c.finalURL,
                               "Content-Type": "application/http;msgtype=response", "WARC-Payload-Digest": sha1(payload)],
                              block: head + payload))
        } else {
            let type = c.headers.first { $0.count == 2 && $0[0].lowercased() == "content-type" }?[1] ?? "application/octet-stream"
            out.append(record(["WARC-Type": "resource", "WARC-Record-ID": id, "WARC-Date": date, "WARC-Target-URI": c.finalURL,
                                "Content-Type": type, "WARC-Payload-Digest": sha1(c.body)], block: c.body))
        }
        let fields = switch c.subject {
        case let .document(documentID, cluster, relation):
            "ingestd-document: \(documentID)\r\ningestd-cluster: \(cluster)\r\ningestd-relation: \(relation)\r\n"
        case let .feed(url): "ingestd-feed: \(fieldValue(url))\r\n"
        }
        out.append(record(["WARC-Type": "metadata", "WARC-Record-ID": recordID("metadata:\(c.captureID):\(subject)"),
                            "WARC-Date": date, "WARC-Target-URI": c.finalURL, "WARC-Refers-To": id,
                            "Content-Type": "application/warc-fields"],
                          block: Data((fields + "ingestd-capture-sha256: \(c.bodySHA256)\r\n").utf8)))
        return out
    }

    /// A status line and headers made from what was stored, for a capture without its wire head.
    private static func rebuiltHead(_ c: CaptureExport) -> Data {
        let reason = [200: "OK", 203: "Non-Authoritative Information", 206: "Partial Content"][c.status] ?? "Status \(c.status)"
        var http = "HTTP/1.1 \(c.status) \(reason)\r\n"
        let dropped: Set<String> = ["content-encoding", "transfer-encoding", "content-length"]
        for h in c.headers where h.count == 2 && !dropped.contains(h[0].lowercased()) && isToken(h[0]) {
            http += "\(h[0]): \(fieldValue(h[1]))\r\n"
        }
        return Data((http + "Content-Length: \(c.body.count)\r\n\r\n").utf8)
    }

    private static func record(_ headers: [String: String], block: Data) -> Data {
        var head = "WARC/1.1\r\n"
        let order = ["WARC-Type", "WARC-Record-ID", "WARC-Date", "WARC-Target-URI", "WARC-Concurrent-To", "WARC-Refers-To",
                     "Content-Type", "WARC-Payload-Digest"]
        for key in order {
            guard let value = headers[key] else { continue }
            head += "\(key): \(key == "WARC-Target-URI" ? uri(value) : fieldValue(value))\r\n"
        }
        head += "WARC-Block-Digest: \(sha1(block))\r\nContent-Length: \(block.count)\r\n\r\n"
        return Data(head.utf8) + block + Data("\r\n\r\n".utf8)
    }

    /// A URI as a header value: controls, spaces and DEL percent-encoded, byte by byte.
    static func uri(_ value: String) -> String {
        var out: [UInt8] = []
        for byte in value.utf8 {
            if byte <= 0x20 || byte == 0x7F {
                out += Array(String(format: "%%%02X", byte).utf8)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A header value on one line: every control character (CR, LF, NUL, …) becomes a space.
    static func fieldValue(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    /// Whether `name` is an HTTP field name (an RFC 9110 token).
    static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || "!#$%&'*+-.^_`|~".utf8.contains(b)
        }
    }

    /// `<urn:uuid:…>` from the first 16 bytes of SHA-256 of `name`, shaped as a version-5 UUID.
    private static func recordID(_ name: String) -> String {
        var bytes = Array(SHA256.hash(data: Data(("ingestd:" + name).utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return "<urn:uuid:" + parts.joined(separator: "-") + ">"
    }

    /// `sha1:` and the base-32 digest (RFC 4648 alphabet), as WARC tools write it.
    private static func sha1(_ data: Data) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var out = "sha1:", buffer = 0, bits = 0
        for byte in Insecure.SHA1.hash(data: data) {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return out
    }
}
