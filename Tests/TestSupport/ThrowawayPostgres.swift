import Foundation

/// A PostgreSQL server of the tests' own: a new cluster (`initdb`) in a temporary folder,
/// started with `pg_ctl` on a free loopback port, as a non-root user (the `postgres` system
/// user when the tests run as root, since PostgreSQL refuses root), with fsync off. One
/// server serves the whole test process, each test a database of its own; it is stopped,
/// and its folder removed, when the process exits.
///
/// `make test` installs PostgreSQL from Debian (scripts/install-deps.sh); where it is
/// missing, `unavailable` says why and the PostgreSQL tests do not run.
public final class ThrowawayPostgres: @unchecked Sendable {
    public let port: Int
    private let bin: URL
    private let folder: URL
    private let runAs: String?
    private let lock = NSLock()

    /// Why no server can be started here, or nil when one can.
    public static let unavailable: String? = {
        if binaries() == nil { return "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); make test installs it" }
        if getuid() == 0 && getpwnam("postgres") == nil { return "running as root with no postgres user to run the server as" }
        return nil
    }()

    /// The server, started on first use.
    public static func shared() throws -> ThrowawayPostgres {
        try sharedServer.get()
    }

    private static let sharedServer: Result<ThrowawayPostgres, any Error> = Result {
        let server = try ThrowawayPostgres()
        stopAtExit = server
        atexit { ThrowawayPostgres.stopAtExit?.stop() }
        return server
    }

    nonisolated(unsafe) private static var stopAtExit: ThrowawayPostgres?

    private static func binaries() -> URL? {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return versions.compactMap(Int.init).sorted().reversed().map { root.appendingPathComponent("\($0)/bin") }
            .first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("initdb").path) }
    }

    private init() throws {
        if let reason = Self.unavailable { throw TestFailure(reason) }
        bin = Self.binaries()!
        runAs = getuid() == 0 ? "postgres" : nil
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ingestd-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let runAs, let user = getpwnam(runAs) { chown(folder.path, user.pointee.pw_uid, user.pointee.pw_gid) }
        port = try Self.freePort()
        let data = folder.appendingPathComponent("data").path
        try run("initdb", ["-D", data, "-A", "trust", "-U", "ingestd", "-E", "UTF8", "--locale=C", "--no-sync"])
        try run("pg_ctl", ["-D", data, "-l", folder.appendingPathComponent("log").path, "-w", "-o",
                           "-p \(port) -c listen_addresses=127.0.0.1 -k \(folder.path) -c fsync=off -c full_page_writes=off "
                           + "-c synchronous_commit=off", "start"])
    }

    /// A new empty database, as a URL to pass to `--archive`.
    public func createDatabase() throws -> String {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try run("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "ingestd", name])
        return url(database: name)
    }

    public func url(database: String) -> String { "postgres://ingestd@127.0.0.1:\(port)/\(database)" }

    func stop() {
        _ = try? run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "immediate", "stop"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs a PostgreSQL tool (as `runAs`, when set) and waits for it. posix_spawn and
    /// waitpid rather than Foundation's Process, whose child-exit watch never saw `pg_ctl
    /// start` end here; the output goes to a file, since the server it leaves running would
    /// hold a pipe open.
    private func run(_ tool: String, _ arguments: [String]) throws {
        let path = bin.appendingPathComponent(tool).path
        let argv = (runAs.map { ["/usr/sbin/runuser", "-u", $0, "--", path] } ?? [path]) + arguments
        let log = folder.appendingPathComponent("tool.log").path
        lock.lock()
        defer { lock.unlock() }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else { throw TestFailure("cannot start \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else {
            throw TestFailure("\(tool) failed: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        }
    }

    /// A port nothing listens on now: bound to port 0 on loopback, read back, released.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw TestFailure("no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
