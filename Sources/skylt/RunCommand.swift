import ArgumentParser
import CMalloc
import Foundation
import Kiosk
import Logging
import Metrics
import Prometheus
import RemoteView
import ScheduleCore
import SDLBackend
import SignLayout

/// `skylt run`: the kiosk. In a window, full screen, on a bare console (KMSDRM), or headless
/// writing frames to a folder; the feed is a watched file or a polled URL.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the sign: in a window, full screen, on the console, or headless.",
        discussion: """
        Without a display server SDL uses KMSDRM (a Raspberry Pi without a desktop). Esc or q quits a window; SIGTERM quits cleanly.
        --feed is a file (watched: edits show within a second) or an http(s) URL (polled). Only valid feeds reach the screen; the last
        good one is kept in --state-dir and shown at once after a restart.
        Demo: skylt run --clock 2020-02-06T08:20 --speed 60 (a conference day in eight minutes).
        """
    )

    @OptionGroup var sign: SignOptions

    @Option(help: "A settings file (see deploy/skylt.json); flags given here override it.")
    var config: String?

    @Flag(help: "Fill the whole screen.")
    var fullscreen = false

    @Option(help: "Window size, WIDTHxHEIGHT.")
    var window = ScreenSize(width: 1280, height: 720)

    @Option(help: "Start the sign's clock at this time instead of following the system clock.")
    var clock: String?

    @Option(help: "Run the sign's clock this many times faster than real time.")
    var speed = 1.0

    @Flag(help: "Draw without any display; write frames to --frames.")
    var headless = false

    @Option(help: "With --headless: the folder for frame PNGs (the latest is also current.png).")
    var frames: String?

    @Option(help: "With --headless: the panel's size, WIDTHxHEIGHT.")
    var size = ScreenSize(width: 1920, height: 1080)

    @Option(help: "Stop when the sign's clock reaches this time.")
    var until: String?

    @Option(help: "Stop after this many seconds of real time.")
    var duration: Double?

    @Option(help: "Where the last good feed is kept (default /var/lib/skylt, or ~/.local/state/skylt when that is not writable).")
    var stateDir: String?

    @Option(help: "The status JSON, rewritten atomically on every change (default: STATE_DIR/status.json).")
    var statusFile: String?

    @Option(help: "Seconds between polls of a feed URL (default 30).")
    var pollInterval: Double?

    @Option(help: "Serve GET /status, /screenshot.png and /metrics on this port (off by default).")
    var httpPort: Int?

    @Option(help: "The address the remote view listens on.")
    var httpAddress: String?

    @Option(help: "A file holding the bearer token the remote view requires.")
    var httpTokenFile: String?

    func validate() throws {
        guard speed > 0, speed <= 100_000 else { throw ValidationError("--speed must be between 0 and 100000") }
        if headless && frames == nil { throw ValidationError("--headless needs --frames DIR") }
        if !headless && frames != nil { throw ValidationError("--frames is for --headless") }
        guard (pollInterval ?? 30) >= 1 else { throw ValidationError("--poll-interval must be at least 1 second") }
    }

    func run() throws {
        var command = self
        var schedule = ScreenSchedule()
        if let config {
            let settings = try ConfigFile.load(config)
            command.sign = sign.merged(with: settings)
            command.fullscreen = fullscreen || settings.fullscreen
            command.stateDir = stateDir ?? settings.stateDir
            command.statusFile = statusFile ?? settings.statusFile
            command.pollInterval = pollInterval ?? settings.pollInterval
            command.httpPort = httpPort ?? settings.http?.port
            command.httpAddress = httpAddress ?? settings.http?.address
            command.httpTokenFile = httpTokenFile ?? settings.http?.tokenFile
            schedule = ScreenSchedule(config: settings)
        }
        try command.runMerged(schedule: schedule)
    }

    private func runMerged(schedule: ScreenSchedule) throws {
        try reportingErrors {
            // Text textures and frames are large, short-lived buffers. glibc raises its mmap
            // threshold each time one is freed, after which such buffers come from the heap and
            // its high-water mark only grows; a fixed threshold hands them back to the system,
            // so the kiosk's RSS stays flat over days (docs/BENCHMARKS.md).
            _ = mallopt(M_MMAP_THRESHOLD, 128 * 1024)
            let logger = Logger(label: "skylt")
            let source = try feedSource()
            let cache = try prepareStateDirectory(logger: logger)
            let waker = LoopWaker()
            let store = FeedStore(source: source, cache: cache, statusFile: statusFile ?? cache.map { $0.directory + "/status.json" },
                                  logger: logger, onChange: { waker.wake() })
            let stopSource = startSource(source, store: store, logger: logger)
            defer { stopSource() }
            let startProgram = store.snapshot().program
            let zone = startProgram?.event.timeZone ?? TimeZone(identifier: "Europe/Stockholm")!
            let signClock = try clock.map { SignClock(start: try InstantArgument.parse($0, zone: zone, option: "--clock"), speed: speed) }
                ?? (speed == 1 ? SignClock() : SignClock(start: Date(), speed: speed))
            let limits = KioskLoop.Limits(signTime: try until.map { try InstantArgument.parse($0, zone: zone, option: "--until") }, realSeconds: duration)
            let mode: SignMode? = try startProgram.map { try sign.mode(for: $0) } ?? (sign.lobby ? .lobby : sign.room.map { .room($0) })
            let theme = try sign.loadTheme()
            if let frames {
                try FileManager.default.createDirectory(atPath: frames, withIntermediateDirectories: true)
            }
            do {
                let library = try SDLLibrary(video: !headless)
                let fonts = try FontBook(theme: theme, library: library)
                let screen: KioskLoop.Screen
                if let frames {
                    screen = .headless(folder: frames, size: size.layoutSize(sign.rotation))
                    waker.installSignalHandlers()
                } else {
                    screen = .window(try openWindow(library: library, title: startProgram?.event.name ?? "Skylt"))
                    waker.useSDLEvents()
                }
                let notifier = SystemdNotifier()
                let remote = try startRemoteView(store: store, waker: waker, logger: logger)
                let loop = KioskLoop(store: store, mode: sign.lobby || sign.room != nil ? mode : nil, layout: SignLayout(theme: theme, measurer: fonts),
                                     fonts: fonts, rotation: sign.rotation, clock: signClock, screen: screen, waker: waker)
                loop.schedule = schedule
                loop.notifier = notifier
                loop.screenshots = remote?.screenshots
                if notifier.isActive { waker.installSignalHandlers() }
                try loop.run(limits: limits)
                notifier.stopping()
                logger.notice("stopped", metadata: [:])
            } catch let error as SDLError {
                let hint = error.operation.hasPrefix("SDL_Init") || error.operation == "SDL_CreateWindow"
                    ? " (no display found: run under X11/Wayland, on a console with /dev/dri for KMSDRM, or use --headless --frames DIR)" : ""
                throw CLIError.usage(error.description + hint)
            }
        }
    }

    /// The remote view, when a port is given: metrics through swift-metrics into a Prometheus registry.
    private func startRemoteView(store: FeedStore, waker: LoopWaker, logger: Logger) throws -> (server: RemoteServer, screenshots: ScreenshotMailbox)? {
        guard let httpPort else { return nil }
        guard (1...65_535).contains(httpPort) else { throw CLIError.usage("--http-port must be 1–65535") }
        var token: String?
        if let httpTokenFile {
            guard let text = try? String(contentsOfFile: httpTokenFile, encoding: .utf8), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw CLIError.usage("--http-token-file: cannot read a token from \(httpTokenFile)")
            }
            token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let mailbox = ScreenshotMailbox(wakeLoop: { waker.wake() })
        let address = httpAddress ?? "127.0.0.1"
        let registry = MetricsRegistry.shared
        let box = ResultBox<RemoteServer>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.result = await Result(catching: {
                try await RemoteServer(address: address, port: httpPort, token: token, store: store, registry: registry, screenshot: mailbox, logger: logger)
            })
            done.signal()
        }
        done.wait()
        switch box.result {
        case .success(let server)?: return (server, mailbox)
        case .failure(let error)?: throw CLIError.usage("--http-port: cannot listen on \(address):\(httpPort): \(error)")
        case nil: return nil
        }
    }

    private func feedSource() throws -> FeedSource {
        if let feed = sign.feed { return FeedSource(feed) }
        return .file(try FeedFile.resolve(nil).url.path)
    }

    /// The state directory and cache; without a writable one, the kiosk runs without a cache.
    private func prepareStateDirectory(logger: Logger) throws -> FeedCache? {
        var candidates = [String]()
        if let stateDir {
            candidates = [stateDir]
        } else {
            candidates = ["/var/lib/skylt"]
            if let home = ProcessInfo.processInfo.environment["HOME"] { candidates.append(home + "/.local/state/skylt") }
        }
        for directory in candidates {
            let cache = FeedCache(directory: directory)
            if (try? cache.prepare()) != nil, access(directory, W_OK) == 0 {
                logger.info("state directory", metadata: ["path": "\(directory)"])
                return cache
            }
        }
        if stateDir != nil { throw CLIError.usage("--state-dir: cannot create or write \(stateDir!)") }
        logger.warning("no writable state directory; the last good feed is not kept", metadata: [:])
        return nil
    }

    /// Starts watching or polling; reads a file (or the cache) at once so the first frame has a program.
    private func startSource(_ source: FeedSource, store: FeedStore, logger: Logger) -> () -> Void {
        switch source {
        case .file(let path):
            store.setStaleAfter(0)
            let watcher = FileFeedWatcher(path: path, store: store, logger: logger)
            watcher.start()
            if store.snapshot().program == nil { store.loadCache() }
            return { watcher.stop() }
        case .url(let url):
            store.loadCache()
            let poller = URLFeedPoller(fetcher: HTTPFeedFetcher(url: url), store: store, logger: logger, interval: pollInterval ?? 30)
            poller.start()
            return { poller.stop() }
        }
    }

    private func openWindow(library: SDLLibrary, title: String) throws -> WindowPresenter {
        let (width, height) = fullscreen ? (64, 64) : (window.width, window.height)
        let presenter = try WindowPresenter(library: library, width: width, height: height, fullscreen: fullscreen,
                                            rotation: sign.rotation, title: "Skylt — \(title)")
        let driver = presenter.videoDriver
        Output.error("skylt: showing on SDL video driver \(driver), \(presenter.outputSize.width)x\(presenter.outputSize.height)")
        if ["offscreen", "dummy"].contains(driver), ProcessInfo.processInfo.environment["SDL_VIDEODRIVER"] == nil {
            Output.error("skylt: warning: no display was found, so nothing is visible; use --headless --frames DIR to see frames")
        }
        return presenter
    }
}

/// Carries an async result back to synchronous code.
final class ResultBox<Value: Sendable>: @unchecked Sendable {
    var result: Result<Value, Error>?
}

extension Result where Failure == Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

/// The process's metrics: swift-metrics bootstrapped once, at start (before any metric is
/// made), with a Prometheus registry that the remote view exports.
enum MetricsRegistry {
    static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}
