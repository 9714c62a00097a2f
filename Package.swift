// swift-tools-version: 6.0
import PackageDescription

/// Skylt: conference signage. Data flows one way, and every target depends only inward:
/// feed bytes → `ScheduleCore` (readers, validated `Program`, `Board` at an instant)
/// → `SignText` (wording and dates in the feed's language) → `SignLayout` (positioned text and boxes)
/// → `SDLBackend` (drawing with SDL2); `Kiosk` (feed watching and polling, cache, status) beside it;
/// → `skylt` (the CLI and frame loop, wiring it all).
let package = Package(
    name: "Skylt",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "skylt", targets: ["skylt"]),
        .library(name: "ScheduleCore", targets: ["ScheduleCore"]),
        .library(name: "Kiosk", targets: ["Kiosk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .target(name: "ScheduleCore"),
        .target(name: "SignText", dependencies: ["ScheduleCore"]),
        .target(name: "SignLayout", dependencies: ["ScheduleCore", "SignText"]),
        .systemLibrary(name: "CSDL2", pkgConfig: "sdl2", providers: [.apt(["libsdl2-dev"])]),
        .systemLibrary(name: "CSDL2TTF", pkgConfig: "SDL2_ttf", providers: [.apt(["libsdl2-ttf-dev"])]),
        .systemLibrary(name: "CSDL2Image", pkgConfig: "SDL2_image", providers: [.apt(["libsdl2-image-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .target(name: "SDLBackend", dependencies: ["SignLayout", "CSDL2", "CSDL2TTF", "CSDL2Image"]),
        .target(name: "Kiosk", dependencies: [
            "ScheduleCore", .product(name: "Logging", package: "swift-log"), .product(name: "Metrics", package: "swift-metrics"),
        ]),
        .target(name: "RemoteView", dependencies: [
            "Kiosk", .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"), .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Metrics", package: "swift-metrics"), .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(
            name: "skylt",
            dependencies: [
                "CMalloc",
                "ScheduleCore",
                "SignText",
                "SignLayout",
                "SDLBackend",
                "Kiosk",
                "RemoteView",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ScheduleCoreTests", dependencies: ["ScheduleCore", "SignText"], exclude: ["Fixtures"]),
        .testTarget(name: "SignLayoutTests", dependencies: ["ScheduleCore", "SignText", "SignLayout"]),
        .testTarget(name: "SDLBackendTests", dependencies: ["ScheduleCore", "SignLayout", "SDLBackend", "CSDL2", "CSDL2Image"],
                    exclude: ["Goldens"]),
        .testTarget(name: "SkyltCLITests", dependencies: ["skylt"]),
        .testTarget(name: "KioskTests", dependencies: ["Kiosk", "ScheduleCore", .product(name: "Logging", package: "swift-log")]),
    ],
    swiftLanguageModes: [.v6]
)
