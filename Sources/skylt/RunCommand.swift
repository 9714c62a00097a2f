import ArgumentParser
import Foundation
import Hyphenation
import DisplayContract
import Kiosk
import Logging
import Metrics
import Prometheus
import RemoteView
import ScheduleCore
import HDMICEC
import KMSBackend
import SDLBackend
import SignRaster
import SignLayout

/// `skylt run`: the kiosk. In a window, full screen, on a bare console (KMS through libdrm), or
/// headless writing frames to a folder; the feed is a watched file or a polled URL.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the sign: in a window, full screen, on the console, or headless.",
        discussion: """
        Without a display server the sign goes to the bare console through KMS (libdrm, no GL: a Raspberry Pi without a desktop).
        Esc or q quits a window; SIGTERM quits cleanly.
        --feed is a file (watched: edits show within a second) or an http(s) URL (polled). Only valid feeds reach the screen; the last
        good one is kept in --state-dir and shown at once after a restart.
        Demo: skylt run --clock 2020-02-06T08:20 --speed 60 (a conference day in eight minutes).
        """
    )

    @OptionGroup var sign: SignOptions

    @Option(help: "A settings file (see deploy/skylt.json); flags given here override it.")
    var config: String?

    @Option(help: "auto (a window under X11/Wayland, else the bare console), window (SDL, under X11/Wayland only), or kms (the console through libdrm).")
    var display: DisplayChoice = .auto

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

    @Option(help: "The technician's live file (delays, full rooms, alerts; see `skylt live`): a file (watched) or an http(s) URL (polled).")
    var live: String?

    @Option(help: "Seconds between polls of a live URL (default 5).")
    var livePollInterval: Double?

    @Option(help: "This screen's line under an emergency alert, where the way out is from here (\"Nödutgång: trappan till vänster\").")
    var direction: String?

    @Option(help: "Follow a hub (skylt hub) for the program and the live file: its URL, http://HOST:PORT.")
    var hub: String?

    @Option(help: "With --hub: this screen's name, as the hub lists it (letters, digits, . _ -).")
    var screen: String?

    @Option(help: "With --hub: the file holding the fleet's token (the hub's STATE_DIR/fleet-token).")
    var hubTokenFile: String?

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
        // NaN, infinities and absurd values are usage errors, never a trap or a poll that never comes.
        if let pollInterval, !(1...86_400).contains(pollInterval) {
            throw ValidationError("--poll-interval must be between 1 and 86400 seconds")
        }
        if let livePollInterval, !(1...3_600).contains(livePollInterval) {
            throw ValidationError("--live-poll-interval must be between 1 and 3600 seconds")
        }
        if hub != nil && (sign.feed != nil || live != nil) { throw ValidationError("--hub serves the program and the live file: give neither --feed nor --live") }
        if hub != nil && screen == nil { throw ValidationError("--hub needs --screen NAME (how the hub lists this screen)") }
        if let duration, !(duration > 0 && duration <= 10 * 365 * 86_400) {
            throw ValidationError("--duration must be more than 0 and at most ten years, in seconds")
        }
    }

    func run() throws {
        var command = self
        var schedule = ScreenSchedule()
        var hdmiCEC = true
        if let config {
            let settings = try ConfigFile.load(config)
            command.sign = sign.merged(with: settings)
            command.fullscreen = fullscreen || settings.fullscreen
            command.stateDir = stateDir ?? settings.stateDir
            command.statusFile = statusFile ?? settings.statusFile
            command.pollInterval = pollInterval ?? settings.pollInterval
            command.live = live ?? settings.live
            command.livePollInterval = livePollInterval ?? settings.livePollInterval
            command.direction = direction ?? settings.emergencyDirection
            command.httpPort = httpPort ?? settings.http?.port
            command.httpAddress = httpAddress ?? settings.http?.address
            command.httpTokenFile = httpTokenFile ?? settings.http?.tokenFile
            command.hub = hub ?? settings.hub
            command.screen = screen ?? settings.screen
            command.hubTokenFile = hubTokenFile ?? settings.hubTokenFile
            schedule = ScreenSchedule(config: settings)
            hdmiCEC = settings.hdmiCEC
        }
        try reportingErrors { try command.runMerged(schedule: schedule, hdmiCEC: hdmiCEC) }
    }

    /// Wires the parts together and runs the frame loop on this (the main) thread.
    private func runMerged(schedule: ScreenSchedule, hdmiCEC: Bool) throws {
        MemoryTuning.returnLargeBuffersToTheSystem()
        let logger = Logger(label: "skylt")
        if let note = SourceDocument.machineZone.note { logger.warning("\(note)", metadata: [:]) }
        let (source, liveSource, request) = try sources()
        let cache = try stateCache(logger: logger)
        let signal = LoopSignal()
        let system = SystemWallClock()
        let sources: KioskSources
        do {
            sources = try KioskSources(feed: source, live: liveSource, cache: cache, statusFile: statusFile ?? cache.map { $0.directory + "/status.json" },
                                       names: ("--feed", "--status-file"), pollInterval: hub == nil ? .seconds(of: pollInterval ?? 30) : .zero,
                                       livePollInterval: hub == nil ? .seconds(of: livePollInterval ?? 5) : .zero, request: request,
                                       fallbackZone: SourceDocument.fallbackZone, logger: logger,
                                       wallClock: system, clock: ContinuousClock(), onChange: { signal.wake() })
        } catch {
            throw CLIError.usage(error.description)
        }
        defer { sources.stop() }
        let (store, status) = (sources.programs, sources.status)
        let startProgram = store.program
        let zone = startProgram?.event.timeZone ?? TimeZone(identifier: "Europe/Stockholm")!
        let wallClock = try signClock(zone: zone, system: system)
        let limits = KioskLimits(signTime: try until.map { try InstantArgument.parse($0, zone: zone, option: "--until") },
                                                         realDuration: duration.map { .seconds(of: $0) })
        if let startProgram { _ = try sign.mode(for: startProgram) }  // An unknown --room is an error now, not a blank sign.
        let theme = try sign.loadTheme()
        do {
            let kind = try displayKind()
            let library = try SDLLibrary(video: kind == .window)
            let fonts = try FontBook(theme: theme, library: library)
            let display = try openDisplay(kind, library: library, fonts: fonts, signal: signal, title: startProgram?.event.name ?? "Skylt")
            let notifier = SystemdNotifier()
            if headless || notifier.isActive { signal.installSignalHandlers() }
            let screenshots = httpPort.map { _ in ScreenshotMailbox(clock: ContinuousClock(), wakeLoop: { signal.wake() }) }
            let remote = try screenshots.map { try startRemoteView(status: status, screenshots: $0, wallClock: system, logger: logger) } ?? nil
            defer { remote?.stop() }
            // Dictionaries load beside the loop (German takes seconds); a loaded one asks for a new frame.
            let hyphenator = LibHyphenator(loading: .background(onLoaded: { signal.wake() }))
            let step = KioskStep(layout: SignLayout(theme: theme, measurer: fonts, hyphenator: hyphenator), mode: sign.requestedMode, schedule: schedule, direction: direction)
            let tv = hdmiCEC && !headless ? CECScreenPower.discover(logger: logger) : nil
            if let tv { Output.error("skylt: switching the TV's power through HDMI-CEC: \(tv.description)") }
            let driver = KioskDriver(step: step, store: store, display: display, wallClock: wallClock, clock: ContinuousClock(), signal: signal,
                                     limits: limits, notifier: notifier, screenshots: screenshots, powerSwitches: tv.map { [$0] } ?? [],
                                     live: sources.live)
            driver.onFirstFrame = { _ in
                Output.error("skylt: first frame on screen after \(String(format: "%.0f", ProcessStart.milliseconds)) ms")
            }
            try driver.run()
            hyphenator.waitForLoads(timeout: .seconds(2))  // Never exit in the middle of reading a dictionary.
            tv?.flush()
            notifier.stopping()
            logger.notice("stopped", metadata: [:])
        } catch let error as SDLError {
            let hint = error.operation.hasPrefix("SDL_Init") || error.operation == "SDL_CreateWindow"
                ? " (no display found: run under X11/Wayland, on a bare console with --display kms, or use --headless --frames DIR)" : ""
            throw CLIError.usage(error.description + hint)
        }
    }

    /// The sign's clock: the system clock, or a simulated one (`--clock`, `--speed`).
    private func signClock(zone: TimeZone, system: SystemWallClock) throws -> any WallClock {
        if clock == nil && speed == 1 { return system }
        let start = try clock.map { try InstantArgument.parse($0, zone: zone, option: "--clock") } ?? system.now()
        return SimulatedWallClock(start: start, speed: speed, clock: ContinuousClock())
    }

    /// Where frames go here (`DisplayChoice`), or why a window cannot be opened.
    private func displayKind() throws -> DisplayChoice.Kind {
        switch display.kind(headless: headless, environment: ProcessInfo.processInfo.environment) {
        case .success(let kind): return kind
        case .failure(let refusal): throw CLIError.usage(refusal.description)
        }
    }

    /// The PNG folder (headless), the bare console (KMS), or a window (SDL).
    private func openDisplay(_ kind: DisplayChoice.Kind, library: SDLLibrary, fonts: FontBook, signal: LoopSignal, title: String) throws -> any KioskDisplay {
        if kind == .frames, let frames {
            try FileManager.default.createDirectory(atPath: frames, withIntermediateDirectories: true)
            return FrameSequenceDisplay(folder: frames, panel: size.size, rotation: sign.rotation, fonts: fonts, signal: signal)
        }
        if kind == .kms {
            do {
                let console = try KMSDisplay(rotation: sign.rotation, fonts: fonts, signal: signal, clock: ContinuousClock())
                Output.error("skylt: showing on the console through KMS: \(console.description)")
                return console
            } catch {
                throw CLIError.usage("\(error) (for a window run under X11/Wayland or pass --display window; without any display use --headless --frames DIR)")
            }
        }
        let initial = fullscreen ? Size(width: 64, height: 64) : window.size
        let presenter = try WindowPresenter(library: library, width: initial.width, height: initial.height, fullscreen: fullscreen,
                                            rotation: sign.rotation, title: "Skylt — \(title)")
        Output.error("skylt: showing on SDL video driver \(presenter.videoDriver), \(presenter.outputSize)")
        if ["offscreen", "dummy"].contains(presenter.videoDriver), ProcessInfo.processInfo.environment["SDL_VIDEODRIVER"] == nil {
            Output.error("skylt: warning: no display was found, so nothing is visible; use --headless --frames DIR to see frames")
        }
        return WindowDisplay(presenter: presenter, fonts: fonts, signal: signal, clock: ContinuousClock())
    }

    /// The remote view on its own thread beside the loop (nil when not asked for); if it cannot
    /// listen, the command fails with the reason before the first frame.
    private func startRemoteView(status: StatusBoard, screenshots: ScreenshotMailbox, wallClock: any WallClock, logger: Logger) throws -> RemoteServer? {
        guard let httpPort else { return nil }
        guard (1...65_535).contains(httpPort) else { throw CLIError.usage("--http-port must be 1–65535") }
        let token = try httpTokenFile.map { file in
            guard let token = TokenFile.read(file) else { throw CLIError.usage("--http-token-file: cannot read a token from \(file)") }
            return token
        }
        let address = httpAddress ?? "127.0.0.1"
        do {
            return try RemoteServer(address: address, port: httpPort, token: token, status: status, registry: MetricsRegistry.shared,
                                    screenshot: screenshots, logger: logger, wallClock: wallClock, clock: ContinuousClock())
        } catch {
            throw CLIError.usage("--http-port: \(error)")
        }
    }

    /// The program's and the live file's sources, and how URLs are asked: a hub's two
    /// long-polled documents (with the fleet's token and this screen's name), or the flags'.
    private func sources() throws -> (feed: SourceAddress, live: SourceAddress?, request: RequestOptions) {
        if let hub {
            guard let base = URL(string: hub), ["http", "https"].contains(base.scheme?.lowercased() ?? ""), base.host != nil else {
                throw CLIError.usage("--hub must be an http(s) URL such as http://hub.local:8080, not \"\(hub)\"")
            }
            guard let screen, HubNames.isValidScreenName(screen) else {
                throw CLIError.usage("--screen must be 1–64 letters, digits, '.', '_' or '-'")
            }
            var headers = ["X-Skylt-Screen: \(screen)"]
            if let hubTokenFile {
                guard let token = TokenFile.read(hubTokenFile) else { throw CLIError.usage("--hub-token-file: cannot read a token from \(hubTokenFile)") }
                headers.append("Authorization: Bearer \(token)")
            }
            // The hub holds a request up to 25 s: a request fails after 35 s without a byte; a hub that is down is asked again within a second.
            let request = RequestOptions(timeout: 35, headers: headers, maxBackoff: .milliseconds(800))
            return (.url(base.appendingPathComponent("v1/program")), .url(base.appendingPathComponent("v1/live")), request)
        }
        let feed: SourceAddress = try sign.feed.map(SourceAddress.init) ?? .file(SourceDocument.named(nil).url.path)
        return (feed, live.map(SourceAddress.init), RequestOptions())
    }

    /// The state directory's cache; without a writable one, the kiosk runs without a cache.
    private func stateCache(logger: Logger) throws -> SourceCache? {
        if let cache = SourceCache.firstWritable(in: stateDir.map { [$0] } ?? SourceCache.defaultDirectories()) {
            logger.info("state directory", metadata: ["path": "\(cache.directory)"])
            return cache
        }
        if let stateDir { throw CLIError.usage("--state-dir: cannot create or write \(stateDir)") }
        logger.warning("no writable state directory; the last good feed is not kept", metadata: [:])
        return nil
    }
}
