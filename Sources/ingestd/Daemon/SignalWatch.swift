import Dispatch
import Foundation

/// The daemon's signals, handled on a queue of their own rather than in a signal handler:
/// SIGTERM and SIGINT ask it to stop (the current pass ends early and keeps what it archived),
/// SIGHUP to read its config again before the next pass.
///
/// Guarantees: while a `SignalWatch` lives, these signals do not kill the process; their
/// default actions are restored by `cancel()`.
final class SignalWatch {
    private var sources: [DispatchSourceSignal] = []
    private static let watched: [(Int32, String)] = [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT"), (SIGHUP, "SIGHUP")]

    init(_ state: DaemonState) {
        let queue = DispatchQueue(label: "ingestd.signals")
        for (number, name) in Self.watched {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if number == SIGHUP {
                    Console.note("\(name): the config is read again before the next pass")
                    state.reload()
                } else {
                    Console.note("\(name): stopping after the current batch")
                    state.stop(because: name)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        for (number, _) in Self.watched { signal(number, SIG_DFL) }
    }
}
