import Crypto
import Foundation
import GRDB

/// Where document texts are compressed and read back (`TextBlob`): the one place that
/// knows blobs may need a shared dictionary or a base document.
///
/// - A new document is compressed with the newest shared dictionary and against a base
///   text: its canonical's when it joins a cluster, else the nearest text the matcher
///   compared it with (a templated item's earlier sibling). Bases never chain: a canonical
///   stored against a base is stored again without one before a member is based on it; a
///   nearest text stored against a base lends that base instead.
/// - Once `dictionaryTrainingDocuments` documents exist and no word dictionary does, one is
///   trained from them, and those of them stored without a base are stored again with it.
/// - Before a document's text changes or the document goes, every text stored against it
///   is stored again without it, so no blob ever loses its base.
extension ArchiveStore {
    static let dictionaryTrainingDocuments = 1_000

    /// A new text's blob with `dictionary` (the newest, `newestDictionary`) and the base
    /// document it was compressed against: the canonical of the cluster it joins, else `nearest`.
    static func encodeText(_ utf8: Data, dictionary: SharedDictionary?, joining cluster: ClusterChoice, nearest: Int64? = nil,
                           prepared: PreparedBlobs? = nil, _ db: Database) throws -> (blob: Data, baseID: Int64?) {
        let lookup = try db.cachedStatement(sql: "SELECT text, text_size, text_base_id FROM documents WHERE id = ?")
        // The base: the canonical of the cluster joined, else the nearest text or, when that
        // one is stored against a base itself, its base (bases never chain).
        var baseID: Int64?
        if case let .join(canonicalID, _) = cluster {
            baseID = canonicalID
        } else if let nearest, let row = try Row.fetchOne(lookup, arguments: [nearest]) {
            baseID = row["text_base_id"] ?? nearest
        }
        guard let baseID, let row = try Row.fetchOne(lookup, arguments: [baseID]) else {
            return (prepared?.text(with: dictionary) ?? TextBlob.encode(utf8, dictionary: dictionary, base: nil), nil)
        }
        let text = try decodeText(row["text"], size: row["text_size"], db)
        if (row["text_base_id"] as Int64?) != nil {
            // A canonical stored against a base: stored again without one, so that its members' bases do not chain.
            try db.cachedStatement(sql: "UPDATE documents SET text = ?, text_base_id = NULL WHERE id = ?")
                .execute(arguments: [TextBlob.encode(text, dictionary: dictionary, base: nil), baseID])
        }
        return (TextBlob.encode(utf8, dictionary: dictionary, base: (baseID, text)), baseID)
    }

    /// The text bytes of a stored blob.
    static func decodeText(_ blob: Data, size: Int, _ db: Database) throws -> Data {
        try TextBlob.decode(blob, size: size, dictionary: { id throws(ArchiveError) in try dictionary(id, db) }, base: { id throws(ArchiveError) in
            do {
                guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT text, text_size FROM documents WHERE id = ?"), arguments: [id]) else {
                    throw ArchiveError.corruptBlob("base document \(id) is missing")
                }
                let baseBlob: Data = row["text"]
                guard try TextBlob.references(baseBlob).baseID == nil else { throw ArchiveError.corruptBlob("base document \(id) has a base itself") }
                return try TextBlob.decode(baseBlob, size: row["text_size"], dictionary: { id throws(ArchiveError) in try dictionary(id, db) },
                                           base: { _ throws(ArchiveError) in throw ArchiveError.corruptBlob("chained base") })
            } catch {
                throw wrap(error)
            }
        })
    }

    /// A document's text as a string.
    static func text(of record: DocumentRecord, _ db: Database) throws -> String {
        String(decoding: try decodeText(record.text, size: record.textSize, db), as: UTF8.self)
    }

    /// A reader of the document's text that needs no database any more: what the blob
    /// refers to is fetched now, the decompressing waits until the text is asked for. (A
    /// text stored against a base is read at once, base and all. Most candidates are ruled
    /// out, or found among the texts the matcher has prepared, before their text is asked
    /// for, so decoding each at once would mostly be wasted.)
    static func deferredText(_ blob: Data, size: Int, _ db: Database) throws -> () throws(ArchiveError) -> String {
        let references = try TextBlob.references(blob)
        guard references.baseID == nil else {
            let text = String(decoding: try decodeText(blob, size: size, db), as: UTF8.self)
            return { () throws(ArchiveError) in text }
        }
        let shared = try references.dictionaryID.map { id throws(ArchiveError) in try dictionary(id, db) }
        return { () throws(ArchiveError) in
            let text = try TextBlob.decode(blob, size: size, dictionary: { id throws(ArchiveError) in
                guard let shared, shared.id == id else { throw .corruptBlob("dictionary \(id) was not read") }
                return shared
            }, base: { id throws(ArchiveError) in throw .corruptBlob("base document \(id) was not read") })
            return String(decoding: text, as: UTF8.self)
        }
    }

    private static func dictionary(_ id: UInt32, _ db: Database) throws(ArchiveError) -> SharedDictionary {
        do {
            // (One string made by SQLite: this runs for every text read or written, and a
            // `Row` of the two columns cost more than the lookup.)
            guard let digest = try String.fetchOne(db.cachedStatement(sql: """
                SELECT sha256 || ' ' || COALESCE(words_sha256, '') FROM dictionaries WHERE id = ?
                """), arguments: [Int64(id)]) else {
                throw ArchiveError.corruptBlob("dictionary \(id) is missing")
            }
            return try SharedDictionary.cached(id: id, digest: digest) {
                guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT data, words FROM dictionaries WHERE id = ?"), arguments: [Int64(id)]) else {
                    throw ArchiveError.corruptBlob("dictionary \(id) is missing")
                }
                let words = (row["words"] as Data?).map { $0.split(separator: 0x0A, omittingEmptySubsequences: true).map { Data($0) } }
                return SharedDictionary(id: id, digest: digest, preset: row["data"], coder: words.map { WordCoder(vocabulary: $0) })
            }
        } catch {
            throw wrap(error)
        }
    }

    /// Compresses texts and captures as the write path would, with today's newest
    /// dictionary, on any thread (see `PreparedBlobs`).
    public func blobPreparer() throws(ArchiveError) -> BlobPreparer {
        try read { db in BlobPreparer(dictionary: try Self.newestDictionary(db)) }
    }

    static func newestDictionary(_ db: Database) throws -> SharedDictionary? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM dictionaries ORDER BY id DESC LIMIT 1")).map { try dictionary(UInt32($0), db) }
    }

    /// Trains the first word dictionary once enough documents exist: its vocabulary is the
    /// words of the first `dictionaryTrainingDocuments` texts, its preset their frequent
    /// coded strings. Those of them stored without a base are stored again with it (a base
    /// stays as it is: its members were compressed against its text, not its blob).
    /// `newest` is `newestDictionary(db)`, which the caller has at hand.
    static func trainDictionaryIfDue(_ db: Database, newest: SharedDictionary?) throws {
        guard newest?.coder == nil,
              try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM documents")) ?? 0 >= dictionaryTrainingDocuments else { return }
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, text, text_size FROM documents ORDER BY id LIMIT ?"), arguments: [dictionaryTrainingDocuments])
        let texts = try rows.map { try decodeText($0["text"], size: $0["text_size"], db) }
        let vocabulary = WordCoder.vocabulary(of: texts)
        let coder = WordCoder(vocabulary: vocabulary)
        let preset = DictionaryTrainer.train(texts.map(coder.encode))
        let words = Data(vocabulary.joined(separator: [0x0A]))
        let (presetSHA256, wordsSHA256) = (sha256Hex(preset), sha256Hex(words))
        try db.cachedStatement(sql: "INSERT INTO dictionaries (data, sha256, words, words_sha256, created_at) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [preset, presetSHA256, words, wordsSHA256, Date()])
        let dictionary = SharedDictionary(id: UInt32(db.lastInsertedRowID), digest: "\(presetSHA256) \(wordsSHA256)",
                                          preset: preset, coder: coder)
        for (row, text) in zip(rows, texts) where try TextBlob.references(row["text"]).baseID == nil {
            try db.cachedStatement(sql: "UPDATE documents SET text = ? WHERE id = ?").execute(arguments: [TextBlob.encode(text, dictionary: dictionary, base: nil), row["id"] as Int64])
        }
    }

    /// A raw capture's body bytes.
    static func decodeCapture(_ blob: Data, size: Int, _ db: Database) throws -> Data {
        try CaptureBlob.decode(blob, size: size) { id throws(ArchiveError) in
            do {
                guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT text, text_size FROM documents WHERE id = ?"), arguments: [id]) else {
                    throw ArchiveError.corruptBlob("document \(id), whose text a capture was compressed against, is missing")
                }
                return try decodeText(row["text"], size: row["text_size"], db)
            } catch {
                throw wrap(error)
            }
        }
    }

    /// Stores again, without their base, the texts and captures compressed against document `id`.
    static func detachTexts(basedOn id: Int64, _ db: Database) throws {
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, body, body_size FROM captures WHERE body_base_id = ?"), arguments: [id]) {
            let body = try decodeCapture(row["body"], size: row["body_size"], db)
            try db.cachedStatement(sql: "UPDATE captures SET body = ?, body_base_id = NULL WHERE id = ?").execute(arguments: [ZlibCodec.compress(body), row["id"] as Int64])
        }
        let dependents = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, text, text_size FROM documents WHERE text_base_id = ?"), arguments: [id])
        let dictionary = try newestDictionary(db)
        for row in dependents {
            let text = try decodeText(row["text"], size: row["text_size"], db)
            try db.cachedStatement(sql: "UPDATE documents SET text = ?, text_base_id = NULL WHERE id = ?").execute(arguments: [TextBlob.encode(text, dictionary: dictionary, base: nil), row["id"] as Int64])
        }
    }
}
