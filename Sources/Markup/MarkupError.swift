/// Why libxml2 built no tree at all, or was not given the input.
public enum MarkupError: Error, CustomStringConvertible, Sendable {
    case empty
    case tooLarge
    /// A start tag at this byte offset has more than `AttributeLimit.maxPerElement` attributes.
    case tooManyAttributes(offset: Int)
    /// Parsing took longer than its budget and was stopped.
    case tooSlow(seconds: Double)

    public var description: String {
        switch self {
        case .empty: "no markup could be parsed (empty or not HTML/XML)"
        case .tooLarge: "input is over 2 GiB"
        case let .tooSlow(seconds): "parsing took more than \(seconds) s and was stopped (normalizer.max_parse_seconds)"
        case let .tooManyAttributes(offset):
            "the tag at byte \(offset) has more than \(AttributeLimit.maxPerElement) attributes; refused (a hostile document?)"
        }
    }
}
