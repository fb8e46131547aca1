import Foundation

/// One submitted fetch while `FetchPool` works on it: where it is now in its redirect
/// chain, how many attempts the current hop has had, and when it may start again.
final class FetchJob {
    let request: FetchRequest
    let completion: (FetchOutcome) -> Void
    /// A robots.txt fetch the pool made for itself; it is never gated by robots.txt.
    let robotsHost: String?
    var url: String
    var host: String
    /// Whether the current hop came from the web (`FetchRequest.foundOnWeb`, or a redirect
    /// that left the operator's host): its connections are then checked by the pool's policy.
    var foundOnWeb: Bool
    var visited: [String]
    var allPermanent = true
    var attempts = 0
    var notBefore = Date.distantPast
    var transfer: CurlTransfer?

    init(request: FetchRequest, robotsHost: String? = nil, completion: @escaping (FetchOutcome) -> Void) {
        self.request = request
        self.robotsHost = robotsHost
        self.completion = completion
        url = request.url
        host = Self.hostKey(request.url)
        foundOnWeb = request.foundOnWeb
        visited = [request.url]
    }

    /// Scheme, host and port: the unit politeness counts in ("" for file URLs).
    static func hostKey(_ url: String) -> String {
        guard let c = URLComponents(string: url), let host = c.host?.lowercased(), !host.isEmpty else { return "" }
        return "\(c.scheme?.lowercased() ?? "http")://\(host)" + (c.port.map { ":\($0)" } ?? "")
    }

    func outcome(_ result: Result<Capture, FetchError>) -> FetchOutcome {
        let moved = visited.count > 1 && allPermanent ? url : nil
        return FetchOutcome(request: request, result: result, movedPermanentlyTo: moved, attempts: attempts)
    }
}
