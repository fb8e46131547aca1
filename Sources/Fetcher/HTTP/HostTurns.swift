/// Politeness shared between processes: a place where workers fetching at once book their
/// turns at each host (`FetchPool.hostTurns`), so requests to one host start at least its
/// delay apart across all of them, not only within one pool.
public protocol HostTurns: AnyObject {
    /// Books the next start of a request to `host`, `delay` seconds after the last one
    /// booked by anyone, and returns how many seconds from now it is; nil when the booking
    /// could not be made (the pool then keeps its own spacing only).
    func secondsUntilTurn(host: String, delay: Double) -> Double?
}
