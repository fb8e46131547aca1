import Foundation

/// A search as a user types it, and how each store reads it.
///
/// `plain` (the default) takes any text without a syntax error: words (all must match),
/// "quoted phrases", `-word` to exclude, and `OR` between two terms; everything else is a
/// word, punctuation included (`S-400`, `C++`, a lone `AND`), matched as the index tokenizes it.
/// `fts5` hands the text to SQLite's FTS5 as it is (`title:word`, `prefix*`, `NEAR`), and is
/// refused on PostgreSQL, which has no such syntax.
public struct SearchQuery: Sendable {
    public enum Syntax: String, Sendable, CaseIterable { case plain, fts5 }

    public var text: String
    public var syntax: Syntax

    public init(_ text: String, syntax: Syntax = .plain) {
        self.text = text
        self.syntax = syntax
    }

    /// The FTS5 query for SQLite: in `plain`, every term a quoted string (so no character of
    /// it is an operator), `-word` a trailing `NOT`, `OR` kept between two terms. Nil when no
    /// term would match anything (an empty query, or only exclusions).
    public var fts5: String? {
        guard syntax == .plain else { return text }
        var positive: [String] = [], negative: [String] = []
        var pendingOr = false
        // A term with no letter or digit has no token to match ("–", "++"): it is left out.
        for term in Self.terms(text) where Self.hasToken(term) {
            switch term {
            case .or where !positive.isEmpty: pendingOr = true
            case .or: positive.append(Self.quoted("OR"))
            case .word(let w, let excluded):
                if excluded {
                    negative.append(Self.quoted(w))
                } else if pendingOr, let last = positive.popLast() {
                    positive.append("(\(last) OR \(Self.quoted(w)))")
                } else {
                    positive.append(Self.quoted(w))
                }
                pendingOr = false
            }
        }
        if pendingOr { positive.append(Self.quoted("OR")) }
        guard !positive.isEmpty else { return nil }
        return (positive + negative.map { "NOT \($0)" }).joined(separator: " ")
    }

    /// For PostgreSQL's `websearch_to_tsquery`, which reads plain text itself.
    public var webSearch: String { text }

    /// The words to mark in a snippet: every term outside exclusions, split as text is.
    public var highlightTerms: [String] {
        Self.terms(text).flatMap { term -> [String] in
            guard case .word(let w, false) = term else { return [] }
            return w.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        }
    }

    private enum Term { case word(String, excluded: Bool), or }

    private static func hasToken(_ term: Term) -> Bool {
        guard case .word(let w, _) = term else { return true }
        return w.contains { $0.isLetter || $0.isNumber }
    }

    /// Quoted phrases (closed or not) and space-separated words; `OR` alone is the operator.
    private static func terms(_ text: String) -> [Term] {
        var out: [Term] = []
        var rest = Substring(text)
        while let start = rest.firstIndex(where: { !$0.isWhitespace }) {
            rest = rest[start...]
            var excluded = false
            if rest.first == "-", rest.dropFirst().first.map({ !$0.isWhitespace }) == true {
                excluded = true
                rest = rest.dropFirst()
            }
            if rest.first == "\"" {
                let body = rest.dropFirst()
                let end = body.firstIndex(of: "\"") ?? body.endIndex
                let phrase = body[..<end].trimmingCharacters(in: .whitespaces)
                if !phrase.isEmpty { out.append(.word(String(phrase), excluded: excluded)) }
                rest = end < body.endIndex ? body[body.index(after: end)...] : body[end...]
                continue
            }
            let end = rest.firstIndex(where: \.isWhitespace) ?? rest.endIndex
            let word = String(rest[..<end])
            out.append(word == "OR" && !excluded ? .or : .word(word, excluded: excluded))
            rest = rest[end...]
        }
        return out
    }

    private static func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
