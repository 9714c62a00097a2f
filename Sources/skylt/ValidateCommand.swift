import ArgumentParser
import Foundation
import Kiosk
import ScheduleCore

/// `skylt validate FEED`: every error and warning, compiler style, then a one-line summary.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a feed and explain every problem, like a compiler.",
        discussion: "Prints FEED:LINE:COL: error|warning: PATH (session \"ID\"): MESSAGE lines, then a summary; with --live the same for the live file. Exit 0 valid, 1 invalid, 2 unreadable."
    )

    @Argument(help: "The feed file (default: the embedded program).")
    var feed: String?

    @Option(help: "Also check the technician's live file (a file or URL) against the feed.")
    var live: String?

    func run() throws {
        try reportingErrors {
            let file = try SourceDocument.named(feed)
            let bytes = try file.bytes()
            if LiveReader.looksLikeLiveFile(bytes) {
                throw CLIError.usage("\(file.displayName) is a live file, not a feed; check it against its feed: skylt validate FEED --live \(file.displayName)")
            }
            let report = SourceDocument.feedReport(bytes)
            for line in SourceDocument.findingLines(of: report, file: file.displayName) { Output.line(line) }
            Output.line(report.summary(file: file.displayName))
            if !report.isValid { throw ExitCode(1) }
            if let live, let program = report.program { try validateLive(live, program: program) }
        }
    }

    /// The live file's findings and a summary line, like the feed's.
    private func validateLive(_ path: String, program: Program) throws {
        let document = try SourceDocument.named(path)
        let (name, report) = (document.displayName, try document.liveReport(against: program))
        for diagnostic in report.diagnostics { Output.line(diagnostic.formatted(file: name)) }
        let warnings = "\(report.warningCount) warning\(report.warningCount == 1 ? "" : "s")"
        guard let state = report.state else {
            Output.line("\(name): invalid: \(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), \(warnings)")
            throw ExitCode(1)
        }
        let rooms = state.rooms.keys.count { program.room(id: $0) != nil }  // Entries of rooms it lacks are warned about above.
        let alert = state.alert.map { ", an \($0.level.rawValue) alert" } ?? ""
        Output.line("\(name): valid live file: \(rooms) room\(rooms == 1 ? "" : "s") with something in force\(alert), \(warnings)")
    }
}
