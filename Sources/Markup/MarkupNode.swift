import CLibXML2

/// A borrowed view of one libxml2 node; valid only while its `MarkupDocument` is alive.
public struct MarkupNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// Lowercased local element name, without prefix ("" for non-elements).
    public var name: String {
        guard isElement, let n = pointer.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    /// The element's namespace URI, if it has one.
    public var namespace: String? {
        guard isElement, let ns = pointer.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    /// The child elements only.
    public var elements: [MarkupNode] { children.filter(\.isElement) }

    public var children: [MarkupNode] {
        var out: [MarkupNode] = []
        var c = pointer.pointee.children
        while let node = c {
            out.append(MarkupNode(node))
            c = node.pointee.next
        }
        return out
    }

    /// All text below this node, concatenated.
    public var textContent: String {
        guard let raw = xmlNodeGetContent(pointer) else { return "" }
        defer { ingestd_xml_free(raw) }
        return String(cString: raw)
    }

    public func attribute(_ name: String) -> String? {
        guard let raw = xmlGetProp(pointer, name) else { return nil }
        defer { ingestd_xml_free(raw) }
        return String(cString: raw)
    }
}
