// swift-tools-version:6.1
import PackageDescription

/// Release builds of the modules on the per-text path leave out the run-time exclusivity
/// checks (each access to a class's stored property, in every posting insert and table
/// lookup). Debug builds, which the test suite runs, keep them, so a conflicting access
/// still fails there.
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

/// ingestd: a deduplicating news ingest and archive service.
///
/// Stages are separate modules with one-way dependencies:
/// `Fetcher` (libcurl, libxml2) and `Normalizer` (libxml2) know nothing of storage,
/// `Archive` (GRDB over the system SQLite, libpq for PostgreSQL, zlib) knows nothing of HTTP or HTML and
/// decides nothing about duplicates, `Dedup` (Archive, Normalizer) holds the one engine
/// that does, and the `ingestd` executable wires them together.
/// SQLite itself comes in through GRDB's `GRDBSQLite` system-library target.
let package = Package(
    name: "ingestd",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ingestd", targets: ["ingestd"]),
        .library(name: "Fetcher", targets: ["Fetcher"]),
        .library(name: "Normalizer", targets: ["Normalizer"]),
        .library(name: "Archive", targets: ["Archive"]),
        .library(name: "Dedup", targets: ["Dedup"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        // MyHTML (Debian's libmodest): HTML5 tree construction for pages.
        .systemLibrary(
            name: "CModest",
            providers: [.apt(["libmodest-dev"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        // PostgreSQL's client library, for the archive on a PostgreSQL server.
        .systemLibrary(
            name: "CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]),
        .target(name: "CTableProbe"),
        // The system simdjson (C++, Debian's libsimdjson-dev) behind a C API, for JSONL lines.
        // The define is the one its pkg-config file gives, which SwiftPM will not pass on.
        .target(
            name: "JSONMembers",
            cxxSettings: [.define("SIMDJSON_THREADS_ENABLED", to: "1")],
            linkerSettings: [.linkedLibrary("simdjson")]),
        .target(name: "Timestamps"),
        .target(name: "Markup", dependencies: ["CLibXML2", "CModest"]),
        .target(name: "Fetcher", dependencies: ["CCurl", "Markup", "Timestamps"]),
        .target(
            name: "Normalizer",
            dependencies: ["Markup", "Timestamps", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: hotPath),
        .target(
            name: "Archive",
            dependencies: [
                "CZlib", "CLibPQ", "Timestamps", "CTableProbe",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the duplicate-index lookups (`IndexLookup`), which are
                // too many for GRDB's row decoding.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: hotPath),
        // The one duplicate engine: candidate rules, the matcher, the in-memory index.
        .target(name: "Dedup", dependencies: ["Archive", "Normalizer", "CTableProbe"], swiftSettings: hotPath),
        .target(name: "CorpusGenerator"),
        .executableTarget(
            name: "ingestd",
            dependencies: [
                "Fetcher", "Normalizer", "Archive", "Dedup", "CorpusGenerator", "CTableProbe", "CZlib", "JSONMembers", "Timestamps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                // The daemon's /metrics and /healthz: a small HTTP server without SwiftNIO.
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: hotPath),
        .target(name: "TestSupport", dependencies: ["CZlib"], path: "Tests/TestSupport"),
        .testTarget(name: "FetcherTests", dependencies: ["Fetcher", "Timestamps", "TestSupport"]),
        .testTarget(name: "NormalizerTests", dependencies: ["Normalizer", "Markup", "TestSupport"]),
        .testTarget(name: "CorpusGeneratorTests", dependencies: ["CorpusGenerator"]),
        .testTarget(
            name: "DedupTests",
            dependencies: ["Dedup", "Archive", "Normalizer", "CorpusGenerator", "TestSupport"]),
        .testTarget(
            name: "ArchiveTests",
            dependencies: ["Archive", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ingestd", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    cxxLanguageStandard: .cxx17
)
