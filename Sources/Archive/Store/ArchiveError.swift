/// Why the archive could not do what was asked. Messages name the archive file or object.
public enum ArchiveError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, reason: String)
    case database(String)
    case corruptBlob(String)
    case notFound(String)
    case badQuery(String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "cannot open archive \(path): \(reason)"
        case let .database(reason): "archive error: \(reason)"
        case let .corruptBlob(reason): "corrupt blob in archive: \(reason)"
        case let .notFound(what): "\(what) is not in the archive"
        case let .badQuery(reason): "search query: \(reason)"
        }
    }
}
