import Foundation

/// Puts text into the one form every later stage compares and stores.
///
/// Guarantees: the result is Unicode NFC; every run of white space (including no-break,
/// thin and ideographic spaces, tabs and line breaks) inside a paragraph is one ASCII space;
/// zero-width and control characters are gone; there is no leading or trailing space.
/// Applying it twice gives the same string as applying it once.
public enum TextNormalizer {
    /// Normalizes one paragraph (a line break inside it becomes a space).
    public static func paragraph(_ raw: String) -> String {
        if isCleanASCII(raw) { return raw }
        // Only text that NFC can change pays for composition.
        var composed = CompositionCheck.mayChange(raw) ? raw.precomposedStringWithCanonicalMapping : raw
        return composed.withUTF8 { p in
            var out: [UInt8] = []
            out.reserveCapacity(p.count)
            // Kept scalars are copied a run at a time, up to the next space or invisible one.
            var pendingSpace = false, i = 0, run = 0
            func flush(to end: Int) {
                if run < end { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<end])) }
            }
            while i < p.count {
                let (value, width) = p[i] < 0x80 ? (UInt32(p[i]), 1) : UTF8Scalar.decode(p, at: i)
                if isSpace(value) {
                    flush(to: i)
                    run = i + width
                    pendingSpace = !out.isEmpty
                } else if isInvisible(value) {
                    flush(to: i)
                    run = i + width
                } else if pendingSpace {
                    flush(to: i)
                    out.append(0x20)
                    pendingSpace = false
                    run = i
                }
                i += width
            }
            flush(to: p.count)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Printable ASCII with single inner spaces is already normal: the common case, checked
    /// on bytes without building a new string.
    private static func isCleanASCII(_ raw: String) -> Bool {
        var raw = raw
        return raw.withUTF8 { bytes in
            var previousSpace = true
            for byte in bytes {
                if byte == 0x20 {
                    if previousSpace { return false }
                    previousSpace = true
                } else if byte > 0x20 && byte < 0x7F {
                    previousSpace = false
                } else {
                    return false
                }
            }
            return !previousSpace
        }
    }

    /// A whole text in normal form: its normalized paragraphs joined by blank lines.
    /// Text already in that form (the common case for stored and generated corpora) is
    /// recognized in one pass over its bytes and returned as it is.
    public static func document(_ raw: String) -> String {
        var raw = raw
        if raw.withUTF8(isNormalDocument) { return raw }
        return paragraphs(raw).joined(separator: "\n\n")
    }

    /// Splits text into normalized, non-empty paragraphs, one per line.
    public static func paragraphs(_ raw: String) -> [String] {
        // Split on UTF-8 bytes: `Character.isNewline` walks grapheme clusters, and even the
        // scalar view decodes every scalar, on every imported text. Every line break is one
        // whole scalar, so each cut falls between scalars. Eight bytes of printable ASCII and
        // spaces at a time hold no line break; a line with single inner spaces and no control,
        // invisible, non-ASCII space or scalar that NFC may change is already normal and
        // skips `paragraph`.
        var raw = raw
        return raw.withUTF8 { p in
            var out: [String] = []
            guard let base = p.baseAddress.map(UnsafeRawPointer.init) else { return out }
            var start = 0, i = 0, clean = true
            func cut(at end: Int, width: Int) {
                if end > start {
                    let line = UnsafeBufferPointer(rebasing: p[start..<end])
                    let plain = clean && line[0] != 0x20 && line[line.count - 1] != 0x20
                    let text = plain ? String(decoding: line, as: UTF8.self) : paragraph(String(decoding: line, as: UTF8.self))
                    if !text.isEmpty { out.append(text) }
                }
                start = end + width
                clean = true
            }
            while i < p.count {
                if i + 9 <= p.count {
                    let v = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if ByteMask.allPrintableOrSpace(v) {
                        let after = base.loadUnaligned(fromByteOffset: i + 1, as: UInt64.self)
                        if ByteMask.equal(v, 0x20) & ByteMask.equal(after, 0x20) != 0 { clean = false }
                        i += 8
                        continue
                    }
                }
                let width = lineBreakWidth(p, at: i)
                if width > 0 {
                    cut(at: i, width: width)
                    i += width
                } else if p[i] < 0x80 {
                    if p[i] == 0x20 {
                        if i + 1 < p.count && p[i + 1] == 0x20 { clean = false }
                    } else if p[i] < 0x20 || p[i] == 0x7F {
                        clean = false
                    }
                    i += 1
                } else {
                    // Curly quotes, dashes and letters of other scripts leave a line normal.
                    let (value, width) = UTF8Scalar.decode(p, at: i)
                    if !isKeptAsIs(value) { clean = false }
                    i += width
                }
            }
            cut(at: p.count, width: 0)
            return out
        }
    }

    /// The UTF-8 length of the line break at `i` (U+000A...U+000D, U+0085, U+2028 or
    /// U+2029), or 0 when there is none.
    private static func lineBreakWidth(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        switch p[i] {
        case 0x0A...0x0D: 1
        case 0xC2 where i + 1 < p.count && p[i + 1] == 0x85: 2
        case 0xE2 where i + 2 < p.count && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9): 3
        default: 0
        }
    }

    /// True when the bytes are already `document`'s output: paragraphs of printable
    /// characters with single inner spaces, separated by exactly one blank line, where
    /// every non-ASCII scalar is kept as it is (`isKeptAsIs`: line breaks beyond the
    /// newline are white space).
    private static func isNormalDocument(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        guard let base = p.baseAddress.map(UnsafeRawPointer.init) else { return true }
        var i = 0
        while i < n {
            // The bulk of any text: 8 bytes of printable ASCII and single spaces at a time.
            if i > 0 && i + 9 <= n {
                let v = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if ByteMask.allPrintableOrSpace(v) {
                    let before = base.loadUnaligned(fromByteOffset: i - 1, as: UInt64.self)
                    let after = base.loadUnaligned(fromByteOffset: i + 1, as: UInt64.self)
                    let misplaced = ByteMask.equal(before, 0x20) | ByteMask.equal(before, 0x0A) | ByteMask.equal(after, 0x0A)
                    if ByteMask.equal(v, 0x20) & misplaced != 0 { return false }
                    i += 8
                    continue
                }
            }
            let end = min(n, i + 8)
            while i < end {
                guard let next = normalStep(p, at: i) else { return false }
                i = next
            }
        }
        return true
    }

    /// Checks the byte (or scalar) at `i` of a text that should be in normal form; returns
    /// where the next one starts, or nil where the text is not normal.
    @inline(__always)
    private static func normalStep(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let b = p[i], n = p.count
        if b &- 0x21 < 0x5E { return i + 1 }  // printable ASCII other than space
        switch b {
        case 0x20:
            // Inside a paragraph, never doubled, never next to a line break.
            guard i > 0, i + 1 < n, p[i - 1] != 0x20, p[i - 1] != 0x0A, p[i + 1] != 0x0A else { return nil }
            return i + 1
        case 0x0A:
            // Exactly one blank line between two paragraphs.
            guard i > 0, i + 2 < n, p[i - 1] != 0x20, p[i + 1] == 0x0A, p[i + 2] != 0x0A, p[i + 2] != 0x20 else {
                return nil
            }
            return i + 2
        case 0x80...:
            let (value, width) = UTF8Scalar.decode(p, at: i)
            return isKeptAsIs(value) ? i + width : nil
        default:
            return nil  // controls, tabs, carriage returns, DEL
        }
    }

    /// A scalar that a normal text keeps as it is: not white space, not invisible, and
    /// left alone by NFC. The one rule for both fast paths (`paragraphs`, `isNormalDocument`).
    @inline(__always)
    private static func isKeptAsIs(_ v: UInt32) -> Bool {
        !isSpace(v) && !isInvisible(v) && !CompositionCheck.mayChange(v)
    }

    /// Unicode's White_Space property, spelled out: property lookups cost more than all the
    /// rest of normalization.
    @inline(__always)
    private static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Controls (general category Cc), zero-width characters, the BOM and the soft hyphen.
    @inline(__always)
    private static func isInvisible(_ v: UInt32) -> Bool {
        switch v {
        case 0x00...0x1F, 0x7F...0x9F, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: true
        default: false
        }
    }
}
