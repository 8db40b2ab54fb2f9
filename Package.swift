// swift-tools-version: 6.0
//
// socai: an event-sourced record keeper for the statistics of party organisation committees.
// No package dependencies: everything beyond the Swift toolchain (SHA-256, argument scanning,
// JSON scanning, CSV) is written in-tree, once, and tested.

import PackageDescription

/// Settings every target shares: Swift 6 language mode, explicit `any` for existentials.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "socai",
    products: [
        .executable(name: "socai", targets: ["socai"]),
    ],
    dependencies: [],
    targets: [
        // The domain: events, units, figures, dates, the projection fold and the queries over it.
        // Standard library only: no Foundation, no I/O, no clock.
        .target(name: "SocaiCore", swiftSettings: strictSettings),

        // The SHA-256 compression function on the CPU's SHA instructions (x86 SHA-NI), chosen at run
        // time by SocaiStore's SHA256 when the CPU has them. C only because Swift cannot name them.
        .target(name: "CSocaiSHA"),

        // The only code that touches files: the journal, its integrity chain, snapshots.
        .target(name: "SocaiStore", dependencies: ["SocaiCore", "CSocaiSHA"], swiftSettings: strictSettings),

        // Report values rendered as text, JSON, CSV and HTML. Never reads files, never computes figures.
        .target(name: "SocaiReports", dependencies: ["SocaiCore"], swiftSettings: strictSettings),

        // The commands, argument scanning, help, and the mapping from errors to exit codes.
        .target(name: "SocaiCLI", dependencies: ["SocaiCore", "SocaiStore", "SocaiReports"],
                swiftSettings: strictSettings),

        // A few lines: hand the process arguments to SocaiCLI and exit with its status.
        .executableTarget(name: "socai", dependencies: ["SocaiCLI"], swiftSettings: strictSettings),

        // Synthetic journals for tests and benchmarks (Tools/generate-journal), written through
        // socai's own append path. Never writes into Journal/.
        .executableTarget(name: "socai-generate", dependencies: ["SocaiCore", "SocaiStore"],
                          path: "Tools/Sources/socai-generate", swiftSettings: strictSettings),

        // In-process measurements for Tools/bench (JSONDecoder baseline, read split, append latency).
        .executableTarget(name: "socai-bench", dependencies: ["SocaiCore", "SocaiStore", "SocaiTestSupport"],
                          path: "Tools/Sources/socai-bench", swiftSettings: strictSettings),
        // The reliability suite's driver (Tools/reliability): each property run with the full counts,
        // and the helpers it starts (a writer that is killed half-way through a line). The properties
        // themselves live in SocaiTestSupport/Reliability, so `swift test` runs short versions of them.
        .executableTarget(name: "socai-reliability", dependencies: ["SocaiTestSupport", "SocaiStore", "SocaiCore"],
                          path: "Tools/Sources/socai-reliability", swiftSettings: strictSettings),

        // Tools/mutate/run: breaks the rule sites of Tools/mutate/sites.txt one at a time in a scratch
        // copy of the repository and reports the mutants no test notices. Foundation only.
        .executableTarget(name: "socai-mutate", path: "Tools/Sources/socai-mutate", swiftSettings: strictSettings),

        // The differential test's long run (Tools/differential): random histories through the
        // reference fold of docs/DECISIONS.md and through socai's engine, differences by class.
        .executableTarget(name: "socai-differential", dependencies: ["SocaiTestSupport", "SocaiCore"],
                          path: "Tools/Sources/socai-differential", swiftSettings: strictSettings),

        // Shared test helpers: temporary directories, running the built binary, fixtures.
        .target(name: "SocaiTestSupport", dependencies: ["SocaiCore", "SocaiStore", "SocaiCLI"],
                swiftSettings: strictSettings),

        .testTarget(name: "SocaiCoreTests", dependencies: ["SocaiCore", "SocaiTestSupport"],
                    swiftSettings: strictSettings),
        .testTarget(name: "SocaiStoreTests", dependencies: ["SocaiStore", "SocaiCore", "SocaiTestSupport"],
                    swiftSettings: strictSettings),
        .testTarget(name: "SocaiReportsTests", dependencies: ["SocaiReports", "SocaiCore", "SocaiTestSupport"],
                    swiftSettings: strictSettings),
        .testTarget(name: "SocaiCLITests", dependencies: ["SocaiCLI", "SocaiCore", "SocaiStore", "SocaiTestSupport"],
                    swiftSettings: strictSettings),
        // Runs the built `socai` binary as a user would and asserts on what it prints.
        .testTarget(name: "SocaiEndToEndTests", dependencies: ["socai", "socai-generate", "socai-reliability", "SocaiCore", "SocaiStore",
                                                              "SocaiTestSupport"],
                    // Golden/ is read from the source tree (and rewritten by RECORD_GOLDEN=1), not bundled.
                    exclude: ["Golden"],
                    resources: [.copy("Fixtures")],
                    swiftSettings: strictSettings),
    ]
)
