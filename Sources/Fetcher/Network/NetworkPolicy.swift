/// Which addresses a fetch may connect to: the rule that keeps a URL found on the web from
/// reaching the machine ingestd runs on, or its private network (SSRF).
///
/// Guarantees: an address in a special-purpose range (loopback, RFC 1918 and ULA private,
/// link-local with cloud metadata at 169.254.169.254, CGNAT, multicast, unspecified,
/// broadcast, reserved, benchmarking, and the documentation ranges) is refused unless an
/// entry of `allowed` (`fetch.allow_networks`) contains it. Addresses embedded in IPv6
/// (IPv4-mapped, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are judged by the IPv4 inside.
/// It is applied to the address a connection is actually made to, after DNS, so no
/// spelling of an address and no DNS answer changing between check and use slips past.
public struct NetworkPolicy: Sendable, Equatable {
    public var allowed: [IPNetwork]

    public init(allowed: [IPNetwork] = []) { self.allowed = allowed }

    /// Why a connection to `address` is refused, or nil when it may be made.
    public func refusal(for address: IPAddress) -> String? {
        if allowed.contains(where: { $0.contains(address) }) { return nil }
        return Self.specialRange(address)
    }

    /// The name of the special-purpose range `address` falls in, if any.
    static func specialRange(_ address: IPAddress) -> String? {
        if let v4 = address.ipv4 { return v4Range(v4) }
        let b = address.bytes
        if b.prefix(12).elementsEqual([0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0]) {
            return v4Range(Array(b.suffix(4))).map { "\($0) (through NAT64)" }
        }
        if b[0] == 0x20, b[1] == 0x02 { return v4Range(Array(b[2..<6])).map { "\($0) (through 6to4)" } }
        if b.allSatisfy({ $0 == 0 }) { return "unspecified" }
        if b.prefix(15).allSatisfy({ $0 == 0 }) && b[15] == 1 { return "loopback" }
        if b.prefix(12).allSatisfy({ $0 == 0 }) { return "IPv4-compatible (deprecated)" }
        if b[0] & 0xfe == 0xfc { return "private (unique local)" }
        if b[0] == 0xfe && b[1] & 0xc0 == 0x80 { return "link-local" }
        if b[0] == 0xfe && b[1] & 0xc0 == 0xc0 { return "site-local (deprecated)" }
        if b[0] == 0xff { return "multicast" }
        if b[0] == 0x20, b[1] == 0x01, b[2] == 0x0d, b[3] == 0xb8 { return "documentation" }
        if b[0] == 0x01, b[1] == 0x00, b.dropFirst(2).prefix(6).allSatisfy({ $0 == 0 }) { return "discard-only" }
        return nil
    }

    private static func v4Range(_ a: [UInt8]) -> String? {
        switch (a[0], a[1], a[2]) {
        case (0, _, _): "unspecified (0.0.0.0/8)"
        case (10, _, _): "private (10.0.0.0/8)"
        case (100, 64...127, _): "shared CGNAT (100.64.0.0/10)"
        case (127, _, _): "loopback"
        case (169, 254, _): "link-local (169.254.0.0/16, cloud metadata)"
        case (172, 16...31, _): "private (172.16.0.0/12)"
        case (192, 0, 0): "IETF protocol assignments (192.0.0.0/24)"
        case (192, 0, 2), (198, 51, 100), (203, 0, 113): "documentation"
        case (192, 168, _): "private (192.168.0.0/16)"
        case (198, 18...19, _): "benchmarking (198.18.0.0/15)"
        case (224...239, _, _): "multicast"
        case (240...255, _, _): "reserved or broadcast (240.0.0.0/4)"
        default: nil
        }
    }
}
