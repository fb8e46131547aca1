import Foundation

/// Builds a zlib preset dictionary from sample texts: the words found in most of them,
/// weighted by how many bytes each occurrence would save, most valuable last (zlib reaches
/// the end of a dictionary with the shortest distances).
///
/// Measured on the generated corpus (10,000 documents, first 2,000 as the sample): texts
/// compressed alone with this dictionary take 0.75 of what gzip -6 of each text alone takes,
/// and 0.67 together with canonical-as-dictionary for near-duplicates. Word n-grams did
/// worse than single words (0.78–0.83), since news shares vocabulary more than phrasing.
enum DictionaryTrainer {
    static func train(_ samples: [Data], size: Int = TextBlob.window) -> Data {
        var documentFrequency: [Data: Int] = [:]
        for sample in samples {
            var seen = Set<Data>()
            for word in sample.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A }) where word.count >= 3 {
                seen.insert(Data(word))
            }
            for word in seen { documentFrequency[word, default: 0] += 1 }
        }
        let ranked = documentFrequency.filter { $0.value >= 3 }
            .map { (score: $0.value * ($0.key.count + 1), word: $0.key) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.word.lexicographicallyPrecedes($1.word) }
        var chosen: [Data] = []
        var total = 0
        for entry in ranked {
            guard total + entry.word.count + 1 <= size else { break }
            chosen.append(entry.word)
            total += entry.word.count + 1
        }
        return Data(chosen.reversed().joined(separator: [0x20]))
    }
}
