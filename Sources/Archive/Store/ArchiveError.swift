/// Why the archive could not do what was asked. Messages name the archive file or object.
public enum ArchiveError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, reason: String)
    case database(String)
    case corruptBlob(String)
    case notFound(String)
    case badQuery(String)
    /// The disk (or the archive's page limit) is full. The transaction in progress rolled
    /// back: what was archived before stays as it was. `path` is the archive, when known.
    case full(path: String?)
    /// New index keys would be made under `configured`, but the archive's were made under
    /// `archived`: the two would never match, so nothing was written.
    case indexSchemeMismatch(path: String, archived: String, configured: String)
    /// The file is not an ingestd archive (empty, another program's SQLite, not SQLite).
    case notAnArchive(path: String, reason: String)
    /// The archive carries migrations this version does not know: a newer ingestd wrote it.
    case newerSchema(path: String, unknown: [String])
    /// The archive is of an older schema and was opened read-only, which cannot upgrade it.
    case needsUpgrade(path: String, pending: [String])

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "cannot open archive \(path): \(reason)"
        case let .database(reason): "archive error: \(reason)"
        case let .corruptBlob(reason): "corrupt blob in archive: \(reason)"
        case let .notFound(what): "\(what) is not in the archive"
        case let .badQuery(reason): "search query: \(reason)"
        case let .full(path):
            "archive \(path ?? ""): the disk is full; the batch in progress was rolled back and everything archived "
                + "before it is intact; free some space and run again"
        case let .notAnArchive(path, reason): "\(path) is not an ingestd archive: \(reason)"
        case let .newerSchema(path, unknown):
            "archive \(path) was written by a newer ingestd (its schema has \(unknown.joined(separator: ", ")), which this "
                + "version does not know); it was not opened, so nothing in it changed. Use that newer version"
        case let .needsUpgrade(path, pending):
            "archive \(path) is of an older schema (\(pending.count) migrations to apply, from \(pending[0])); a command "
                + "that writes (such as `ingestd run`) upgrades it, which needs write access to the file and its folder"
        case let .indexSchemeMismatch(path, archived, configured):
            "archive \(path): its duplicate index keys were made with \(archived), but the dedup settings now give "
                + "\(configured); new documents would never match archived ones, so nothing was written. Run "
                + "`ingestd clusters rebuild` with these settings to recompute every key, or go back to the settings (and "
                + "ingestd version) that made them"
        }
    }
}

extension ArchiveError {
    /// A restore whose file left a cluster without its canonical (every store says it alike).
    static func clusterWithoutCanonical(_ cluster: Int64) -> ArchiveError {
        .database("""
            cluster \(cluster) has no canonical in the file; an export restores only whole (one made with --after, \
            --since, --until, --source, --lang or --cluster can leave canonicals out)
            """)
    }
}
