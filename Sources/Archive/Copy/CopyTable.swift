/// The tables `archive copy` moves row by row, as every store holds them: the same logical
/// columns in the same order, whatever each store does underneath (SQLite leaves a
/// sighting's URL and time NULL when they are its capture's; PostgreSQL stores them).
/// Documents and captures are not here: their texts and bodies are re-encoded by the
/// target (`CaptureRow`, `CorpusBatch.restore`), and the duplicate and search indexes are
/// computed again from the texts.
///
/// Guarantees: the order of `allCases` is an order of inserting that satisfies every
/// foreign key once documents and captures are in, except `sources` and `sourceAliases`,
/// which go first; `key` orders each table's rows the same way in every store.
public enum CopyTable: String, CaseIterable, Sendable {
    case sources, sourceAliases = "source_aliases", clusters, sightings, entries, entryFailures = "entry_failures"
    case relations, robotsTxt = "robots_txt", feedCaptures = "feed_captures", hostBlocks = "host_blocks"

    /// What a column holds, so each store can read and write it in its own types.
    public enum Kind: Sendable { case int, double, text, bytes, date, bool }

    /// The table's name in SQL, in every store.
    public var name: String { rawValue }

    /// The logical columns, named as in SQL.
    public var columns: [(name: String, kind: Kind)] {
        switch self {
        case .sources:
            [("id", .int), ("url", .text), ("kind", .text), ("title", .text), ("etag", .text), ("last_modified", .text),
             ("last_body_sha256", .text), ("last_fetched_at", .date), ("last_status", .int), ("error_count", .int),
             ("last_error", .text), ("created_at", .date), ("next_fetch_at", .date), ("interval_seconds", .double),
             ("parked_reason", .text), ("url_from_web", .bool), ("removed_at", .date)]
        case .sourceAliases: [("url", .text), ("source_id", .int)]
        case .clusters: [("id", .int), ("canonical_document_id", .int), ("created_at", .date)]
        case .sightings:
            [("id", .int), ("document_id", .int), ("source_id", .int), ("capture_id", .int), ("entry_key", .text),
             ("url", .text), ("seen_at", .date)]
        case .entries:
            [("source_id", .int), ("entry_key", .text), ("url", .text), ("title", .text), ("published", .date),
             ("first_seen_at", .date), ("document_id", .int)]
        case .entryFailures:
            [("source_id", .int), ("entry_key", .text), ("failures", .int), ("last_error", .text), ("last_failed_at", .date)]
        case .relations:
            [("document_id", .int), ("other_id", .int), ("kind", .text), ("jaccard", .double), ("containment", .double),
             ("passages", .text), ("created_at", .date)]
        case .robotsTxt: [("host", .text), ("status", .int), ("body", .bytes), ("fetched_at", .date)]
        case .feedCaptures: [("source_id", .int), ("capture_id", .int)]
        case .hostBlocks: [("host", .text), ("hash", .int), ("pages", .int), ("last_url", .text)]
        }
    }

    /// The columns that order the rows (the primary key).
    public var key: [String] {
        switch self {
        case .sources, .clusters, .sightings: ["id"]
        case .sourceAliases: ["url"]
        case .entries, .entryFailures: ["source_id", "entry_key"]
        case .relations: ["document_id", "other_id"]
        case .robotsTxt: ["host"]
        case .feedCaptures: ["source_id", "capture_id"]
        case .hostBlocks: ["host", "hash"]
        }
    }
}
