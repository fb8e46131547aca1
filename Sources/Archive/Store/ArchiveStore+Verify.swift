import Crypto
import Foundation
import GRDB

extension ArchiveStore {
    /// What `verify` looked at.
    public struct VerifyCounts: Sendable, Encodable {
        public var documents = 0
        public var captures = 0
        /// Captures restored from a JSONL export: their facts and hash, no raw body to check.
        public var capturesWithoutBody = 0
    }

    /// Checks every stored byte: each document's text and each capture's body is
    /// decompressed and hashed again against its stored SHA-256, the duplicate indexes'
    /// segments are read whole (`IndexSegments.problems`), then SQLite's `integrity_check`
    /// and `foreign_key_check` run. Reads in streaming cursors, so memory
    /// stays bounded; a reader, so runs may go on meanwhile.
    public func verify() throws(ArchiveError) -> (VerifyCounts, [IntegrityProblem]) {
        try read { db in
            var counts = VerifyCounts()
            var problems: [IntegrityProblem] = []
            let documents = try Row.fetchCursor(db, sql: "SELECT id, content_hash, text, text_size FROM documents ORDER BY id")
            while let row = try documents.next() {
                counts.documents += 1
                if let detail = Self.check(size: row["text_size"], sha256: row["content_hash"], { try Self.decodeText(row["text"], size: row["text_size"], db) }) {
                    problems.append(IntegrityProblem(object: .document, id: row["id"], detail: "text " + detail))
                }
            }
            let damaged = Set(problems.compactMap(\.id))
            let captures = try Row.fetchCursor(db, sql: """
                SELECT id, body_sha256, body, body_size, body_base_id, body_kept, wire_body, wire_body_size FROM captures ORDER BY id
                """)
            while let row = try captures.next() {
                counts.captures += 1
                if row["body_kept"] as Int == 0 {
                    counts.capturesWithoutBody += 1
                } else if let base = row["body_base_id"] as Int64?, damaged.contains(base) {
                    problems.append(IntegrityProblem(object: .capture, id: row["id"],
                                                     detail: "raw capture is stored against the text of document \(base), which is damaged"))
                } else if let detail = Self.check(size: row["body_size"], sha256: row["body_sha256"], { try Self.decodeCapture(row["body"], size: row["body_size"], db) }) {
                    problems.append(IntegrityProblem(object: .capture, id: row["id"], detail: "raw capture " + detail))
                }
                // The wire body has no hash of its own (its decoding is the body): it must inflate to its size.
                if let wire = row["wire_body"] as Data?, (try? ZlibCodec.decompress(wire, expectedSize: row["wire_body_size"]))?.count != row["wire_body_size"] {
                    problems.append(IntegrityProblem(object: .capture, id: row["id"], detail: "the body as received over the wire does not decompress"))
                }
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, data, sha256, words, words_sha256 FROM dictionaries")
            where Self.sha256Hex(row["data"]) != row["sha256"] || (row["words"] as Data?).map(Self.sha256Hex) != row["words_sha256"] {
                problems.append(IntegrityProblem(object: .database, id: nil, detail: "dictionary \(row["id"] as Int64) does not match its SHA-256"))
            }
            for detail in try IndexSegments.problems(db) {
                problems.append(IntegrityProblem(object: .database, id: nil, detail: detail))
            }
            for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
                problems.append(IntegrityProblem(object: .database, id: nil, detail: line))
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                problems.append(IntegrityProblem(object: .database, id: nil, detail: "foreign key: \(row)"))
            }
            return (counts, problems)
        }
    }

    /// Nil when the blob decompresses to `size` bytes hashing to `sha256`; else what is wrong.
    static func check(size: Int, sha256: String, _ decompress: () throws -> Data) -> String? {
        let data: Data
        do { data = try decompress() } catch {
            return "does not decompress: \(error)"
        }
        let actual = sha256Hex(data)
        return actual == sha256 ? nil : "hashes to \(actual), stored \(sha256)"
    }

    /// A consistent copy of the archive at `destination`, made while runs may go on
    /// (SQLite's `VACUUM INTO`: one read transaction, compacted, WAL folded in). A copy that
    /// fails (a full disk) is removed, never left half written. Missing folders are created.
    public func backup(to destination: String, started: (String) -> Void = { _ in }, finished: (String) -> Void = { _ in }) throws(ArchiveError) {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw .cannotOpen(path: destination, reason: "a file is already there; a backup never overwrites")
        }
        let folder = URL(fileURLWithPath: destination).deletingLastPathComponent().path
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw .cannotOpen(path: destination, reason: "cannot create its folder: \(error.localizedDescription)")
        }
        // The copy is made under DEST.partial and renamed when complete, so DEST exists only
        // as a whole backup. A .partial left by an interrupted backup is stale: replaced.
        let partial = destination + ".partial"
        for stale in [partial, partial + "-journal"] { try? FileManager.default.removeItem(atPath: stale) }
        started(partial)
        defer { finished(partial) }
        // VACUUM may not run inside a transaction: the connection runs it bare, as its own
        // read of one snapshot (other processes keep writing through the WAL).
        do { try pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [partial]) } } catch {
            // No half copy is left to be mistaken for a backup.
            try? FileManager.default.removeItem(atPath: partial)
            if case .full = Self.wrap(error) {
                throw .cannotOpen(path: destination, reason: "the disk is full; the incomplete copy was removed")
            }
            throw Self.wrap(error)
        }
        guard rename(partial, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: partial)
            throw .cannotOpen(path: destination, reason: "cannot rename the finished copy into place: \(reason)")
        }
    }
}
