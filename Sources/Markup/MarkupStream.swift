import CLibXML2
import Foundation

/// Receives an HTML page as a stream of events, in document order.
///
/// Start and end events always pair up: libxml2 reports an end for every element it opened,
/// including void elements and elements its HTML rules close implicitly. Pointers are valid
/// only during the call.
public protocol MarkupEventHandler: AnyObject {
    func startElement(_ name: UnsafePointer<UInt8>, _ attributes: MarkupAttributes)
    func endElement(_ name: UnsafePointer<UInt8>)
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// An element's attributes as libxml2 hands them over: name and value pairs of raw bytes.
public struct MarkupAttributes {
    let pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// Calls `body` with each attribute's NUL-terminated name and value (nil when it has none).
    public func forEach(_ body: (UnsafePointer<UInt8>, UnsafePointer<UInt8>?) -> Void) {
        guard var p = pairs else { return }
        while let name = p[0] {
            body(name, p[1])
            p += 2
        }
    }
}

/// Parses HTML into events for a `MarkupEventHandler`, without building a tree.
///
/// Guarantees, as for `MarkupDocument`: no network (`NONET`), no external entities or DTD
/// loading, libxml2's own limits kept, broken markup recovered rather than refused, a tag
/// with more attributes than `AttributeLimit` allows refused. The caller caps the input size.
public enum MarkupStream {
    /// `budget`: seconds the parse may take; past them it is stopped and `.tooSlow` thrown
    /// (checked every few thousand events, so the stop comes within milliseconds).
    public static func html(_ bytes: [UInt8], encoding: String, into handler: MarkupEventHandler,
                            budget: Double = .infinity) throws(MarkupError) {
        guard bytes.count < Int(Int32.max) else { throw .tooLarge }
        guard !bytes.isEmpty else { throw .empty }
        if let offset = bytes.withUnsafeBufferPointer({ AttributeLimit.firstViolation($0) }) { throw .tooManyAttributes(offset: offset) }
        LibXMLSetup.done
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue
        let box = Unmanaged.passRetained(HandlerBox(handler, budget: budget))
        defer { box.release() }
        var events = ingestd_html_events(
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
            parser: nil)
        let status = withUnsafeMutablePointer(to: &events) { events in
            box.takeUnretainedValue().events = events
            return bytes.withUnsafeBytes { raw in
                ingestd_html_stream(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count), encoding, Int32(options), events)
            }
        }
        guard status == 0 else { throw .empty }
        if box.takeUnretainedValue().stopped { throw .tooSlow(seconds: budget) }
    }

    /// The handler, and the clock that stops a parse past its budget.
    private final class HandlerBox {
        unowned let handler: MarkupEventHandler
        let deadline: ContinuousClock.Instant?
        var events: UnsafeMutablePointer<ingestd_html_events>?
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
            guard let deadline, !stopped, ContinuousClock.now > deadline,
                  let parser = events?.pointee.parser?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
            stopped = true
            xmlStopParser(parser)
        }
    }
}
