import CLibXML2

/// A borrowed view of one libxml2 node; valid only while its `MarkupDocument` is alive.
public struct MarkupNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    public var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

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

    /// The element's name exactly as parsed (HTML names are lowercase), as NUL-terminated
    /// bytes; valid while the document lives. nil for nodes without a name.
    public var rawName: UnsafePointer<UInt8>? {
        guard isElement, let name = pointer.pointee.name else { return nil }
        return name
    }

    /// The text of a text node as bytes, without copying; valid while the document lives.
    public var rawContent: UnsafePointer<UInt8>? {
        guard isText, let content = pointer.pointee.content else { return nil }
        return UnsafePointer(content)
    }

    /// The first child and the next sibling, for walks that allocate nothing.
    public var firstChild: MarkupNode? { pointer.pointee.children.map(MarkupNode.init) }
    public var nextSibling: MarkupNode? { pointer.pointee.next.map(MarkupNode.init) }

    /// Calls `body` with each attribute's raw name and value (nil when it has none), in order.
    public func forEachAttribute(_ body: (UnsafePointer<UInt8>, UnsafePointer<UInt8>?) -> Void) {
        guard isElement else { return }
        var a = pointer.pointee.properties
        while let attr = a {
            if let name = attr.pointee.name {
                let value: UnsafePointer<UInt8>? = attr.pointee.children.flatMap { $0.pointee.content.map { UnsafePointer($0) } }
                body(name, value)
            }
            a = attr.pointee.next
        }
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

    /// The text of a text node itself (not of descendants).
    public var ownText: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
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

    /// Depth-first, document-order search for elements that satisfy `predicate`.
    public func descendants(maxDepth: Int = 512, where predicate: (MarkupNode) -> Bool) -> [MarkupNode] {
        var out: [MarkupNode] = []
        func walk(_ n: MarkupNode, _ depth: Int) {
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
    public func remove() {
        xmlUnlinkNode(pointer)
        xmlFreeNode(pointer)
    }
}
