import CLibXML2

/// A name as the document wrote it: local part, prefix and namespace URI.
public struct XMLName: Sendable {
    public var local: String
    public var prefix: String?
    public var namespace: String?
}

/// One start tag as a reader sees it.
public struct XMLStartTag: Sendable {
    public var name: XMLName
    public var attributes: [(name: XMLName, value: String)]
    /// `xmlns` and `xmlns:p` declarations on this element (prefix nil for the default namespace).
    public var namespaceDeclarations: [(prefix: String?, uri: String)]
}

/// Receives a document's elements and text in document order.
public protocol XMLEventHandler: AnyObject {
    func start(_ tag: XMLStartTag)
    func end(_ name: XMLName)
    func characters(_ text: String)
}

extension MarkupDocument {
    /// Replays the tree from the root element as events: text and CDATA as characters,
    /// comments and processing instructions dropped, references to internally declared
    /// entities expanded in place but only up to `entityBudget` characters in all (so an
    /// entity bomb that libxml2 kept yields a capped result, not a blow-up). No recursion:
    /// depth costs heap, not stack. Returns false when the budget ran out and entity text
    /// was left out.
    @discardableResult
    public func walk(_ handler: XMLEventHandler, entityBudget: Int) -> Bool {
        guard let root = xmlDocGetRootElement(document) else { return true }
        var complete = true
        var budget = entityBudget
        var frames: [(next: xmlNodePtr?, owner: xmlNodePtr?, fromEntity: Bool)] = [(root, nil, false)]
        while !frames.isEmpty {
            let top = frames.count - 1
            guard let node = frames[top].next else {
                if let owner = frames.removeLast().owner { handler.end(Self.name(of: owner)) }
                continue
            }
            frames[top].next = frames[top].owner == nil && !frames[top].fromEntity ? nil : node.pointee.next
            let inEntity = frames[top].fromEntity
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                handler.start(Self.startTag(node))
                frames.append((node.pointee.children, node, inEntity))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = node.pointee.content else { continue }
                let text = String(cString: content)
                if inEntity {
                    guard budget >= text.utf8.count else {
                        budget = 0
                        complete = false
                        continue
                    }
                    budget -= text.utf8.count
                }
                handler.characters(text)
            case XML_ENTITY_REF_NODE:
                guard let entity = node.pointee.children, entity.pointee.type == XML_ENTITY_DECL else { continue }
                guard budget > 0 else {
                    complete = false
                    continue
                }
                frames.append((entity.pointee.children, nil, true))
            default:
                continue
            }
        }
        return complete
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String? { p.map { String(cString: $0) } }

    static func name(of node: xmlNodePtr) -> XMLName {
        let ns = node.pointee.ns
        return XMLName(local: string(node.pointee.name) ?? "", prefix: ns.flatMap { string($0.pointee.prefix) },
                       namespace: ns.flatMap { string($0.pointee.href) })
    }

    private static func startTag(_ node: xmlNodePtr) -> XMLStartTag {
        var attributes: [(name: XMLName, value: String)] = []
        var attribute = node.pointee.properties
        while let a = attribute {
            let ns = a.pointee.ns
            let name = XMLName(local: string(a.pointee.name) ?? "", prefix: ns.flatMap { string($0.pointee.prefix) },
                               namespace: ns.flatMap { string($0.pointee.href) })
            var value = ""
            if let raw = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                value = String(cString: raw)
                ingestd_xml_free(raw)
            }
            attributes.append((name, value))
            attribute = a.pointee.next
        }
        var declarations: [(prefix: String?, uri: String)] = []
        var ns = node.pointee.nsDef
        while let n = ns {
            if let href = string(n.pointee.href) { declarations.append((string(n.pointee.prefix), href)) }
            ns = n.pointee.next
        }
        return XMLStartTag(name: name(of: node), attributes: attributes, namespaceDeclarations: declarations)
    }
}
