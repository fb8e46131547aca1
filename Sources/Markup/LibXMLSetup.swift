import CLibXML2

/// libxml2's one-time global set-up, done before any parse and exactly once.
///
/// libxml2 initializes itself lazily on first use, and that lazy path is not safe when two
/// threads parse their first documents at once (parallel tests, a future fetch pool); a Swift
/// `static let` runs its initializer once, under a lock, so every entry point goes through it.
enum LibXMLSetup {
    static let done: Void = xmlInitParser()
}
