/// Tells the language of an article's text from its function words, with no model to download.
///
/// Counts, over the first `maxWords` words, how many belong to each language's stopword list
/// (`StopwordProfiles`: en, tr, ru, uk, de, fr, es, pt, it, nl, ar). Words are cut at ASCII
/// spaces, digits and punctuation and compared by a 64-bit hash of their bytes, ASCII letters
/// lowercased. Guarantees: an answer only when at least `languageMinHits` words matched and the
/// best language leads the next by at least `languageMinMargin` of its hits (`NormalizerSettings`);
/// otherwise nil, and the caller keeps the page's declared language.
struct LanguageDetector {
    let settings: NormalizerSettings

    private static let languages = StopwordProfiles.words.keys.sorted()

    /// Each stopword's hash with the set of languages (bit i: `languages[i]`) that use it.
    private static let languagesByWord: [UInt64: UInt16] = {
        var index: [UInt64: UInt16] = [:]
        for (i, language) in languages.enumerated() {
            for word in StopwordProfiles.words[language]! {
                index[word.utf8.reduce(StableHash.fnvOffset, StableHash.fnvStep), default: 0] |= 1 << i
            }
        }
        return index
    }()

    /// An ISO 639-1 code, or nil when the text says too little.
    func language(of text: String) -> String? { language(ofParagraphs: [text]) }

    /// The language of paragraphs read in order, up to `languageMaxWords` words in all.
    func language(ofParagraphs paragraphs: [String]) -> String? {
        var hits = [Int](repeating: 0, count: Self.languages.count)
        var words = 0, hash = StableHash.fnvOffset, length = 0
        func endWord() {
            if length > 0, let set = Self.languagesByWord[hash] {
                for i in hits.indices where set & (1 << i) != 0 { hits[i] += 1 }
            }
            if length > 0 { words += 1 }
            hash = StableHash.fnvOffset
            length = 0
        }
        for text in paragraphs where words < settings.languageMaxWords {
            for byte in text.utf8 {
                if byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) {
                    hash = StableHash.fnvStep(hash, byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                    length += 1
                } else {
                    endWord()
                    if words >= settings.languageMaxWords { break }
                }
            }
            endWord()
        }
        let ranked = hits.indices.sorted { hits[$0] > hits[$1] || (hits[$0] == hits[$1] && $0 < $1) }
        guard let best = ranked.first, hits[best] >= settings.languageMinHits else { return nil }
        let runnerUp = ranked.count > 1 ? hits[ranked[1]] : 0
        guard Double(hits[best] - runnerUp) >= settings.languageMinMargin * Double(hits[best]) else { return nil }
        return Self.languages[best]
    }
}
