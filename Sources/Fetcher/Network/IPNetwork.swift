/// A range of addresses in CIDR form (`10.0.0.0/8`, `fd00::/8`, or one address).
///
/// Guarantees: an IPv4 range also matches the IPv4-mapped IPv6 spelling of its addresses;
/// a prefix longer than the family allows, or text that is not an address, is refused.
public struct IPNetwork: Hashable, Sendable, CustomStringConvertible {
    public let address: IPAddress
    /// Prefix length over the 16-byte form (an IPv4 /8 is /104 here).
    public let prefixLength: Int
    public let description: String

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPAddress(String(parts[0])) else { return nil }
        let isV4 = !parts[0].contains(":")
        let width = isV4 ? 32 : 128
        var length = width
        if parts.count == 2 {
            guard let n = Int(parts[1]), (0...width).contains(n) else { return nil }
            length = n
        }
        self.address = address
        prefixLength = isV4 ? 96 + length : length
        description = text
    }

    public func contains(_ other: IPAddress) -> Bool {
        var bits = prefixLength
        for i in 0..<16 where bits > 0 {
            let mask: UInt8 = bits >= 8 ? 0xff : ~(0xff >> UInt8(bits))
            if address.bytes[i] & mask != other.bytes[i] & mask { return false }
            bits -= 8
        }
        return true
    }
}
