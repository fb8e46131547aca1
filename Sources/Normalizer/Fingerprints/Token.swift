/// One word of a text, as the duplicate detector sees it.
///
/// `hash` identifies the lowercased word; `quoted` is true when the word stands inside
/// quotation marks; `fact` says whether the word is a number or a name (capitalized
/// away from a sentence start), the words that tell two templated items apart;
/// `capitalized` is true for any word that starts with a capital, sentence start or not;
/// `start`/`end` are UTF-8 offsets into the text it came from, so any run of tokens can be
/// shown to a person exactly as it was written.
public struct Token: Sendable, Equatable {
    public enum Fact: UInt8, Sendable {
        case none
        case number
        case name
    }

    public var hash: UInt64
    public var quoted: Bool
    public var fact: Fact
    public var capitalized: Bool
    public var start: Int
    public var end: Int
}
