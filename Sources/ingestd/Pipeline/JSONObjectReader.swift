import Foundation
import JSONMembers

/// Reads one JSON object at a time through simdjson (the `JSONMembers` target), for JSONL
/// lines: Foundation's `JSONDecoder` spent more time on a line than all of tokenizing,
/// shingling and MinHash together.
///
/// Guarantees: members are handed out only for a whole, valid JSON object (structure and
/// UTF-8 checked before anything is reported); strings come back unescaped; when a key
/// appears twice, the last one counts. Not thread-safe: one reader per thread.
final class JSONObjectReader {
    /// A member's value, as far as JSONL lines need to tell them apart.
    enum Value {
        case string(String)
        case integer(Int64)
        case null
        /// A number that is not a 64-bit integer, a boolean, an array or an object.
        case other
    }

    /// Why bytes are not the JSON object wanted: simdjson's own words when they are not an
    /// object at all, the caller's when a member is missing or of the wrong type.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// An object's members, valid only inside `withMembers`.
    struct Members {
        fileprivate let members: UnsafeBufferPointer<ingestd_json_member>

        /// The value of `key`, or nil when the object has no such member.
        func value(_ key: StaticString) -> Value? {
            value(UnsafeRawBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        }

        /// The value of a member named at run time (a field the user chose).
        func value(_ key: String) -> Value? {
            var key = key
            return key.withUTF8 { value(UnsafeRawBufferPointer($0)) }
        }

        private func value(_ wanted: UnsafeRawBufferPointer) -> Value? {
            for m in members.reversed() where m.key_length == wanted.count
                && memcmp(m.key, wanted.baseAddress!, wanted.count) == 0 {
                switch m.kind {
                case INGESTD_JSON_STRING:
                    return .string(String(decoding: UnsafeRawBufferPointer(start: m.text, count: m.text_length),
                                          as: UTF8.self))
                case INGESTD_JSON_INTEGER: return .integer(m.integer)
                case INGESTD_JSON_NULL: return .null
                default: return .other
                }
            }
            return nil
        }
    }

    private let reader: OpaquePointer

    init() {
        guard let reader = ingestd_json_reader_create() else { fatalError("cannot allocate a JSON reader") }
        self.reader = reader
    }

    deinit { ingestd_json_reader_destroy(reader) }

    /// Parses `json` as one object and hands its members to `body`.
    func withMembers<R>(of json: some ContiguousBytes, _ body: (Members) throws -> R) throws -> R {
        var list: UnsafePointer<ingestd_json_member>?
        var error: UnsafePointer<CChar>?
        let count = json.withUnsafeBytes { bytes in
            ingestd_json_object_members(reader, bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                                        bytes.count, &list, &error)
        }
        guard count >= 0 else { throw Failure(description: error.map { String(cString: $0) } ?? "not JSON") }
        return try body(Members(members: UnsafeBufferPointer(start: list, count: count)))
    }

    /// The bytes of the top-level member `key` exactly as `json` writes it, or nil when the
    /// object has no such member; throws when `json` is not a valid JSON object.
    func rawMember(_ key: String, of json: Data) throws -> Data? {
        var start: UnsafePointer<CChar>?
        var length = 0
        var error: UnsafePointer<CChar>?
        var key = key
        let found = key.withUTF8 { k in
            json.withUnsafeBytes { bytes in
                ingestd_json_raw_member(reader, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count,
                                        UnsafeRawPointer(k.baseAddress!).assumingMemoryBound(to: CChar.self), k.count,
                                        &start, &length, &error)
            }
        }
        guard found >= 0 else { throw Failure(description: error.map { String(cString: $0) } ?? "not JSON") }
        guard found == 1, let start else { return nil }
        return Data(bytes: start, count: length)
    }
}
