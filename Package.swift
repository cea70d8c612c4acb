// swift-tools-version:6.0
// 6.0 is the first version whose plugin API has the URL-based paths the embedding plugin uses.

import PackageDescription

let package = Package(
    name: "second-opinion",
    products: [
        /// The dialog engine, for embedders such as support-desk tools.
        .library(name: "DialogEngine", targets: ["DialogEngine"]),
        /// The second-opinion dialogs, compiled into the binary.
        .library(name: "SecondOpinionDialogs", targets: ["SecondOpinionDialogs"]),
        /// The HTTP API (`second-opinion serve`) with its session stores.
        .library(name: "SecondOpinionServer", targets: ["SecondOpinionServer"]),
        .executable(name: "second-opinion", targets: ["SecondOpinionCLI"]),
        /// Speed and memory of the engine, as a table or JSON lines (run it as a release build).
        .executable(name: "second-opinion-bench", targets: ["SecondOpinionBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The engine's one dependency: a session's transcript is a deque, since a long
        // conversation drops its oldest line on every turn, and its variables a tree dictionary,
        // which each undo step shares instead of copying.
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        // Test-only: property-based tests that a mutated saved session never crashes or sticks.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // The server (SecondOpinionServer) only; the engine and the dialogs depend on none of these.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // Named directly because the server uses their types (SocketAddress, MetricsSystem, HTTPField).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // TLS to PostgreSQL (`sslmode` in the store's URL) is configured with its types.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // The Chatwoot adapter's replies go out through Chatwoot's HTTP API.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // The engine: loads, validates and runs conversation trees. Knows nothing about healthcare.
        .target(
            name: "DialogEngine",
            dependencies: [
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HashTreeCollections", package: "swift-collections"),
                "CHeapInfo",
            ]
        ),

        // The bundle under Dialogs/, embedded as generated source so a copied binary still has it.
        // `Dialogs` inside the target is a symlink to the top-level folder, so SwiftPM re-plans
        // (and re-runs the plugin) when dialog files are added, renamed or removed.
        .target(
            name: "SecondOpinionDialogs",
            exclude: ["Dialogs"],
            plugins: ["EmbedDialogsPlugin"]
        ),
        .executableTarget(name: "EmbedDialogsTool"),
        .plugin(
            name: "EmbedDialogsPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedDialogsTool"]
        ),

        // libedit (BSD editline) for the terminal chat.
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),

        // The HTTP API: routes over a conversation service over a session store (memory, SQLite,
        // PostgreSQL). Its own target, so engine work does not rebuild the server's dependencies.
        .target(
            name: "SecondOpinionServer",
            dependencies: [
                "DialogEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/public")]
        ),

        .executableTarget(
            name: "SecondOpinionCLI",
            dependencies: [
                "DialogEngine",
                "SecondOpinionDialogs",
                "SecondOpinionServer",
                "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),

        // The benchmark: a program, not a test, so timings never decide whether tests pass.
        .executableTarget(name: "SecondOpinionBench", dependencies: ["DialogEngine", "SecondOpinionDialogs", "CHeapInfo"]),
        // The C library's heap: what is in use (the benchmark's memory figures), and giving back
        // what loading a bundle used for a moment (the engine, after each load).
        .target(name: "CHeapInfo"),

        // Where the package's files are, for every test target.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "DialogEngineTests",
            dependencies: [
                "DialogEngine", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "HashTreeCollections", package: "swift-collections"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SecondOpinionDialogsTests",
            dependencies: ["DialogEngine", "SecondOpinionDialogs", "TestSupport"],
            exclude: ["Data"]
        ),
        .testTarget(
            name: "SecondOpinionCLITests",
            dependencies: [
                "SecondOpinionCLI", "SecondOpinionServer", "DialogEngine", "SecondOpinionDialogs", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SecondOpinionServerTests",
            dependencies: [
                "SecondOpinionServer",
                "DialogEngine",
                "SecondOpinionDialogs",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Data"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system && target.type != .plugin {
    var settings = target.swiftSettings ?? []
    // Existentials are spelled `any P`, so their cost is visible at the use site.
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    // An extension's members are visible only where its module is imported.
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
