import Foundation
import Markup

/// The text of an HTML fragment (a feed's escaped description), as a reader sees it: tags
/// dropped, `<script>` and `<style>` bodies dropped, entities decoded by libxml2's HTML
/// tokenizer, a space at every tag, white space collapsed to single spaces.
public final class PlainText: MarkupEventHandler {
    private var bytes: [UInt8] = []
    private var hiddenDepth = 0

    public static func of(_ html: String) -> String {
        guard html.utf8.contains(UInt8(ascii: "<")) || html.utf8.contains(UInt8(ascii: "&")) else { return collapse(html) }
        let collector = PlainText()
        do { try MarkupStream.html(Array(html.utf8), encoding: "UTF-8", into: collector) } catch { return collapse(html) }
        return collapse(String(decoding: collector.bytes, as: UTF8.self))
    }

    public func startElement(_ name: UnsafePointer<UInt8>, _ attributes: MarkupAttributes) {
        if Self.isHidden(name) { hiddenDepth += 1 }
        bytes.append(0x20)
    }

    public func endElement(_ name: UnsafePointer<UInt8>) {
        if Self.isHidden(name), hiddenDepth > 0 { hiddenDepth -= 1 }
        bytes.append(0x20)
    }

    public func text(_ text: UnsafeBufferPointer<UInt8>) {
        if hiddenDepth == 0 { bytes.append(contentsOf: text) }
    }

    private static func isHidden(_ name: UnsafePointer<UInt8>) -> Bool {
        let s = String(cString: name)
        return s == "script" || s == "style"
    }

    /// Runs of white space (Unicode White_Space, including no-break spaces) become one space; ends trimmed.
    public static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
