import Foundation
import Kiosk
import ScheduleCore

/// The technician's live file on the command line (`--live`): a file or an http(s) URL, read
/// with the live file's own size limit and validated against the program it is laid over.
/// Unreadable is exit 2; invalid is exit 1, every finding printed like `skylt validate`'s.
enum LiveFile {
    /// Reads the live file at `path` (a file or URL) and judges it against `program`; the name
    /// is how messages call it (a URL without its secrets). Every command reading a live file
    /// comes through here and prints the findings its own way.
    static func read(_ path: String, program: Program) throws -> (name: String, report: LiveReport) {
        let file = try FeedFile.resolve(path)
        return (file.displayName, LiveReader.read(try file.read(kind: .live), program: program))
    }

    static func load(_ path: String, program: Program) throws -> LiveState {
        let (name, report) = try read(path, program: program)
        for diagnostic in report.diagnostics { Output.error(diagnostic.formatted(file: name)) }
        guard let state = report.state else {
            throw CLIError.invalidFeed("\(name) is not a valid live file (\(report.errorCount) error\(report.errorCount == 1 ? "" : "s"))")
        }
        return state
    }

    /// The program with the live file given (if any) laid over it.
    static func apply(_ path: String?, to program: Program) throws -> Program {
        guard let path else { return program }
        return program.applying(try load(path, program: program))
    }
}
