@testable import Archive
import Foundation
import GRDB
import Testing

/// The archive file itself: 8 KiB pages and no dead space left behind by a write.
struct ArchiveFileTests {
    @Test func aWriteGivesBackThePagesItFreed() throws {
        let store = try ArchiveFixtures.store()
        try store.write { db in
            let insert = try db.makeStatement(sql: "INSERT INTO host_blocks (host, hash, pages, last_url) VALUES ('h.example', ?, 1, 'https://h.example/')")
            for hash in 0..<20_000 { try insert.execute(arguments: [hash]) }
        }
        let filled = try fileSize(store)
        try store.write { db in try db.execute(sql: "DELETE FROM host_blocks") }
        let (free, pageSize) = try store.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA freelist_count"), try Int.fetchOne(db, sql: "PRAGMA page_size"))
        }
        #expect(free == 0 && pageSize == 8192)
        #expect(try fileSize(store) < filled / 2, "the freed pages left the file")
        #expect(try store.integrityProblems().isEmpty)
    }

    /// FTS5 keeps new rows in memory until the commit, where its segment merges free pages;
    /// those must be freed before the write's vacuum, not after it.
    @Test func searchIndexMergesLeaveNoFreePages() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        var free: [Int] = []
        for n in 0..<24 {
            let text = (0..<200).map { "w\($0 * 7_919 % (n + 211))x\(n)" }.joined(separator: " ")
            _ = try ArchiveFixtures.ingest(store, source: source, url: "u:\(n)", content: .new(ArchiveFixtures.document(text), relations: [], cluster: .ownCluster))
            free.append(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? -1 })
        }
        #expect(free.allSatisfy { $0 == 0 }, "free pages after each write: \(free)")
    }

    /// The file's size once the WAL is checkpointed into it.
    private func fileSize(_ store: ArchiveStore) throws -> Int {
        try store.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        return try FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int ?? 0
    }
}
