import Foundation

/// An IPv4 or IPv6 address as 16 bytes, IPv4 held in its IPv4-mapped IPv6 form
/// (`::ffff:a.b.c.d`), so one set of ranges covers both families and every spelling of
/// an IPv4 address (dotted, decimal, hex, octal, mapped) compares equal once parsed.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    /// From 4 (IPv4) or 16 (IPv6) network-order bytes.
    public init?(bytes: [UInt8]) {
        switch bytes.count {
        case 4: self.bytes = [UInt8](repeating: 0, count: 10) + [0xff, 0xff] + bytes
        case 16: self.bytes = bytes
        default: return nil
        }
    }

    /// Parses a textual address: IPv6 (with or without brackets) or IPv4 in any form
    /// `inet_aton` accepts (`127.0.0.1`, `2130706433`, `0x7f.1`, `0177.0.0.1`).
    public init?(_ text: String) {
        var t = text
        if t.hasPrefix("["), t.hasSuffix("]") { t = String(t.dropFirst().dropLast()) }
        if t.contains(":") {
            var six = in6_addr()
            guard inet_pton(AF_INET6, t, &six) == 1 else { return nil }
            self.init(bytes: withUnsafeBytes(of: &six) { Array($0) })
        } else {
            var four = in_addr()
            guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isHexDigit || $0 == "." || $0 == "x" || $0 == "X") }),
                  inet_aton(t, &four) != 0 else { return nil }
            self.init(bytes: withUnsafeBytes(of: &four) { Array($0) })
        }
    }

    /// The IPv4 address inside, when this is one (IPv4-mapped).
    public var ipv4: [UInt8]? {
        bytes.prefix(12).elementsEqual([UInt8](repeating: 0, count: 10) + [0xff, 0xff]) ? Array(bytes.suffix(4)) : nil
    }

    public var description: String {
        if let v4 = ipv4 { return v4.map(String.init).joined(separator: ".") }
        var six = in6_addr()
        withUnsafeMutableBytes(of: &six) { $0.copyBytes(from: bytes) }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        inet_ntop(AF_INET6, &six, &buffer, socklen_t(buffer.count))
        return String(cString: buffer)
    }
}
