import Foundation
import GRDB

/// The archive: one SQLite file (WAL mode) holding sources, captures, documents,
/// sightings, duplicate relations, clusters and the duplicate indexes.
///
/// Guarantees: every write that belongs together (a document with its capture, sighting,
/// relations, cluster and index postings) commits in one transaction, so a crash or
/// SIGKILL leaves either all of it or none of it; many readers may work while one writer
/// writes (WAL); opening an older archive upgrades it through the named migrations.
/// Opened `readOnly`, it writes nothing to the archive (no migration, no WAL frame; SQLite
/// may add its `-shm` index beside it where the folder allows), so it works on a read-only
/// file or a full disk. Either way, a file that is not an ingestd
/// archive, or one a newer version wrote, is refused before anything is read or written.
/// This type and its extensions are the only code that speaks SQL.
public final class ArchiveStore: Sendable {
    public let path: String
    /// A `DatabasePool`, or a `DatabaseQueue` on an immutable file (see `init`).
    let pool: any DatabaseWriter
    /// Off unless `holdWrittenIndexKeys` turned it on.
    let heldKeys = HeldIndexKeys()

    /// Opens (creating if needed) the archive at `path` and brings its schema up to date;
    /// or, `readOnly`, opens an existing archive of the current schema without writing.
    public init(path: String, readOnly: Bool = false) throws(ArchiveError) {
        self.path = path
        var config = Configuration()
        // A writer waits this long for another's transaction: a bulk import's batches take
        // up to 12 s (see `JSONLImport`).
        config.busyMode = .timeout(30)
        // In WAL mode, NORMAL keeps every commit atomic and the file uncorrupted on a crash;
        // only the last commits before a power loss may roll back. It saves an fsync per commit.
        // A 64 MiB page cache per connection (SQLite's default is 2 MiB): the duplicate
        // indexes are read at random keys, and with the default cache a quarter of an
        // import's time went to re-reading evicted pages. New archives get 8 KiB pages
        // (SQLite's default is 4 KiB), which hold a ~1 KB document row with less slack; the
        // setting is ignored for an existing file. So is incremental auto-vacuum, which
        // lets a write give back the pages it freed (see `write`).
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -65536")
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA page_size = 8192")
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            }
        }
        do {
            if readOnly {
                config.readonly = true
                pool = try Self.connect(path: path, configuration: config)
                let pending = try pool.read { db in try ArchiveSchema.pendingMigrations(db, path: path, readOnly: true) }
                if !pending.isEmpty { throw ArchiveError.needsUpgrade(path: path, pending: pending) }
            } else {
                // An existing file is checked through a read-only connection first, so one
                // that is not an archive, or is a newer version's, is not touched at all
                // (opening for writing would already switch it to WAL).
                if FileManager.default.fileExists(atPath: path) {
                    var check = config
                    check.readonly = true
                    _ = try Self.connect(path: path, configuration: check).read { db in
                        try ArchiveSchema.pendingMigrations(db, path: path, readOnly: false)
                    }
                } else {
                    let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
                    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                }
                pool = try Self.connect(path: path, configuration: config)
                let upgraded = try pool.read { db in try !ArchiveSchema.migrator.hasCompletedMigrations(db) }
                try ArchiveSchema.migrator.migrate(pool)
                // Migrations moved into the file at once leave the WAL empty, so that after a
                // disk-full error the WAL can be truncated without first growing the file.
                if upgraded { try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") } }
            }
        } catch let error as ArchiveError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notAnArchive(path: path, reason: "not an SQLite database")
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
    }

    init(path: String, pool: any DatabaseWriter) {
        self.path = path
        self.pool = pool
    }

    /// A pool on the file; read-only, when SQLite cannot set up the WAL index because the
    /// folder is not writable (no `-shm` file can be made), the file is opened immutable:
    /// with no WAL file beside it, it holds every commit, and a writer, which would need to
    /// make one in that folder, is taken not to be at work.
    static func connect(path: String, configuration: Configuration) throws -> any DatabaseWriter {
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            _ = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA schema_version") }
            return pool
        } catch let error as DatabaseError where configuration.readonly
            && [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode) {
            let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            guard wal == 0, let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) else { throw error }
            return try DatabaseQueue(path: "file:\(encoded)?immutable=1", configuration: configuration)
        }
    }

    /// Runs `body` in one write transaction. The pages it freed (search-index merges, texts
    /// stored again, rows deleted) go back to the file system with it, so the file holds no
    /// dead space; archives created before incremental auto-vacuum keep theirs for reuse.
    /// FTS5 keeps new rows in memory until a savepoint or the commit, and its segment merges
    /// free pages then: a savepoint makes it write them before the vacuum, not after.
    /// Index segments that the write filled a level with are merged after its commit, in a
    /// transaction of their own (`IndexSegments`): a crash during a merge loses no document,
    /// and the next write finishes it. So does a merge that finds the disk full, which is not
    /// this write's error: its documents are committed.
    func write<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        let result: T
        do {
            result = try pool.write { db in
                let result = try body(db)
                try db.execute(sql: "SAVEPOINT search_index; RELEASE search_index; PRAGMA incremental_vacuum")
                return result
            }
        } catch {
            let wrapped = Self.wrap(error)
            // The rolled-back transaction's pages stay in the WAL, which would keep the disk
            // full: a checkpoint that truncates it gives the space back, where it can run.
            if case .full = wrapped { try? pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") } }
            throw named(wrapped)
        }
        do {
            try pool.write { db in
                if try IndexSegments.mergeFullLevels(db) { try db.execute(sql: "PRAGMA incremental_vacuum") }
            }
        } catch {
            if case .full = Self.wrap(error) { return result }
            throw named(Self.wrap(error))
        }
        return result
    }

    /// Gives the writer connection a page cache of `mebibytes` (instead of 64 MiB) for as long
    /// as this store lives. Bulk writes of small documents want more: a batch of thousands
    /// dirties many pages of the search index and the tables, which the usual cache evicted
    /// and read again, or spilled to the WAL before the commit. Pages are only taken as they are used.
    public func setWriterCache(mebibytes: Int) throws(ArchiveError) {
        try onWriter { db in try db.execute(sql: "PRAGMA cache_size = -\(mebibytes * 1_024)") }
    }

    /// Runs `body` on the writer connection outside any transaction (no write lock taken).
    private func onWriter<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        do { return try pool.writeWithoutTransaction(body) } catch { throw named(Self.wrap(error)) }
    }

    func read<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        do { return try pool.read(body) } catch { throw named(Self.wrap(error)) }
    }

    /// `error` with this archive's path filled in where it names none.
    func named(_ error: ArchiveError) -> ArchiveError {
        if case .full(nil) = error { return .full(path: path) }
        return error
    }

    /// `PRAGMA integrity_check` and `foreign_key_check`; empty when the file is sound.
    public func integrityProblems() throws(ArchiveError) -> [String] {
        try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
            return integrity + keys
        }
    }

    static func wrap(_ error: any Error) -> ArchiveError {
        if let e = error as? ArchiveError { return e }
        if let e = error as? DatabaseError, e.resultCode == .SQLITE_FULL { return .full(path: nil) }
        return .database(reason(error))
    }

    static func reason(_ error: any Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? e.description }
        return String(describing: error)
    }
}
