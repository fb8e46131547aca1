import Archive
import Dedup
import Dispatch
import Foundation
import Normalizer

/// `ingestd archive copy`: every document, capture and row of one store written into an
/// empty other, SQLite or PostgreSQL either way, keeping every id.
///
/// Guarantees: the copy exports (`export`, every format) as the source does and `verify`s
/// clean; the feeds come with their schedule, validators and errors. Documents are restored
/// (`CorpusBatch.restore`): their duplicate-index keys and search entries are made again
/// from the texts, under the settings that made the source's keys (the copy refuses a
/// config of another index scheme). Texts and bodies are decoded from the source's
/// encoding and compressed in the target's. What the copy does not carry: feed leases
/// and host turns (a running pass's, which expire), and SQLite's shared dictionaries,
/// which a target trains from its own texts.
struct ArchiveCopy {
    let source: any CopySource
    let target: any CopyTarget
    let settings: DuplicateSettings

    /// What was copied, for the summary line.
    struct Counts {
        var documents = 0
        var captures = 0
        var rows = 0
    }

    /// Documents restored per transaction (their fingerprints are made in parallel first).
    static let documentBatch = 1_000
    /// Rows per transaction, and captures' decoded bytes per transaction.
    static let rowBatch = 20_000
    static let captureBytes = 24 << 20

    func run() throws -> Counts {
        var counts = Counts()
        if let scheme = try source.indexScheme() {
            guard scheme == settings.indexScheme else {
                throw CommandFailure(.config, """
                    the source's index keys are of scheme \(scheme), but the config's dedup settings make \(settings.indexScheme); \
                    copy with the config that built the archive
                    """)
            }
            try target.claimIndexScheme(scheme)
        }
        try target.copyBatch { batch in
            guard try batch.isEmpty() else {
                throw CommandFailure(.cannotCreate, "the target already holds documents or feeds; archive copy writes into an empty archive only")
            }
        }
        for table in [CopyTable.sources, .sourceAliases] { counts.rows += try copyRows(table) }
        counts.documents = try copyDocuments()
        counts.rows += try copyRows(.clusters)
        counts.captures = try copyCaptures()
        for table in CopyTable.allCases where ![.sources, .sourceAliases, .clusters].contains(table) {
            counts.rows += try copyRows(table)
        }
        try target.copyBatch { try $0.finishRestore() }
        return counts
    }

    private func copyRows(_ table: CopyTable) throws -> Int {
        var rows: [[CopyValue]] = []
        var total = 0
        func flush() throws {
            guard !rows.isEmpty else { return }
            try target.copyBatch { try $0.insert(rows, into: table) }
            total += rows.count
            rows.removeAll(keepingCapacity: true)
        }
        try source.forEachRow(of: table) { row in
            rows.append(row)
            if rows.count >= Self.rowBatch { try flush() }
        }
        try flush()
        return total
    }

    private func copyDocuments() throws -> Int {
        var documents: [DocumentDetail] = []
        var total = 0
        func flush() throws {
            guard !documents.isEmpty else { return }
            let keys = fingerprints(documents)
            try target.copyBatch { batch in
                for (doc, prints) in zip(documents, keys) {
                    try batch.restore(doc, bandKeys: prints.bandKeys, passageHashes: prints.passages)
                }
            }
            total += documents.count
            documents.removeAll(keepingCapacity: true)
        }
        try source.forEachDocument(ExportFilter(), withRecords: false) { doc in
            // Sightings, captures and entries come as rows of their own, with their ids.
            var doc = doc
            doc.sightings = []
            documents.append(doc)
            if documents.count >= Self.documentBatch { try flush() }
        }
        try flush()
        return total
    }

    /// The documents' index keys, made on every core.
    private func fingerprints(_ documents: [DocumentDetail]) -> [Fingerprints] {
        // Each iteration writes its own slot only.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<Fingerprints?>.allocate(capacity: documents.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let settings = settings
        DispatchQueue.concurrentPerform(iterations: documents.count) { i in
            results[i] = Fingerprints(of: AnalyzedText(documents[i].text, shingleWords: settings.shingleWords), settings: settings)
        }
        return results.map { $0! }
    }

    private func copyCaptures() throws -> Int {
        var captures: [CaptureRow] = []
        var bytes = 0
        var total = 0
        func flush() throws {
            guard !captures.isEmpty else { return }
            try target.copyBatch { batch in
                for capture in captures { try batch.insert(capture) }
            }
            total += captures.count
            captures.removeAll(keepingCapacity: true)
            bytes = 0
        }
        try source.forEachCaptureRow { capture in
            captures.append(capture)
            bytes += capture.body.count + (capture.wireBody?.count ?? 0)
            if bytes >= Self.captureBytes || captures.count >= Self.rowBatch { try flush() }
        }
        try flush()
        return total
    }
}
