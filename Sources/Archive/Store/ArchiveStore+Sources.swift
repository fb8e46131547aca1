import Foundation
import GRDB

extension ArchiveStore {
    /// The id of the source with this URL, created with `kind` ("feed" or "import") if new.
    public func ensureSource(url: String, kind: String) throws(ArchiveError) -> Int64 {
        try write { db in try Self.ensureSource(url: url, kind: kind, db) }
    }

    static func ensureSource(url: String, kind: String, _ db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM sources WHERE url = ?", arguments: [url]) { return id }
        try db.execute(sql: "INSERT INTO sources (kind, url, created_at) VALUES (?, ?, ?)", arguments: [kind, url, Date()])
        return db.lastInsertedRowID
    }

    public func feedState(sourceID: Int64) throws(ArchiveError) -> FeedState {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sources WHERE id = ?", arguments: [sourceID]) else {
                throw ArchiveError.notFound("source \(sourceID)")
            }
            return FeedState(sourceID: row["id"], url: row["url"], etag: row["etag"], lastModified: row["last_modified"],
                             lastBodySHA256: row["last_body_sha256"], lastFetchedAt: row["last_fetched_at"],
                             lastStatus: row["last_status"], errorCount: row["error_count"], lastError: row["last_error"])
        }
    }

    /// Records a completed pass over a feed: its validators and body hash, errors reset.
    /// Call it only after every entry of that body is archived, so a crash mid-pass makes
    /// the next run fetch the feed in full again instead of trusting a 304.
    public func recordFeedSuccess(sourceID: Int64, title: String?, status: Int, etag: String?, lastModified: String?,
                                  bodySHA256: String?, at time: Date) throws(ArchiveError) {
        try write { db in
            try db.execute(sql: """
                UPDATE sources SET title = COALESCE(?, title), last_status = ?, etag = COALESCE(?, etag),
                    last_modified = COALESCE(?, last_modified), last_body_sha256 = COALESCE(?, last_body_sha256),
                    last_fetched_at = ?, error_count = 0, last_error = NULL
                WHERE id = ?
                """, arguments: [title, status, etag, lastModified, bodySHA256, time, sourceID])
        }
    }

    /// Records a failed fetch or parse of a source; its error count goes up by one.
    public func recordFeedFailure(sourceID: Int64, status: Int?, error: String, at time: Date) throws(ArchiveError) {
        try write { db in
            try db.execute(sql: """
                UPDATE sources SET last_status = ?, last_fetched_at = ?, error_count = error_count + 1, last_error = ?
                WHERE id = ?
                """, arguments: [status, time, error, sourceID])
        }
    }

    /// True when this feed entry was already archived (or settled) by an earlier run.
    public func isEntryKnown(sourceID: Int64, entryKey: String) throws(ArchiveError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM entries WHERE source_id = ? AND entry_key = ?",
                              arguments: [sourceID, entryKey]) ?? false
        }
    }

    /// Settles an entry that yields no document (an empty or non-article page), so later
    /// runs do not fetch it again.
    public func settleEntry(sourceID: Int64, entryKey: String, url: String?, title: String?, published: Date?) throws(ArchiveError) {
        try write { db in
            try Self.insertEntry(sourceID, entryKey, url: url, title: title, published: published, documentID: nil, db)
        }
    }
}
