import CCurl
import Foundation

/// Applies a `NetworkPolicy` to one transfer where libcurl opens its sockets, so the check
/// sees the address actually connected to (after DNS, on every redirect hop and retry).
///
/// Guarantees: a socket to a refused address is never opened; `refusal` then names the
/// address and its range. `check(primaryIP:)` covers a connection libcurl reuses from an
/// earlier transfer, which opens no socket.
final class ConnectionGuard {
    let policy: NetworkPolicy
    private(set) var refusal: String?

    init(policy: NetworkPolicy) { self.policy = policy }

    /// Why a connection to `address` may not be made (and remembers it), or nil.
    func check(_ address: IPAddress) -> String? {
        guard let range = policy.refusal(for: address) else { return nil }
        let reason = "refused to connect to \(address), a \(range) address, for a URL found on the web "
            + "(fetch.allow_networks opens a network)"
        refusal = reason
        return reason
    }

    /// Checks the address of the connection a response arrived on.
    func check(primaryIP: String) -> String? {
        guard let address = IPAddress(primaryIP) else { return nil }
        return check(address)
    }

    /// libcurl's open-socket callback: opens the socket only for an allowed address.
    static let openSocket: ingestd_curl_opensocket_callback = { context, _, sockaddr in
        guard let context, let sockaddr else { return CURL_SOCKET_BAD }
        let guardian = Unmanaged<ConnectionGuard>.fromOpaque(context).takeUnretainedValue()
        let a = sockaddr.pointee
        // `addr` is declared as a 16-byte sockaddr but holds `addrlen` bytes (28 for IPv6).
        let raw = UnsafeRawPointer(sockaddr) + MemoryLayout<curl_sockaddr>.offset(of: \curl_sockaddr.addr)!
        let address: IPAddress?
        switch Int32(a.family) {
        case AF_INET where a.addrlen >= MemoryLayout<sockaddr_in>.size:
            let sin = raw.loadUnaligned(as: sockaddr_in.self)
            address = withUnsafeBytes(of: sin.sin_addr) { IPAddress(bytes: Array($0)) }
        case AF_INET6 where a.addrlen >= MemoryLayout<sockaddr_in6>.size:
            let sin6 = raw.loadUnaligned(as: sockaddr_in6.self)
            address = withUnsafeBytes(of: sin6.sin6_addr) { IPAddress(bytes: Array($0)) }
        default:
            address = nil
        }
        guard let address, guardian.check(address) == nil else { return CURL_SOCKET_BAD }
        return socket(a.family, a.socktype, a.protocol)
    }
}
