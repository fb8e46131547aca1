import Foundation

extension FetchPool {
    /// One host's state in a pool: its queue (taken from the front without shifting), its
    /// transfers running, when its next request may start, and its robots.txt.
    ///
    /// Guarantees: jobs come out of `next()` in the order appended (a prepended one first),
    /// each once; `drain()` takes out every job still queued or waiting for robots.txt.
    struct Host {
        var active = 0
        var nextStart = Date.distantPast
        /// A start booked with `hostTurns` and not yet used.
        var bookedStart: Date?
        var delay: Double
        var robots: RobotsRules?
        var robotsRequested = false
        var waitingForRobots: [FetchJob] = []
        /// Jobs waiting to start, from `head` on (taken from the front without shifting).
        private var queue: [FetchJob] = []
        private var head = 0

        init(delay: Double) { self.delay = delay }

        var hasQueued: Bool { head < queue.count }

        mutating func append(_ job: FetchJob) { queue.append(job) }

        mutating func prepend(_ job: FetchJob) {
            if head > 0 {
                head -= 1
                queue[head] = job
            } else {
                queue.insert(job, at: 0)
            }
        }

        /// Every job still queued or waiting for robots.txt, taken out.
        mutating func drain() -> [FetchJob] {
            defer {
                queue = []
                head = 0
                waitingForRobots = []
            }
            return Array(queue[head...]) + waitingForRobots
        }

        mutating func next() -> FetchJob {
            defer {
                head += 1
                if head > 64 && head * 2 > queue.count {
                    queue.removeFirst(head)
                    head = 0
                }
            }
            return queue[head]
        }
    }
}
