/// Why libxml2 built no tree at all.
public enum MarkupError: Error, CustomStringConvertible, Sendable {
    case empty
    case tooLarge

    public var description: String {
        switch self {
        case .empty: "no markup could be parsed (empty or not HTML/XML)"
        case .tooLarge: "input is over 2 GiB"
        }
    }
}
