import CCurl
import Foundation

/// Fetches many URLs at once on one thread through libcurl's multi interface, politely.
///
/// Guarantees:
/// - at most `maxConcurrent` transfers run at once, at most `perHostConcurrent` to one
///   host, and requests to one host start at least its delay apart (`perHostDelay`, or
///   robots.txt's `Crawl-delay` when longer and at most `maxCrawlDelay`); connections are
///   reused, with HTTP/2 multiplexing where the server offers it; with `hostTurns`, each
///   start is also booked there, so the delay holds across processes fetching at once;
/// - redirects are followed hop by hop (each hop polite), up to `maxRedirects`, only to
///   http(s); a loop is an error naming the chain; `FetchOutcome.movedPermanentlyTo` is
///   set only when every hop was a 301 or 308;
/// - transient failures are retried per `RetryPolicy`; a response that stays 5xx or 429
///   is returned as a response;
/// - a request with `obeysRobots` waits for its host's robots.txt (fetched once per pool)
///   and ends in a `.robots` error where that disallows it;
/// - a request found on the web (and each of its hops) connects only where
///   `networkPolicy` allows (`ConnectionGuard`); a refusal is permanent, never retried;
/// - bodies in memory across all transfers stay within `memoryBudgetBytes`, the rest wait
///   in temporary files; each body stops at its request's limit;
/// - with a `runDeadline`, nothing starts after it: a request still running then fails as
///   transient (a slow page), one not started ends in a `.deferred` error;
/// - every submitted request's completion runs exactly once, on the thread calling `run()`,
///   which may submit more.
public final class FetchPool {
    public let settings: FetchSettings
    /// Where robots.txt files are kept between runs; none: each pool asks once per host.
    public weak var robotsCache: RobotsCache?
    /// Where starts are booked when other processes fetch from the same hosts at once.
    public var hostTurns: (any HostTurns)?
    private let multi: UnsafeMutableRawPointer
    private var hosts: [String: Host] = [:]
    private var delayed: [FetchJob] = []
    private var running: [UnsafeMutableRawPointer: FetchJob] = [:]
    private let retry: RetryPolicy
    private let budget: BodyBudget
    private let deadline: Date?

    public init(settings: FetchSettings) {
        self.settings = settings
        budget = BodyBudget(limit: settings.memoryBudgetBytes)
        deadline = settings.runDeadline.map { Date().addingTimeInterval($0) }
        _ = CurlTransfer.globalInit
        multi = curl_multi_init()
        retry = RetryPolicy(settings: settings)
        ingestd_curl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, settings.maxConcurrent)
        ingestd_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, settings.perHostConcurrent)
        ingestd_curl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
    }

    deinit {
        for (handle, job) in running {
            curl_multi_remove_handle(multi, handle)
            job.transfer?.close()
        }
        curl_multi_cleanup(multi)
    }

    /// Queues a fetch; `completion` runs during `run()`.
    public func submit(_ request: FetchRequest, completion: @escaping (FetchOutcome) -> Void) {
        enqueue(FetchJob(request: request, completion: completion))
    }

    /// Set from any thread (a signal handler's queue): the pool ends as at its deadline, at once,
    /// with the reason given (`stop(because:)`).
    private let stopReason = StopReason()

    /// Ends the run as its deadline would, from any thread: transfers still running fail as
    /// transient (their entries are tried again), jobs not started are deferred; `run()` returns
    /// once their completions have run.
    public func stop(because reason: String) { stopReason.set(reason) }

    /// Works until every submitted fetch (and every fetch submitted by a completion) is done.
    public func run() {
        while !running.isEmpty || !delayed.isEmpty || hosts.values.contains(where: { $0.hasQueued || !$0.waitingForRobots.isEmpty }) {
            let now = Date()
            if let reason = stopReason.value {
                expire(because: reason)
                continue
            }
            if let deadline, now >= deadline {
                expire(because: "the run's deadline came (fetch.run_deadline_seconds)")
                continue
            }
            promoteDelayed(now)
            let nextStart = startEligible(now)
            var transfers: Int32 = 0
            curl_multi_perform(multi, &transfers)
            finishDone()
            let wait = min(0.1, max(0.001, nextStart.timeIntervalSinceNow))
            curl_multi_poll(multi, nil, 0, Int32(wait * 1000), nil)
        }
    }

    /// The deadline has passed: a transfer still running is stopped and fails as a slow one
    /// (transient); a job not started yet ends as deferred. Completions run after the
    /// pool's state is cleared; what they submit is expired on the next turn.
    private func expire(because reason: String) {
        var stopped: [FetchJob] = []
        for (handle, job) in running {
            curl_multi_remove_handle(multi, handle)
            job.transfer?.close()
            job.transfer = nil
            stopped.append(job)
        }
        running = [:]
        var waiting = delayed
        delayed = []
        for key in hosts.keys {
            hosts[key]!.active = 0
            waiting += hosts[key]!.drain()
        }
        let slow = "still arriving when \(reason); stopped"
        for job in stopped { job.completion(job.outcome(.failure(FetchError(url: job.url, reason: slow, kind: .transient)))) }
        let deferred = "not started before \(reason); it waits for the next run"
        for job in waiting { job.completion(job.outcome(.failure(FetchError(url: job.url, reason: deferred, kind: .deferred)))) }
    }

    // MARK: queueing

    /// Queues a job on its host, behind robots.txt when it must obey it. A refusal completes
    /// the job only after the host's state is stored, since the completion may submit more.
    private func enqueue(_ job: FetchJob) {
        var host = hosts[job.host] ?? Host(delay: job.host.isEmpty ? 0 : settings.perHostDelay)
        var refusal: FetchError?
        if !job.request.obeysRobots || !settings.obeyRobots || job.robotsHost != nil || job.host.isEmpty {
            host.append(job)
        } else if let robots = host.robots {
            if robots.isUnreachable {
                refusal = FetchError(url: job.url, reason: "robots.txt of \(job.host) could not be read; the page waits for a later run",
                                     kind: .transient)
            } else if robots.allows(path: Self.pathAndQuery(job.url)) {
                host.append(job)
            } else {
                refusal = FetchError(url: job.url, reason: "disallowed by robots.txt", kind: .robots)
            }
        } else if let cached = robotsCache?.robotsTxt(host: job.host) {
            hosts[job.host] = host
            applyRobots(Self.rules(status: cached.status, body: cached.body, agent: settings.robotsToken), to: job.host)
            return enqueue(job)
        } else {
            host.waitingForRobots.append(job)
            if !host.robotsRequested {
                host.robotsRequested = true
                let key = job.host
                let request = FetchRequest(url: job.host + "/robots.txt", foundOnWeb: job.foundOnWeb)
                host.prepend(FetchJob(request: request, robotsHost: key) { [weak self] outcome in
                    self?.robotsArrived(for: key, outcome)
                })
            }
        }
        hosts[job.host] = host
        if let refusal { job.completion(job.outcome(.failure(refusal))) }
    }

    private func robotsArrived(for key: String, _ outcome: FetchOutcome) {
        var rules = RobotsRules.unreachable
        if case let .success(capture) = outcome.result {
            rules = Self.rules(status: capture.status, body: capture.body, agent: settings.robotsToken)
            if !rules.isUnreachable { robotsCache?.saveRobotsTxt(host: key, status: capture.status, body: capture.body) }
        }
        let waiting = hosts[key]!.waitingForRobots
        hosts[key]!.waitingForRobots = []
        applyRobots(rules, to: key)
        // The host itself is refused by the network policy: so is every page waiting on it.
        if case let .failure(error) = outcome.result, error.kind == .refused {
            for job in waiting { job.completion(job.outcome(.failure(FetchError(url: job.url, reason: error.reason, kind: .refused)))) }
        } else {
            waiting.forEach(enqueue)
        }
    }

    /// What a robots.txt answer means: its rules (2xx), no rules (4xx), or nothing for now.
    private static func rules(status: Int, body: Data, agent: String) -> RobotsRules {
        switch status {
        case 200..<300: RobotsRules(parsing: String(decoding: body, as: UTF8.self), agent: agent)
        case 400..<500: .allowAll
        default: .unreachable
        }
    }

    private func applyRobots(_ rules: RobotsRules, to key: String) {
        var host = hosts[key] ?? Host(delay: settings.perHostDelay)
        host.robots = rules
        host.robotsRequested = true
        if let crawlDelay = rules.crawlDelay { host.delay = max(host.delay, min(crawlDelay, settings.maxCrawlDelay)) }
        hosts[key] = host
    }

    private func promoteDelayed(_ now: Date) {
        guard delayed.contains(where: { $0.notBefore <= now }) else { return }
        let due = delayed.filter { $0.notBefore <= now }
        delayed.removeAll { $0.notBefore <= now }
        due.forEach(enqueue)
    }

    /// Starts what the caps allow; returns when the next queued request may start.
    private func startEligible(_ now: Date) -> Date {
        var next = delayed.map(\.notBefore).min() ?? now.addingTimeInterval(0.1)
        var unstartable: [FetchJob] = []
        for key in hosts.keys {
            guard var host = hosts[key], host.hasQueued else { continue }
            while host.hasQueued, running.count < settings.maxConcurrent, host.active < settings.perHostConcurrent {
                guard host.nextStart <= now else {
                    next = min(next, host.nextStart)
                    break
                }
                if let turn = bookedTurn(&host, key) {
                    next = min(next, turn)
                    break
                }
                let job = host.next()
                guard start(job) else {
                    unstartable.append(job)
                    continue
                }
                // Sent now, not after the other hosts' bookings or the archiving of a page;
                // and the delay counts from now, not from when this turn of the loop began.
                sendRequest(job, within: Self.sendWindow(host.delay))
                host.active += 1
                host.nextStart = Date().addingTimeInterval(host.delay)
            }
            hosts[key] = host
        }
        // Completed only now, with every host's state stored: a completion may submit more.
        for job in unstartable {
            job.completion(job.outcome(.failure(FetchError(url: job.url, reason: "libcurl could not start a transfer"))))
        }
        return next
    }

    /// When `host` must wait for a turn booked with `hostTurns` (booking one when it has
    /// none); nil when it may start now. A turn is used only on time: one that passed while
    /// the loop was busy (archiving a page, waiting for the archive) is given up and another
    /// booked, since the next worker's turn is `delay` after it, not after the late start.
    /// Times are taken fresh, as each booking is a round trip to the store.
    ///
    /// Turns are booked `delay` plus the lateness this pool allows itself apart (a turn used
    /// up to `lateTurn` after it, its request given `sendWindow` to leave): the next turn,
    /// perhaps another worker's, is fixed before this request leaves, so the slack keeps a
    /// late departure from arriving closer than `delay` to the next one.
    private func bookedTurn(_ host: inout Host, _ key: String) -> Date? {
        guard let hostTurns, !key.isEmpty, host.delay > 0 else { return nil }
        if let booked = host.bookedStart {
            let now = Date()
            guard booked <= now else { return booked }
            host.bookedStart = nil
            if now.timeIntervalSince(booked) <= Self.lateTurn(host.delay) { return nil }
        }
        let spacing = host.delay + Self.lateTurn(host.delay) + Self.sendWindow(host.delay)
        guard let wait = hostTurns.secondsUntilTurn(host: key, delay: spacing), wait > 0.001 else { return nil }
        host.bookedStart = Date().addingTimeInterval(wait)
        return host.bookedStart
    }

    /// How late a booked turn may still be used.
    private static func lateTurn(_ delay: Double) -> Double { min(0.01, delay / 10) }

    /// How long a started request is driven before the loop goes on (`sendRequest`).
    private static func sendWindow(_ delay: Double) -> Double { min(0.02, delay / 5) }

    /// Drives libcurl until `job`'s request has left (its connection made and request
    /// written), for at most `limit` seconds. A site sees arrivals: a request that leaves at
    /// the next turn of the loop, after pages were archived, arrives late, and the next one
    /// (started `delay` after this start, perhaps by another worker) closer than `delay`.
    /// A slow connection is not waited for beyond `limit`: the loop goes on driving it.
    private func sendRequest(_ job: FetchJob, within limit: Double) {
        guard let handle = job.transfer?.handle else { return }
        let until = Date().addingTimeInterval(limit)
        var transfers: Int32 = 0, sent = 0
        while true {
            curl_multi_perform(multi, &transfers)
            guard ingestd_curl_getinfo_long(handle, CURLINFO_REQUEST_SIZE, &sent) == CURLE_OK, sent == 0,
                  Date() < until else { return }
            curl_multi_poll(multi, nil, 0, 1, nil)
        }
    }

    private func start(_ job: FetchJob) -> Bool {
        job.attempts += 1
        var limit = (bytes: settings.maxBodyBytes, key: "fetch.max_body_bytes")
        if let own = job.request.bodyLimit, own.bytes < limit.bytes { limit = own }
        guard let transfer = CurlTransfer(
            url: job.url, etag: job.request.etag, lastModified: job.request.lastModified, limit: limit,
            connectionGuard: job.foundOnWeb ? ConnectionGuard(policy: settings.networkPolicy) : nil,
            budget: budget, settings: settings) else { return false }
        job.transfer = transfer
        running[transfer.handle] = job
        curl_multi_add_handle(multi, transfer.handle)
        return true
    }

    // MARK: completion

    private func finishDone() {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                  let job = running.removeValue(forKey: handle), let transfer = job.transfer else { continue }
            let code = ingestd_curl_msg_result(message)
            curl_multi_remove_handle(multi, handle)
            hosts[job.host]?.active -= 1
            job.transfer = nil
            finish(job, transfer, code)
            transfer.close()
        }
    }

    private func finish(_ job: FetchJob, _ transfer: CurlTransfer, _ code: CURLcode) {
        guard code == CURLE_OK else {
            let transient = [CURLE_OPERATION_TIMEDOUT, CURLE_COULDNT_CONNECT, CURLE_RECV_ERROR, CURLE_SEND_ERROR,
                             CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM].contains(code)
                && !transfer.sink.overflowed && !transfer.wasRefused
            let kind: FetchError.Kind = transfer.wasRefused ? .refused : transient ? .transient : .permanent
            let error = FetchError(url: job.url, reason: transfer.failure(code, settings: settings), kind: kind)
            if transient, let wait = retry.delay(afterAttempt: job.attempts, retryAfter: nil) { return later(job, wait) }
            return job.completion(job.outcome(.failure(error)))
        }
        var status = transfer.status
        if status == 0 && job.url.lowercased().hasPrefix("file:") { status = 200 }
        let body: Data
        do { body = try transfer.sink.takeBody() } catch {
            return job.completion(job.outcome(.failure(FetchError(url: job.url, reason: "cannot read the body back: \(error)"))))
        }
        let wire = transfer.sink.takeWire(decoded: body)
        let capture = Capture(requestedURL: job.request.url, finalURL: job.url, status: status,
                              headers: transfer.sink.headers, body: body, fetchedAt: Date(),
                              requestHead: wire.request, responseHead: wire.head, wireBody: wire.body)
        if [301, 302, 303, 307, 308].contains(status), let location = capture.header("Location") {
            return redirect(job, status: status, to: location)
        }
        if RetryPolicy.isTransient(status: status),
           let wait = retry.delay(afterAttempt: job.attempts, retryAfter: capture.header("Retry-After")) {
            return later(job, wait)
        }
        job.completion(job.outcome(.success(capture)))
    }

    private func later(_ job: FetchJob, _ seconds: Double) {
        job.notBefore = Date().addingTimeInterval(seconds)
        delayed.append(job)
    }

    private func redirect(_ job: FetchJob, status: Int, to location: String) {
        guard let target = URL(string: location, relativeTo: URL(string: job.url))?.absoluteString,
              let scheme = URLComponents(string: target)?.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return job.completion(job.outcome(.failure(FetchError(url: job.url, reason: "redirect to an unusable location: \(location)"))))
        }
        if job.visited.contains(target) {
            let chain = (job.visited + [target]).joined(separator: " -> ")
            return job.completion(job.outcome(.failure(FetchError(url: job.request.url, reason: "redirect loop: \(chain)"))))
        }
        guard job.visited.count <= settings.maxRedirects else {
            return job.completion(job.outcome(.failure(FetchError(
                url: job.request.url, reason: "more than \(settings.maxRedirects) redirects (fetch.max_redirects)"))))
        }
        job.visited.append(target)
        job.allPermanent = job.allPermanent && (status == 301 || status == 308)
        // An operator's URL is trusted on its own host only; elsewhere the redirect is the web's.
        if !LinkPolicy.isSameHost(target, job.url) { job.foundOnWeb = true }
        job.url = target
        job.host = FetchJob.hostKey(target)
        job.attempts = 0
        enqueue(job)
    }

    private static func pathAndQuery(_ url: String) -> String {
        guard let c = URLComponents(string: url) else { return "/" }
        let path = c.percentEncodedPath.isEmpty ? "/" : c.percentEncodedPath
        return c.percentEncodedQuery.map { path + "?" + $0 } ?? path
    }
}
