/// A templated report made from real paragraphs: its numbers and names (and every
/// eleventh word) are slots, so the items of one template share long fixed runs yet each
/// reports different facts, as market closes and results do. A frame holds at least
/// `minWords` words: a dozen words with three slots are not a report, and two such items
/// that happen to draw two of the same three values differ in one word, as a corrected copy does.
struct RealTemplate {
    static let minWords = 50

    enum Piece {
        case word(Substring)
        case number
        case name
    }

    let paragraphs: [[Piece]]

    init(_ source: RealText, random: inout SeededRandom) {
        let first = Int.random(in: 0..<max(1, source.paragraphs.count - 3), using: &random)
        // Four paragraphs, and more while they hold fewer than `minWords` words (a page of
        // one-line paragraphs: code, a chat log): the next ones, else those before.
        let all = source.paragraphs
        var lower = first, upper = min(all.count, first + 4)
        while all[lower..<upper].reduce(0, { $0 + $1.split(separator: " ").count }) < Self.minWords, lower > 0 || upper < all.count {
            if upper < all.count { upper += 1 } else { lower -= 1 }
        }
        let taken = all[lower..<upper]
        paragraphs = taken.map { paragraph in
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
