@testable import ingestd
import Foundation
import Testing

/// `LinePreparer` hands out every line, prepared on its thread, in order, and stops when told.
struct LinePreparerTests {
    static let lines = LineSplitter.lines(Data((0..<5_000).map(String.init).joined(separator: "\n").utf8))

    static func reason(_ prepared: PreparedLine) -> String? {
        if case let .undecodable(reason) = prepared { return reason }
        return nil
    }

    @Test func everyLineComesOnceInOrder() {
        // A capacity far below the line count: the thread waits for room again and again.
        let preparer = LinePreparer(Self.lines, capacity: 7) { .undecodable(String(decoding: $1, as: UTF8.self)) }
        defer { preparer.stop() }
        var seen: [Int] = []
        var held = 0
        while let (number, line, prepared) = preparer.next() {
            #expect(String(decoding: line, as: UTF8.self) == String(number) && Self.reason(prepared) == String(number))
            seen.append(number)
            held = max(held, preparer.held)
        }
        #expect(seen == Array(0..<5_000))
        #expect(held <= 2 * 7, "lines taken are let go, though the queue never runs empty")
        #expect(preparer.next() == nil, "and nothing after the last")
    }

    @Test func stoppingEarlyEndsTheThread() {
        let prepared = Counter()
        let preparer = LinePreparer(Self.lines, capacity: 4) { _, line in
            prepared.add()
            return .undecodable(String(decoding: line, as: UTF8.self))
        }
        #expect(preparer.next()?.number == 0)
        preparer.stop()
        Thread.sleep(forTimeInterval: 0.2)
        let after = prepared.value
        Thread.sleep(forTimeInterval: 0.2)
        #expect(after == prepared.value && after <= 7, "at most the capacity and the line in hand, then nothing")
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }
}
