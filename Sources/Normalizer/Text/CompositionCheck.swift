/// Tells whether text might change under Unicode NFC, cheaply and conservatively.
///
/// Guarantee: `false` only when no scalar of the text can take part in a canonical
/// composition or decomposition: everything is below U+0300, or is a scalar with canonical
/// combining class 0 that is neither a spacing mark (Indic vowel signs compose), a Hangul
/// jamo, nor in a block with singleton decompositions or composition exclusions
/// (Indic, Tibetan, Myanmar, Balinese, Hebrew presentation forms, Greek extended…). Then NFC is the identity, and the
/// costly Foundation call is skipped. Any doubt answers `true`.
enum CompositionCheck {
    static func mayChange(_ text: String) -> Bool {
        text.unicodeScalars.contains { mayChange($0.value) }
    }

    /// `mayChange` of one scalar value (a valid scalar).
    @inline(__always)
    static func mayChange(_ v: UInt32) -> Bool {
        if v < 0x300 { return false }
        if v < 0x10000 { return basicPlane[Int(v >> 6)] >> UInt64(v & 63) & 1 != 0 }
        return Unicode.Scalar(v).map(mayChange) ?? true
    }

    /// One bit per scalar of the Basic Multilingual Plane, 64 to a word: `mayChange`, read
    /// once. Asking the Unicode properties for every letter took most of normalizing
    /// Cyrillic, Greek or Arabic text, and for every curly quote and dash of English.
    nonisolated(unsafe) private static let basicPlane: UnsafePointer<UInt64> = {
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: 0x10000 / 64)
        table.initialize(repeating: 0, count: 0x10000 / 64)
        for v in 0x300..<0x10000 {
            // (Surrogate code points are not scalars and never occur in UTF-8.)
            if let scalar = Unicode.Scalar(v), mayChange(scalar) { table[v >> 6] |= 1 << UInt64(v & 63) }
        }
        return UnsafePointer(table)
    }()

    private static func mayChange(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard v >= 0x300 else { return false }
        if (0x300...0x36F).contains(v) || (0x1100...0x11FF).contains(v) || (0x1F00...0x1FFF).contains(v)
            || (0x2000...0x2001).contains(v) || (0x2126...0x212B).contains(v) || (0x2329...0x232A).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
            || (0x340...0x390).contains(v) || v == 0x37E || v == 0x387 || (0x900...0xDFF).contains(v)
            || (0xF00...0xFFF).contains(v) || (0x1000...0x109F).contains(v) || (0x1B00...0x1B7F).contains(v)
            || (0xFB1D...0xFB4F).contains(v) || v == 0x2ADC || (0x11000...0x11FFF).contains(v)
            || (0x1D15E...0x1D1C0).contains(v) {
            return true
        }
        // CJK ideographs, Yi and private use: no mappings, no marks (and no property lookups
        // for a third of the plane when the table is made).
        if (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA48C).contains(v)
            || (0xE000...0xF8FF).contains(v) {
            return false
        }
        let p = scalar.properties, category = p.generalCategory
        return p.canonicalCombiningClass != .notReordered || category == .spacingMark || category == .nonspacingMark
            || category == .enclosingMark
    }
}
