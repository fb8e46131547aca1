import Markup
import Foundation

/// HTML bytes → `Article`: metadata, pruning, container choice, blocks, boilerplate rules.
///
/// Guarantees: never reads files or the network; bounded by `maxInputBytes`; a page with
/// no article text gives an article with no paragraphs, not an error; when the chosen
/// container yields fewer than `minArticleWords` words, every paragraph of the page is used
/// instead, and when even that is too short the page is read again with its navigation,
/// asides and footers kept (under the pruning guard).
struct ArticleExtractor {
    let settings: NormalizerSettings

    func extract(_ bytes: Data, url: String?, declaredCharset: String?) throws(NormalizerError) -> Article {
        guard bytes.count <= settings.maxInputBytes else {
            throw .tooLarge(bytes: bytes.count, limit: settings.maxInputBytes)
        }
        if bytes.prefix(4096).contains(0) && !bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFE, 0xFF]) {
            throw .binary
        }
        // Cut scripts, styles and unread attributes first: the parser and the charset check then
        // read only what extraction uses.
        let html = MarkupPrefilter.strip(bytes)
        let encoding = CharsetSniffer.encoding(of: html, declared: declaredCharset, settings: settings)
        var (tree, meta) = try parse(ChromeCutter.cut(html), encoding: encoding, keepChrome: false)
        meta.pageURL = url
        var blocks = articleBlocks(&tree)
        if words(blocks) < settings.minArticleWords {
            // Broken markup can nest a whole article inside <nav>, <aside> or <footer>: read those too.
            var (chromeTree, _) = try parse(html, encoding: encoding, keepChrome: true)
            let retry = articleBlocks(&chromeTree)
            if words(retry) > words(blocks) { blocks = retry }
        }
        if let body = meta.jsonLDBody, case let pageText = TextNormalizer.paragraph(String(decoding: tree.textStore, as: UTF8.self)),
           let structured = StructuredBody.paragraphs(body, pageText: pageText, domWords: words(blocks), settings: settings) {
            blocks = structured.map { TextBlock(tag: .p, text: $0, linkDensity: 0) }
        }
        let title = meta.title
        // The headline is metadata, not body text: drop top-level headings that repeat it.
        let paragraphs = blocks.filter { block in
            !(block.tag.isHeading && title.map { block.text.lowercased() == $0.lowercased() } == true)
        }.map(\.text)
        let cleaned = settings.boilerplate.clean(paragraphs, title: title)
        return Article(
            title: title,
            paragraphs: cleaned,
            authors: meta.authors,
            published: meta.published,
            modified: meta.modified,
            description: meta.description,
            siteName: meta.siteName,
            canonicalURL: meta.canonicalURL,
            language: LanguageDetector(settings: settings).language(ofParagraphs: cleaned) ?? meta.language)
    }

    private func parse(_ html: [UInt8], encoding: String, keepChrome: Bool) throws(NormalizerError) -> (PageTree, PageMetadata) {
        do { return try PageParser.parse(html, encoding: encoding, settings: settings, keepChrome: keepChrome) } catch {
            throw .unparseable(reason: error.description)
        }
    }

    /// Prunes the tree, then takes the blocks of the article container, or of every paragraph
    /// when the container gives fewer than `minArticleWords` words.
    private func articleBlocks(_ tree: inout PageTree) -> [TextBlock] {
        TreePruner(settings: settings).prune(&tree)
        let blocks = usable(BlockCollector.blocks(of: ContainerFinder(settings: settings).containers(in: tree), in: tree, settings: settings))
        guard words(blocks) < settings.minArticleWords else { return blocks }
        return usable(BlockCollector.blocks(of: recallSweep(tree), in: tree, settings: settings))
    }

    private func words(_ blocks: [TextBlock]) -> Int { blocks.reduce(0) { $0 + $1.wordCount } }

    /// The fallback when the container gives too little: every paragraph, quote, pre and
    /// sub-heading of the page that survived pruning, in order (trafilatura's recall sweep).
    private func recallSweep(_ tree: PageTree) -> [Int] {
        var roots: [Int] = []
        var i = 1
        while i < tree.count {
            let node = tree[i]
            if node.removed { i = Int(node.end); continue }
            if [.p, .pre, .blockquote, .h2, .h3, .h4].contains(node.tag) {
                roots.append(i)
                i = Int(node.end)
            } else {
                i += 1
            }
        }
        return roots
    }

    /// Drops link farms: short blocks that are mostly link text.
    private func usable(_ blocks: [TextBlock]) -> [TextBlock] {
        blocks.filter { !($0.linkDensity > settings.maxLinkDensity && $0.wordCount < settings.linkBlockMaxWords) }
    }
}
