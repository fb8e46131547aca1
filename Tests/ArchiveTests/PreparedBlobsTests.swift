@testable import Archive
import Foundation
import GRDB
import Testing

/// Texts and captures compressed ahead of the write (on the import's second thread) are
/// stored byte for byte as the write path would store them, and a blob made with a
/// dictionary that is no longer the newest is not taken.
struct PreparedBlobsTests {
    static let text = "The harbour board met on Tuesday and agreed the new tariff for berths 4 to 9."
    static let line = Data(#"{"id":"a-1","text":"The harbour board met on Tuesday and agreed the new tariff for berths 4 to 9."}"#.utf8)

    private func record(_ store: ArchiveStore, _ url: String, prepared: PreparedBlobs?) throws -> Int64 {
        var document = ArchiveFixtures.document(Self.text + " " + url)
        document.prepared = prepared
        var capture = ArchiveFixtures.capture(url, body: "")
        (capture.body, capture.contentType) = (Self.line, "application/x-ndjson")
        let outcome = try store.record(Ingest(sourceID: try store.ensureSource(url: "import:test", kind: "import"), entryKey: url,
                                              url: url, capture: capture, content: .new(document, relations: [], cluster: .ownCluster)))
        guard case let .added(id, _, _) = outcome else { throw ArchiveError.database("not added: \(outcome)") }
        return id
    }

    private func blobs(_ store: ArchiveStore, _ id: Int64) throws -> [Data] {
        try DatabaseQueue(path: store.path).read { db in
            [try Data.fetchOne(db, sql: "SELECT text FROM documents WHERE id = ?", arguments: [id])!,
             try Data.fetchOne(db, sql: "SELECT c.body FROM captures c JOIN sightings s ON s.capture_id = c.id WHERE s.document_id = ?",
                               arguments: [id])!]
        }
    }

    private func prepare(_ preparer: BlobPreparer, _ url: String) -> PreparedBlobs {
        preparer.prepare(text: Self.text + " " + url, captureBody: Self.line, contentType: "application/x-ndjson")
    }

    @Test func preparedBlobsAreWhatTheWritePathStores() throws {
        let (ahead, inline) = (try ArchiveFixtures.store(), try ArchiveFixtures.store())
        let id = try record(ahead, "u:1", prepared: prepare(try ahead.blobPreparer(), "u:1"))
        #expect(try record(inline, "u:1", prepared: nil) == id)
        #expect(try blobs(ahead, id) == blobs(inline, id))
        #expect(try ahead.document(id).text == Self.text + " u:1")
        var captures: [CaptureExport] = []
        try ahead.forEachCapture { captures.append($0) }
        #expect(captures.map(\.body) == [Self.line])
        #expect(captures.map(\.bodySHA256) == [ArchiveStore.sha256Hex(Self.line)])
    }

    @Test func aBlobMadeWithAnotherDictionaryIsCompressedAnew() throws {
        let store = try ArchiveFixtures.store()
        _ = try record(store, "u:0", prepared: nil)
        let withoutDictionary = try store.blobPreparer()
        func addDictionary(_ preset: String) throws {
            try DatabaseQueue(path: store.path).write { db in
                let data = Data(preset.utf8)
                try db.execute(sql: "INSERT INTO dictionaries (id, data, sha256, created_at) VALUES (1, ?, ?, ?)",
                               arguments: [data, ArchiveStore.sha256Hex(data), Date()])
            }
        }
        try addDictionary("harbour board tariff berths")
        let withFirst = try store.blobPreparer()
        // The dictionary goes and another takes its id, as after a rolled-back training.
        try DatabaseQueue(path: store.path).write { try $0.execute(sql: "DELETE FROM dictionaries") }
        try addDictionary("container traffic quarter chair")
        let current = try store.blobPreparer()
        for (n, preparer) in [withoutDictionary, withFirst, current].enumerated() {
            let url = "u:\(n + 1)"
            let id = try record(store, url, prepared: prepare(preparer, url))
            #expect(try store.document(id).text == Self.text + " " + url)
            let fresh = TextBlob.encode(Data((Self.text + " " + url).utf8), dictionary: current.dictionary, base: nil)
            #expect(try blobs(store, id)[0] == fresh, "preparer \(n)")
        }
    }
}
