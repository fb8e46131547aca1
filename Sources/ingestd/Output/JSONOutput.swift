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

    static func print<T: Encodable>(_ value: T) throws {
        Swift.print(String(decoding: try encoder(pretty: true).encode(value), as: UTF8.self))
    }
}
