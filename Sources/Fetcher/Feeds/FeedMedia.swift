/// A file an entry carries: a podcast's audio, a video, a photo (RSS `<enclosure>`, Atom
/// `link rel="enclosure"`, Media RSS `media:content`), with its URL resolved.
public struct FeedMedia: Sendable, Equatable, Encodable {
    public var url: String
    public var type: String?
    public var length: Int?
    /// Media RSS `medium`: image, audio, video, document or executable.
    public var medium: String?
}
