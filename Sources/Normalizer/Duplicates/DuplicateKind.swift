/// How strongly two documents are the same story, strongest first.
///
/// - `exact`: the same normalized text.
/// - `syndicated`: the same copy republished, trimmed, re-headlined or re-boilerplated
///   (high shingle Jaccard or containment).
/// - `sharedWirePassages`: different writing that shares several distinctive verbatim
///   narrative passages (not quotations): rewrites of one wire story.
public enum DuplicateKind: String, Sendable, Codable, CaseIterable, Comparable {
    case exact
    case syndicated
    case sharedWirePassages = "shared-wire-passages"

    var strength: Int {
        switch self {
        case .exact: 3
        case .syndicated: 2
        case .sharedWirePassages: 1
        }
    }

    public static func < (a: DuplicateKind, b: DuplicateKind) -> Bool { a.strength < b.strength }
}
