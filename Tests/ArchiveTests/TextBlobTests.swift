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
    let dictionary = (id: UInt32(7), data: Data("harbour board tariff berths container Tuesday agreed".utf8))

    private func decode(_ blob: Data, size: Int) throws -> Data {
        try TextBlob.decode(blob, size: size, dictionary: { id throws(ArchiveError) in
            guard id == 7 else { throw ArchiveError.corruptBlob("wrong dictionary \(id)") }
            return dictionary.data
        }, base: { id throws(ArchiveError) in
            guard id == 1 else { throw ArchiveError.corruptBlob("wrong base \(id)") }
            return canonical
        })
    }

    @Test func everyFormatRoundTrips() throws {
        let plain = TextBlob.encode(copy, dictionary: nil, base: nil)
        let shared = TextBlob.encode(copy, dictionary: dictionary, base: nil)
        let based = TextBlob.encode(copy, dictionary: dictionary, base: (1, canonical))
        #expect(plain.first == 1 && shared.first == 2 && based.first == 3)
        for blob in [plain, shared, based] { #expect(try decode(blob, size: copy.count) == copy) }
        let (basedSize, sharedSize) = (based.count, shared.count)
        #expect(basedSize < sharedSize / 2, "a near-copy stored against its canonical costs little: \(basedSize) vs \(sharedSize)")
        #expect(try TextBlob.references(based) == TextBlob.References(dictionaryID: 7, baseID: 1))
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
        #expect(formats.enumerated().allSatisfy { $0.offset == 1 || $0.element == 2 }, "all others use the trained dictionary")
        #expect(try store.document(6).text == "story 5 about the harbour board and its container berths")
        #expect(try store.document(memberID).text.hasSuffix("and one more line"))
    }
}
