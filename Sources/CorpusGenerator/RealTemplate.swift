/// A templated report made from real paragraphs: its numbers and names (and every
/// eleventh word) are slots, so the items of one template share long fixed runs yet each
/// reports different facts, as market closes and results do.
struct RealTemplate {
    enum Piece {
        case word(Substring)
        case number
        case name
    }

    let paragraphs: [[Piece]]

    init(_ source: RealText, random: inout SeededRandom) {
        let first = Int.random(in: 0..<max(1, source.paragraphs.count - 3), using: &random)
        paragraphs = source.paragraphs.dropFirst(first).prefix(4).map { paragraph in
            paragraph.split(separator: " ").enumerated().map { i, word in
                if word.contains(where: \.isNumber) { return .number }
                if i > 0, word.first?.isUppercase == true, word.count > 2, word.allSatisfy(\.isLetter) { return .name }
                return i % 11 == 10 ? .name : .word(word)
            }
        }
    }

    /// One item: every slot filled afresh.
    func item(names: [String], random: inout SeededRandom) -> String {
        paragraphs.map { pieces in
            pieces.map { piece -> String in
                switch piece {
                case let .word(w): String(w)
                case .number: String(Int.random(in: 2...9_999, using: &random))
                case .name: names.randomElement(using: &random) ?? "Someone"
                }
            }.joined(separator: " ")
        }.joined(separator: "\n\n")
    }
}
