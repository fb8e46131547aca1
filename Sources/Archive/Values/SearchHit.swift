import Foundation

/// One document that matched a full-text search: best matches first, with where it was first
/// seen and a few words of its text around the first matching term, each matched word
/// marked as `**word**`.
public struct SearchHit: Sendable, Encodable {
    public var id: Int64
    public var cluster: Int64
    public var title: String?
    public var published: Date?
    /// The URL of the document's first sighting, and its source (feed title or URL, or the
    /// import it came from).
    public var url: String?
    public var source: String?
    public var snippet: String
}
