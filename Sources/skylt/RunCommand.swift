import ArgumentParser
import DisplayContract
import Kiosk
import KioskLaunch
import Logging

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

    @OptionGroup var options: RunOptions

    func run() throws {
        try reportingErrors {
            let launcher = KioskLauncher(options: options, config: try options.config.map { try ConfigFile.load($0) },
                                         logger: Logger(label: "skylt"), registry: MetricsRegistry.shared, systemClock: SystemWallClock(),
                                         report: { Output.error($0) })
            try launcher.run()
        }
    }
}
