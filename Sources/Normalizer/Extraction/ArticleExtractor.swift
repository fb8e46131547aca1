import Markup
import Foundation

/// HTML bytes → `Article`: metadata, pruning, container choice, blocks, boilerplate rules.
///
/// Guarantees: never reads files or the network; bounded by `maxInputBytes`; a page with
/// no article text gives an article with no paragraphs, not an error; when the chosen
/// container yields fewer than `minArticleWords` words the whole body is used instead.
struct ArticleExtractor {
    let settings: NormalizerSettings

    func extract(_ bytes: Data, url: String?, declaredCharset: String?) throws(NormalizerError) -> Article {
        guard bytes.count <= settings.maxInputBytes else {
            throw .tooLarge(bytes: bytes.count, limit: settings.maxInputBytes)
        }
        if bytes.prefix(4096).contains(0) && !bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFE, 0xFF]) {
            throw .binary
        }
        let encoding = CharsetSniffer.encoding(of: bytes, declared: declaredCharset)
        let tree: MarkupDocument
        do { tree = try MarkupDocument(html: bytes, url: url, encoding: encoding) } catch { throw .unparseable(reason: error.description) }
        guard let root = tree.root else { return Article(paragraphs: []) }
        let meta = MetadataReader.read(root)
        let body = root.descendants(where: { $0.name == "body" }).first ?? root
        TreePruner(settings: settings).prune(body)

        var blocks = usable(BlockCollector.blocks(of: ContainerFinder.container(in: body)))
        if blocks.reduce(0, { $0 + $1.wordCount }) < settings.minArticleWords {
            blocks = usable(BlockCollector.blocks(of: body))
        }
        let title = meta.title
        // The headline is metadata, not body text: drop top-level headings that repeat it.
        let paragraphs = blocks.filter { block in
            !(block.tag.hasPrefix("h") && title.map { block.text.caseInsensitiveCompare($0) == .orderedSame } == true)
        }.map(\.text)
        return Article(
            title: title,
            paragraphs: settings.boilerplate.clean(paragraphs, title: title),
            published: meta.published,
            siteName: meta.siteName,
            canonicalURL: meta.canonicalURL,
            language: meta.language)
    }

    /// Drops link farms: short blocks that are mostly link text.
    private func usable(_ blocks: [TextBlock]) -> [TextBlock] {
        blocks.filter { !($0.linkDensity > settings.maxLinkDensity && $0.wordCount < settings.linkBlockMaxWords) }
    }
}
