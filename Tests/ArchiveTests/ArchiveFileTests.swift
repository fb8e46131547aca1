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

    /// The file's size once the WAL is checkpointed into it.
    private func fileSize(_ store: ArchiveStore) throws -> Int {
        try store.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        return try FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int ?? 0
    }
}
