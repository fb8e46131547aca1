/// The facts of a text that tell templated items apart: the distinct hashes of its numbers
/// and of its names (see `Token.Fact`), each ascending.
///
/// Guarantees: computed once from the tokens, they are what `FactSketch` summarizes and
/// what `DuplicateJudge` compares, so a text that is ruled out by its facts alone needs
/// no further preparation.
public struct TextFacts: Sendable {
    public let numbers: [UInt64]
    public let names: [UInt64]

    public init(_ text: AnalyzedText) {
        numbers = text.factHashes(.number)
        names = text.factHashes(.name)
    }
}
