// swift-tools-version:6.1
import PackageDescription

// Release builds leave out the run-time exclusivity checks of class properties (3 % of the
// instructions of a conversion, see docs/performance.md; debug builds — the tests — keep them,
// so an overlapping access still fails there) and optimise across modules (0.5 %). Not for
// OICP: a library product with unsafe flags cannot be a dependency.
let unchecked: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked", "-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "oicp-etl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "oicp-etl", targets: ["oicp-etl"]),
        .library(name: "OICP", targets: ["OICP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries, each behind one small Swift file in `Readers`.
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // Small POSIX helpers Swift cannot call directly (renameat2).
        .target(name: "CSystem"),

        // Byte scanning with the processor's vector instructions (SSE2), which Swift does not
        // expose: the split of plain CSV lines.
        .target(name: "CScan"),

        // The OICP 2.3 / 2.2 data model, validation rules and JSON encoding. Depends on nothing else.
        .target(name: "OICP"),

        // Shared vocabulary of the pipeline: source records, provenance, diagnostics.
        .target(name: "ETLCore", swiftSettings: unchecked),

        // Readers: bytes to SourceRecords, one per format.
        .target(name: "Readers", dependencies: ["ETLCore", "CLibCSV", "CLibXML2", "CScan"], swiftSettings: unchecked),

        // The mapping language: YAML loading, compilation to a plan, evaluation.
        .target(name: "Mapping", dependencies: ["ETLCore", "OICP", "Readers", .product(name: "Yams", package: "Yams")], swiftSettings: unchecked),

        // Output: push bundles, the run report and the rejects file.
        .target(name: "Bundles", dependencies: ["ETLCore", "OICP", "CSystem"], swiftSettings: unchecked),

        // The pipeline that wires reader, mapper, validator and writer together.
        .target(name: "Conversion", dependencies: ["ETLCore", "OICP", "Readers", "Mapping", "Bundles"], swiftSettings: unchecked),

        // The thin command-line tool.
        .executableTarget(
            name: "oicp-etl",
            dependencies: ["Conversion", "OICP", "Mapping", "Readers", "ETLCore",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: unchecked,
            // jemalloc in place of glibc's malloc (linked before libc, it serves every
            // allocation of the process): records are made on the mapping threads and freed on
            // the writing thread, which glibc's allocator pays for. See docs/performance.md.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),

        .testTarget(name: "OICPTests", dependencies: ["OICP"], resources: [.copy("Golden")]),
        .testTarget(name: "ETLCoreTests", dependencies: ["ETLCore"]),
        .testTarget(name: "ReadersTests", dependencies: ["Readers", "ETLCore"]),
        .testTarget(name: "MappingTests", dependencies: ["Mapping", "OICP", "ETLCore", "Readers"]),
        .testTarget(name: "BundlesTests", dependencies: ["Bundles", "OICP", "ETLCore"]),
        .testTarget(name: "ConversionTests", dependencies: ["Conversion", "OICP", "ETLCore"]),
        .testTarget(name: "oicp-etlTests", dependencies: ["oicp-etl"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets, one per reader and one for mapping files. Only Tests/fuzz/run-fuzz.sh
// builds them (with OICP_ETL_FUZZ=1 and -sanitize=fuzzer,address): an ordinary build cannot
// link them, since libFuzzer supplies their main.
if Context.environment["OICP_ETL_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzSupport", path: "Sources/Fuzz/FuzzSupport"),
        .executableTarget(name: "fuzz-csv", dependencies: ["Readers", "ETLCore", "FuzzSupport"], path: "Sources/Fuzz/FuzzCSV"),
        .executableTarget(name: "fuzz-xml", dependencies: ["Readers", "ETLCore", "FuzzSupport"], path: "Sources/Fuzz/FuzzXML"),
        .executableTarget(name: "fuzz-json", dependencies: ["Readers", "ETLCore", "OICP", "FuzzSupport"], path: "Sources/Fuzz/FuzzJSON"),
        .executableTarget(name: "fuzz-mapping", dependencies: ["Mapping", "Readers", "ETLCore", "OICP", "FuzzSupport"], path: "Sources/Fuzz/FuzzMapping"),
    ]
}
