import CLibXML2
import Foundation

/// A parsed XML document (feeds), owned: the libxml2 tree is freed when this goes away.
/// HTML pages are not parsed into trees; they are streamed (`MarkupStream`).
///
/// Guarantees, because parsers are attack surface: parsing never touches the network
/// (`NONET`), never substitutes external entities or loads a DTD (no `NOENT`, no
/// `DTDLOAD`), keeps libxml2's limits on depth and entity expansion (no `HUGE`), and
/// recovers from broken markup instead of failing. The caller caps the input size.
public final class MarkupDocument {
    let document: xmlDocPtr

    /// Parses XML; the encoding comes from the BOM or XML declaration unless given.
    public init(xml bytes: Data, url: String?, encoding: String? = nil) throws(MarkupError) {
        let options = XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
        document = try Self.parse(bytes) { base, count in
            xmlReadMemory(base, count, url, encoding, Int32(options))
        }
    }

    deinit { xmlFreeDoc(document) }

    public var root: MarkupNode? { xmlDocGetRootElement(document).map(MarkupNode.init) }

    private static func parse(_ bytes: Data, _ body: (UnsafePointer<CChar>, Int32) -> xmlDocPtr?) throws(MarkupError) -> xmlDocPtr {
        guard bytes.count < Int(Int32.max) else { throw .tooLarge }
        LibXMLSetup.done
        let parsed: xmlDocPtr? = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return nil }
            return body(base.assumingMemoryBound(to: CChar.self), Int32(raw.count))
        }
        guard let parsed else { throw .empty }
        return parsed
    }
}
