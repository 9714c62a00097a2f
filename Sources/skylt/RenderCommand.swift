import ArgumentParser
import Foundation
import Kiosk
import KioskLaunch
import ScheduleCore
import SignRaster
import SignLayout
import SignStill

/// `skylt render`: one frame to a PNG, headless (no display, no X, no GPU).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one frame of a sign to a PNG file, without any display."
    )

    @OptionGroup var sign: SignOptions

    @Option(help: "The instant to show (default: now).")
    var at: String?

    @Option(help: "The panel's size in pixels, WIDTHxHEIGHT, as mounted (before rotation).")
    var size = ScreenSize(width: 1920, height: 1080)

    @Option(help: "The technician's live file (delays, full rooms, alerts), a file or an http(s) URL, laid over the feed.")
    var live: String?

    @Option(help: "The screen's own direction line under an emergency alert (\"Nödutgång: trappan till vänster\").")
    var direction: String?

    @Option(help: "The PNG file to write.")
    var out: String

    func run() throws {
        try reportingErrors {
            let program = try SourceDocument.applying(live: live, to: try SourceDocument.named(sign.feed).loadProgram())
            let instant = try at.map { try InstantArgument.parse($0, zone: program.event.timeZone) } ?? SystemWallClock().now()
            let mode = try sign.choice.mode(for: program)
            _ = try sign.choice.loadTheme()  // An unknown theme is a usage error, said as `--theme: …`.
            do {
                let png = try StillFrame().png(program: program, live: program.live, mode: mode, theme: sign.choice.theme, panel: size.size,
                                               rotation: sign.choice.rotation, direction: direction, at: instant)
                try FrameFile.write(png, to: out)
            } catch let error as SDLError {
                throw CLIError.usage(error.description)
            }
        }
    }
}
