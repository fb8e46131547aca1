import Foundation

/// Guesses the single-byte encoding of a page that declares none and is not UTF-8, from how
/// its bytes above 0x7F are used.
///
/// - Cyrillic text in windows-1251 is mostly letters 0xC0–0xFF: when they are at least
///   `charsetCyrillicShare` (`NormalizerSettings`) of all letters, the page is windows-1251.
/// - Turkish in windows-1254 (or ISO-8859-9, the same letters there) uses ğ ı ş İ Ş Ğ at
///   0xF0 0xFD 0xFE 0xDD 0xDE 0xD0, which are rare Icelandic letters in windows-1252: when they
///   are at least `charsetTurkishShare` of the high letters, the page is windows-1254.
/// - Anything else is windows-1252.
enum LegacyCharsetDetector {
    private static let turkishBytes: Set<UInt8> = [0xF0, 0xFD, 0xFE, 0xDD, 0xDE, 0xD0]

    static func encoding(of bytes: [UInt8], settings: NormalizerSettings) -> String {
        var ascii = 0, high = 0, turkish = 0
        for b in bytes.prefix(1 << 20) {
            if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                ascii += 1
            } else if b >= 0xC0 {
                high += 1
                if turkishBytes.contains(b) { turkish += 1 }
            }
        }
        guard high > 0 else { return "windows-1252" }
        if Double(high) >= settings.charsetCyrillicShare * Double(high + ascii) { return "windows-1251" }
        if Double(turkish) >= settings.charsetTurkishShare * Double(high) { return "windows-1254" }
        return "windows-1252"
    }
}
