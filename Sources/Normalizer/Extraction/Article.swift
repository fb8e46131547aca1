import Foundation

/// A clean article: metadata plus the main text as normalized paragraphs.
///
/// Guarantees: every paragraph is normalized (`TextNormalizer`), non-empty and free of
/// the boilerplate the rules recognise; `text` is the paragraphs joined by blank lines,
/// which is the canonical form stored, hashed and compared.
public struct Article: Sendable, Equatable {
    public var title: String?
    public var paragraphs: [String]
    public var authors: [String]
    public var published: Date?
    public var modified: Date?
    public var description: String?
    public var siteName: String?
    public var canonicalURL: String?
    public var language: String?

    public init(title: String? = nil, paragraphs: [String], authors: [String] = [], published: Date? = nil,
                modified: Date? = nil, description: String? = nil,
                siteName: String? = nil, canonicalURL: String? = nil, language: String? = nil) {
        self.title = title
        self.paragraphs = paragraphs
        self.authors = authors
        self.published = published
        self.modified = modified
        self.description = description
        self.siteName = siteName
        self.canonicalURL = canonicalURL
        self.language = language
    }

    public var text: String { paragraphs.joined(separator: "\n\n") }
}
