/// A run of normalized text between block boundaries, with how much of it was link text.
///
/// Counts are in UTF-8 bytes and spaces, never in Characters: grapheme walks cost more
/// than the rest of extraction.
struct TextBlock {
    var tag: HTMLTag
    var text: String
    /// The share of the block's raw text that sat inside links, 0...1.
    var linkDensity: Double

    /// Words, as the text is normalized: one more than its spaces.
    var wordCount: Int { text.utf8.reduce(1) { $1 == 0x20 ? $0 + 1 : $0 } }
}
