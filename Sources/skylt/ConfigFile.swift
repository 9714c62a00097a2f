import ArgumentParser
import Foundation
import Kiosk
import ScheduleCore

/// Reading the kiosk's settings file: unreadable is exit 2, invalid is exit 1, both with
/// located messages like `skylt validate`.
enum ConfigFile {
    static func load(_ path: String) throws -> KioskConfig {
        let file = FeedFile(displayName: path, url: URL(fileURLWithPath: path))
        let (config, diagnostics) = KioskConfig.read(try file.read())
        for diagnostic in diagnostics { Output.error(diagnostic.formatted(file: path)) }
        guard let config else {
            throw CLIError.invalidFeed("\(path) is not a valid settings file; run `skylt check-config \(path)`")
        }
        return config
    }
}

/// `skylt check-config FILE`.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check a settings file (/etc/skylt/skylt.json) and the feed it names.",
        discussion: "Prints FILE:LINE:COL: error|warning: PATH: MESSAGE lines. Exit 0 valid, 1 invalid, 2 unreadable."
    )

    @Argument(help: "The settings file.")
    var file: String

    func run() throws {
        try reportingErrors {
            let reader = FeedFile(displayName: file, url: URL(fileURLWithPath: file))
            let (config, diagnostics) = KioskConfig.read(try reader.read())
            for diagnostic in diagnostics { Output.line(diagnostic.formatted(file: file)) }
            guard let config else {
                Output.line("\(file): invalid: \(diagnostics.filter { $0.severity == .error }.count) errors")
                throw ExitCode(1)
            }
            var summary = "\(file): valid: feed \(config.feed ?? "(the embedded default)")"
            summary += config.lobby ? ", lobby" : config.room.map { ", room \($0)" } ?? ""
            if let on = config.screenOn, let off = config.screenOff {
                summary += ", screen on \(on / 60):\(String(format: "%02d", on % 60))–\(off / 60):\(String(format: "%02d", off % 60))"
            }
            Output.line(summary)
        }
    }
}

/// When the screen is dark: outside the configured hours, and (if asked) once the day's last
/// session is over. It comes back by itself.
struct ScreenSchedule {
    var config: KioskConfig?

    init(config: KioskConfig? = nil) {
        self.config = config
    }

    func isBlank(minuteOfDay: Int, phase: Board.Phase) -> Bool {
        guard let config else { return false }
        if !config.screenIsOn(atMinute: minuteOfDay) { return true }
        return config.blankAfterLastSession && (phase == .dayOver || phase == .eventOver)
    }
}
