import Foundation

/// One document that matched a full-text search: best matches first, with a few words of
/// its text around the first matching term.
public struct SearchHit: Sendable, Encodable {
    public var id: Int64
    public var cluster: Int64
    public var title: String?
    public var published: Date?
    public var snippet: String
}
