import ArgumentParser
import Foundation
import Kiosk
import ScheduleCore

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
