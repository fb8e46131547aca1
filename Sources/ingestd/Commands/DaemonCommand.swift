import ArgumentParser
import Foundation

/// `ingestd daemon`: `run`'s pass again and again, with metrics and a health check on loopback.
struct DaemonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Run passes on an interval, serving /metrics and /healthz on a loopback port.",
        discussion: """
            Each pass is `ingestd run`'s: the archive's lock is held for the pass only. SIGTERM or SIGINT \
            stops the current pass where it is (what it archived stays; what was cut short is fetched next \
            time), releases the lock and exits 0; SIGHUP reads the config again before the next pass (a \
            config that does not load is logged and the old one kept). GET /metrics gives the last pass's \
            figures in Prometheus text format; GET /healthz answers 200 while passes succeed and the last \
            is under three intervals old, else 503 with the reason. config/systemd/ has a unit for it.

            Example: ingestd daemon --interval 300 --listen 127.0.0.1:9464

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: "Seconds from the start of one pass to the start of the next.") var interval: Double = 300
    @Option(help: ArgumentHelp("Where to serve /metrics and /healthz: a loopback address and port (0: any free port).",
                               valueName: "host:port")) var listen = "127.0.0.1:9464"
    @Flag(name: .shortAndLong, help: "Log only warnings and errors.") var quiet = false
    @Flag(name: .shortAndLong, help: "Log each feed and page too.") var verbose = false
    @Option(help: "Log lines as human, logfmt or json (default: human on a terminal, else logfmt).") var logFormat: LogFormat?

    func validate() throws {
        guard interval >= 1 else { throw ValidationError("--interval must be at least 1 second") }
        guard listen.split(separator: ":").last.flatMap({ UInt16($0) }) != nil else {
            throw ValidationError("--listen takes host:port, such as 127.0.0.1:9464")
        }
    }

    func run() throws {
        Console.configureLog(format: logFormat, quiet: quiet, verbose: verbose)
        try CommandFailure.reporting {
            var settings = try archive.config.load(required: false)
            let state = DaemonState()
            let signals = SignalWatch(state)
            defer { signals.cancel() }
            let colon = listen.lastIndex(of: ":")!
            let server = try StatusServer(host: String(listen[..<colon]), port: UInt16(listen[listen.index(after: colon)...])!,
                                          state: state, maxAge: 3 * interval + 60)
            let port = try server.start()
            defer { server.stop() }
            Console.note("serving /metrics and /healthz on http://\(listen[..<colon]):\(port)")
            while state.stopReason == nil {
                if state.takeReload() {
                    do { settings = try archive.config.load(required: false) } catch {
                        Console.warn("the config was not reloaded, the old one stays: \(error)")
                    }
                }
                let started = Date()
                let runner = FeedRunner(archive: archive, settings: settings)
                do {
                    let summary = try runner.pass(everyFeed: false) { state.running($0) }
                    state.running(nil)
                    let seconds = Date().timeIntervalSince(started)
                    state.finished(metrics: runner.metrics(summary, seconds: seconds).text, error: nil)
                    Console.note("pass: " + summary.line(seconds: seconds))
                } catch {
                    state.running(nil)
                    state.finished(metrics: nil, error: "\(error)")
                    Console.warn("the pass failed: \(error)")
                }
                state.wait(until: started.addingTimeInterval(interval))
            }
            Console.note("stopped (\(state.stopReason ?? "")); the archive is closed and its lock released")
        }
    }
}
