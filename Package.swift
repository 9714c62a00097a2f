// swift-tools-version: 6.0
import PackageDescription

/// Skylt: conference signage. Data flows one way, and every target depends only inward:
/// feed bytes → `ScheduleCore` (readers, validated `Program`, `Board` at an instant)
/// → `SignText` (wording and dates in the feed's language) → `skylt` (the CLI, the only place with effects).
let package = Package(
    name: "Skylt",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "skylt", targets: ["skylt"]),
        .library(name: "ScheduleCore", targets: ["ScheduleCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "ScheduleCore"),
        .target(name: "SignText", dependencies: ["ScheduleCore"]),
        .executableTarget(
            name: "skylt",
            dependencies: [
                "ScheduleCore",
                "SignText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ScheduleCoreTests", dependencies: ["ScheduleCore", "SignText"]),
        .testTarget(name: "SkyltCLITests", dependencies: ["skylt"]),
    ],
    swiftLanguageModes: [.v6]
)
