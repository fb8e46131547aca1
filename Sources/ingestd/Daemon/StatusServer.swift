import FlyingFox
import Foundation

/// The daemon's HTTP face on a loopback address: `GET /metrics` (the last pass's figures in
/// Prometheus text format) and `GET /healthz` (200 while passes succeed and are recent, 503
/// otherwise, with the reason), served by FlyingFox in a task of its own.
///
/// Guarantees: only a loopback address is served (`start` refuses another); `start` returns
/// once the socket listens, with the port it got (port 0 asks for any free one).
final class StatusServer: @unchecked Sendable {
    private let server: HTTPServer
    private var task: Task<Void, Error>?

    init(host: String, port: UInt16, state: DaemonState, maxAge: TimeInterval) throws {
        switch host {
        case "127.0.0.1", "localhost": server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
        case "::1", "[::1]": server = HTTPServer(address: try .inet6(ip6: "::1", port: port), logger: .disabled)
        default: throw CommandFailure(.dataError, "--listen \(host): only a loopback address is served (127.0.0.1, ::1)")
        }
        let server = server
        Self.blocking {
            await server.appendRoute("GET /metrics") { _ in
                HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                             body: Data(state.metricsText.utf8))
            }
            await server.appendRoute("GET /healthz") { _ in
                let (ok, text) = state.health(maxAge: maxAge)
                return HTTPResponse(statusCode: ok ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                                    body: Data((text + "\n").utf8))
            }
        }
    }

    /// Starts serving; the port it listens on.
    func start() throws -> UInt16 {
        let server = server
        task = Task { try await server.run() }
        let listening = LockedValue<Result<UInt16, CommandFailure>>(.failure(CommandFailure(.cannotCreate, "cannot listen: no address")))
        Self.blocking {
            do {
                try await server.waitUntilListening(timeout: 10)
                switch await server.listeningAddress {
                case let .ip4(_, p), let .ip6(_, p): listening.value = .success(p)
                default: break
                }
            } catch {
                listening.value = .failure(CommandFailure(.cannotCreate, "cannot listen: \(error)"))
            }
        }
        return try listening.value.get()
    }

    func stop() {
        let server = server
        Self.blocking { await server.stop(timeout: 1) }
        task?.cancel()
    }

    /// Runs async work from the daemon's synchronous loop and waits for it.
    private static func blocking(_ work: @escaping @Sendable () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await work()
            done.signal()
        }
        done.wait()
    }
}
