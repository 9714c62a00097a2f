// swift-tools-version: 6.2
import PackageDescription

/// libFuzzer targets for Skylt's readers, one per input format (the technician's live file too), and for what arrives from the
/// network: a feed URL's gzip body, a request to the remote view. A package of its own so that the
/// main package's ordinary builds never see executables without a `main` (libFuzzer brings it).
/// Build and run them with `Tests/Fuzz/fuzz.sh` (see its header).
let package = Package(
    name: "SkyltFuzz",
    dependencies: [.package(name: "Skylt", path: "../.."), .package(url: "https://github.com/apple/swift-nio", from: "2.101.2")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "ScheduleCore", package: "Skylt")]),
        .executableTarget(name: "FuzzNativeFeed", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzFrabFeed", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzICalendar", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzScheduleXML", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzLive", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzConfig", dependencies: [.product(name: "Kiosk", package: "Skylt")]),
        .executableTarget(name: "FuzzGzip", dependencies: [.product(name: "Kiosk", package: "Skylt")]),
        .executableTarget(name: "FuzzRemoteRequest", dependencies: [
            .product(name: "RemoteView", package: "Skylt"), .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
