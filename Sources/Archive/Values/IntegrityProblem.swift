/// One thing `ArchiveStore.verify` found wrong: which object (a document, a capture, or the
/// database file itself) and what.
public struct IntegrityProblem: Sendable, Equatable, Encodable {
    public enum Object: String, Sendable, Encodable {
        case document, capture, database
    }

    public var object: Object
    public var id: Int64?
    public var detail: String

    public var description: String {
        (id.map { "\(object.rawValue) \($0)" } ?? object.rawValue) + ": " + detail
    }
}
