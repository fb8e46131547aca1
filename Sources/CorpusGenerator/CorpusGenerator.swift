import Foundation

/// Writes a synthetic news corpus with known truth, for measuring duplicate detection.
///
/// Stories arrive as groups. A wire group is an original with its syndicated copies
/// (trimmed, re-headed) and rewrites that share 2–4 verbatim narrative passages of 10–18
/// words: all one truth cluster. Around it stand the hard negatives, each its own cluster:
/// independent reports of the same event (same names and numbers, no shared text),
/// reports that share only a quotation, and templated items (market-report style: long
/// fixed runs, different numbers and names). The rest are unrelated single stories.
/// Guarantees: the same seed gives the same corpus; a copy is always emitted after its
/// original, within a bounded delay, so "earliest" is the original; ids are emission order.
public struct CorpusGenerator {
    public let documents: Int
    public let seed: UInt64

    /// Share of story groups that are wire groups, and of templated items.
    static let wireGroupShare = 0.08
    static let templateShare = 0.16
    /// Copies are emitted this many groups after their original, at most.
    static let maxDelayGroups = 40

    public init(documents: Int, seed: UInt64) {
        self.documents = documents
        self.seed = seed
    }

    public func generate(_ emit: (CorpusDocument) throws -> Void) rethrows {
        var random = SeededRandom(seed: seed)
        let lexicon = Lexicon(size: 30_000, random: &random)
        let writer = StoryWriter(lexicon: lexicon)
        let families = (0..<max(5, documents / 400)).map { _ in TemplateFamily(writer: writer, random: &random) }
        var emitter = CorpusEmitter(limit: documents, prefix: "d", delay: 0...Self.maxDelayGroups)
        func send(_ draft: Draft) throws { try emitter.send(draft, random: &random, emit) }

        while !emitter.isFull {
            try emitter.beginTurn(random: &random, emit)
            let roll = Double.random(in: 0..<1, using: &random)
            if roll < Self.wireGroupShare {
                try send(WireGroup(writer: writer, random: &random).original())
            } else if roll < Self.wireGroupShare + Self.templateShare {
                let text = families.randomElement(using: &random)!.item(lexicon: lexicon, random: &random)
                try send(Draft(text: text, kind: "template"))
            } else {
                let event = Event(lexicon: lexicon, random: &random)
                let text = writer.paragraphs(Int.random(in: 4...10, using: &random), event: event, random: &random)
                try send(Draft(text: text.joined(separator: "\n\n"), kind: "singleton"))
            }
            emitter.endTurn()
        }
    }
}

/// A document waiting to be emitted, and the documents that must follow it.
struct Draft {
    var text: String
    var kind: String
    var cluster: String?
    var followers: (String) -> [Draft] = { _ in [] }
}
