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
            Output.line(report.summary(file: file.displayName))
            if !report.isValid { throw ExitCode(1) }
        }
    }
}
