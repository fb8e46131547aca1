import Archive
import Testing

/// The archive records the scheme of its index keys and refuses keys of another one until
/// a rebuild recomputes them: keys of two schemes would never match, silently.
struct IndexSchemeTests {
    @Test func theFirstClaimRecordsTheSchemeAndTheSameClaimPasses() throws {
        let store = try ArchiveFixtures.store()
        #expect(try store.indexScheme() == nil)
        try store.claimIndexScheme("keys/1 a=5")
        try store.claimIndexScheme("keys/1 a=5")
        #expect(try store.indexScheme() == "keys/1 a=5")
    }

    @Test func anotherSchemeIsRefusedWithBothNamedAndNothingWritten() throws {
        let store = try ArchiveFixtures.store()
        try store.claimIndexScheme("keys/1 a=5")
        #expect {
            try store.claimIndexScheme("keys/1 a=4")
        } throws: { error in
            guard case let .indexSchemeMismatch(path, archived, configured) = error as? ArchiveError else { return false }
            let message = "\(error)"
            return path == store.path && archived == "keys/1 a=5" && configured == "keys/1 a=4"
                && message.contains(store.path) && message.contains("clusters rebuild")
        }
        #expect(try store.indexScheme() == "keys/1 a=5")
    }

    @Test func aRebuildRecordsTheSchemeOfItsKeys() throws {
        let store = try ArchiveFixtures.store()
        try store.claimIndexScheme("keys/1 a=5")
        _ = try ArchiveFixtures.ingest(store, source: try store.ensureSource(url: "https://example.org/feed", kind: "feed"), url: "u:1",
                                       content: .new(ArchiveFixtures.document("one text"), relations: [], cluster: .ownCluster))
        _ = try store.rebuildClusters(indexScheme: "keys/1 a=4") { _, _, _ in
            RebuildDecision(bandKeys: [3], passageHashes: [4], relations: [], cluster: .ownCluster)
        }
        #expect(try store.indexScheme() == "keys/1 a=4")
        try store.claimIndexScheme("keys/1 a=4")
    }
}
