// swift-tools-version: 6.2
import PackageDescription

/// Skylt: conference signage. Data flows one way, and every target depends only inward:
/// feed bytes → `ScheduleCore` (readers, validated `Program`, `Board` at an instant)
/// → `SignText` (wording and dates in the feed's language) → `SignLayout` (positioned text and boxes)
/// → `SignRaster` (the software rasteriser: a display list into pixels, fonts, QR codes, PNG)
/// and `DisplayContract` (the loop's port: a display, its events, screen power, the stop signal)
/// → `Kiosk` (the frame loop: a pure step and a thin driver; sources watched and polled, saved
///   copies, the status, clocks, systemd) and the displays that plug into it through the contract:
///   `SDLBackend` (a window, PNG files), `KMSBackend` (the bare console through libdrm); `HDMICEC`
///   switches the TV's power; `SkyltFiles` writes files atomically and under a lock;
/// `RemoteView` (the read-only HTTP view) beside them; `skylt` (the CLI) wires it all.
/// `SkyltTestSupport` and `skylt-bench` are for tests and measuring: the product has neither.
let package = Package(
    name: "Skylt",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "skylt", targets: ["skylt"]),
        .executable(name: "skylt-hub", targets: ["skylt-hub"]),
        .library(name: "ScheduleCore", targets: ["ScheduleCore"]),
        .library(name: "Kiosk", targets: ["Kiosk"]),
        .library(name: "RemoteView", targets: ["RemoteView"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/pointfreeco/swift-clocks", from: "1.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // The hub's staff pages: password hashes (only HummingbirdBcrypt is built), templates, SQLite.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libxml2 reads schedule.xml (the core's only C library: a parser, no I/O).
        .systemLibrary(name: "CXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "ScheduleCore", dependencies: ["CXML2"]),
        .target(name: "SignText", dependencies: ["ScheduleCore"]),
        .target(name: "SignLayout", dependencies: ["ScheduleCore", "SignText"]),
        .systemLibrary(name: "CSDL2", pkgConfig: "sdl2", providers: [.apt(["libsdl2-dev"])]),
        .systemLibrary(name: "CSDL2TTF", pkgConfig: "SDL2_ttf", providers: [.apt(["libsdl2-ttf-dev"])]),
        .systemLibrary(name: "CSDL2Image", pkgConfig: "SDL2_image", providers: [.apt(["libsdl2-image-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CDRM", pkgConfig: "libdrm", providers: [.apt(["libdrm-dev"])]),
        .systemLibrary(name: "CCEC"),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CHyphen"),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "SkyltFiles"),
        .target(name: "DisplayContract", dependencies: ["SignLayout"]),
        .target(name: "SignRaster", dependencies: ["ScheduleCore", "SignLayout", "SkyltFiles", "CSDL2", "CSDL2TTF", "CSDL2Image", "CQRencode"]),
        .target(name: "Kiosk", dependencies: [
            "ScheduleCore", "SignText", "SignLayout", "DisplayContract", "SkyltFiles", "CMalloc", "CCurl", "CZlib",
            .product(name: "Logging", package: "swift-log"), .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Clocks", package: "swift-clocks"),
        ]),
        // libhyphen's dictionaries, for the layout's `Hyphenator` (the layout reads no files).
        .target(name: "Hyphenation", dependencies: ["SignLayout", "CHyphen"]),
        .target(name: "SDLBackend", dependencies: ["SignLayout", "SignRaster", "DisplayContract", "CSDL2"]),
        .target(name: "KMSBackend", dependencies: ["SignLayout", "SignRaster", "DisplayContract", "CDRM"]),
        .target(name: "HDMICEC", dependencies: ["DisplayContract", "CCEC", .product(name: "Logging", package: "swift-log")]),
        .target(name: "RemoteView", dependencies: [
            "Kiosk", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Prometheus", package: "swift-prometheus"), .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The hub: the program and live file served to every screen (Hummingbird), a sibling of the displays.
        .target(name: "Hub", dependencies: [
            "ScheduleCore", "SignText", "SignLayout", "SignStill", "Kiosk", "DisplayContract", "SkyltFiles", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"), .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"), .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // One frame as a screen shows it, as PNG: `skylt render` and the hub's previews.
        .target(name: "SignStill", dependencies: ["ScheduleCore", "SignLayout", "SignRaster", "Hyphenation", "Kiosk"]),
        // The kiosk assembled from its options and settings: sources, display, HDMI-CEC, remote view, loop.
        .target(name: "KioskLaunch", dependencies: [
            "ScheduleCore", "Kiosk", "DisplayContract", "SignLayout", "SignRaster", "Hyphenation", "SDLBackend", "KMSBackend", "HDMICEC", "RemoteView",
            .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Logging", package: "swift-log"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]),
        .executableTarget(
            name: "skylt",
            dependencies: [
                "ScheduleCore", "SignText", "SignLayout", "SignRaster", "SignStill", "DisplayContract", "SkyltFiles", "Kiosk", "KioskLaunch", "RemoteView",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The hub, a binary of its own (`skylt hub` runs it): the screens' binary carries no web server.
        .executableTarget(name: "skylt-hub", dependencies: [
            "Hub", "Kiosk", "ScheduleCore", .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Logging", package: "swift-log"),
        ]),
        // Measuring, kept out of the shipped binary: `swift run -c release skylt-bench …`.
        .executableTarget(
            name: "skylt-bench",
            dependencies: [
                "ScheduleCore", "SignLayout", "SignRaster", "Hyphenation", "Kiosk", "DisplayContract", "SkyltTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What several test targets (and the benchmarks) share: fixtures, instants, generated feeds.
        .target(name: "SkyltTestSupport", dependencies: ["ScheduleCore", "SignLayout", "Kiosk", "Hyphenation"], path: "Tests/SkyltTestSupport"),
        .testTarget(name: "ScheduleCoreTests", dependencies: ["ScheduleCore", "SkyltTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "SignTextTests", dependencies: ["ScheduleCore", "SignText", "SkyltTestSupport"]),
        .testTarget(name: "HyphenationTests", dependencies: ["Hyphenation", "SkyltTestSupport"]),
        .testTarget(name: "DisplayContractTests", dependencies: ["DisplayContract"]),
        .testTarget(name: "SignLayoutTests", dependencies: ["ScheduleCore", "SignText", "SignLayout", "Hyphenation", "SkyltTestSupport"]),
        .testTarget(name: "SignRasterTests", dependencies: ["ScheduleCore", "SignLayout", "SignRaster", "Kiosk", "CSDL2", "CSDL2Image", "Hyphenation",
                                                            "SkyltTestSupport"],
                    exclude: ["Goldens"]),
        .testTarget(name: "SkyltCLITests", dependencies: ["skylt", "skylt-hub", "Hub", "SkyltTestSupport"]),
        .testTarget(name: "KioskTests", dependencies: [
            "Kiosk", "ScheduleCore", "SignText", "SignLayout", "DisplayContract", "SkyltFiles", "SkyltTestSupport",
            .product(name: "Logging", package: "swift-log"), .product(name: "Clocks", package: "swift-clocks"),
        ]),
        .testTarget(name: "HubTests", dependencies: ["Hub", "ScheduleCore"]),
        .testTarget(name: "KioskLaunchTests", dependencies: [
            "KioskLaunch", "Kiosk", "SignLayout", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "HDMICECTests", dependencies: ["HDMICEC", "DisplayContract", .product(name: "Logging", package: "swift-log")]),
    ],
    swiftLanguageModes: [.v6]
)

// The same strict settings for every target: existential types spelled `any`, and a module's
// members visible only where it is imported.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
