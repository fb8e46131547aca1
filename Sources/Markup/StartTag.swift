import Foundation

/// One HTML start tag tokenized on bytes, for `MarkupPrefilter`: its name and the spans of its
/// attributes, so the tag can be written again with only the attributes extraction reads.
///
/// Guarantees: `init` fails (and the caller copies the tag unchanged) unless the tag ends with
/// `>` within `maxTagBytes` with every quoted value closed; names compare case-insensitively.
struct StartTag {
    /// The attributes that extraction and metadata read, by length; every other one is dropped.
    static let keptAttributes: [Int: [StaticString]] = [
        2: ["id"], 3: ["rel"], 4: ["name", "href", "type", "role", "lang"], 5: ["class", "style"], 6: ["hidden"],
        7: ["content", "charset"], 8: ["itemprop", "property", "datetime"], 10: ["http-equiv"],
    ]
    static let maxTagBytes = 1 << 16

    private let start: Int
    private let nameEnd: Int
    private var kept: [Range<Int>] = []
    private(set) var dropsAttributes = false
    /// Where `/>` or `>` starts, and one past the `>`.
    private var closeStart = 0
    private(set) var end = 0

    init?(_ buffer: UnsafeBufferPointer<UInt8>, at lt: Int) {
        guard let b = buffer.baseAddress else { return nil }
        let limit = min(buffer.count, lt + Self.maxTagBytes)
        var j = lt + 1
        guard j < limit, Self.isLetter(b[j]) else { return nil }
        while j < limit, Self.isNameByte(b[j]) { j += 1 }
        start = lt
        nameEnd = j
        while true {
            while j < limit, Self.isSpace(b[j]) { j += 1 }
            guard j < limit else { return nil }
            let c = b[j]
            if c == UInt8(ascii: ">") || (c == UInt8(ascii: "/") && j + 1 < limit && b[j + 1] == UInt8(ascii: ">")) {
                closeStart = j
                end = (c == UInt8(ascii: ">") ? j : j + 1) + 1
                return
            }
            // Odd markup (stray slash, quote or angle bracket): leave it to the parser as it is.
            guard c != UInt8(ascii: "/"), c != UInt8(ascii: "<"), c != UInt8(ascii: "\""), c != UInt8(ascii: "'") else { return nil }
            let attributeStart = j
            while j < limit, !Self.isSpace(b[j]), b[j] != UInt8(ascii: "="), b[j] != UInt8(ascii: ">"), b[j] != UInt8(ascii: "/") {
                j += 1
            }
            let keep = Self.isKept(b + attributeStart, j - attributeStart)
            var k = j
            while k < limit, Self.isSpace(b[k]) { k += 1 }
            if k < limit, b[k] == UInt8(ascii: "=") {
                k += 1
                while k < limit, Self.isSpace(b[k]) { k += 1 }
                guard k < limit else { return nil }
                if b[k] == UInt8(ascii: "\"") || b[k] == UInt8(ascii: "'") {
                    guard let close = memchr(b + k + 1, Int32(b[k]), limit - k - 1) else { return nil }
                    j = UnsafeRawPointer(b).distance(to: UnsafeRawPointer(close)) + 1
                } else {
                    j = k
                    while j < limit, !Self.isSpace(b[j]), b[j] != UInt8(ascii: ">") { j += 1 }
                }
            }
            if keep { kept.append(attributeStart..<j) } else { dropsAttributes = true }
        }
    }

    /// Writes `<name`, the kept attributes and the tag's close.
    func appendKept(to out: inout [UInt8], from b: UnsafeBufferPointer<UInt8>) {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<nameEnd]))
        for range in kept {
            out.append(0x20)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[range]))
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[closeStart..<end]))
    }

    private static func isKept(_ name: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard let candidates = keptAttributes[count] else { return false }
        return candidates.contains { kept in
            let k = kept.utf8Start
            for i in 0..<count where name[i] | 0x20 != k[i] && name[i] != k[i] { return false }
            return true
        }
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    private static func isNameByte(_ c: UInt8) -> Bool {
        isLetter(c) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: ":")
    }
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
}
