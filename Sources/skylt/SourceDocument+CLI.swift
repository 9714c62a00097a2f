import Foundation
import Kiosk
import ScheduleCore

/// The CLI's way of reading what a command names (`SourceDocument`): unreadable input is a
/// usage problem (exit 2), too large or invalid is exit 1, findings printed like `skylt validate`'s.
extension SourceDocument {
    /// The document at `path` (the embedded default feed when nil), or a usage error.
    static func named(_ path: String?) throws -> SourceDocument {
        do throws(Failure) { return try resolve(path) } catch { throw CLIError(error) }
    }

    /// Its bytes, or the CLI's error.
    func bytes(kind: SourceKind = .feed) throws -> [UInt8] {
        do throws(Failure) { return try read(kind: kind) } catch { throw CLIError(error) }
    }

    /// Reads and validates a feed; prints its findings, and exits 1 when it is invalid.
    func loadProgram() throws -> Program {
        let report = Self.feedReport(try bytes())
        for line in Self.findingLines(of: report, file: displayName) { Output.error(line) }
        guard let program = report.program else {
            throw CLIError.invalidFeed("\(displayName) is not a valid feed (\(report.errorCount) error\(report.errorCount == 1 ? "" : "s")); run `skylt validate \(displayName)`")
        }
        return program
    }

    /// Reads a live file against `program`, or the CLI's error.
    func liveReport(against program: Program) throws -> LiveReport {
        do throws(Failure) { return try liveReport(program: program) } catch { throw CLIError(error) }
    }

    /// The program with the live file at `path` (if any) laid over it; an invalid one is exit 1.
    static func applying(live path: String?, to program: Program) throws -> Program {
        guard let path else { return program }
        let live = try named(path)
        let report = try live.liveReport(against: program)
        for diagnostic in report.diagnostics { Output.error(diagnostic.formatted(file: live.displayName)) }
        guard let state = report.state else {
            throw CLIError.invalidFeed("\(live.displayName) is not a valid live file (\(report.errorCount) error\(report.errorCount == 1 ? "" : "s"))")
        }
        return program.applying(state)
    }
}

extension CLIError {
    /// Too large is an invalid input (exit 1); anything else unreadable (exit 2).
    init(_ failure: SourceDocument.Failure) {
        switch failure {
        case .tooLarge(let text): self = .invalidFeed(text)
        case .unreadable(let text): self = .usage(text)
        }
    }
}
