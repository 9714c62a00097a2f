import ArgumentParser
import DisplayContract
import Kiosk

/// `skylt run`'s options: what the kiosk is told, by flags and (wherever no flag was given) by
/// the settings file (`merged(with:)`). `KioskLauncher` runs a kiosk from them.
public struct RunOptions: ParsableArguments {
    /// No option given.
    public init() {}

    @OptionGroup public var sign: SignOptions

    @Option(help: "A settings file (see deploy/skylt.json); flags given here override it.")
    public var config: String?

    @Option(help: "auto (a window under X11/Wayland, else the bare console), window (SDL, under X11/Wayland only), or kms (the console through libdrm).")
    public var display: DisplayChoice = .auto

    @Flag(help: "Fill the whole screen.")
    public var fullscreen = false

    @Option(help: "Window size, WIDTHxHEIGHT.")
    public var window = ScreenSize(width: 1280, height: 720)

    @Option(help: "Start the sign's clock at this time instead of following the system clock.")
    public var clock: String?

    @Option(help: "Run the sign's clock this many times faster than real time.")
    public var speed = 1.0

    @Flag(help: "Draw without any display; write frames to --frames.")
    public var headless = false

    @Option(help: "With --headless: the folder for frame PNGs (the latest is also current.png).")
    public var frames: String?

    @Option(help: "With --headless: the panel's size, WIDTHxHEIGHT.")
    public var size = ScreenSize(width: 1920, height: 1080)

    @Option(help: "Stop when the sign's clock reaches this time.")
    public var until: String?

    @Option(help: "Stop after this many seconds of real time.")
    public var duration: Double?

    @Option(help: "Where the last good feed is kept (default /var/lib/skylt, or ~/.local/state/skylt when that is not writable).")
    public var stateDir: String?

    @Option(help: "The status JSON, rewritten atomically on every change (default: STATE_DIR/status.json).")
    public var statusFile: String?

    @Option(help: "Seconds between polls of a feed URL (default 30).")
    public var pollInterval: Double?

    @Option(help: "The technician's live file (delays, full rooms, alerts; see `skylt live`): a file (watched) or an http(s) URL (polled).")
    public var live: String?

    @Option(help: "Seconds between polls of a live URL (default 5).")
    public var livePollInterval: Double?

    @Option(help: "This screen's line under an emergency alert, where the way out is from here (\"Nödutgång: trappan till vänster\").")
    public var direction: String?

    @Option(help: "Follow a hub (skylt hub) for the program and the live file: its URL, http://HOST:PORT.")
    public var hub: String?

    @Option(help: "With --hub: this screen's name, as the hub lists it (letters, digits, . _ -).")
    public var screen: String?

    @Option(help: "With --hub: the file holding the fleet's token (the hub's STATE_DIR/fleet-token).")
    public var hubTokenFile: String?

    @Option(help: "Serve GET /status, /screenshot.png and /metrics on this port (off by default).")
    public var httpPort: Int?

    @Option(help: "The address the remote view listens on.")
    public var httpAddress: String?

    @Option(help: "A file holding the bearer token the remote view requires.")
    public var httpTokenFile: String?

    public func validate() throws {
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

    /// Whether frames go to a folder instead of a display.
    var framesFolder: String? { headless ? frames : nil }

    /// These options, with the settings file's wherever no flag was given.
    public func merged(with config: KioskConfig) -> RunOptions {
        var merged = self
        let sign = self.sign.choice.merged(with: config)
        (merged.sign.feed, merged.sign.room, merged.sign.lobby, merged.sign.rotate, merged.sign.theme) = (sign.feed, sign.room, sign.lobby, sign.rotate, sign.theme)
        merged.sign.rooms = sign.rooms?.joined(separator: ",")
        merged.fullscreen = fullscreen || config.fullscreen
        merged.stateDir = stateDir ?? config.stateDir
        merged.statusFile = statusFile ?? config.statusFile
        merged.pollInterval = pollInterval ?? config.pollInterval
        merged.live = live ?? config.live
        merged.livePollInterval = livePollInterval ?? config.livePollInterval
        merged.direction = direction ?? config.emergencyDirection
        merged.httpPort = httpPort ?? config.http?.port
        merged.httpAddress = httpAddress ?? config.http?.address
        merged.httpTokenFile = httpTokenFile ?? config.http?.tokenFile
        merged.hub = hub ?? config.hub
        merged.screen = screen ?? config.screen
        merged.hubTokenFile = hubTokenFile ?? config.hubTokenFile
        return merged
    }
}
