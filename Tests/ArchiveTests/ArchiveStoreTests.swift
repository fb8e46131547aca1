import Archive
import Foundation
import GRDB
import Testing

struct ArchiveStoreTests {
    @Test func aNewDocumentGetsItsOwnClusterAndProvenance() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "https://a.example/feed", kind: "feed")
        let outcome = try ArchiveFixtures.ingest(store, source: source, url: "https://a.example/1",
                                                 content: .new(ArchiveFixtures.document("first text"), relations: [], cluster: .ownCluster))
        guard case let .added(id, cluster, joined) = outcome else { Issue.record("\(outcome)"); return }
        #expect(!joined)
        let doc = try store.document(id)
        #expect(doc.text == "first text")
        #expect(doc.cluster == cluster)
        #expect(doc.relation == "canonical")
        #expect(doc.sightings.map(\.url) == ["https://a.example/1"])
        #expect(doc.sightings.first?.etag == "\"e1\"")
        #expect(try store.isEntryKnown(sourceID: source, entryKey: "https://a.example/1", url: nil))
        #expect(try store.isEntryKnown(sourceID: source, entryKey: "a-new-guid", url: "https://a.example/1"))
        #expect(try !store.isEntryKnown(sourceID: source, entryKey: "a-new-guid", url: "https://a.example/2"))
        #expect(try store.integrityProblems().isEmpty)
    }

    /// A document's id, which a canonical's cluster takes too, is never one a deleted
    /// document had (as SQLite's AUTOINCREMENT promises).
    @Test func aDeletedDocumentsIdIsNotGivenAgain() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        func add(_ text: String) throws -> (Int64, Int64) {
            let outcome = try ArchiveFixtures.ingest(store, source: source, url: "u:\(text)",
                                                     content: .new(ArchiveFixtures.document(text), relations: [], cluster: .ownCluster))
            guard case let .added(id, cluster, _) = outcome else { throw ArchiveError.database("\(outcome)") }
            return (id, cluster)
        }
        _ = try add("first")
        let (last, _) = try add("second")
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        try DatabaseQueue(path: store.path, configuration: configuration).write { db in
            for table in ["sightings", "entries"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE document_id = ?", arguments: [last])
            }
            try db.execute(sql: "DELETE FROM clusters WHERE id = ?", arguments: [last])
            try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [last])
        }
        let (id, cluster) = try add("third")
        #expect(id == last + 1 && cluster == id)
        #expect(try store.document(id).relation == "canonical")
    }

    @Test func recordingTheSameSightingTwiceAddsNothing() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        let content = Ingest.Content.new(ArchiveFixtures.document("same"), relations: [], cluster: .ownCluster)
        _ = try ArchiveFixtures.ingest(store, source: source, url: "file:///x", content: content)
        let before = try store.stats()
        let again = try ArchiveFixtures.ingest(store, source: source, url: "file:///x", content: content)
        #expect(again == .seenAgain(documentID: 1, newSighting: false))
        var after = try store.stats()
        after.archiveFileBytes = before.archiveFileBytes  // WAL frames may be reused or appended; rows are what count
        #expect(after == before)
        let elsewhere = try ArchiveFixtures.ingest(store, source: source, url: "file:///y", content: .existing(documentID: 1))
        #expect(elsewhere == .seenAgain(documentID: 1, newSighting: true))
        #expect(try store.document(1).sightings.count == 2)
    }

    @Test func aJoiningDocumentKeepsItsRelationAndEvidence() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        guard case let .added(first, cluster, _) = try ArchiveFixtures.ingest(
            store, source: source, url: "u1", content: .new(ArchiveFixtures.document("original"), relations: [], cluster: .ownCluster))
        else { Issue.record("not added"); return }
        let relation = RelationInput(otherID: first, kind: "syndicated", jaccard: 0.8, containment: 1, passagesJSON: "[]")
        _ = try ArchiveFixtures.ingest(store, source: source, url: "u2", content: .new(
            ArchiveFixtures.document("copy"), relations: [relation], cluster: .join(clusterID: cluster, relation: "syndicated")))
        let (members, summary) = try store.snapshot { (try $0.clusterMembers(cluster), try $0.cluster(cluster)) }
        #expect(members.map(\.relation) == ["canonical", "syndicated"])
        #expect(members[1].evidence?.jaccard == 0.8)
        #expect(try store.clusters().map(\.size) == [2])
        #expect(summary.relations == ["syndicated"])
        #expect(try store.stats().relationsByKind == ["syndicated": 1])
    }

    @Test func candidatesComeFromSharedBandsOrEnoughSharedPassages() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        _ = try ArchiveFixtures.ingest(store, source: source, url: "a", content: .new(
            ArchiveFixtures.document("a", bands: [100, 200], passages: [1, 2, 3]), relations: [], cluster: .ownCluster))
        _ = try ArchiveFixtures.ingest(store, source: source, url: "b", content: .new(
            ArchiveFixtures.document("b", bands: [300, 400], passages: [3, 4, 5]), relations: [], cluster: .ownCluster))
        let byBand = try store.found(bands: [999, 200], passages: [], min: 2, limit: 64)
        #expect(try byBand.map { try $0.text() } == ["a"])
        let byPassages = try store.found(bands: [], passages: [4, 5, 9], min: 2, limit: 64)
        #expect(try byPassages.map { try $0.text() } == ["b"])
        #expect(try store.found(bands: [], passages: [3, 9], min: 2, limit: 64).isEmpty)
    }

    @Test func onlyTheEarliestDocumentsOfAFullBucketAreCandidates() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        for name in ["a", "b", "c"] {
            _ = try ArchiveFixtures.ingest(store, source: source, url: name, content: .new(
                ArchiveFixtures.document(name, bands: [100], passages: [7, 8]), relations: [], cluster: .ownCluster))
        }
        let byBand = try store.found(bands: [100], passages: [], min: 2, limit: 2)
        #expect(try byBand.map { try $0.text() } == ["a", "b"])
        let byPassages = try store.found(bands: [], passages: [7, 8], min: 2, limit: 2)
        #expect(try byPassages.map { try $0.text() } == ["a", "b"])
    }

    @Test func theArchiveIsWALAndReopensAtTheSameSchema() throws {
        let store = try ArchiveFixtures.store()
        let path = store.path
        _ = try store.ensureSource(url: "x", kind: "feed")
        let reopened = try ArchiveStore(path: path)
        #expect(try reopened.stats().sources == 1)
        let mode = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func aCorruptedTextBlobIsReportedNotReturned() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        _ = try ArchiveFixtures.ingest(store, source: source, url: "a", content: .new(
            ArchiveFixtures.document(String(repeating: "wire text ", count: 50)), relations: [], cluster: .ownCluster))
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "UPDATE documents SET text = substr(text, 1, 10) || x'00ff00ff' || substr(text, 15)")
        }
        #expect(throws: ArchiveError.self) { try store.document(1) }
    }
}
