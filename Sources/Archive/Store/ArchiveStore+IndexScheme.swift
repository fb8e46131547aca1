import GRDB

/// The scheme of the archive's index keys: the hashing and the settings that shape band
/// keys and passage hashes (`DuplicateSettings.indexScheme` describes it). Keys made under
/// two schemes never match, so a new document's keys are only worth storing beside keys of
/// the same scheme.
extension ArchiveStore {
    /// The scheme recorded for the archive's index keys; nil before any writer claimed one.
    public func indexScheme() throws(ArchiveError) -> String? {
        try read { db in try Self.indexScheme(db) }
    }

    /// Records `scheme` as the archive's if none is recorded, and otherwise checks that it is
    /// the recorded one. Call it before adding documents with keys made under `scheme`.
    ///
    /// Guarantees: on a mismatch nothing is written and `indexSchemeMismatch` names both
    /// schemes; only `rebuildClusters` and `renormalize`, which recompute every key, change
    /// a recorded scheme.
    public func claimIndexScheme(_ scheme: String) throws(ArchiveError) {
        try write { db in
            switch try Self.indexScheme(db) {
            case nil: try Self.recordIndexScheme(scheme, db)
            case scheme: break
            case let archived?: throw ArchiveError.indexSchemeMismatch(path: path, archived: archived, configured: scheme)
            }
        }
    }

    static func indexScheme(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT scheme FROM index_scheme WHERE id = 1")
    }

    static func recordIndexScheme(_ scheme: String, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO index_scheme (id, scheme) VALUES (1, ?)", arguments: [scheme])
    }
}
