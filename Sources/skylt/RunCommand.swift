import ArgumentParser
import Foundation
import ScheduleCore
import SDLBackend
import SignLayout

/// `skylt run`: the kiosk. In a window, full screen, on a bare console (KMSDRM), or headless
/// writing frames to a folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the sign: in a window, full screen, on the console, or headless.",
        discussion: """
        Without a display server SDL uses KMSDRM (a Raspberry Pi without a desktop). Esc or q quits a window; SIGTERM quits cleanly.
        Demo: skylt run --clock 2020-02-06T08:20 --speed 60 (a conference day in eight minutes).
        """
    )

    @OptionGroup var sign: SignOptions

    @Flag(help: "Fill the whole screen.")
    var fullscreen = false

    @Option(help: "Window size, WIDTHxHEIGHT.")
    var window = ScreenSize(width: 1280, height: 720)

    @Option(help: "Start the sign's clock at this time instead of now.")
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

    func validate() throws {
        guard speed > 0, speed <= 100_000 else { throw ValidationError("--speed must be between 0 and 100000") }
        if headless && frames == nil { throw ValidationError("--headless needs --frames DIR") }
        if !headless && frames != nil { throw ValidationError("--frames is for --headless") }
    }

    func run() throws {
        try reportingErrors {
            let program = try FeedFile.resolve(sign.feed).loadProgram()
            let zone = program.event.timeZone
            let start = try clock.map { try InstantArgument.parse($0, zone: zone) } ?? Date()
            let stopAt = try until.map { try InstantArgument.parse($0, zone: zone) }
            let mode = try sign.mode(for: program)
            let theme = try sign.loadTheme()
            if let frames {
                try FileManager.default.createDirectory(atPath: frames, withIntermediateDirectories: true)
            }
            let signClock = SignClock(start: start, speed: speed)
            let limits = KioskLoop.Limits(signTime: stopAt, realSeconds: duration)
            do {
                let library = try SDLLibrary(video: !headless)
                try withExtendedLifetime(library) {
                    let fonts = try FontBook(theme: theme, library: library)
                    let screen: KioskLoop.Screen
                    if let frames {
                        screen = .headless(folder: frames, size: size.layoutSize(sign.rotation))
                    } else {
                        let (width, height) = fullscreen ? (0, 0) : (window.width, window.height)
                        let presenter = try WindowPresenter(library: library, width: max(width, 64), height: max(height, 64), fullscreen: fullscreen,
                                                            rotation: sign.rotation, title: "Skylt — \(program.event.name)")
                        let driver = presenter.videoDriver
                        Output.error("skylt: showing on SDL video driver \(driver), \(presenter.outputSize.width)x\(presenter.outputSize.height)")
                        if ["offscreen", "dummy"].contains(driver), ProcessInfo.processInfo.environment["SDL_VIDEODRIVER"] == nil {
                            Output.error("skylt: warning: no display was found, so nothing is visible; use --headless --frames DIR to see frames")
                        }
                        screen = .window(presenter)
                    }
                    let loop = KioskLoop(program: program, mode: mode, layout: SignLayout(theme: theme, measurer: fonts), fonts: fonts,
                                         rotation: sign.rotation, clock: signClock, screen: screen)
                    try loop.run(limits: limits)
                }
            } catch let error as SDLError {
                let hint = error.operation.hasPrefix("SDL_Init") || error.operation == "SDL_CreateWindow"
                    ? " (no display found: run under X11/Wayland, on a console with /dev/dri for KMSDRM, or use --headless --frames DIR)" : ""
                throw CLIError.usage(error.description + hint)
            }
        }
    }
}
