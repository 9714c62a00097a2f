import Foundation
import SkyltTestSupport
@testable import ScheduleCore

/// Helpers shared by the core tests: small feeds written inline, and paths to the repo's files.
enum Fixture {
    /// The repository root (two levels above this file's folder).
    static let root = TestRepository.root
    static let assets = root.appendingPathComponent("assets")
    /// `../shared` beside the clone, where CI keeps real feeds; absent in a user's clone.
    static let shared = TestRepository.shared

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func read(_ text: String) -> FeedReport { FeedReader.read(bytes(text)) }

    /// A one-room feed in Europe/Stockholm with the given session objects (JSON text).
    static func feed(_ sessions: [String], zone: String = "Europe/Stockholm", extra: String = "") -> String {
        """
        {"skylt": 1, "event": {"name": "Test", "timezone": "\(zone)"}\(extra),
         "sessions": [\(sessions.joined(separator: ",\n"))]}
        """
    }

    static func session(_ id: String, _ start: String, _ end: String, room: String? = nil, extra: String = "") -> String {
        let roomPart = room.map { #", "room": "\#($0)""# } ?? ""
        return #"{"id": "\#(id)", "title": "Title \#(id)", "start": "\#(start)", "end": "\#(end)"\#(roomPart)\#(extra)}"#
    }

    /// The program of a feed that must be valid.
    static func program(_ text: String) throws -> Program {
        let report = read(text)
        guard let program = report.program else {
            throw FixtureError(message: report.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return program
    }

    /// An instant from `YYYY-MM-DDTHH:MM[:SS]±HH:MM`.
    static func instant(_ text: String) -> Date {
        guard case .success(let parsed) = DateTimeText.parse(text), let date = parsed.absoluteDate else {
            fatalError("bad test instant \(text)")
        }
        return date
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
