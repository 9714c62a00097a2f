import ArgumentParser
import Foundation
import ScheduleCore

/// `skylt validate FEED`: every error and warning, compiler style, then a one-line summary.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a feed and explain every problem, like a compiler.",
        discussion: "Prints FEED:LINE:COL: error|warning: PATH (session \"ID\"): MESSAGE lines, then a summary. Exit 0 valid, 1 invalid, 2 unreadable."
    )

    @Argument(help: "The feed file (default: the embedded program).")
    var feed: String?

    func run() throws {
        try reportingErrors {
            let file = try FeedFile.resolve(feed)
            let report = FeedReader.read(try file.read())
            for diagnostic in report.diagnostics {
                Output.line(diagnostic.formatted(file: file.displayName))
            }
            Output.line(summary(report, file: file.displayName))
            if !report.isValid { throw ExitCode(1) }
        }
    }

    func summary(_ report: FeedReport, file: String) -> String {
        let warnings = report.warnings.count
        let warningText = "\(warnings) warning\(warnings == 1 ? "" : "s")"
        guard let program = report.program else {
            let errors = report.errors.count
            return "\(file): invalid: \(errors) error\(errors == 1 ? "" : "s"), \(warningText)"
        }
        let zone = program.event.timeZone
        let days = program.days.count
        var text = "\(file): valid \(report.format.rawValue) feed: \(plural(program.sessions.count, "session")), "
            + "\(plural(program.rooms.count, "room")), \(plural(days, "day"))"
        if let first = program.sessions.first, let last = program.sessions.last {
            text += ", first start \(zone.localDateTime(for: first.start).spaced), last start \(zone.localDateTime(for: last.start).spaced) (\(zone.identifier))"
        }
        return text + ", \(warningText)"
    }

    private func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }
}

extension LocalDateTime {
    /// `2020-02-06 09:00`, for summaries.
    var spaced: String { "\(dateText) \(timeText)" }
}
