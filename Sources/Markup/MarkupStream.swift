import CModest
import Foundation

/// Receives an HTML page as a stream of events, in document order.
///
/// Start and end events always pair up: an end is reported for every element opened,
/// including void elements and elements the HTML rules close implicitly. Pointers are valid
/// only during the call.
public protocol MarkupEventHandler: AnyObject {
    func startElement(_ name: UnsafePointer<UInt8>, _ attributes: MarkupAttributes)
    func endElement(_ name: UnsafePointer<UInt8>)
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// An element's attributes: name and value pairs of raw, NUL-terminated bytes.
public struct MarkupAttributes {
    let pairs: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

    /// Calls `body` with each attribute's NUL-terminated name and value (nil when it has none).
    public func forEach(_ body: (UnsafePointer<UInt8>, UnsafePointer<UInt8>?) -> Void) {
        guard var p = pairs else { return }
        while let name = p[0] {
            body(name, p[1])
            p += 2
        }
    }
}

/// Parses HTML into events for a `MarkupEventHandler`, without keeping a tree.
///
/// The tree is built by the HTML5 tree-construction rules (MyHTML), so broken markup nests
/// as browsers nest it: an unclosed `<div>` inside a `<button>` ends at `</button>`, `<p>` and
/// `<li>` close on their siblings, misnested formatting elements are re-opened where they
/// belong and stray end tags are dropped. Guarantees: no network and no entities beyond
/// HTML's named ones; attributes cost linear time however many a tag has (real pages carry
/// tags that a byte count takes for hundreds of attributes, so none is refused); nesting past `TreeBounds.maxDepth` flattened, so parsing stays linear, and the page cut
/// after `maxNodes` elements and text runs, so its tree stays bounded; the walk stops past its
/// time budget. The caller caps the input size.
public enum MarkupStream {
    /// `encoding`: the page's charset label (WHATWG names; unknown labels read as UTF-8).
    /// `budget`: seconds the walk may take; past them it is stopped and `.tooSlow` thrown
    /// (checked every few thousand events). `maxNodes`: see `TreeBounds`.
    public static func html(_ bytes: [UInt8], encoding: String, into handler: MarkupEventHandler,
                            budget: Double = .infinity, maxNodes: Int = 300_000) throws(MarkupError) {
        guard bytes.count < Int(Int32.max) else { throw .tooLarge }
        guard !bytes.isEmpty else { throw .empty }
        let box = Unmanaged.passRetained(HandlerBox(handler, budget: budget))
        defer { box.release() }
        var events = ingestd_html5_events(
            context: box.toOpaque(),
            start: { context, name, attributes in
                guard let context, let name else { return }
                HandlerBox.from(context).startElement(name, MarkupAttributes(pairs: attributes))
            },
            end: { context, name in
                guard let context, let name else { return }
                HandlerBox.from(context).endElement(name)
            },
            text: { context, bytes, count in
                guard let context, let bytes, count > 0 else { return }
                HandlerBox.from(context).text(UnsafeBufferPointer(start: bytes, count: Int(count)))
            },
            stop: 0)
        let bounded = bytes.withUnsafeBufferPointer { TreeBounds.bounded($0, maxNodes: maxNodes) }
        let status = withUnsafeMutablePointer(to: &events) { events in
            box.takeUnretainedValue().events = events
            return (bounded ?? bytes).withUnsafeBytes { raw in
                ingestd_html5_stream(raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count, encoding, events)
            }
        }
        guard status == 0 else { throw .empty }
        if box.takeUnretainedValue().stopped { throw .tooSlow(seconds: budget) }
    }

    /// The handler, and the clock that stops a walk past its budget.
    private final class HandlerBox {
        /// `unowned(unsafe)`: the handler outlives the parse (the caller holds it for the call),
        /// and a checked reference cost a retain per event.
        unowned(unsafe) let handler: MarkupEventHandler
        let deadline: ContinuousClock.Instant?
        var events: UnsafeMutablePointer<ingestd_html5_events>?
        var countdown = 4_096
        var stopped = false

        init(_ handler: MarkupEventHandler, budget: Double) {
            self.handler = handler
            deadline = budget.isFinite ? .now + .milliseconds(Int(budget * 1_000)) : nil
        }

        @inline(__always)
        static func from(_ context: UnsafeMutableRawPointer) -> MarkupEventHandler {
            let box = Unmanaged<HandlerBox>.fromOpaque(context).takeUnretainedValue()
            box.countdown -= 1
            if box.countdown == 0 { box.checkClock() }
            return box.handler
        }

        private func checkClock() {
            countdown = 4_096
            guard let deadline, !stopped, ContinuousClock.now > deadline, let events else { return }
            stopped = true
            events.pointee.stop = 1
        }
    }
}
