import CLibXML2
import Foundation

/// A parsed HTML document, owned: the libxml2 tree is freed when this value goes away.
///
/// Guarantees: parsing never touches the network (`HTML_PARSE_NONET`), never loads
/// external entities or DTDs, recovers from broken markup instead of failing, and decodes
/// with the encoding it is given (the caller decides the charset, see `CharsetSniffer`).
final class HTMLTree {
    let document: htmlDocPtr

    init(bytes: Data, url: String?, encoding: String) throws(NormalizerError) {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let parsed: htmlDocPtr? = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return nil }
            return htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), url, encoding, options)
        }
        guard let parsed else { throw .unparseable(reason: "libxml2 could not build a document tree") }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    var root: HTMLNode? { xmlDocGetRootElement(document).map(HTMLNode.init) }
}
