@testable import Archive
import Foundation
import GRDB
import Testing

/// A full disk (here SQLite's page limit, which fails the same way) stops a write with an
/// error naming the archive; the transaction rolls back and what came before stays whole.
struct FullArchiveTests {
    @Test func aFullDiskRollsBackTheWriteAndNamesTheArchive() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        let pages = try store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try store.write { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages + 40)") }
        var archived: [Int64] = []
        var failure: ArchiveError?
        for n in 0..<500 where failure == nil {
            // Distinct random-looking words, so that compression cannot make the texts small.
            let text = (0..<600).map { String(($0 * 7_919 + n * 104_729) % 1_000_003, radix: 36) }.joined(separator: " ")
            do {
                let outcome = try ArchiveFixtures.ingest(store, source: source, url: "u:\(n)", content: .new(
                    ArchiveFixtures.document(text, bands: [UInt64(n)], passages: [UInt64(n) << 8]), relations: [], cluster: .ownCluster))
                if case let .added(id, _, _) = outcome { archived.append(id) }
            } catch {
                failure = error as? ArchiveError ?? .database("\(error)")
            }
        }
        guard case let .full(path) = failure else { Issue.record("expected a full archive, got \(String(describing: failure))"); return }
        #expect(path == store.path)
        #expect(failure?.description.contains(store.path) == true)
        #expect(archived.count > 2, "some documents fit before the limit")
        for id in archived { #expect(try store.document(id).text.count > 1_000) }
        let documents = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") }
        #expect(documents == archived.count, "the failed write left nothing behind")
        #expect(try store.integrityProblems().isEmpty)
    }
}
