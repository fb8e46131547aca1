#if LIBFUZZER
// Built only by `make fuzz` (scripts/fuzz.sh): libFuzzer calls `LLVMFuzzerTestOneInput` with
// each input, and `INGESTD_FUZZ_TARGET` names the parser it goes to. Every target feeds the
// bytes to the same code the commands run; a crash, a hang (libFuzzer's -timeout) or a
// blow-up (-rss_limit_mb) is a finding.
@testable import Archive
import Fetcher
import Foundation
import Normalizer

/// The parsers of untrusted bytes, by the name `scripts/fuzz.sh` gives them.
enum FuzzTarget: String, CaseIterable {
    case feed, html, charset, robots, opml, config, jsonl, blob, warc

    static let current: FuzzTarget = {
        guard let name = ProcessInfo.processInfo.environment["INGESTD_FUZZ_TARGET"], let target = FuzzTarget(rawValue: name) else {
            fatalError("set INGESTD_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue))")
        }
        return target
    }()

    static let normalizer = Normalizer()
    /// libFuzzer calls in from one thread only.
    nonisolated(unsafe) static let reader = JSONObjectReader()

    func run(_ data: Data) {
        switch self {
        case .feed:
            _ = try? FeedParser().parse(data, url: "https://fuzz.example/feed", contentType: nil)
        case .html:
            _ = try? Self.normalizer.article(bytes: data, contentType: "text/html", url: "https://fuzz.example/page")
        case .charset:
            _ = FeedCharset.decode([UInt8](data), contentType: "text/html; charset=\(data.count % 2 == 0 ? "utf-8" : "windows-1254")")
        case .robots:
            let rules = RobotsRules(parsing: String(decoding: data, as: UTF8.self), agent: "ingestd")
            _ = rules.allows(path: "/news/2026/a?b=c")
        case .opml:
            _ = try? OPML.subscriptions(in: data, name: "fuzz.opml")
        case .config:
            _ = try? ConfigLoader.parse(yaml: String(decoding: data, as: UTF8.self), folder: URL(fileURLWithPath: "/nonexistent"),
                                        path: "fuzz.yaml")
        case .jsonl:
            _ = try? CorpusLine(json: data, reader: Self.reader)
        case .warc:
            // Through a file, as `import` reads one: every record's page, as `WARCImport` takes it.
            guard let file = tmpfile() else { return }
            defer { fclose(file) }
            _ = data.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            fflush(file)
            let fd = dup(fileno(file))
            lseek(fd, 0, SEEK_SET)
            let reader = WARCRecordReader(fd: fd, label: "fuzz.warc", maxBlock: 1 << 20)
            while let record = try? reader.next() { _ = try? WARCImport.capture(record, maxBytes: 1 << 20) }
        case .blob:
            // The first 4 bytes claim the decoded size (at most 1 MiB), the rest is the blob.
            guard data.count > 4 else { return }
            let size = Int(data.prefix(4).withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) } % (1 << 20))
            let blob = Data(data.dropFirst(4))
            _ = try? TextBlob.decode(blob, size: size, dictionary: { id throws(ArchiveError) in throw .notFound("dictionary \(id)") },
                                     base: { _ in Data("the base text of a document".utf8) })
            _ = try? CaptureBlob.decode(blob, size: size) { _ in Data("the base text of a document".utf8) }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzTarget.current.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}

typealias FuzzArguments = UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: FuzzArguments,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// The program's entry point in a fuzzing build: SwiftPM links an executable's `main` to
/// `ingestd_main`, which hands over to libFuzzer's driver.
@_cdecl("ingestd_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc, arguments = argv
    return runFuzzerDriver(&count, &arguments) { bytes, size in fuzzOneInput(bytes, size) }
}
#endif
