import Archive
import Fetcher

/// Host turns booked in a PostgreSQL archive (`PostgresArchive.bookHostTurn`), for runs
/// that share one archive and fetch at once.
final class SharedHostTurns: HostTurns {
    private let store: PostgresArchive
    private let warn: (String) -> Void
    private var warned = false

    init(store: PostgresArchive, warn: @escaping (String) -> Void) {
        self.store = store
        self.warn = warn
    }

    func secondsUntilTurn(host: String, delay: Double) -> Double? {
        do { return try store.bookHostTurn(host: host, delay: delay) } catch {
            if !warned { warn("cannot book turns at hosts with other workers (\(error)); keeping this run's own spacing") }
            warned = true
            return nil
        }
    }
}
