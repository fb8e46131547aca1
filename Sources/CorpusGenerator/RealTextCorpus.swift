import Foundation

/// A news corpus with known truth built from real article bodies, for measuring duplicate
/// detection on real language (syllable words flatter every method: they share no
/// phrasing, names or quotations across stories).
///
/// The bodies are shuffled by the seed and split: eight are the sources of templates, a
/// third of the rest are background (`BackgroundPool`: never emitted themselves, each
/// paragraph lent once, so borrowed material duplicates nothing in the corpus), and the
/// rest are stories. A story is a wire group (its original, 2–8 syndicated copies and 1–3 rewrites,
/// one truth cluster) or a singleton. Around them stand the hard negatives, each its own
/// cluster: reports that share only a quotation with an original, and templated items
/// (real paragraphs whose numbers and names are slots, filled afresh for each item).
/// - syndicated: the original trimmed by a paragraph or two, re-headed, and/or given a
///   publisher's boilerplate lines;
/// - rewrite: 2–4 verbatim passages of 8–15 words from the original (outside quotations),
///   the rest of the original's lead with its word order broken, and 40–60 % background
///   from another story, with its own names and numbers.
///
/// A body that shares a run of `RealText.distinctRun` words with an earlier one is left
/// out: labelled page sets hold the same article twice (two pages of one story, a longer and
/// a shorter cut), and a story used twice, say as a template's source and as an original,
/// would make related texts that the truth calls unrelated.
///
/// Guarantees: the same bodies and seed give the same corpus; a copy is emitted after its
/// original, within a bounded delay; ids are emission order (`r0000001`, …).
public struct RealTextCorpus {
    public let bodies: [String]
    public let documents: Int
    public let seed: UInt64

    /// Bodies shorter than this many words are not used.
    static let minWords = 150
    static let backgroundShare = 0.35
    static let templateSources = 8
    static let wireShare = 0.45, quoteShare = 0.06, templateShare = 0.30
    static let maxDelay = 40

    public init(bodies: [String], documents: Int, seed: UInt64) {
        self.bodies = bodies
        self.documents = documents
        self.seed = seed
    }

    public func generate(_ emit: (CorpusDocument) throws -> Void) rethrows {
        var random = SeededRandom(seed: seed)
        var usable = RealText.distinct(bodies.map(RealText.init).filter { $0.words.count >= Self.minWords })
        usable.shuffle(using: &random)
        let sources = usable.prefix(Self.templateSources)
        let rest = usable.dropFirst(Self.templateSources)
        let backgroundCount = max(1, Int(Double(rest.count) * Self.backgroundShare))
        let background = Array(rest.prefix(backgroundCount))
        var pool = BackgroundPool(background)
        var stories = Array(rest.dropFirst(backgroundCount)).makeIterator()
        let names = RealText.names(in: background)
        let families = sources.map { RealTemplate($0, random: &random) }
        // The originals that have a quotation to share.
        var quoted: [RealText] = []
        var emitter = CorpusEmitter(limit: documents, prefix: "r", delay: 1...Self.maxDelay)
        func send(_ draft: Draft) throws { try emitter.send(draft, random: &random, emit) }

        while !emitter.isFull {
            try emitter.beginTurn(random: &random, emit)
            let roll = Double.random(in: 0..<1, using: &random)
            if roll < Self.wireShare, let story = stories.next() {
                if story.quotation != nil { quoted.append(story) }
                let copies = (0..<Int.random(in: 2...8, using: &random)).map { _ in story.syndicated(&random) }
                let rewrites = (0..<Int.random(in: 1...3, using: &random)).compactMap { _ in story.rewrite(from: &pool, random: &random) }
                try send(Draft(text: story.text, kind: "original") { id in
                    copies.map { Draft(text: $0, kind: "syndicated", cluster: id) } + rewrites.map { Draft(text: $0, kind: "rewrite", cluster: id) }
                })
            } else if roll >= Self.wireShare, roll < Self.wireShare + Self.quoteShare, let source = quoted.randomElement(using: &random),
                      let report = source.quoteSharing(from: &pool, speaker: names.randomElement(using: &random) ?? "A spokesperson",
                                                       random: &random) {
                try send(Draft(text: report, kind: "quote-sharing"))
            } else if roll >= Self.wireShare + Self.quoteShare + Self.templateShare, let story = stories.next() {
                try send(Draft(text: story.text, kind: "singleton"))
            } else {
                try send(Draft(text: families.randomElement(using: &random)!.item(names: names, random: &random), kind: "template"))
            }
            emitter.endTurn()
        }
    }
}
