import DisplayContract
import Foundation
import HDMICEC
import Hyphenation
import Kiosk
import KMSBackend
import Logging
import Prometheus
import RemoteView
import ScheduleCore
import SDLBackend
import SignLayout
import SignRaster

/// A kiosk assembled from its settings and run on this (the main) thread until it is told to
/// stop: its sources (a file, a URL or a hub), the state directory, the display (a window, the
/// console through KMS, or a folder of PNGs), HDMI-CEC, the remote view and the frame loop.
/// The executable only parses arguments and hands them over.
public struct KioskLauncher {
    /// What the kiosk is told.
    public let settings: RunOptions
    /// When the screen is on (from the settings file).
    public let schedule: ScreenSchedule
    /// Switch the TV through HDMI-CEC where one answers (from the settings file).
    public let hdmiCEC: Bool
    /// The log (the journal in the service).
    public let logger: Logger
    /// The remote view's metrics (the process's registry).
    public let registry: PrometheusCollectorRegistry
    /// The machine's clock (the sign's, unless `--clock`/`--speed` simulate one).
    public let systemClock: any WallClock
    /// One line for the person who started it (stderr): which display, the first frame.
    public let report: @Sendable (String) -> Void

    /// A launcher for `options`, with the settings file's `config` wherever no flag was given
    /// (it also says when the screen is on and whether to use HDMI-CEC).
    public init(options: RunOptions, config: KioskConfig?, logger: Logger, registry: PrometheusCollectorRegistry,
                systemClock: any WallClock, report: @escaping @Sendable (String) -> Void) {
        (settings, schedule, hdmiCEC) = (config.map(options.merged(with:)) ?? options, ScreenSchedule(config: config ?? KioskConfig()), config?.hdmiCEC ?? true)
        (self.logger, self.registry, self.systemClock, self.report) = (logger, registry, systemClock, report)
    }

    /// Runs the kiosk until it stops (a signal, `until`, `duration`, Esc in a window). A setting
    /// that cannot be used is a `SettingProblem` thrown before the first frame.
    public func run() throws {
        MemoryTuning.returnLargeBuffersToTheSystem()
        if let note = SourceDocument.machineZone.note { logger.warning("\(note)", metadata: [:]) }
        let (source, liveSource, request) = try sources()
        let cache = try stateCache()
        let signal = LoopSignal()
        let system = systemClock
        let following = settings.hub != nil
        let sources: KioskSources
        do {
            sources = try KioskSources(feed: source, live: liveSource, cache: cache, statusFile: settings.statusFile ?? cache.map { $0.directory + "/status.json" },
                                       names: ("--feed", "--status-file"), pollInterval: following ? .zero : .seconds(of: settings.pollInterval ?? 30),
                                       livePollInterval: following ? .zero : .seconds(of: settings.livePollInterval ?? 5), request: request,
                                       fallbackZone: SourceDocument.fallbackZone, logger: logger,
                                       wallClock: system, clock: ContinuousClock(), onChange: { signal.wake() })
        } catch {
            throw SettingProblem(error.description)
        }
        defer { sources.stop() }
        let (store, status) = (sources.programs, sources.status)
        let startProgram = store.program
        let zone = startProgram?.event.timeZone ?? TimeZone(identifier: "Europe/Stockholm")!
        let wallClock = try signClock(zone: zone, system: system)
        let limits = KioskLimits(signTime: try settings.until.map { try InstantText.parse($0, zone: zone, setting: "--until") },
                                 realDuration: settings.duration.map { .seconds(of: $0) })
        if let startProgram { _ = try settings.sign.choice.mode(for: startProgram) }  // An unknown --room is an error now, not a blank sign.
        let theme = try settings.sign.choice.loadTheme()
        do {
            let kind = try displayKind()
            let library = try SDLLibrary(video: kind == .window)
            let fonts = try FontBook(theme: theme, library: library)
            let display = try openDisplay(kind, library: library, fonts: fonts, signal: signal, title: startProgram?.event.name ?? "Skylt")
            let notifier = SystemdNotifier()
            if settings.headless || notifier.isActive { signal.installSignalHandlers() }
            let screenshots = settings.httpPort.map { _ in ScreenshotMailbox(clock: ContinuousClock(), wakeLoop: { signal.wake() }) }
            let remote = try screenshots.map { try startRemoteView(status: status, screenshots: $0, wallClock: system) } ?? nil
            defer { remote?.stop() }
            // Dictionaries load beside the loop (German takes seconds); a loaded one asks for a new frame.
            let hyphenator = LibHyphenator(loading: .background(onLoaded: { signal.wake() }))
            let step = KioskStep(layout: SignLayout(theme: theme, measurer: fonts, hyphenator: hyphenator), mode: settings.sign.choice.requestedMode,
                                 schedule: schedule, direction: settings.direction)
            let tv = hdmiCEC && !settings.headless ? CECScreenPower.discover(logger: logger) : nil
            if let tv { report("skylt: switching the TV's power through HDMI-CEC: \(tv.description)") }
            // A screen following a hub reports to it what it is and shows, with a thumbnail.
            let subscription = try settings.hub.map { hub throws(SettingProblem) in
                try HubSubscription(hub: hub, screen: settings.screen, tokenFile: settings.hubTokenFile)
            }
            let thumbnails = subscription.map { _ in ScreenshotMailbox(maxAge: .seconds(4), clock: ContinuousClock(), wakeLoop: { signal.wake() }) }
            let reporter = subscription.map { subscription in
                HubReporter(hub: subscription.base, headers: subscription.request.headers, identity: identity(), status: status,
                            thumbnails: thumbnails, clock: ContinuousClock())
            }
            reporter?.start()
            defer { reporter?.stop() }
            let driver = KioskDriver(step: step, store: store, display: display, wallClock: wallClock, clock: ContinuousClock(), signal: signal,
                                     limits: limits, notifier: notifier, screenshots: screenshots, thumbnails: thumbnails,
                                     powerSwitches: tv.map { [$0] } ?? [], live: sources.live)
            let report = report
            driver.onFirstFrame = { _ in report("skylt: first frame on screen after \(String(format: "%.0f", ProcessStart.milliseconds)) ms") }
            try driver.run()
            hyphenator.waitForLoads(timeout: .seconds(2))  // Never exit in the middle of reading a dictionary.
            tv?.flush()
            notifier.stopping()
            logger.notice("stopped", metadata: [:])
        } catch let error as SDLError {
            let hint = error.operation.hasPrefix("SDL_Init") || error.operation == "SDL_CreateWindow"
                ? " (no display found: run under X11/Wayland, on a bare console with --display kms, or use --headless --frames DIR)" : ""
            throw SettingProblem(error.description + hint)
        }
    }

    /// What this screen is, for its hub: its sign, its panel's size and rotation.
    private func identity() -> HubReporter.Identity {
        let sign: String
        switch settings.sign.choice.requestedMode {
        case .room(let id)?: sign = "room \(id)"
        case .rooms(let ids)?: sign = "lobby of \(ids.joined(separator: ", "))"
        case .lobby?: sign = "lobby"
        case nil: sign = "chosen by the program"
        }
        let size = settings.headless ? settings.size.size : settings.window.size
        return HubReporter.Identity(sign: sign, size: settings.fullscreen || settings.display == .kms ? "full screen" : "\(size.width)x\(size.height)",
                                    rotation: settings.sign.choice.rotation.rawValue, theme: settings.sign.theme ?? "dark")
    }

    /// The sign's clock: the system clock, or a simulated one (`clock`, `speed`).
    private func signClock(zone: TimeZone, system: any WallClock) throws(SettingProblem) -> any WallClock {
        if settings.clock == nil && settings.speed == 1 { return system }
        let start = try settings.clock.map { text throws(SettingProblem) in try InstantText.parse(text, zone: zone, setting: "--clock") } ?? system.now()
        return SimulatedWallClock(start: start, speed: settings.speed, clock: ContinuousClock())
    }

    /// Where frames go here (`DisplayChoice`), or why a window cannot be opened.
    private func displayKind() throws(SettingProblem) -> DisplayChoice.Kind {
        switch settings.display.kind(headless: settings.headless, environment: ProcessInfo.processInfo.environment) {
        case .success(let kind): return kind
        case .failure(let refusal): throw SettingProblem(refusal.description)
        }
    }

    /// The PNG folder (headless), the bare console (KMS), or a window (SDL).
    private func openDisplay(_ kind: DisplayChoice.Kind, library: SDLLibrary, fonts: FontBook, signal: LoopSignal, title: String) throws -> any KioskDisplay {
        let rotation = settings.sign.choice.rotation
        if kind == .frames, let frames = settings.framesFolder {
            try FileManager.default.createDirectory(atPath: frames, withIntermediateDirectories: true)
            return FrameSequenceDisplay(folder: frames, panel: settings.size.size, rotation: rotation, fonts: fonts, signal: signal)
        }
        if kind == .kms {
            do {
                let console = try KMSDisplay(rotation: rotation, fonts: fonts, signal: signal, clock: ContinuousClock())
                report("skylt: showing on the console through KMS: \(console.description)")
                return console
            } catch {
                throw SettingProblem("\(error) (for a window run under X11/Wayland or pass --display window; without any display use --headless --frames DIR)")
            }
        }
        let initial = settings.fullscreen ? Size(width: 64, height: 64) : settings.window.size
        let presenter = try WindowPresenter(library: library, width: initial.width, height: initial.height, fullscreen: settings.fullscreen,
                                            rotation: rotation, title: "Skylt — \(title)")
        report("skylt: showing on SDL video driver \(presenter.videoDriver), \(presenter.outputSize)")
        if ["offscreen", "dummy"].contains(presenter.videoDriver), ProcessInfo.processInfo.environment["SDL_VIDEODRIVER"] == nil {
            report("skylt: warning: no display was found, so nothing is visible; use --headless --frames DIR to see frames")
        }
        return WindowDisplay(presenter: presenter, fonts: fonts, signal: signal, clock: ContinuousClock())
    }

    /// The remote view on its own thread beside the loop (nil when not asked for); if it cannot
    /// listen, the kiosk fails with the reason before the first frame.
    private func startRemoteView(status: StatusBoard, screenshots: ScreenshotMailbox, wallClock: any WallClock) throws(SettingProblem) -> RemoteServer? {
        guard let httpPort = settings.httpPort else { return nil }
        guard (1...65_535).contains(httpPort) else { throw SettingProblem("--http-port must be 1–65535") }
        let token = try settings.httpTokenFile.map { file throws(SettingProblem) in
            guard let token = TokenFile.read(file) else { throw SettingProblem("--http-token-file: cannot read a token from \(file)") }
            return token
        }
        do {
            return try RemoteServer(address: settings.httpAddress ?? "127.0.0.1", port: httpPort, token: token, status: status, registry: registry,
                                    screenshot: screenshots, logger: logger, wallClock: wallClock, clock: ContinuousClock())
        } catch {
            throw SettingProblem("--http-port: \(error)")
        }
    }

    /// The program's and the live file's sources, and how URLs are asked: a hub's two
    /// long-polled documents, or the settings' feed (the embedded program when none) and live file.
    private func sources() throws(SettingProblem) -> (feed: SourceAddress, live: SourceAddress?, request: RequestOptions) {
        if let hub = settings.hub {
            let subscription = try HubSubscription(hub: hub, screen: settings.screen, tokenFile: settings.hubTokenFile)
            return (subscription.program, subscription.live, subscription.request)
        }
        let feed: SourceAddress
        if let given = settings.sign.feed {
            feed = SourceAddress(given)
        } else {
            do throws(SourceDocument.Failure) { feed = .file(try SourceDocument.resolve(nil).url.path) } catch { throw SettingProblem(error.description) }
        }
        return (feed, settings.live.map(SourceAddress.init), RequestOptions())
    }

    /// The state directory's cache; without a writable one, the kiosk runs without a cache.
    private func stateCache() throws(SettingProblem) -> SourceCache? {
        if let cache = SourceCache.firstWritable(in: settings.stateDir.map { [$0] } ?? SourceCache.defaultDirectories()) {
            logger.info("state directory", metadata: ["path": "\(cache.directory)"])
            return cache
        }
        if let stateDir = settings.stateDir { throw SettingProblem("--state-dir: cannot create or write \(stateDir)") }
        logger.warning("no writable state directory; the last good feed is not kept", metadata: [:])
        return nil
    }
}
