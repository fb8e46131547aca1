/// A maximal run of words that two texts share verbatim.
///
/// `startA`/`startB` are token indexes in each text; `words` the run's length; `text` the
/// run's words as written in the first text, empty until a caller that shows them asks
/// for them (`DuplicateEvidence.withPassageTexts`), since comparing never needs them; `quoted` is
/// true when most of the run stands inside quotation marks in both texts; `distinctive`
/// is false when every fingerprint inside it is common across the archive; `slotBounded` is
/// true when, at its start or its end, the two texts hold different numbers or names (the
/// run stops at a slot: a template's fixed wording around the values it changes).
public struct SharedPassage: Sendable, Equatable, Codable {
    public var text: String
    public var startA: Int
    public var startB: Int
    public var words: Int
    public var quoted: Bool
    public var distinctive: Bool
    public var slotBounded: Bool

    /// Counts toward `shared-wire-passages`: distinctive narrative text, not a quotation.
    public var isWireEvidence: Bool { distinctive && !quoted }

    public init(text: String, startA: Int, startB: Int, words: Int, quoted: Bool, distinctive: Bool, slotBounded: Bool) {
        self.text = text
        self.startA = startA
        self.startB = startB
        self.words = words
        self.quoted = quoted
        self.distinctive = distinctive
        self.slotBounded = slotBounded
    }

    enum CodingKeys: String, CodingKey { case text, startA, startB, words, quoted, distinctive, slotBounded }

    /// (Evidence stored before `slotBounded` existed reads as not slot-bounded.)
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        startA = try c.decode(Int.self, forKey: .startA)
        startB = try c.decode(Int.self, forKey: .startB)
        words = try c.decode(Int.self, forKey: .words)
        quoted = try c.decode(Bool.self, forKey: .quoted)
        distinctive = try c.decode(Bool.self, forKey: .distinctive)
        slotBounded = try c.decodeIfPresent(Bool.self, forKey: .slotBounded) ?? false
    }
}
