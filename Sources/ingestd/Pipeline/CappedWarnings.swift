/// Warnings of one kind about one input: the first `limit` said in full, then one line
/// saying that more were left out, so that a file of garbage does not flood the log.
struct CappedWarnings {
    let limit: Int
    /// Said once, in place of the first warning over the limit.
    let more: String
    let warn: (String) -> Void
    private var count = 0

    init(limit: Int, more: String, warn: @escaping (String) -> Void) {
        self.limit = limit
        self.more = more
        self.warn = warn
    }

    mutating func add(_ message: @autoclosure () -> String) {
        count += 1
        if count <= limit {
            warn(message())
        } else if count == limit + 1 {
            warn(more)
        }
    }
}
