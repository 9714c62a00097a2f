import ArgumentParser
import Foundation
import Kiosk
import RemoteView
import ScheduleCore

/// `skylt check-config FILE`: the settings file, and everything it names — the feed (read and
/// validated, a URL fetched once), the room in it, the theme, the token file, the remote view's
/// address, and that the files the kiosk writes are neither the feed nor each other.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check a settings file (/etc/skylt/skylt.json) and the feed, theme and files it names.",
        discussion: "Prints FILE:LINE:COL: error|warning: PATH: MESSAGE lines. Exit 0 valid, 1 invalid, 2 unreadable."
    )

    @Argument(help: "The settings file.")
    var file: String

    func run() throws {
        try reportingErrors {
            let (config, diagnostics) = KioskConfig.read(try SourceDocument(file: file).bytes())
            for diagnostic in diagnostics { Output.line(diagnostic.formatted(file: file)) }
            guard let config else {
                let count = diagnostics.filter { $0.severity == .error }.count
                Output.line("\(file): invalid: \(count) error\(count == 1 ? "" : "s")")
                throw ExitCode(1)
            }
            let check = ConfigCheck(config, settingsName: file, addressProblem: RemoteServer.problem(withAddress:),
                                    tokenReadable: { TokenFile.read($0) != nil })
            for line in check.lines { Output.line(line) }
            for problem in check.problems { Output.line("\(file): error: \(problem)") }
            guard check.problems.isEmpty else {
                Output.line("\(file): invalid: \(check.problems.count) error\(check.problems.count == 1 ? "" : "s") in what it names")
                throw ExitCode(1)
            }
            var summary = "\(file): valid: feed \(config.feed.map { SourceAddress($0).description } ?? "(the embedded default)")"
            summary += config.rooms.map { ", lobby of \($0.joined(separator: ", "))" } ?? (config.lobby ? ", lobby" : config.room.map { ", room \($0)" } ?? "")
            if let on = config.screenOn, let off = config.screenOff {
                summary += ", screen on \(on / 60):\(String(format: "%02d", on % 60))–\(off / 60):\(String(format: "%02d", off % 60))"
            }
            Output.line(summary)
        }
    }
}
