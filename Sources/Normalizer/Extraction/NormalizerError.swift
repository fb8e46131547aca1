/// Why an input could not become an article. Messages name the reason; callers add the input's name.
public enum NormalizerError: Error, CustomStringConvertible, Sendable, Equatable {
    case tooLarge(bytes: Int, limit: Int)
    case unparseable(reason: String)
    case binary

    public var description: String {
        switch self {
        case let .tooLarge(bytes, limit): "input is \(bytes) bytes, over the \(limit)-byte limit (normalizer.max_input_bytes)"
        case let .unparseable(reason): "cannot parse as HTML: \(reason)"
        case .binary: "input looks binary (NUL bytes), not HTML or text"
        }
    }
}
