/// A maximal run of words that two texts share verbatim.
///
/// `startA`/`startB` are token indexes in each text; `words` the run's length; `text` the
/// run's words as written in the first text, empty until a caller that shows them asks
/// for them (`DuplicateEvidence.withPassageTexts`), since comparing never needs them; `quoted` is
/// true when most of the run stands inside quotation marks in both texts; `distinctive`
/// is false when every fingerprint inside it is common across the archive.
public struct SharedPassage: Sendable, Equatable, Codable {
    public var text: String
    public var startA: Int
    public var startB: Int
    public var words: Int
    public var quoted: Bool
    public var distinctive: Bool

    /// Counts toward `shared-wire-passages`: distinctive narrative text, not a quotation.
    public var isWireEvidence: Bool { distinctive && !quoted }
}
