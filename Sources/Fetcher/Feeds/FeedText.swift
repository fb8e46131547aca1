/// A text value read from a feed with its content type, as the feed declared or a reader
/// inferred it: `text/plain`, `text/html` or `application/xhtml+xml` (nil: plain text).
///
/// Guarantees: `plainText` never contains markup for an HTML or XHTML value (tags and
/// script/style bodies are dropped, entities decoded), and leaves a plain value as written,
/// angle brackets included; white space is collapsed either way.
public struct FeedText: Sendable, Equatable {
    public var value: String
    public var type: String?

    public init(_ value: String, type: String? = nil) {
        self.value = value
        self.type = type
    }

    public var isMarkup: Bool {
        guard let type else { return false }
        return type.contains("html") || type.contains("xml")
    }

    public var plainText: String { isMarkup ? PlainText.of(value) : PlainText.collapse(value) }
}
