import Foundation

/// A report template (market close, weather, sports results): fixed wording with slots for
/// numbers and names. Items of one family share long runs of words, yet each reports
/// different facts and is its own story.
struct TemplateFamily {
    enum Piece {
        case word(String)
        case number
        case name
    }

    let paragraphs: [[Piece]]

    init(writer: StoryWriter, random: inout SeededRandom) {
        paragraphs = (0..<Int.random(in: 5...8, using: &random)).map { _ in
            var pieces: [Piece] = []
            let length = Int.random(in: 14...28, using: &random)
            var nextSlot = Int.random(in: 4...12, using: &random)
            for (i, w) in writer.words(length, event: nil, random: &random).enumerated() {
                if i == nextSlot {
                    pieces.append(Bool.random(using: &random) ? .number : .name)
                    nextSlot += Int.random(in: 5...13, using: &random)
                } else {
                    pieces.append(.word(i == 0 ? StoryWriter.capitalized(w) : w))
                }
            }
            return pieces
        }
    }

    /// One item: every slot filled with a fresh number or name.
    func item(lexicon: Lexicon, random: inout SeededRandom) -> String {
        paragraphs.map { pieces in
            pieces.map { piece -> String in
                switch piece {
                case let .word(w): w
                case .number: Bool.random(using: &random)
                    ? String(Int.random(in: 1...20_000, using: &random))
                    : String(format: "%.2f", Double.random(in: 0..<100, using: &random))
                case .name: lexicon.name(&random)
                }
            }.joined(separator: " ") + "."
        }.joined(separator: "\n\n")
    }
}
