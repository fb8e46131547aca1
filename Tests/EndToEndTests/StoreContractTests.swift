import Foundation
import Testing
import TestSupport

/// The store contract: every way a stream reaches a store decides it alike, document by
/// document: `dedup` (the in-memory index), `import` in one transaction, `import` in
/// transactions of a few lines (many index segments, merged as they fill), `import` of the
/// stream's two halves one after the other (the second run's own documents held in memory,
/// the first's read from segments), and `clusters rebuild` of an archive. Same clusters,
/// same relation for every line.
///
/// The streams are generated corpora (copies, rewrites, templates, quote-sharers, same-event
/// reports) made harder: one story copied well over a hundred times across the stream, under
/// changing headlines and footers; a few boilerplate footers stamped on a third of all
/// texts; and notices without names or numbers (so no facts to tell them apart) that open
/// and close with the same two stock paragraphs, which also frame one text in eight of the
/// rest: the first notices relate through them, until the paragraphs' fingerprints have
/// been seen in enough clusters to turn common. Half the lines carry a publication date, in
/// no order, so later members often turn out older than their cluster's canonical and take over.
/// The PostgreSQL archive answers the same contract.
struct StoreContractTests {
    @Test(arguments: [11, 12, 13] as [UInt64])
    func everyStoreDecidesTheSameStreamAlike(seed: UInt64) throws {
        let (folder, stream, memory) = try Self.stream(seed: seed)
        var decided = ["dedup": try Self.decisions(memory)]
        for (name, batch) in [("import", "6000"), ("import in batches of 7", "7")] {
            let archive = folder.appendingPathComponent("\(batch).sqlite").path
            let imported = try IngestdProcess.run(["import", "--jsonl", stream, "--batch-lines", batch, "--archive", archive])
            #expect(imported.status == 0, "\(imported.stderr)")
            decided[name] = try Self.exported(archive, folder)
            if batch == "7" {
                #expect(try IngestdProcess.run(["clusters", "rebuild", "--archive", archive]).status == 0)
                decided["clusters rebuild"] = try Self.exported(archive, folder)
            }
        }
        // Two runs: the second holds its own documents' keys in memory and reads the first's
        // from the segments (`HeldIndexKeys`).
        let lines = try String(contentsOfFile: stream, encoding: .utf8).split(separator: "\n")
        let archive = folder.appendingPathComponent("two-runs.sqlite").path
        for (i, half) in [lines.prefix(lines.count / 2), lines.dropFirst(lines.count / 2)].enumerated() {
            let part = folder.appendingPathComponent("half-\(i).jsonl").path
            try (half.joined(separator: "\n") + "\n").write(toFile: part, atomically: true, encoding: .utf8)
            let imported = try IngestdProcess.run(["import", "--jsonl", part, "--batch-lines", "7", "--archive", archive])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        decided["import in two runs"] = try Self.exported(archive, folder)
        let reference = try #require(decided["dedup"])
        #expect(reference.count == 700 + Self.copies + Self.notices)
        let notices = reference.filter { $0.key.hasPrefix("notice") }
        let related = notices.values.filter { $0.relation == "shared-wire-passages" }.count
        #expect(related > 0, "\(related) notices related through stock paragraphs")
        #expect(Set(reference.values.map(\.relation)).isSuperset(of: ["canonical", "exact", "syndicated", "shared-wire-passages"]))
        #expect(try Self.takeovers(memory) > 0, "some original arrived after a member and took over")
        let biggest = Dictionary(grouping: reference.values, by: \.cluster).values.map(\.count).max() ?? 0
        #expect(biggest > Self.copies, "the much-copied story is one cluster")
        for (name, other) in decided where name != "dedup" { Self.expectSame(name, other, as: reference) }
    }

    /// With a time window (`dedup.window_days` 2) over a stream whose lines are dated about
    /// an hour apart (give or take three hours, so some arrive older than the clock): the
    /// same clusters and relations in memory, in SQLite (one transaction and many, then
    /// rebuilt) and in PostgreSQL; the much-copied story, spread over weeks, forms anew
    /// after a gap longer than the window, and other lines go elsewhere than without one.
    @Test func everyStoreDecidesAWindowedStreamAlike() throws {
        let (folder, stream, config) = try Self.windowedStream(seed: 14)
        let memory = folder.appendingPathComponent("windowed.jsonl").path
        let deduped = try IngestdProcess.run(["dedup", stream, "--out", memory, "--config", config])
        #expect(deduped.status == 0, "\(deduped.stderr)")
        let reference = try Self.decisions(memory)
        let storyClusters = Set(reference.filter { $0.key.hasPrefix("copy") }.map(\.value.cluster))
        #expect(storyClusters.count > 1, "the story re-forms in a later window")
        let unbounded = folder.appendingPathComponent("unbounded.jsonl").path
        #expect(try IngestdProcess.run(["dedup", stream, "--out", unbounded]).status == 0)
        let placedElsewhere = try Self.decisions(unbounded).filter { reference[$0.key] != $0.value }.count
        #expect(placedElsewhere > 10, "the window changed where \(placedElsewhere) lines went")
        var archives = [("import", "6000", folder.appendingPathComponent("w6000.sqlite").path),
                        ("import in batches of 7", "7", folder.appendingPathComponent("w7.sqlite").path)]
        if ThrowawayPostgres.unavailable == nil {
            archives.append(("import into PostgreSQL in batches of 7", "7", try ThrowawayPostgres.shared().createDatabase()))
        }
        for (name, batch, archive) in archives {
            let imported = try IngestdProcess.run(["import", "--jsonl", stream, "--batch-lines", batch, "--archive", archive,
                                                   "--config", config])
            #expect(imported.status == 0, "\(imported.stderr)")
            Self.expectSame(name, try Self.exported(archive, folder), as: reference)
            let rebuilt = try IngestdProcess.run(["clusters", "rebuild", "--archive", archive, "--config", config])
            #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
            Self.expectSame(name + ", rebuilt", try Self.exported(archive, folder), as: reference)
        }
    }

    /// The hardened stream of `seed`, every line dated about an hour after the one before,
    /// and a config with a two-day window.
    static func windowedStream(seed: UInt64) throws -> (folder: URL, stream: String, config: String) {
        let (folder, stream, _) = try Self.stream(seed: seed)
        let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01
        var state = seed
        let formatter = ISO8601DateFormatter()
        let lines = try String(contentsOfFile: stream, encoding: .utf8).split(separator: "\n").enumerated().map { i, line in
            var o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let jitter = Double(Int(state >> 33) % 6 * 3_600) - 3 * 3_600
            o["published"] = formatter.string(from: start.addingTimeInterval(Double(i) * 3_600 + jitter))
            return String(decoding: try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]), as: UTF8.self)
        }
        let windowed = folder.appendingPathComponent("windowed-stream.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: windowed, atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("window.yaml").path
        try "dedup:\n  window_days: 2\n".write(toFile: config, atomically: true, encoding: .utf8)
        return (folder, windowed, config)
    }

    /// The same stream imported into a PostgreSQL archive (a throwaway server on loopback),
    /// in one transaction and in transactions of 7 lines, and archived by `dedup --archive`:
    /// the same clusters and relations.
    @Test(.enabled(if: ThrowawayPostgres.unavailable == nil, "\(ThrowawayPostgres.unavailable ?? "")"),
          arguments: [11, 12] as [UInt64])
    func postgreSQLDecidesTheSameStreamAlike(seed: UInt64) throws {
        let (folder, stream, memory) = try Self.stream(seed: seed)
        let reference = try Self.decisions(memory)
        for batch in ["6000", "7"] {
            let url = try ThrowawayPostgres.shared().createDatabase()
            let imported = try IngestdProcess.run(["import", "--jsonl", stream, "--batch-lines", batch, "--archive", url])
            #expect(imported.status == 0, "\(imported.stderr)")
            Self.expectSame("import into PostgreSQL, batches of \(batch)", try Self.exported(url, folder), as: reference)
        }
        let url = try ThrowawayPostgres.shared().createDatabase()
        let deduped = try IngestdProcess.run(["dedup", stream, "--archive", url, "--out", "/dev/null"])
        #expect(deduped.status == 0, "\(deduped.stderr)")
        Self.expectSame("dedup --archive PostgreSQL", try Self.exported(url, folder), as: reference)
    }

    /// Two workers importing halves of the stream into one PostgreSQL archive at once, in
    /// small batches that interleave: every line is archived once, every cluster has one
    /// canonical, and identical texts, whichever worker had them, are one document in one
    /// cluster. (Which near-copies join which cluster may differ from one worker's run:
    /// the lines arrive in another order, and the engine's answers depend on order.)
    @Test(.enabled(if: ThrowawayPostgres.unavailable == nil, "\(ThrowawayPostgres.unavailable ?? "")"))
    func twoWorkersAtOnceKeepOneCanonicalAndOneDocumentPerText() throws {
        let (folder, stream, _) = try Self.stream(seed: 11)
        let url = try ThrowawayPostgres.shared().createDatabase()
        let workers = try (0..<2).map { i in
            try IngestdProcess.start(["import", "--jsonl", stream, "--shard", "\(i)/2", "--batch-lines", "5", "--archive", url])
        }
        for worker in workers {
            let err = String(decoding: worker.standardErrorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            worker.process.waitUntilExit()
            #expect(worker.process.terminationStatus == 0, "\(err)")
        }
        let decided = try Self.exported(url, folder)
        let lines = try String(contentsOfFile: stream, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(decided.count == lines.count)
        let withoutOneCanonical = Dictionary(grouping: decided.values, by: \.cluster).values
            .filter { $0.filter { $0.relation == "canonical" }.count != 1 }
        #expect(withoutOneCanonical.count == 0, "\(withoutOneCanonical.count) clusters without exactly one canonical")
        let byText = Dictionary(grouping: lines, by: { $0["text"] as! String }).values.filter { $0.count > 1 }
        #expect(!byText.isEmpty)
        for group in byText {
            let decisions = group.map { decided["\($0["id"]!)"] }
            #expect(Set(decisions.map { $0?.cluster }).count == 1 && decisions.filter { $0?.relation == "exact" }.count >= group.count - 1)
        }
    }

    /// A hardened stream for `seed` in a new folder, and `dedup`'s decisions on it.
    static func stream(seed: UInt64) throws -> (folder: URL, stream: String, memory: String) {
        let folder = try TestPaths.temporaryFolder()
        #expect(try IngestdProcess.run(["bench", "corpus", "--docs", "700", "--seed", String(seed),
                                        "--out", folder.path]).status == 0)
        let stream = folder.appendingPathComponent("stream.jsonl").path
        try Self.harden(folder.appendingPathComponent("corpus.jsonl").path, into: stream, seed: seed)
        let memory = folder.appendingPathComponent("memory.jsonl").path
        let deduped = try IngestdProcess.run(["dedup", stream, "--out", memory])
        #expect(deduped.status == 0, "\(deduped.stderr)")
        return (folder, stream, memory)
    }

    /// Every line in the same cluster (the same fellow members) with the same relation as in `reference`.
    static func expectSame(_ name: String, _ other: [String: Decision], as reference: [String: Decision]) {
        // Documents whose fellow members differ, named (a few) rather than the whole partition printed.
        let moved = reference.keys.filter { Self.members(of: $0, other) != Self.members(of: $0, reference) }.sorted()
        #expect(moved.count == 0, "\(name): \(moved.count) documents in other clusters than dedup's, such as \(moved.prefix(5))")
        let differing = reference.keys.filter { other[$0]?.relation != reference[$0]?.relation }.sorted()
        #expect(differing.count == 0, "\(name): \(differing.count) other relations than dedup's for \(differing.prefix(5))")
    }

    /// Copies of one story spread over the stream, and notices.
    static let copies = 120
    static let notices = 60

    /// The corpus with a story copied `copies` times (new headlines, cut endings, footers;
    /// some verbatim) and boilerplate footers on a third of its texts.
    static func harden(_ corpus: String, into path: String, seed: UInt64) throws {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % n
        }
        let footers = [
            "Subscribe to our daily newsletter to get the most important stories of the day delivered straight to your inbox every morning before work.",
            "Follow us on social media for the latest updates and share this article with your friends and family if you found it useful today.",
            "All rights reserved. This material may not be published, broadcast, rewritten or redistributed in whole or in part without permission.",
        ]
        var lines: [[String: Any]] = try String(contentsOfFile: corpus, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let story = lines.first { ($0["kind"] as? String) == "original" }!["text"] as! String
        var paragraphs = story.components(separatedBy: "\n\n")
        for i in lines.indices where next(3) == 0 {
            lines[i]["text"] = (lines[i]["text"] as! String) + "\n\n" + footers[next(footers.count)]
        }
        for copy in 0..<copies {
            if next(4) == 0, paragraphs.count > 3 { paragraphs.removeLast() }
            let text = next(5) == 0 ? story
                : (["Headline \(next(1_000)) of the day"] + paragraphs + [footers[next(footers.count)]]).joined(separator: "\n\n")
            lines.insert(["id": "copy\(copy)", "text": text], at: min(lines.count, 20 + copy * 5 + next(5)))
        }
        let opening = "this notice is published on behalf of the local council and its partners for the information of every resident"
        let closing = "further questions about this notice may be sent to the council office during the usual opening hours of the week"
        for i in lines.indices where i % 8 == 0 {
            lines[i]["text"] = opening + "\n\n" + (lines[i]["text"] as! String) + "\n\n" + closing
        }
        let words = (0..<300).map { i in String("abcdefghijklmnopqrstuvwxyz".shuffled().prefix(4 + i % 5)) }
        for notice in 0..<notices {
            let middle = (0..<3).map { _ in (0..<25).map { _ in words[next(words.count)] }.joined(separator: " ") }
            let text = ([opening] + middle + [closing]).joined(separator: "\n\n")
            lines.insert(["id": "notice\(notice)", "text": text], at: min(lines.count, 10 + notice * 13 + next(7)))
        }
        for i in lines.indices where next(2) == 0 {
            lines[i]["published"] = String(format: "2025-%02d-%02dT%02d:00:00Z", 1 + next(12), 1 + next(28), next(24))
        }
        let out = try lines.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        try (out.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    struct Decision: Equatable {
        var cluster: String
        var relation: String
    }

    /// id → decision, from `dedup`'s or `clusters export`'s lines.
    static func decisions(_ path: String) throws -> [String: Decision] {
        var out: [String: Decision] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            out["\(o["id"]!)"] = Decision(cluster: "\(o["cluster"]!)", relation: o["relation"] as! String)
        }
        return out
    }

    /// Clusters whose canonical (as `dedup` names it) is not their first line.
    static func takeovers(_ path: String) throws -> Int {
        var first: [String: String] = [:], count = 0
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let cluster = "\(o["cluster"]!)", id = "\(o["id"]!)"
            if first[cluster] == nil {
                first[cluster] = id
            }
            if o["relation"] as? String == "canonical", first[cluster] != id { count += 1 }
        }
        return count
    }

    static func exported(_ archive: String, _ folder: URL) throws -> [String: Decision] {
        let path = folder.appendingPathComponent("export-\(UUID().uuidString).jsonl").path
        let exported = try IngestdProcess.run(["clusters", "export", "--jsonl", "--out", path, "--archive", archive])
        #expect(exported.status == 0, "\(exported.stderr)")
        return try decisions(path)
    }

    /// The ids in `id`'s cluster.
    static func members(of id: String, _ d: [String: Decision]) -> Set<String> {
        guard let cluster = d[id]?.cluster else { return [] }
        return Set(d.filter { $0.value.cluster == cluster }.keys)
    }
}
