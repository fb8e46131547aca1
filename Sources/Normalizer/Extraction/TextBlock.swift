/// A run of text between block boundaries, with how much of it is link text.
struct TextBlock {
    var tag: String
    var text: String
    var linkCharacters: Int

    var linkDensity: Double { text.isEmpty ? 0 : Double(linkCharacters) / Double(text.count) }
    var wordCount: Int { text.split(separator: " ").count }
}
