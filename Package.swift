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
        .executable(name: "second-opinion", targets: ["SecondOpinionCLI"]),
        /// Speed and memory of the engine, as a table or JSON lines (run it as a release build).
        .executable(name: "second-opinion-bench", targets: ["SecondOpinionBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Test-only: property-based tests that a mutated saved session never crashes or sticks.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The engine: loads, validates and runs conversation trees. Knows nothing about healthcare.
        .target(name: "DialogEngine"),

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

        .executableTarget(
            name: "SecondOpinionCLI",
            dependencies: [
                "DialogEngine",
                "SecondOpinionDialogs",
                "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // The benchmark: a program, not a test, so timings never decide whether tests pass.
        .executableTarget(name: "SecondOpinionBench", dependencies: ["DialogEngine", "SecondOpinionDialogs", "CHeapInfo"]),
        // The live heap as glibc counts it, for the benchmark's memory figures.
        .target(name: "CHeapInfo"),

        .testTarget(
            name: "DialogEngineTests",
            dependencies: ["DialogEngine", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SecondOpinionDialogsTests",
            dependencies: ["DialogEngine", "SecondOpinionDialogs"],
            exclude: ["Data"]
        ),
        .testTarget(
            name: "SecondOpinionCLITests",
            dependencies: ["SecondOpinionCLI", "DialogEngine", "SecondOpinionDialogs"]
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
