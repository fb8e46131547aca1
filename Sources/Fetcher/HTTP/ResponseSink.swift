import CCurl
import Foundation

/// Collects one transfer's headers and body as libcurl delivers them.
///
/// Guarantees:
/// - the body never grows past `limit` bytes: the transfer is aborted instead, and
///   `overflowed` is set;
/// - the body stays in memory only while the pool's `BodyBudget` allows; past it, the
///   body goes on in a temporary file that is unlinked as soon as it is opened, so it is
///   gone when the body is taken or discarded, or the process ends however it ends;
/// - only the headers of the final response are kept, because each redirect hop starts a
///   new status line; `admit` is asked at each status line and a refusal aborts the
///   transfer before any of its body is read;
/// - the wire bytes (the request head sent, the status line and headers as received, the
///   body before transfer and content decoding) are kept beside, the body under the same
///   budget and a limit of its own; a wire body past that limit is dropped, never the transfer.
final class ResponseSink {
    let limit: Int
    var headers: [(name: String, value: String)] = []
    var overflowed = false
    /// Why the transfer was stopped by `admit` or by the temporary file, if it was.
    var refusal: String?
    /// Asked when a response starts; a reason refuses it.
    var admit: (() -> String?)?
    private let budget: BodyBudget
    private var memory = Data()
    private var spill: FileHandle?
    private(set) var count = 0
    /// The request head as sent, and the final response's status line and header lines as received.
    private(set) var requestHead = Data()
    private(set) var responseHead = Data()
    /// The body as it came over the wire; nil when past its limit (or for a wire sink itself).
    private var wire: ResponseSink?
    private var takenWire: Data?
    private let keepsWire: Bool

    init(limit: Int, budget: BodyBudget, keepsWire: Bool = true) {
        self.limit = limit
        self.budget = budget
        self.keepsWire = keepsWire
        if keepsWire { wire = Self.wireSink(limit, budget) }
    }

    /// Chunk framing can make the wire body a little longer than the decoded one.
    private static func wireSink(_ limit: Int, _ budget: BodyBudget) -> ResponseSink {
        ResponseSink(limit: limit + limit / 8 + 65_536, budget: budget, keepsWire: false)
    }

    /// What libcurl reports having sent and received, before any decoding.
    func appendWire(_ type: curl_infotype, _ bytes: UnsafeRawBufferPointer) {
        switch type {
        case CURLINFO_HEADER_OUT: requestHead = Data(bytes)
        case CURLINFO_DATA_IN:
            if let wire, !wire.appendBody(bytes) {
                wire.discard()
                self.wire = nil
            }
        default: break
        }
    }

    /// The wire bytes of the final response: its request head, status line and headers,
    /// and its body as received when that differs from `decoded` (nil when the same, or lost).
    /// Call after `takeBody`, which sets the wire body aside.
    func takeWire(decoded: Data) -> (request: Data?, head: Data?, body: Data?) {
        let body = takenWire
        takenWire = nil
        return (requestHead.isEmpty ? nil : requestHead, responseHead.isEmpty ? nil : responseHead,
                body == decoded ? nil : body)
    }

    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard count + bytes.count <= limit else {
            overflowed = true
            return false
        }
        if spill == nil, budget.reserve(bytes.count) {
            memory.append(contentsOf: bytes)
        } else {
            do {
                let handle = try spillHandle()
                try handle.write(contentsOf: bytes)
            } catch {
                refusal = "cannot write the body to a temporary file: \(error.localizedDescription)"
                return false
            }
        }
        count += bytes.count
        return true
    }

    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            headers.removeAll()
            discard()
            responseHead = Data(bytes)
            if let reason = admit?() {
                refusal = reason
                return false
            }
        } else {
            responseHead.append(contentsOf: bytes)
        }
        if !line.hasPrefix("HTTP/"), let colon = line.firstIndex(of: ":") {
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return true
    }

    /// The whole body, handed over to the caller: it no longer counts against the budget.
    func takeBody() throws -> Data {
        takenWire = try? wire?.takeBody()
        defer { discard() }
        guard let spill else { return memory }
        try spill.seek(toOffset: 0)
        return try spill.readToEnd() ?? Data()
    }

    /// Drops what has arrived, giving back its memory and removing its file.
    func discard() {
        budget.release(memory.count)
        memory = Data()
        count = 0
        try? spill?.close()
        spill = nil
        wire?.discard()
        if keepsWire, wire == nil { wire = Self.wireSink(limit, budget) }
    }

    /// The temporary file, made on first use; what was in memory moves into it.
    private func spillHandle() throws -> FileHandle {
        if let spill { return spill }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ingestd-body-\(UUID().uuidString)").path
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        unlink(path)
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        spill = handle
        try handle.write(contentsOf: memory)
        budget.release(memory.count)
        memory = Data()
        return handle
    }
}
