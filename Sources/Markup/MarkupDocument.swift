import CLibXML2
import Foundation

/// A parsed XML document (feeds), owned: the libxml2 tree is freed when this goes away.
/// HTML pages are not parsed into trees; they are streamed (`MarkupStream`).
///
/// Guarantees, because parsers are attack surface: parsing never touches the network
/// (`NONET`), never substitutes external entities or loads a DTD (no `NOENT`, no
/// `DTDLOAD`), keeps libxml2's limits on depth and entity expansion (no `HUGE`), and
/// recovers from broken markup instead of failing; `isWellFormed` says whether it had to;
/// a tag with more attributes than `AttributeLimit` allows is refused before parsing.
/// The caller caps the input size.
public final class MarkupDocument {
    let document: xmlDocPtr
    /// False when libxml2 reported any well-formedness or namespace error and recovered.
    public let isWellFormed: Bool
    /// True when libxml2 stopped at entities that expand without bound (an entity bomb):
    /// what follows them in the document was not read.
    public let stoppedAtEntityBomb: Bool

    /// Parses XML; the encoding comes from the BOM or XML declaration unless given.
    public init(xml bytes: [UInt8], url: String?, encoding: String? = nil) throws(MarkupError) {
        guard bytes.count < Int(Int32.max) else { throw .tooLarge }
        guard !bytes.isEmpty else { throw .empty }
        if let offset = bytes.withUnsafeBufferPointer({ AttributeLimit.firstViolation($0) }) { throw .tooManyAttributes(offset: offset) }
        LibXMLSetup.done
        let options = XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
        guard let context = xmlNewParserCtxt() else { throw .empty }
        defer { xmlFreeParserCtxt(context) }
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                xmlCtxtReadMemory(context, base, Int32(buffer.count), url, encoding, Int32(options))
            }
        }
        guard let parsed else { throw .empty }
        document = parsed
        isWellFormed = context.pointee.wellFormed != 0 && context.pointee.nsWellFormed != 0
        stoppedAtEntityBomb = context.pointee.errNo == Int32(XML_ERR_ENTITY_LOOP.rawValue)
    }

    deinit { xmlFreeDoc(document) }

    /// Whether the document has a root element at all.
    public var hasRoot: Bool { xmlDocGetRootElement(document) != nil }

    /// The root element's local name, as written.
    public var rootName: String? { xmlDocGetRootElement(document).map { Self.name(of: $0).local } }

    /// Entity names the document's internal subset declares (`<!ENTITY name …>`).
    public var declaredEntities: Set<String> {
        guard let subset = document.pointee.intSubset else { return [] }
        var names = Set<String>()
        var node = subset.pointee.children
        while let n = node {
            if n.pointee.type == XML_ENTITY_DECL, let name = n.pointee.name { names.insert(String(cString: name)) }
            node = n.pointee.next
        }
        return names
    }
}
