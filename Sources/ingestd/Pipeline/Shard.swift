import ArgumentParser

/// One worker's share of a corpus, `i/n` (`import --jsonl --shard`): the lines whose number
/// in their file, counted from 0, leaves `i` when divided by `n`. The `n` workers with
/// `0/n` … `n-1/n` together take every line exactly once.
struct Shard: ExpressibleByArgument, Equatable {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (0..<count).contains(index) else {
            return nil
        }
        self.index = index
        self.count = count
    }

    func takes(line number: Int) -> Bool { number % count == index }
}
