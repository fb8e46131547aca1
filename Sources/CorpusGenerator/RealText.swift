import Foundation

/// One real article body and the derived texts `RealTextCorpus` makes from it.
struct RealText {
    let text: String
    let paragraphs: [String]
    let words: [Substring]

    /// The longest quotation of at least 6 words ("…" or “…”), if any.
    let quotation: String?

    init(_ text: String) {
        paragraphs = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        self.text = paragraphs.joined(separator: "\n\n")
        words = self.text.split(whereSeparator: \.isWhitespace)
        quotation = Self.longestQuotation(in: self.text)
    }

    /// Lines a republisher adds around a copy (this project's own wording).
    static let boilerplate = [
        "Subscribe to our daily newsletter for the morning's headlines.",
        "Share this article with your friends and colleagues.",
        "Follow us for live updates throughout the day.",
        "Copyright 2026 Metro Desk Syndication. All rights reserved.",
        "Read more stories like this in our news section.",
    ]

    /// Found once per body, in one pass per kind of mark: the corpus asks for it on every
    /// turn, and searching again from each mark (Foundation's `range(of:)`) is quadratic on a
    /// body full of quotation marks.
    private static func longestQuotation(in text: String) -> String? {
        var best: Substring?
        for (open, close) in [("\u{201C}", "\u{201D}"), ("\"", "\"")] as [(Character, Character)] {
            var rest = text[...]
            while let a = rest.firstIndex(of: open) {
                let inside = rest[rest.index(after: a)...]
                guard let b = inside.firstIndex(of: close) else { break }
                let quote = inside[..<b]
                if quote.count > (best?.count ?? 0), !quote.contains("\n"), quote.split(separator: " ").count >= 6 { best = quote }
                rest = inside[inside.index(after: b)...]
            }
        }
        return best.map(String.init)
    }

    /// A syndicated copy: trimmed, re-headed and/or re-boilerplated (at least one of them).
    func syndicated(_ random: inout SeededRandom) -> String {
        var parts = paragraphs
        let edits = Int.random(in: 1...7, using: &random)
        if edits & 1 != 0, parts.count >= 4 { parts.removeLast(Int.random(in: 1...min(2, parts.count - 3), using: &random)) }
        if edits & 2 != 0 {
            let lead = words.prefix(Int.random(in: 6...10, using: &random)).joined(separator: " ")
            parts.insert("UPDATED: " + lead.trimmingCharacters(in: .punctuationCharacters), at: 0)
        }
        if edits & 4 != 0 {
            parts += Self.boilerplate.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))
        }
        return parts.joined(separator: "\n\n")
    }

    /// A rewrite as wire desks make them: two to four verbatim passages of eight to fifteen
    /// words from outside quotations, the lead's other words reordered so they share no
    /// five-word run, and between two and three fifths of the text from the background pool
    /// (another story's, with its own names and numbers). Nil when the pool is spent.
    func rewrite(from pool: inout BackgroundPool, random: inout SeededRandom) -> String? {
        let quoted = quotedWordMask
        var passages: [String] = []
        var start = Int.random(in: 0..<max(1, words.count / 8), using: &random)
        let target = Int.random(in: 2...4, using: &random)
        while passages.count < target, start + 15 < words.count {
            let length = Int.random(in: 8...15, using: &random)
            if !quoted[start..<(start + length)].contains(true) {
                passages.append(words[start..<(start + length)].joined(separator: " "))
                start += length + Int.random(in: 20...60, using: &random)
            } else {
                start += length
            }
        }
        // The lead, its word order broken: neighbours swapped and every fourth word dropped.
        var lead = Array(words.prefix(min(words.count, 120)))
        for i in stride(from: 0, to: lead.count - 1, by: 2) { lead.swapAt(i, i + 1) }
        lead = lead.enumerated().filter { $0.offset % 4 != 3 }.map(\.element)
        var own = [lead.joined(separator: " ")]
        for passage in passages { own.append("The report said " + passage.trimmingCharacters(in: .punctuationCharacters) + ".") }
        let ownWords = own.joined(separator: " ").split(separator: " ").count
        let share = Double.random(in: 0.4...0.6, using: &random)
        guard let borrowed = pool.take(words: Int(Double(ownWords) * share / (1 - share))) else { return nil }
        return (own.prefix(1) + borrowed.prefix(borrowed.count / 2) + own.dropFirst() + borrowed.dropFirst(borrowed.count / 2))
            .joined(separator: "\n\n")
    }

    /// Another story's report that shares only this text's quotation, said by `speaker`.
    func quoteSharing(from pool: inout BackgroundPool, speaker: String, random: inout SeededRandom) -> String? {
        guard var parts = pool.take(words: Int.random(in: 120...300, using: &random)) else { return nil }
        parts.insert("\u{201C}\(quotation ?? "")\u{201D} \(speaker) told reporters.", at: min(parts.count, 1 + Int.random(in: 0...1, using: &random)))
        return parts.joined(separator: "\n\n")
    }

    /// Whether each word lies inside a quotation.
    private var quotedWordMask: [Bool] {
        var inside = false
        return words.map { word in
            let opens = word.first.map { "\"\u{201C}".contains($0) } ?? false
            let closes = word.last.map { "\"\u{201D}".contains($0) } ?? false || word.dropLast().last.map { "\"\u{201D}".contains($0) } ?? false
            if opens { inside = true }
            defer { if closes { inside = false } }
            return inside || opens
        }
    }

    /// Runs this long are not shared by two distinct articles: a stock phrase or a shared
    /// quotation is shorter.
    static let distinctRun = 20

    /// `texts` in order, without those that share a run of `distinctRun` words with one kept before.
    static func distinct(_ texts: [RealText]) -> [RealText] {
        var seen = Set<Int>()
        return texts.filter { seen.addIfNew(runHashes(of: $0.words, length: distinctRun)) }
    }

    /// A hash of every run of `length` consecutive words, for telling texts that share one.
    static func runHashes(of words: [Substring], length: Int) -> [Int] {
        guard words.count >= length else { return [] }
        return (0...(words.count - length)).map { start in
            var hasher = Hasher()
            for word in words[start..<(start + length)] { hasher.combine(word) }
            return hasher.finalize()
        }
    }

    /// Capitalized words not at a sentence start: the names a text uses.
    static func names(in texts: [RealText]) -> [String] {
        var names = Set<String>()
        for text in texts {
            for (i, word) in text.words.enumerated() where i > 0 {
                let previous = text.words[i - 1]
                guard let first = word.first, first.isUppercase, word.count > 2, word.allSatisfy(\.isLetter),
                      let end = previous.last, !".!?".contains(end) else { continue }
                names.insert(String(word))
            }
        }
        return names.sorted()
    }
}

extension Set<Int> {
    /// Adds `runs` and returns true when none of them was in the set; else leaves it as it was.
    mutating func addIfNew(_ runs: [Int]) -> Bool {
        guard !runs.contains(where: contains) else { return false }
        formUnion(runs)
        return true
    }
}
