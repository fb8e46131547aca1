import CLibXML2

/// A borrowed view of one libxml2 node; valid only while its `HTMLTree` is alive.
struct HTMLNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// Lowercased element name ("" for non-elements).
    var name: String {
        guard isElement, let n = pointer.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    var children: [HTMLNode] {
        var out: [HTMLNode] = []
        var c = pointer.pointee.children
        while let node = c {
            out.append(HTMLNode(node))
            c = node.pointee.next
        }
        return out
    }

    /// The text of a text node itself (not of descendants).
    var ownText: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// All text below this node, concatenated.
    var textContent: String {
        guard let raw = xmlNodeGetContent(pointer) else { return "" }
        defer { ingestd_xml_free(raw) }
        return String(cString: raw)
    }

    func attribute(_ name: String) -> String? {
        guard let raw = xmlGetProp(pointer, name) else { return nil }
        defer { ingestd_xml_free(raw) }
        return String(cString: raw)
    }

    /// Depth-first, document-order search for elements that satisfy `predicate`.
    func descendants(maxDepth: Int = 512, where predicate: (HTMLNode) -> Bool) -> [HTMLNode] {
        var out: [HTMLNode] = []
        func walk(_ n: HTMLNode, _ depth: Int) {
            guard depth < maxDepth else { return }
            for c in n.children where c.isElement {
                if predicate(c) { out.append(c) }
                walk(c, depth + 1)
            }
        }
        walk(self, 0)
        return out
    }

    /// Removes this node from its tree and frees it.
    func remove() {
        xmlUnlinkNode(pointer)
        xmlFreeNode(pointer)
    }
}
