import Foundation

/// Reads an author's name from a byline as readers see it: "By Ana Weiss", "Written by Ana
/// Weiss", "Author: Ana Weiss".
///
/// Guarantees: a name has at most `maxWords` words and no digits (a date or a count is not a
/// name), and is never a label ("About the author", "By").
enum Byline {
    /// The name after "By", "Written by" or "Author:" in visible text near the headline: up to
    /// `maxWords` capitalised words, ending at an element `boundary` byte, at punctuation, or at a
    /// word that is not capitalised or is a label ("Updated", "Published").
    static func labelled(_ text: String, boundary byte: UInt8, maxWords: Int) -> String? {
        let boundary = Character(Unicode.Scalar(byte))
        var words: [String] = []
        for (n, segment) in text.split(separator: boundary, omittingEmptySubsequences: false).enumerated() {
            if n > 0 { words.append(String(boundary)) }
            words += segment.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).map(String.init)
        }
        for (i, word) in words.enumerated() where ["by", "by:", "author:", "authors:"].contains(word.lowercased()) {
            if word == "by" && i > 0 && !["written", "posted", "published", "reviewed"].contains(words[i - 1].lowercased()) { continue }
            var name: [String] = []
            for next in words.dropFirst(i + 1) {
                if next == String(boundary) {
                    if name.isEmpty { continue } else { break }
                }
                let bare = next.trimmingCharacters(in: CharacterSet(charactersIn: ",;|·•–—-"))
                guard let first = bare.first, first.isUppercase, !bare.contains(where: \.isNumber), name.count < maxWords,
                      !Self.notNames.contains(bare.lowercased()) else { break }
                name.append(bare)
                if bare != next { break }  // punctuation ends the name
            }
            if !name.isEmpty { return name.joined(separator: " ") }
        }
        return nil
    }

    private static let labels = ["written by: ", "written by ", "posted by ", "text by ", "by: ", "by ", "authors: ", "author: "]
    private static let notNames: Set<String> = ["updated", "published", "posted", "reviewed", "last", "on", "in", "and"]

    /// A byline's name: without "By", at most `maxWords` words and no digits (a date or a
    /// count is not a name); "" when it is not one.
    static func name(_ text: String, maxWords: Int) -> String {
        var name = Substring(text)
        // Labels are ASCII, so the lowercased prefix has as many characters as the original's.
        let lower = text.prefix(12).lowercased()
        if let label = Self.labels.first(where: { lower.hasPrefix($0) }) { name = name.dropFirst(label.count) }
        name = name.drop { ",;|:-–— ".contains($0) }
        let words = name.split(separator: " ")
        guard (1...maxWords).contains(words.count), !name.contains(where: \.isNumber),
              !words.contains(where: { ["about", "author", "authors", "by"].contains($0.lowercased()) }) else { return "" }
        return String(name)
    }
}
