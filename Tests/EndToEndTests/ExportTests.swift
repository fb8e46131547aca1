import Foundation
import Testing
import TestSupport

/// `ingestd export` in every format, with filters and the resume cursor, on the demo
/// archive fetched over HTTP.
@Suite(.serialized)
struct ExportTests {
    let site: DemoSite

    init() throws {
        site = try DemoSite(keepFeedCaptures: true)
        let run = try site.run()
        guard run.status == 0 else { throw TestFailure("demo run failed: \(run.stderr)") }
    }

    private func export(_ arguments: [String]) throws -> IngestdProcess.Result {
        let result = try IngestdProcess.run(["export", "--archive", site.archive] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    private func ids(_ jsonl: String) -> [Int] {
        jsonl.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? Int
        }
    }

    @Test func filtersAndTheCursorSelectInIdOrder() throws {
        let all = ids(try export([]).stdout)
        #expect(all == Array(1...12))
        let first = try export(["--until", "2999-01-01", "--after", "0"])
        #expect(first.stderr.contains("export: 12 documents; continue with --after 12"))
        #expect(ids(try export(["--after", "9"]).stdout) == [10, 11, 12])
        #expect(ids(try export(["--canonical-only"]).stdout).count == 9)
        #expect(ids(try export(["--cluster", "1"]).stdout).count == 3)
        #expect(ids(try export(["--lang", "tr"]).stdout).count >= 1)
        #expect(ids(try export(["--source", site.server.url("feeds/kiyi-haber.rss")]).stdout).count == 2)
        #expect(ids(try export(["--since", "2999-01-01"]).stdout).isEmpty)
    }

    @Test func csvHasAHeaderAndOneQuotedRecordPerDocument() throws {
        let csv = try export(["--format", "csv"]).stdout
        #expect(csv.hasPrefix("id,cluster,relation,title,published,language,site_name,canonical_url,url,first_seen,word_count,content_hash,text\r\n"))
        // Every text has commas, so every record ends in a quoted field and a CRLF.
        #expect(csv.components(separatedBy: "\"\r\n").count - 1 == 12)
    }

    @Test func aDashIsStandardOutput() throws {
        let result = try IngestdProcess.run(["export", "--archive", site.archive, "--out", "-"], in: site.folder)
        #expect(ids(result.stdout) == Array(1...12))
        #expect(!FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("-").path))
    }

    @Test func textFilesAreOnePerDocument() throws {
        let folder = site.folder.appendingPathComponent("texts")
        _ = try export(["--format", "text", "--out", folder.path])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.count == 12 && files.contains("1.txt"))
        let first = try String(contentsOf: folder.appendingPathComponent("1.txt"), encoding: .utf8)
        #expect(first.hasPrefix("Valmora dock workers end 19-day strike after wage deal\n\n"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func aFullDiskIsAnErrorNamingTheOutputWhichIsNeverReplaced() throws {
        for format in ["jsonl", "csv", "warc"] {
            let result = try IngestdProcess.run(["export", "--archive", site.archive, "--format", format, "--out", "/dev/full"])
            #expect(result.status == 74, "\(format): \(result.stderr)")
            #expect(result.stderr.contains("cannot write /dev/full"), "\(format): \(result.stderr)")
        }
        let kind = try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType
        #expect(kind == .typeCharacterSpecial, "the device is written to, not replaced by a file")
    }

    @Test func aFolderGivenAsTheOutputFileIsRefusedAndKept() throws {
        let folder = site.folder.appendingPathComponent("precious")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let result = try IngestdProcess.run(["export", "--archive", site.archive, "--out", folder.path])
        #expect(result.status == 73)
        #expect(result.stderr.contains("\(folder.path) is a folder"), "\(result.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
    }

    @Test func aTextFileThatCannotBeWrittenStopsTheExportWithItsName() throws {
        let folder = site.folder.appendingPathComponent("blocked")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("5.txt"), withIntermediateDirectories: true)
        let result = try IngestdProcess.run(["export", "--archive", site.archive, "--format", "text", "--out", folder.path])
        #expect(result.status == 74)
        #expect(result.stderr.hasPrefix("ingestd: cannot write \(folder.appendingPathComponent("5.txt").path)"), "\(result.stderr)")
        #expect(!result.stderr.contains("archive error"), "an output problem is not called an archive problem")
    }

    @Test(arguments: ["out.warc", "out.warc.gz"])
    func warcHasARequestAResponseAndAMetadataRecordPerCaptureThatWarcioChecks(name: String) throws {
        let path = site.folder.appendingPathComponent(name).path
        _ = try export(["--format", "warc", "--out", path])
        let check = try Warcio.check(path)
        #expect(check.status == 0 && !check.stdout.contains("fail"), "\(check.stdout)\(check.stderr)")
        let records = try Warcio.index(path, fields: ["warc-type", "warc-record-id", "warc-concurrent-to", "warc-refers-to", "warc-target-uri"])
        #expect(records.first?["warc-type"] == "warcinfo")
        let responses = records.filter { $0["warc-type"] == "response" }
        let requests = records.filter { $0["warc-type"] == "request" }
        let metadata = records.filter { $0["warc-type"] == "metadata" }
        // 12 pages, then the 4 feeds' bodies.
        #expect(responses.count == 16 && requests.count == 16 && metadata.count == 16)
        #expect(responses.suffix(4).allSatisfy { $0["warc-target-uri"]?.contains("/feeds/") == true })
        // Each request comes just before its response, and each metadata record refers to one.
        for (n, r) in records.enumerated() where r["warc-type"] == "request" {
            #expect(n + 1 < records.count && records[n + 1]["warc-record-id"] == r["warc-concurrent-to"])
        }
        let responseIDs = Set(responses.compactMap { $0["warc-record-id"] })
        #expect(metadata.allSatisfy { responseIDs.contains($0["warc-refers-to"] ?? "") })
        // A .warc.gz is one gzip member per record; zcat reads it whole.
        let script = """
            import sys, zlib
            data, members = open(sys.argv[1], "rb").read(), 0
            while data:
                z = zlib.decompressobj(31); text = z.decompress(data); data = z.unused_data; members += 1
                assert z.eof and text.startswith(b"WARC/1.1\\r\\n") and text.count(b"\\r\\nWARC-Type: ") == 1
                print(text.split(b"\\r\\n\\r\\n", 1)[1].decode("latin-1") if b"WARC-Type: metadata" in text else "", end="")
            print("members", members)
            """
        if name.hasSuffix(".gz") {
            let members = try Warcio.python(script, [path])
            #expect(members.stdout.hasSuffix("members \(records.count)\n"), "\(members.stdout)\(members.stderr)")
            #expect(members.stdout.contains("ingestd-cluster: 1\r\n") && members.stdout.contains("ingestd-feed: http://"))
        }
    }
}

/// Export, import into a new archive, export again: the same bytes.
struct ExportRoundTripTests {
    @Test func aJSONLExportRestoresToTheSameExport() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        let first = try IngestdProcess.run(["export", "--archive", site.archive])
        let file = site.folder.appendingPathComponent("export.jsonl")
        try Data(first.stdout.utf8).write(to: file)
        let copy = site.folder.appendingPathComponent("restored.sqlite").path
        let restore = try IngestdProcess.run(["import", "--jsonl", file.path, "--archive", copy])
        #expect(restore.status == 0, "\(restore.stderr)")
        let second = try IngestdProcess.run(["export", "--archive", copy])
        #expect(second.stdout == first.stdout)
        #expect(try IngestdProcess.run(["verify", "--archive", copy]).stdout.contains("(12 restored from an export without their raw body), 0 problems"))
        #expect(try Set(IngestdProcess.run(["clusters", "list", "--json", "--archive", copy]).stdout.split(separator: "\n"))
            == Set(IngestdProcess.run(["clusters", "list", "--json", "--archive", site.archive]).stdout.split(separator: "\n")))
        let again = try IngestdProcess.run(["import", "--jsonl", file.path, "--archive", copy])
        #expect(again.status == 65 && again.stderr.contains("can only be restored into an empty archive"))

        // An incremental export may leave a member's canonical out: refused, the cluster named, nothing written.
        let part = site.folder.appendingPathComponent("part.jsonl")
        try Data(try IngestdProcess.run(["export", "--after", "1", "--archive", site.archive]).stdout.utf8).write(to: part)
        let partial = site.folder.appendingPathComponent("partial.sqlite").path
        let refused = try IngestdProcess.run(["import", "--jsonl", part.path, "--archive", partial])
        #expect(refused.status == 65 && refused.stderr.contains("has no canonical in the file"), "\(refused.stderr)")
        #expect(try IngestdProcess.run(["stats", "--json", "--archive", partial]).stdout.contains("\"documents\" : 0"))
    }
}
