import Foundation

/// A reversible word-coding transform that runs before zlib: each word of a vocabulary
/// trained from the archive becomes a one- or two-byte code, and the single space between
/// two coded words is left out. zlib then codes the choice of words, not their letters.
///
/// Coded bytes:
/// - `0x80 ..< 0xA0`: the 32 most frequent words, one byte each;
/// - `0xA0 ... 0xFF` followed by one byte: the next 24,576 words;
/// - `0x01` before a code: that word with its first letter upper-cased;
/// - `0x00`, a length n (1...255), then n bytes: those bytes as they are (non-ASCII words
///   outside the vocabulary, and the bytes 0x00 and 0x01 themselves);
/// - any other byte (below 0x80): itself.
/// Between two codes, one space is implied; any other separator is written out.
///
/// A word is a run of ASCII letters and bytes ≥ 0x80 (UTF-8 letters of any script); only
/// ASCII letters change case. Vocabulary words are lower-case.
///
/// Guarantees: `decode(encode(x)) == x` for every byte string, words in the vocabulary or
/// not; decoding never writes more than the size it is given and fails on a code the
/// vocabulary lacks, a truncated escape or a size that does not match.
struct WordCoder: Sendable {
    static let oneByteCodes = 32
    static let capacity = oneByteCodes + 96 * 256
    private static let escape: UInt8 = 0x00
    private static let capital: UInt8 = 0x01
    private static let twoByteLead = UInt8(0x80 + oneByteCodes)

    /// The vocabulary, most frequent first: word i's bytes are `bytes[offsets[i] ..< offsets[i + 1]]`.
    private let bytes: [UInt8]
    private let offsets: [Int32]
    /// Open addressing from a word's hash to its index + 1 (0: empty).
    private let slots: [Int32]
    private let mask: Int

    /// `vocabulary`: lower-case words, most frequent first; words past `capacity` are ignored.
    init(vocabulary: [Data]) {
        var bytes: [UInt8] = []
        var offsets: [Int32] = [0]
        for word in vocabulary.prefix(Self.capacity) {
            bytes.append(contentsOf: word)
            offsets.append(Int32(bytes.count))
        }
        let count = offsets.count - 1
        var size = 1
        while size < 2 * count + 2 { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        for i in 0..<count {
            var slot = Self.hash(bytes[Int(offsets[i])..<Int(offsets[i + 1])]) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(i + 1)
        }
        (self.bytes, self.offsets, self.slots, self.mask) = (bytes, offsets, slots, size - 1)
    }

    var count: Int { offsets.count - 1 }

    /// The vocabulary for `samples`: their words, lower-cased, most frequent first (ties in
    /// byte order), at most `capacity`.
    static func vocabulary(of samples: [Data]) -> [Data] {
        var frequency: [Data: Int] = [:]
        for sample in samples {
            forEachWord(in: [UInt8](sample)) { word, _ in frequency[Data(word.map(lowercased)), default: 0] += 1 }
        }
        return frequency.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.lexicographicallyPrecedes($1.key) }
            .prefix(capacity).map(\.key)
    }

    func encode(_ text: Data) -> Data {
        let input = [UInt8](text)
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var separatorStart = 0
        var previousCoded = false
        Self.forEachWord(in: input) { word, start in
            let code = code(for: word)
            let separator = separatorStart..<start
            if !(previousCoded && code != nil && separator.count == 1 && input[separator.lowerBound] == 0x20) {
                Self.writeLiteral(input[separator], to: &out)
            }
            if let code {
                if code.capital { out.append(Self.capital) }
                if code.index < Self.oneByteCodes {
                    out.append(UInt8(0x80 + code.index))
                } else {
                    let rest = code.index - Self.oneByteCodes
                    out.append(Self.twoByteLead + UInt8(rest >> 8))
                    out.append(UInt8(rest & 0xFF))
                }
            } else {
                Self.writeLiteral(word, to: &out)
            }
            previousCoded = code != nil
            separatorStart = start + word.count
        }
        Self.writeLiteral(input[separatorStart...], to: &out)
        return Data(out)
    }

    func decode(_ coded: Data, size: Int) throws(ArchiveError) -> Data {
        let input = [UInt8](coded)
        var out: [UInt8] = []
        out.reserveCapacity(size)
        var i = 0
        var previousCoded = false
        func need(_ n: Int) throws(ArchiveError) {
            guard i + n <= input.count else { throw .corruptBlob("word-coded text ends inside a code") }
        }
        while i < input.count {
            let byte = input[i]
            i += 1
            switch byte {
            case Self.escape:
                try need(1)
                let n = Int(input[i])
                guard n > 0 else { throw .corruptBlob("empty escape in word-coded text") }
                try need(1 + n)
                out.append(contentsOf: input[(i + 1)..<(i + 1 + n)])
                i += 1 + n
                previousCoded = false
            case Self.capital, 0x80...:
                let capital = byte == Self.capital
                var lead = byte
                if capital {
                    try need(1)
                    lead = input[i]
                    i += 1
                    guard lead >= 0x80 else { throw .corruptBlob("capital mark before a literal in word-coded text") }
                }
                var index = Int(lead - 0x80)
                if lead >= Self.twoByteLead {
                    try need(1)
                    index = Self.oneByteCodes + (Int(lead - Self.twoByteLead) << 8 | Int(input[i]))
                    i += 1
                }
                guard index < count else { throw .corruptBlob("word code \(index) is not in the vocabulary of \(count)") }
                if previousCoded { out.append(0x20) }
                let start = out.count
                let word = Int(offsets[index])..<Int(offsets[index + 1])
                bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[word])) }
                if capital {
                    guard out[start] >= 0x61 && out[start] <= 0x7A else { throw .corruptBlob("capital mark on a word without a lower-case first letter") }
                    out[start] -= 0x20
                }
                previousCoded = true
            default:
                out.append(byte)
                previousCoded = false
            }
            guard out.count <= size else { throw .corruptBlob("word-coded text is longer than its stored size \(size)") }
        }
        guard out.count == size else { throw .corruptBlob("word-coded text has \(out.count) of \(size) bytes") }
        return Data(out)
    }

    /// The code of `word`: its index, and whether its first letter is upper-cased; nil when
    /// neither it nor its lower-case form (only the first letter upper-case) is known.
    private func code(for word: ArraySlice<UInt8>) -> (index: Int, capital: Bool)? {
        let capital = Self.isUpperCase(word.first!)
        if word.dropFirst().contains(where: Self.isUpperCase) { return nil }
        var slot = Self.hash(word) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot] - 1)
            let start = Int(offsets[index])
            // Only the first letter may differ in case (checked above), so the rest compares as bytes.
            if Int(offsets[index + 1]) - start == word.count, bytes[start] == Self.lowercased(word.first!),
               bytes.withUnsafeBufferPointer({ v in word.withUnsafeBufferPointer { w in
                   memcmp(v.baseAddress! + start + 1, w.baseAddress! + 1, w.count - 1) == 0 } }) {
                return (index, capital)
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Bytes written as they are: ASCII other than 0x00 and 0x01 stands for itself; runs
    /// holding those two or bytes ≥ 0x80 go into escapes of up to 255 bytes.
    private static func writeLiteral(_ literal: ArraySlice<UInt8>, to out: inout [UInt8]) {
        guard literal.contains(where: { $0 <= capital || $0 >= 0x80 }) else {
            out.append(contentsOf: literal)
            return
        }
        var start = literal.startIndex
        while start < literal.endIndex {
            let end = min(start + 255, literal.endIndex)
            out.append(escape)
            out.append(UInt8(end - start))
            out.append(contentsOf: literal[start..<end])
            start = end
        }
    }

    /// Calls `body` with each word of `text` (a maximal run of ASCII letters and bytes ≥
    /// 0x80) and where it starts.
    private static func forEachWord(in text: [UInt8], _ body: (ArraySlice<UInt8>, Int) -> Void) {
        var i = 0
        while i < text.count {
            guard isWordByte(text[i]) else { i += 1; continue }
            let start = i
            while i < text.count, isWordByte(text[i]) { i += 1 }
            body(text[start..<i], start)
        }
    }

    private static func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) }

    private static func isUpperCase(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }

    private static func lowercased(_ b: UInt8) -> UInt8 { isUpperCase(b) ? b | 0x20 : b }

    /// FNV-1a over the lower-cased bytes.
    private static func hash(_ word: ArraySlice<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word { h = (h ^ UInt64(lowercased(b))) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
