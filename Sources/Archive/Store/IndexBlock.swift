import Foundation

/// One key of a duplicate index and a document that has it.
struct IndexEntry: Comparable {
    var key: UInt64
    var document: UInt32

    static func < (a: IndexEntry, b: IndexEntry) -> Bool {
        a.key != b.key ? a.key < b.key : a.document < b.document
    }
}

/// The stored form of a run of a segment's entries (`IndexSegments`): one row of
/// `index_blocks`, keyed by its segment, its kind and its first entry.
///
/// Layout: the Rice parameter of the key gaps and the bit width of the document offsets (a
/// byte each), then as LEB128 varints the number of entries, the first key and the smallest
/// document; then for each entry, bit-packed little-endian, its key's gap from the previous
/// key (0 for the first), Rice-coded, and its document less the smallest, in that width.
/// Keys are 32-bit index keys (`Fingerprints.indexKey`) in ascending order: their gaps
/// spread as a random set's do, which Rice codes within about a bit and a half of their
/// entropy (a fixed width, set by the largest gap, took three bits more). A block's
/// documents lie within one segment's ids. About 3.3 bytes an entry where a plain one took 12.
///
/// Guarantees: a block holds 1 to `capacity` entries in ascending order (key, then
/// document); `decode` gives back exactly what `encode` was given, and nil (never a crash)
/// for bytes that are not a block; `sortKey` orders keys in SQLite (signed integers) as
/// they are ordered here (unsigned), so the blocks of a segment, read in key order, give
/// its entries in order.
enum IndexBlock {
    /// Entries a block holds at most: about 1.3 KB, under the size at which SQLite moves
    /// part of a row of an 8 KiB page to an overflow page (a block read is then one page).
    static let capacity = 384

    /// `key` as stored in `index_blocks.first_key`: the sign bit flipped, so SQLite's signed
    /// order is the keys' unsigned order.
    static func sortKey(_ key: UInt64) -> Int64 { Int64(bitPattern: key ^ (1 << 63)) }

    static func encode(_ entries: ArraySlice<IndexEntry>) -> Data {
        guard let first = entries.first else { return Data() }
        let minDocument = entries.lazy.map(\.document).min()!
        let maxOffset = entries.lazy.map { $0.document - minDocument }.max()!
        let documentBits = UInt32.bitWidth - maxOffset.leadingZeroBitCount
        // The Rice parameter: the mean gap's whole bits.
        let meanGap = (entries.last!.key - first.key) / UInt64(entries.count)
        let rice = meanGap == 0 ? 0 : UInt64.bitWidth - 1 - meanGap.leadingZeroBitCount
        var out = Data([UInt8(rice), UInt8(documentBits)])
        for value in [UInt64(entries.count), first.key, UInt64(minDocument)] { Varint.append(value, to: &out) }
        var bits = BitWriter()
        var previous = first.key
        for e in entries {
            bits.appendRice(e.key - previous, parameter: rice)
            bits.append(UInt64(e.document - minDocument), width: documentBits)
            previous = e.key
        }
        out.append(contentsOf: bits.finish())
        return out
    }

    /// Every entry of a stored block, or nil when the bytes are not one.
    static func decode(_ blob: Data) -> [IndexEntry]? {
        blob.withUnsafeBytes { raw in
            var out: [IndexEntry] = []
            let whole = (try? visit(raw) { out.append($0); return true }) != nil
            return whole && !out.isEmpty ? out : nil
        }
    }

    /// Calls `body` with each document under `key` in a stored block, in ascending order,
    /// while it returns true; returns false when `body` stopped. Throws when the bytes are
    /// not a block.
    static func forEachDocument(of key: UInt64, in blob: UnsafeRawBufferPointer,
                                _ body: (Int64) throws -> Bool) throws -> Bool {
        var stopped = false
        try visit(blob) { entry in
            if entry.key < key { return true }
            guard entry.key == key else { return false }
            if try !body(Int64(entry.document)) { stopped = true }
            return !stopped
        }
        return !stopped
    }

    /// Decodes entries in order, handing each to `body` until it returns false.
    private static func visit(_ raw: UnsafeRawBufferPointer, _ body: (IndexEntry) throws -> Bool) throws {
        let corrupt = ArchiveError.corruptBlob("an index block is not a block of index entries")
        guard raw.count >= 2 else { throw corrupt }
        let rice = Int(raw[0]), documentBits = Int(raw[1])
        var at = 2
        guard rice < 64, documentBits <= 32, let count = Varint.read(raw, at: &at), let firstKey = Varint.read(raw, at: &at),
              let minDocument = Varint.read(raw, at: &at), count >= 1, count <= capacity, minDocument <= UInt32.max
        else { throw corrupt }
        var bits = BitReader(raw, from: at)
        var key = firstKey
        for _ in 0..<count {
            guard let gap = bits.readRice(parameter: rice), let offset = bits.read(width: documentBits) else { throw corrupt }
            let (sum, overflow) = key.addingReportingOverflow(gap)
            let document = UInt64(minDocument) + offset
            guard !overflow, document <= UInt32.max else { throw corrupt }
            key = sum
            if try !body(IndexEntry(key: key, document: UInt32(document))) { return }
        }
    }
}

/// Unsigned LEB128: seven bits a byte, low first, the high bit set on all but the last.
enum Varint {
    static func append(_ value: UInt64, to data: inout Data) {
        var v = value
        while v >= 0x80 {
            data.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        data.append(UInt8(v))
    }

    /// The value at `at`, which moves past it; nil when the bytes end first or it runs past 64 bits.
    static func read(_ raw: UnsafeRawBufferPointer, at: inout Int) -> UInt64? {
        var value: UInt64 = 0, shift: UInt64 = 0
        while at < raw.count, shift < 64 {
            let byte = raw[at]
            at += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}

/// Values of fixed bit widths packed one after another, little-endian.
struct BitWriter {
    private var bytes: [UInt8] = []
    private var pending: UInt64 = 0
    private var pendingBits = 0

    mutating func append(_ value: UInt64, width: Int) {
        var value = value, width = width
        while width > 0 {
            let take = min(width, 64 - pendingBits, 32)
            pending |= (value & ((1 << take) - 1)) << pendingBits
            pendingBits += take
            value >>= take
            width -= take
            while pendingBits >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: pending))
                pending >>= 8
                pendingBits -= 8
            }
        }
    }

    /// A Rice code: the quotient `value >> parameter` in unary (ones, then a zero), then the
    /// low `parameter` bits; a quotient of `riceEscape` or more is written as `riceEscape`
    /// ones and the whole value in 64 bits.
    mutating func appendRice(_ value: UInt64, parameter: Int) {
        let quotient = value >> parameter
        guard quotient < BitWriter.riceEscape else {
            append(1 << BitWriter.riceEscape - 1, width: Int(BitWriter.riceEscape))
            append(value, width: 64)
            return
        }
        append((1 << quotient) - 1, width: Int(quotient) + 1)
        append(value & ((1 << parameter) - 1), width: parameter)
    }

    /// The unary quotient at which a Rice code gives up and writes the value whole.
    static let riceEscape: UInt64 = 24

    /// The packed bytes, the last one padded with zero bits.
    mutating func finish() -> [UInt8] {
        if pendingBits > 0 { bytes.append(UInt8(truncatingIfNeeded: pending)) }
        pending = 0
        pendingBits = 0
        return bytes
    }
}

/// Reads what `BitWriter` packed, never past the end of its bytes.
///
/// A read loads the 8 bytes at its position at once (fewer near the end, the rest taken as
/// zero bits), and a Rice quotient is counted off those bits' trailing ones: decoding a
/// block is on the path of every index lookup, and a bit at a time made it a tenth of an
/// import's time.
struct BitReader {
    private let raw: UnsafeRawBufferPointer
    private var bit: Int
    private let end: Int

    init(_ raw: UnsafeRawBufferPointer, from byte: Int) {
        self.raw = raw
        bit = byte * 8
        end = raw.count * 8
    }

    /// The 64 bits from `bit` on; those past the end are zero. At most 57 of them are
    /// whole (the load starts at a byte boundary).
    @inline(__always) private func peek() -> UInt64 {
        let byte = bit >> 3
        let word: UInt64
        if byte + 8 <= raw.count {
            word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: byte, as: UInt64.self))
        } else {
            var w: UInt64 = 0
            for i in byte..<raw.count { w |= UInt64(raw[i]) << (8 * UInt64(i - byte)) }
            word = w
        }
        return word >> UInt64(bit & 7)
    }

    /// The next `width` bits; nil when the bytes end first.
    mutating func read(width: Int) -> UInt64? {
        guard bit + width <= end else { return nil }
        if width > 56 {
            guard let low = read(width: 32), let high = read(width: width - 32) else { return nil }
            return high << 32 | low
        }
        let value = width == 0 ? 0 : peek() & (UInt64.max >> UInt64(64 - width))
        bit += width
        return value
    }

    /// A value `BitWriter.appendRice` wrote; nil when the bytes end first.
    mutating func readRice(parameter: Int) -> UInt64? {
        // The quotient's ones and their closing zero lie within the 57 whole bits, as
        // `riceEscape` is 24.
        let quotient = UInt64((~peek()).trailingZeroBitCount)
        if quotient >= BitWriter.riceEscape {
            guard bit + Int(BitWriter.riceEscape) <= end else { return nil }
            bit += Int(BitWriter.riceEscape)
            return read(width: 64)
        }
        guard bit + Int(quotient) + 1 <= end else { return nil }
        bit += Int(quotient) + 1
        guard let low = read(width: parameter) else { return nil }
        return quotient << parameter | low
    }
}
