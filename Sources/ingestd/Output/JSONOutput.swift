import Archive
import Foundation

/// The one JSON style of all `--json` output and exports: snake_case keys, sorted, ISO 8601
/// UTC dates, unescaped slashes; pretty for a single object, compact for JSON Lines.
enum JSONOutput {
    static func encoder(pretty: Bool) -> JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// One line of `export --format jsonl` (newline included): the document as `encoder`
    /// writes it, then, when it came from a corpus line, that line as member `record`, byte
    /// for byte and last (raw bytes cannot pass through an encoder).
    static func exportLine(_ doc: DocumentDetail, _ encoder: JSONEncoder) throws -> Data {
        var line = try encoder.encode(doc)
        if let record = doc.record, line.last == UInt8(ascii: "}") {
            line.removeLast()
            line += Data(",\"record\":".utf8) + record + Data("}".utf8)
        }
        return line + Data([0x0A])
    }

    static func print<T: Encodable>(_ value: T) throws {
        Swift.print(String(decoding: try encoder(pretty: true).encode(value), as: UTF8.self))
    }

    /// Prints the array of `transform` of each item, one element at a time, so that memory
    /// holds one element rather than the whole array (every member of every cluster of an
    /// archive, say). The bytes are the ones `print` gives for the whole array.
    static func printArray<Item, T: Encodable>(_ items: some Sequence<Item>, _ transform: (Item) throws -> T) throws {
        let encoder = encoder(pretty: true)
        var first = true
        Swift.print("[")
        for item in items {
            let lines = String(decoding: try encoder.encode(transform(item)), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            // Nested one level deeper: two more spaces on every line but the empty ones.
            Swift.print((first ? "" : ",\n") + lines.map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n"), terminator: "")
            first = false
        }
        Swift.print("\n]")
    }
}
