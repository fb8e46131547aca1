/// Where a feed pass reports as it goes: problems (`warn`, always logged), each feed and
/// page (`detail`, logged with -v), and its progress (`feedsDue` as feeds are claimed,
/// `feedDone` as each one ends, fetched, unchanged, failed or put off), for a progress bar.
struct PassEvents {
    var warn: (String) -> Void
    var detail: (String) -> Void = { _ in }
    var feedsDue: (Int) -> Void = { _ in }
    var feedDone: () -> Void = {}
}
