import Foundation
import ScheduleCore
import SkyltFiles

/// Changes the technician's live file the one safe way, for `skylt live` and anything else
/// that edits it: under the file's lock, read what is there (judged against the program),
/// make one `LiveEdit`, write the result atomically (through a symlink to its target), read it
/// back, and only then say it is done. Two technicians at once: one waits for the other, and
/// both edits are in the file.
public enum LiveFileEditor {
    /// What an edit did.
    public struct Outcome: Sendable {
        /// The live state now in the file.
        public let state: LiveState
        /// The live state the edit was made on (none when the file was missing or replaced),
        /// read under the same lock: what undoing the edit goes back to.
        public let previous: LiveState
        /// The bytes written (what screens reading the file now get).
        public let bytes: [UInt8]
        /// The findings of the file as it was (warnings; errors when it was replaced).
        public let before: [Diagnostic]
        /// Whether the file was invalid and replaced as a whole (clearing everything, or an emergency).
        public let replacedInvalid: Bool
    }

    /// Why an edit was not made; the file is as it was.
    public enum Failure: Error, CustomStringConvertible {
        /// The file is not a valid live file (every finding in the report).
        case invalid(LiveReport)
        /// It could not be read, locked or written.
        case unusable(String)

        public var description: String {
            switch self {
            case .invalid(let report): "not a valid live file (\(report.errorCount) error\(report.errorCount == 1 ? "" : "s"))"
            case .unusable(let reason): reason
            }
        }
    }

    /// The live state in the file at `path` (none when it does not exist yet), judged against `program`.
    public static func read(_ path: String, program: Program?) throws(Failure) -> LiveReport? {
        let target = AtomicFile.target(of: path)
        guard FileManager.default.fileExists(atPath: target) || AtomicFile.nonRegularKind(target) != nil else { return nil }
        switch SourceFileReader.read(target, kind: .live) {
        case .success(let bytes): return LiveReader.read(bytes, program: program)
        case .failure(let failure): throw .unusable(failure.description.replacingOccurrences(of: target, with: path))
        }
    }

    /// Makes `edit` at `now`. A file that is not valid is refused, unless the edit replaces one
    /// (`LiveEdit.replacesInvalidFile`: clearing everything, an emergency).
    public static func edit(_ path: String, program: Program, at now: Date, _ edit: LiveEdit) throws(Failure) -> Outcome {
        do {
            return try FileLock.withLock(path) { () throws(Failure) -> Outcome in
                let report = try read(path, program: program)
                var replaced = false
                var before = LiveState.none
                if let report {
                    if let state = report.state {
                        before = state
                    } else if edit.replacesInvalidFile {
                        replaced = true
                    } else {
                        throw .invalid(report)
                    }
                }
                let after = before.applying(edit, at: now, zone: program.event.timeZone)
                let bytes = LiveWriter.write(after, program: program, updated: now)
                // Read back as the screens will: nothing invalid is ever written.
                let check = LiveReader.read(bytes, program: program)
                guard check.state == after else {
                    throw .unusable("the result would not be a valid live file: " + check.errors.map(\.message).joined(separator: "; "))
                }
                do {
                    try AtomicFile.write(bytes, to: path, followingSymlinks: true)
                } catch {
                    throw .unusable("\(error)")
                }
                // What the file holds now is what was meant, or the edit is not done.
                guard let written = try read(path, program: program), written.state == after else {
                    throw .unusable("\(path) does not hold the edit after writing it; nothing is in force until it is written again")
                }
                return Outcome(state: after, previous: before, bytes: bytes, before: report?.diagnostics ?? [], replacedInvalid: replaced)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .unusable("\(error)")
        }
    }
}
