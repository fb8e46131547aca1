/// The facts of a text that tell templated items apart: the distinct hashes of its numbers
/// and of its names (see `Token.Fact`), each ascending.
///
/// Guarantees: computed once from the tokens; what `DuplicateJudge` compares.
public struct TextFacts: Sendable {
    public let numbers: [UInt64]
    public let names: [UInt64]

    public init(_ text: AnalyzedText) {
        numbers = text.factHashes(.number)
        names = text.factHashes(.name)
    }
}

extension AnalyzedText {
    /// The distinct hashes of the text's facts of one kind, ascending.
    public func factHashes(_ kind: Token.Fact) -> [UInt64] {
        var out = tokens.compactMap { $0.fact == kind ? $0.hash : nil }
        out.sort()
        out.removeDuplicatesInSortedArray()
        return out
    }
}
