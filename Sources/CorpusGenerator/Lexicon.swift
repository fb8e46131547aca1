import Foundation

/// The words of the synthetic news language: real English function words, and invented
/// content words drawn with Zipf frequencies, so that common words recur across unrelated
/// texts as they do in news. Function words hold the head of the curve, so content word
/// k has the weight of rank k + `functionRanks`: 1/(k + 60)^1.07.
struct Lexicon {
    static let functionWords = [
        "the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "as", "was", "at", "by", "is", "it", "from",
        "his", "her", "their", "after", "before", "over", "said", "had", "has", "have", "will", "would", "could",
        "which", "who", "when", "while", "than", "more", "most", "into", "about", "against", "under", "between",
        "this", "these", "those", "its", "an", "but", "not", "also", "new", "last", "first", "week", "year",
    ]

    static let functionRanks = 60

    private let words: [String]
    private let cumulative: [Double]

    init(size: Int, random: inout SeededRandom) {
        var seen = Set<String>()
        var words: [String] = []
        while words.count < size {
            let w = Self.inventedWord(&random)
            if seen.insert(w).inserted { words.append(w) }
        }
        self.words = words
        var total = 0.0
        cumulative = (1...size).map { rank in
            total += 1 / pow(Double(rank + Self.functionRanks), 1.07)
            return total
        }
    }

    /// A content word, by Zipf rank.
    func contentWord(_ random: inout SeededRandom) -> String {
        let u = Double.random(in: 0..<cumulative.last!, using: &random)
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] < u { lo = mid + 1 } else { hi = mid }
        }
        return words[lo]
    }

    /// A capitalized invented name (a person, place or organisation).
    func name(_ random: inout SeededRandom) -> String {
        let w = Self.inventedWord(&random)
        return w.prefix(1).uppercased() + w.dropFirst()
    }

    private static let onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "tr", "kl", "sh"]
    private static let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
    private static let codas = ["", "", "n", "r", "s", "l", "t", "m", "nd", "rk"]

    private static func inventedWord(_ random: inout SeededRandom) -> String {
        let syllables = Int.random(in: 1...3, using: &random)
        return (0..<syllables).map { _ in
            onsets.randomElement(using: &random)! + vowels.randomElement(using: &random)! + codas.randomElement(using: &random)!
        }.joined()
    }
}
