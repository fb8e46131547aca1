/// Writes sentences, quotations and paragraphs in the synthetic news language.
///
/// A narrative sentence mixes function words and Zipf-drawn content words and mentions
/// the event's facts; a quotation is a sentence inside “curly quotes” attributed to a person.
struct StoryWriter {
    let lexicon: Lexicon

    func words(_ count: Int, event: Event?, random: inout SeededRandom) -> [String] {
        var out: [String] = []
        while out.count < count {
            if let event, Double.random(in: 0..<1, using: &random) < 0.05 {
                out += event.fact(&random).split(separator: " ").map(String.init)
            } else if Double.random(in: 0..<1, using: &random) < 0.42 {
                out.append(Lexicon.functionWords.randomElement(using: &random)!)
            } else {
                out.append(lexicon.contentWord(&random))
            }
        }
        return out
    }

    func sentence(event: Event?, random: inout SeededRandom) -> String {
        Self.capitalized(words(Int.random(in: 12...26, using: &random), event: event, random: &random).joined(separator: " ")) + "."
    }

    func quotation(event: Event, random: inout SeededRandom) -> String {
        let said = words(Int.random(in: 10...18, using: &random), event: nil, random: &random).joined(separator: " ")
        return "“\(Self.capitalized(said)),” said \(event.people.randomElement(using: &random)!)."
    }

    /// `count` paragraphs of one or two narrative sentences each.
    func paragraphs(_ count: Int, event: Event?, random: inout SeededRandom) -> [String] {
        (0..<count).map { _ in
            (0..<Int.random(in: 1...2, using: &random)).map { _ in sentence(event: event, random: &random) }.joined(separator: " ")
        }
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
