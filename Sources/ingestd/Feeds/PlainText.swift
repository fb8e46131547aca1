import Foundation
import Markup

/// The text of an HTML fragment (a feed's escaped description), tags dropped and entities
/// decoded by libxml2's HTML tokenizer, white space collapsed.
final class PlainText: MarkupEventHandler {
    private var bytes: [UInt8] = []

    static func of(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return collapse(html) }
        let collector = PlainText()
        do { try MarkupStream.html(Array(html.utf8), encoding: "UTF-8", into: collector) } catch { return collapse(html) }
        return collapse(String(decoding: collector.bytes, as: UTF8.self))
    }

    func startElement(_ name: UnsafePointer<UInt8>, _ attributes: MarkupAttributes) {
        bytes.append(0x20)
    }

    func endElement(_ name: UnsafePointer<UInt8>) {
        bytes.append(0x20)
    }

    func text(_ text: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: text) }

    private static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
