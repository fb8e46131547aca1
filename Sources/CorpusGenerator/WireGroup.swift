import Foundation

/// One wire story and everything written from it: syndicated copies and rewrites (its
/// cluster), plus same-event and quote-sharing reports (hard negatives, clusters of their own).
struct WireGroup {
    let event: Event
    let paragraphs: [String]
    let quotes: [String]
    let writer: StoryWriter
    private let followerSeed: UInt64

    init(writer: StoryWriter, random: inout SeededRandom) {
        self.writer = writer
        followerSeed = random.next()
        let event = Event(lexicon: writer.lexicon, random: &random)
        var text = writer.paragraphs(Int.random(in: 6...12, using: &random), event: event, random: &random)
        let quotes = (0..<Int.random(in: 1...2, using: &random)).map { _ in writer.quotation(event: event, random: &random) }
        for q in quotes { text.insert(q, at: Int.random(in: 1..<text.count, using: &random)) }
        self.event = event
        self.quotes = quotes
        paragraphs = text
    }

    /// The original, whose followers are drawn when it is emitted (so their cluster is its id).
    func original() -> Draft {
        var random = SeededRandom(seed: followerSeed)
        let texts = (syndicated: Int.random(in: 0...3, using: &random), rewrites: Int.random(in: 0...2, using: &random),
                     quoteSharing: Int.random(in: 0...1, using: &random), sameEvent: Int.random(in: 0...1, using: &random))
        return Draft(text: paragraphs.joined(separator: "\n\n"), kind: "original") { id in
            (0..<texts.syndicated).map { _ in Draft(text: syndicated(&random), kind: "syndicated", cluster: id) }
                + (0..<texts.rewrites).map { _ in Draft(text: rewrite(&random), kind: "rewrite", cluster: id) }
                + (0..<texts.quoteSharing).map { _ in Draft(text: quoteSharing(&random), kind: "quote-sharing") }
                + (0..<texts.sameEvent).map { _ in Draft(text: sameEvent(&random), kind: "same-event") }
        }
    }

    /// The same copy, its last paragraphs trimmed, with a dateline or credit added.
    func syndicated(_ random: inout SeededRandom) -> String {
        let keep = paragraphs.count - Int.random(in: 0...min(2, paragraphs.count - 3), using: &random)
        var copy = Array(paragraphs.prefix(keep))
        if Bool.random(using: &random) { copy.insert("By \(writer.lexicon.name(&random)) \(writer.lexicon.name(&random))", at: 0) }
        if Bool.random(using: &random) { copy.append("Source: \(event.organisation) wire") }
        return copy.joined(separator: "\n\n")
    }

    /// New writing about the event that keeps 2–4 narrative passages of 10–18 words verbatim.
    func rewrite(_ random: inout SeededRandom) -> String {
        var out = writer.paragraphs(Int.random(in: 4...8, using: &random), event: event, random: &random)
        // Distinct paragraphs, so the passages never overlap into one run.
        let narrative = paragraphs.filter { !quotes.contains($0) }.shuffled(using: &random)
        for paragraph in narrative.prefix(Int.random(in: 2...4, using: &random)) {
            let source = paragraph.split(separator: " ")
            let length = min(source.count, Int.random(in: 10...18, using: &random))
            let from = Int.random(in: 0...(source.count - length), using: &random)
            let passage = source[from..<(from + length)].joined(separator: " ").trimmingCharacters(in: .punctuationCharacters)
            let lead = writer.words(Int.random(in: 3...6, using: &random), event: nil, random: &random).joined(separator: " ")
            let tail = writer.words(Int.random(in: 2...5, using: &random), event: nil, random: &random).joined(separator: " ")
            out.insert(StoryWriter.capitalized(lead) + " " + passage + " " + tail + ".", at: Int.random(in: 0...out.count, using: &random))
        }
        return out.joined(separator: "\n\n")
    }

    /// An independent report of the same event that quotes the same statement.
    func quoteSharing(_ random: inout SeededRandom) -> String {
        var out = writer.paragraphs(Int.random(in: 4...8, using: &random), event: event, random: &random)
        for q in quotes { out.insert(q, at: Int.random(in: 0...out.count, using: &random)) }
        return out.joined(separator: "\n\n")
    }

    /// An independent report of the same event: same names and numbers, no shared text.
    func sameEvent(_ random: inout SeededRandom) -> String {
        writer.paragraphs(Int.random(in: 4...9, using: &random), event: event, random: &random).joined(separator: "\n\n")
    }
}
