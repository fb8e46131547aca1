@testable import Archive
import Foundation
import GRDB
import Testing

/// Texts stored with a shared dictionary or against their canonical read back exactly,
/// and every earlier format stays readable.
struct TextBlobTests {
    static let story = (1...40).map { "Item \($0): berth \($0 * 37 % 101) took \($0 * 113 % 997) crates, crane \($0 * 7 % 23) idle." }
        .joined(separator: " ")
    let canonical = Data(story.utf8)
    let copy = Data((story + " A spokesman declined to comment.").utf8)
    let dictionary = SharedDictionary(id: 7, digest: "seven", preset: Data("harbour board tariff berths container Tuesday agreed".utf8), coder: nil)
    let wordDictionary = SharedDictionary(id: 8, digest: "eight", preset: Data([0x80, 0x81, 0x82]),
                                          coder: WordCoder(vocabulary: ["berth", "took", "crates", "crane", "idle", "item"].map { Data($0.utf8) }))

    private func decode(_ blob: Data, size: Int) throws -> Data {
        try TextBlob.decode(blob, size: size, dictionary: { id throws(ArchiveError) in
            guard let found = [dictionary, wordDictionary].first(where: { $0.id == id }) else { throw ArchiveError.corruptBlob("wrong dictionary \(id)") }
            return found
        }, base: { id throws(ArchiveError) in
            guard id == 1 else { throw ArchiveError.corruptBlob("wrong base \(id)") }
            return canonical
        })
    }

    @Test func everyFormatRoundTrips() throws {
        let plain = TextBlob.encode(copy, dictionary: nil, base: nil)
        let shared = TextBlob.encode(copy, dictionary: dictionary, base: nil)
        let based = TextBlob.encode(copy, dictionary: dictionary, base: (1, canonical))
        let coded = TextBlob.encode(copy, dictionary: wordDictionary, base: nil)
        let codedBased = TextBlob.encode(copy, dictionary: wordDictionary, base: (1, canonical))
        #expect([plain, shared, based, coded, codedBased].map(\.first) == [1, 2, 3, 4, 5])
        for blob in [plain, shared, based, coded, codedBased] { #expect(try decode(blob, size: copy.count) == copy) }
        for (near, alone) in [(based, shared), (codedBased, coded)] {
            #expect(near.count < alone.count / 2, "a near-copy stored against its canonical costs little: \(near.count) vs \(alone.count)")
        }
        #expect(coded.count < shared.count, "word coding shrinks a text of known words: \(coded.count) vs \(shared.count)")
        #expect(try TextBlob.references(based) == TextBlob.References(dictionaryID: 7, baseID: 1))
        #expect(try TextBlob.references(codedBased) == TextBlob.References(dictionaryID: 8, baseID: 1))
    }

    /// A blob must be read with the kind of dictionary it was written with.
    @Test func aBlobNamingTheWrongKindOfDictionaryIsAnError() throws {
        var coded = TextBlob.encode(copy, dictionary: wordDictionary, base: nil)
        coded.replaceSubrange(1..<5, with: [7, 0, 0, 0])
        #expect(throws: ArchiveError.self) { try decode(coded, size: copy.count) }
        var shared = TextBlob.encode(copy, dictionary: dictionary, base: nil)
        shared.replaceSubrange(1..<5, with: [8, 0, 0, 0])
        #expect(throws: ArchiveError.self) { try decode(shared, size: copy.count) }
    }

    /// The recurring (shared) dictionary is set once and its state copied for each text: the
    /// bytes must be those of setting it anew, also after another dictionary came between.
    @Test func aCopiedDictionaryStateCompressesAsSettingItAnew() {
        let other = Data("quite another dictionary of words for berths and cranes".utf8)
        for (text, dictionary) in [(copy, self.dictionary.preset), (canonical, self.dictionary.preset), (copy, other),
                                   (canonical, other), (copy, self.dictionary.preset)] {
            #expect(ZlibStream.deflate(text, dictionary: dictionary, recurring: true)
                    == ZlibStream.deflate(text, dictionary: dictionary, recurring: false))
        }
    }

    @Test func oldPlainBlobsStayReadableAndUnknownFormatsAreErrors() throws {
        let old = ZlibCodec.compress(canonical)
        #expect(try decode(old, size: canonical.count) == canonical)
        var unknown = old
        unknown[0] = 9
        #expect(throws: ArchiveError.self) { try decode(unknown, size: canonical.count) }
        #expect(throws: ArchiveError.self) { try decode(TextBlob.encode(copy, dictionary: dictionary, base: nil), size: copy.count + 1) }
    }

    @Test func aMemberIsStoredAgainstItsCanonicalAndADictionaryIsTrained() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        let first = try ArchiveFixtures.ingest(store, source: source, url: "u:0", content: .new(
            ArchiveFixtures.document("word\(0) " + String(repeating: "shared harbour words again ", count: 30)), relations: [], cluster: .ownCluster))
        guard case let .added(canonicalID, cluster, _) = first else { Issue.record("\(first)"); return }
        let member = try ArchiveFixtures.ingest(store, source: source, url: "u:1", content: .new(
            ArchiveFixtures.document("word\(0) " + String(repeating: "shared harbour words again ", count: 30) + "and one more line"),
            relations: [], cluster: .join(clusterID: cluster, relation: "syndicated")))
        guard case let .added(memberID, _, _) = member else { Issue.record("\(member)"); return }
        #expect(try store.document(memberID).text.hasSuffix("and one more line"))
        let base = try DatabaseQueue(path: store.path).read {
            try Int64.fetchOne($0, sql: "SELECT text_base_id FROM documents WHERE id = ?", arguments: [memberID])
        }
        #expect(base == canonicalID)
        for n in 2..<ArchiveStore.dictionaryTrainingDocuments {
            _ = try ArchiveFixtures.ingest(store, source: source, url: "u:\(n)", content: .new(
                ArchiveFixtures.document("story \(n) about the harbour board and its container berths"), relations: [], cluster: .ownCluster))
        }
        let formats = try DatabaseQueue(path: store.path).read { db in
            try Int.fetchAll(db, sql: "SELECT unicode(substr(text, 1, 1)) FROM documents ORDER BY id")
        }
        #expect(formats[1] == 3, "the member keeps its base")
        #expect(formats.enumerated().allSatisfy { $0.offset == 1 || $0.element == 4 }, "all others use the trained word dictionary")
        #expect(try store.document(6).text == "story 5 about the harbour board and its container berths")
        #expect(try store.document(memberID).text.hasSuffix("and one more line"))

        // A text read again by renormalize is stored with the dictionary too, not plain.
        let changed = "story 5, corrected, about the harbour board and its container berths"
        _ = try store.renormalize(since: nil, indexScheme: "test", reread: { _, capture in
            guard capture.finalURL == "u:5" else { return nil }
            return RenormalizedText(text: changed, contentHash: ArchiveStore.sha256Hex(Data(changed.utf8)), wordCount: 10, title: nil,
                                    published: nil, language: nil, siteName: nil, canonicalURL: nil, normalizerVersion: "test")
        }, decide: { _, _, _ in RebuildDecision(bandKeys: [], passageHashes: [], relations: [], cluster: .ownCluster) })
        let format = try DatabaseQueue(path: store.path).read { try Int.fetchOne($0, sql: "SELECT unicode(substr(text, 1, 1)) FROM documents WHERE id = 6") }
        #expect(format == 4)
        #expect(try store.document(6).text == changed)
    }

    /// An archive whose texts were stored with a preset-only dictionary (before word coding)
    /// keeps reading them, and at its next write trains a word dictionary and stores them again.
    @Test func textsOfAPresetOnlyDictionaryAreStoredAgainWithWords() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        let texts = (1..<ArchiveStore.dictionaryTrainingDocuments).map { "Story \($0) about the harbour board and its container berths." }
        for (n, text) in texts.enumerated() {
            _ = try ArchiveFixtures.ingest(store, source: source, url: "u:\(n)", content: .new(ArchiveFixtures.document(text), relations: [], cluster: .ownCluster))
        }
        try DatabaseQueue(path: store.path).write { db in
            let preset = Data("harbour board container berths".utf8)
            try db.execute(sql: "INSERT INTO dictionaries (data, sha256, created_at) VALUES (?, ?, ?)", arguments: [preset, ArchiveStore.sha256Hex(preset), Date()])
            let old = SharedDictionary(id: UInt32(db.lastInsertedRowID), digest: "", preset: preset, coder: nil)
            for (id, text) in zip(1..., texts) {
                try db.execute(sql: "UPDATE documents SET text = ? WHERE id = ?", arguments: [TextBlob.encode(Data(text.utf8), dictionary: old, base: nil), id])
            }
        }
        func formats() throws -> Set<Int> {
            try Set(DatabaseQueue(path: store.path).read { try Int.fetchAll($0, sql: "SELECT unicode(substr(text, 1, 1)) FROM documents") })
        }
        #expect(try formats() == [2])
        #expect(try store.document(7).text == texts[6])
        _ = try ArchiveFixtures.ingest(store, source: source, url: "u:last", content: .new(ArchiveFixtures.document("The last story."), relations: [], cluster: .ownCluster))
        #expect(try formats() == [4])
        #expect(try store.document(7).text == texts[6])
        func dictionaryProblems() throws -> [String] {
            // (The fixtures' content hashes are not SHA-256s, so verify names every text too.)
            try store.verify().1.map(\.detail).filter { $0.hasPrefix("dictionary") }
        }
        #expect(try store.integrityProblems().isEmpty && dictionaryProblems().isEmpty)
        // A vocabulary changed behind the archive's back is named by verify.
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "UPDATE dictionaries SET words = CAST(replace(CAST(words AS TEXT), 'harbour', 'harbor') AS BLOB) WHERE words IS NOT NULL")
        }
        #expect(try dictionaryProblems() == ["dictionary 2 does not match its SHA-256"])
    }

    @Test func aTextIsStoredAgainstItsNearestAndBasesNeverChain() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        // Wording that zlib cannot shrink much alone (numbers spread wide), shared by every item.
        let template = (1...40).map { "Sector \($0 * 7_919 % 10_007) of board \($0 * 104_729 % 99_991) listed \($0 * 31_337 % 65_521)." }
            .joined(separator: " ")
        func add(_ n: Int, nearest: Int64?, cluster: ClusterChoice = .ownCluster) throws -> Int64 {
            var input = ArchiveFixtures.document(template + " Index closed at \(n * 137) points.")
            input.nearestID = nearest
            guard case let .added(id, _, _) = try ArchiveFixtures.ingest(store, source: source, url: "u:\(n)",
                                                                          content: .new(input, relations: [], cluster: cluster)) else {
                throw ArchiveError.database("not added")
            }
            return id
        }
        func base(_ id: Int64) throws -> Int64? {
            try store.read { db in try Int64.fetchOne(db, sql: "SELECT text_base_id FROM documents WHERE id = ?", arguments: [id]) }
        }
        let first = try add(1, nearest: nil)
        let second = try add(2, nearest: first)
        #expect(try base(second) == first, "stored against its nearest")
        let third = try add(3, nearest: second)
        #expect(try base(third) == first, "the nearest's own base is lent, not chained")
        let member = try add(4, nearest: nil, cluster: .join(clusterID: second, relation: "syndicated"))
        #expect(try base(member) == second && base(second) == nil, "a canonical gives up its base before a member leans on it")
        for (n, id) in [(1, first), (2, second), (3, third), (4, member)] {
            #expect(try store.document(id).text.hasSuffix("Index closed at \(n * 137) points."))
        }
        let sizes = try store.read { db in try Int.fetchAll(db, sql: "SELECT length(text) FROM documents ORDER BY id") }
        #expect(sizes[2] < sizes[0] / 3, "a templated text costs little against its sibling: \(sizes)")
        #expect(try store.integrityProblems().isEmpty)
    }
}
