import Foundation
import Markup

/// One pass of the HTML5 parser over a page, feeding both the `PageTree` of its body
/// and its `PageMetadata`. No document tree is built.
final class PageParser: MarkupEventHandler {
    private var tree: PageTreeBuilder
    private var metadata: MetadataReader

    private init(settings: NormalizerSettings, keepChrome: Bool) {
        tree = PageTreeBuilder(maxDepth: settings.maxTreeDepth, maxNodes: settings.maxTreeNodes,
                                proseRunBytes: settings.proseRunBytes, keepChrome: keepChrome)
        metadata = MetadataReader(bylineMaxWords: settings.bylineMaxWords)
    }

    /// `keepChrome`: see `PageTreeBuilder`.
    /// `html` has been through `MarkupPrefilter`.
    static func parse(_ html: [UInt8], encoding: String, settings: NormalizerSettings, keepChrome: Bool) throws(MarkupError) -> (PageTree, PageMetadata) {
        let parser = PageParser(settings: settings, keepChrome: keepChrome)
        try MarkupStream.html(html, encoding: encoding, into: parser, budget: settings.maxParseSeconds, maxNodes: settings.maxTreeNodes)
        return (parser.tree.tree(), parser.metadata.finish())
    }

    func startElement(_ name: UnsafePointer<UInt8>, _ attributes: MarkupAttributes) {
        let tag = HTMLTag.named(name)
        let hints = tree.startElement(tag, attributes)
        metadata.startElement(tag, attributes, hints: hints)
    }

    func endElement(_ name: UnsafePointer<UInt8>) {
        tree.endElement()
        metadata.endElement()
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        tree.text(bytes)
        metadata.text(bytes)
    }
}
