import Foundation

/// A JSONL file's lines, each prepared (`PreparedLine`: decoded, normalized, analyzed) on a
/// second thread while the caller archives the ones before it: the archive's writes keep
/// one core busy, and preparing a line, about a fifth of an import's time, needs no archive.
///
/// Guarantees: `next()` gives every line in order, exactly once, with its 0-based number,
/// then nil; at most `capacity` prepared lines wait, and at most twice that are held in
/// memory; `stop()` ends the thread after the line it is preparing. A preparer must be
/// stopped before it is let go: its thread holds it.
final class LinePreparer: @unchecked Sendable {
    typealias Item = (number: Int, line: Data.SubSequence, prepared: PreparedLine)

    private let lines: LineSplitter.Lines
    /// Prepares a line, given its number (from 0) and its bytes.
    private let prepare: (Int, Data.SubSequence) -> PreparedLine
    private let capacity: Int
    /// Guards everything below; both sides wait on it (for an item, for room), and each
    /// wakes the other only when it waits.
    private let condition = NSCondition()
    private var ready: [Item] = []
    private var head = 0
    private var finished = false
    private var stopped = false
    private var consumerWaits = false
    private var producerWaits = false

    init(_ lines: LineSplitter.Lines, capacity: Int = 256, prepare: @escaping (Int, Data.SubSequence) -> PreparedLine) {
        self.lines = lines
        self.prepare = prepare
        self.capacity = capacity
        Thread { [self] in work() }.start()
    }

    /// The next line, waiting for it to be prepared; nil after the last.
    func next() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == ready.count && !finished {
            consumerWaits = true
            condition.wait()
            consumerWaits = false
        }
        guard head < ready.count else { return nil }
        let item = ready[head]
        head += 1
        // Lines taken are dropped a queue's worth at a time: the preparer keeps the queue from
        // ever running empty, so waiting for that would keep every line of the file.
        if head >= capacity || head == ready.count {
            ready.removeFirst(head)
            head = 0
        }
        // The thread is woken only once half the queue is free: one wake-up per half queue,
        // not one per line (a futex call and two context switches each).
        if producerWaits && ready.count - head <= capacity / 2 { condition.signal() }
        return item
    }

    /// Lines held, taken or not: at most twice `capacity`.
    var held: Int { condition.withLock { ready.count } }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        for (number, line) in lines.enumerated() {
            let prepared = prepare(number, line)
            condition.lock()
            while ready.count - head >= capacity && !stopped {
                producerWaits = true
                condition.wait()
                producerWaits = false
            }
            if stopped {
                condition.unlock()
                return
            }
            ready.append((number, line, prepared))
            if consumerWaits { condition.signal() }
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
