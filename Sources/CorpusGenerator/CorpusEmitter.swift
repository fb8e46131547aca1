import Foundation

/// Hands drafts out as documents: ids in emission order (`PREFIX0000001`, …), a publication
/// time 30 s after the one before from 2026-01-01, and truth; each draft's followers wait
/// `delay` turns (drawn per follower) before they are sent.
///
/// Guarantees: at most `limit` documents; a follower is sent after the draft it follows.
struct CorpusEmitter {
    let limit: Int
    let prefix: String
    let delay: ClosedRange<Int>
    private(set) var emitted = 0
    private var turn = 0
    private var pending: [Int: [Draft]] = [:]
    private static let start = Date(timeIntervalSince1970: 1_767_225_600)

    init(limit: Int, prefix: String, delay: ClosedRange<Int>) {
        self.limit = limit
        self.prefix = prefix
        self.delay = delay
    }

    var isFull: Bool { emitted >= limit }

    /// Starts the next turn: sends the followers whose turn it is.
    mutating func beginTurn(random: inout SeededRandom, _ emit: (CorpusDocument) throws -> Void) rethrows {
        for draft in pending.removeValue(forKey: turn) ?? [] { try send(draft, random: &random, emit) }
    }

    mutating func endTurn() { turn += 1 }

    mutating func send(_ draft: Draft, random: inout SeededRandom, _ emit: (CorpusDocument) throws -> Void) rethrows {
        guard emitted < limit else { return }
        emitted += 1
        let id = prefix + String(format: "%07d", emitted)
        let published = ISO8601DateFormatter().string(from: Self.start.addingTimeInterval(Double(emitted) * 30))
        try emit(CorpusDocument(id: id, text: draft.text, cluster: draft.cluster ?? id, kind: draft.kind, published: published))
        for follower in draft.followers(id) {
            pending[turn + Int.random(in: delay, using: &random), default: []].append(follower)
        }
    }
}
