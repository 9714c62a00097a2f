import DisplayContract
import Foundation
import SkyltTestSupport
import Kiosk
import Logging
import ScheduleCore

/// Temporary folders, feeds and waiting, for the kiosk's tests with real files and servers.
enum KioskFixture {
    static let root = TestRepository.root

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("skylt-kiosk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A valid feed whose only session has this title.
    static func feed(title: String) -> [UInt8] {
        Array("""
        {"skylt": 1, "event": {"name": "Test", "timezone": "Europe/Stockholm"},
         "sessions": [{"id": "s1", "title": "\(title)", "start": "2020-02-06T09:00", "end": "2020-02-06T10:00"}]}
        """.utf8)
    }

    static let invalidJSON = Array(#"{"skylt": 1, "event": {"name": "Test",}"#.utf8)
    static let invalidFeed = Array(#"{"skylt": 1, "event": {"name": "Test", "timezone": "Mars/Olympus"}, "sessions": []}"#.utf8)

    static var logger: Logger {
        var logger = Logger(label: "skylt-test", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        return logger
    }

    static func store(_ folder: String, source: SourceAddress) -> ProgramStore {
        ProgramStore(status: StatusBoard(source: source, statusFile: folder + "/state/status.json", logger: logger),
                     cache: SourceCache(directory: folder + "/state"), logger: logger)
    }

    /// A program store reporting to a status board of its own, with no status file and no saved copy.
    static func store(source: SourceAddress) -> ProgramStore {
        ProgramStore(status: StatusBoard(source: source, statusFile: nil, logger: logger), cache: nil, logger: logger)
    }

    /// The real clocks, for tests of real files and servers (tests of time use stepped ones).
    static let wallClock = SystemWallClock()
    static let clock = ContinuousClock()

    static func title(_ store: ProgramStore) -> String? {
        store.program?.sessions.first?.title
    }

    /// Waits until `condition` holds, up to `timeout`; returns the seconds it took, or nil.
    @discardableResult
    static func waitUntil(_ timeout: TimeInterval = 3, _ condition: () -> Bool) -> TimeInterval? {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            if condition() { return Date().timeIntervalSince(start) }
            usleep(10_000)
        }
        return condition() ? Date().timeIntervalSince(start) : nil
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Runs a command (cp, mv, sed, …) as a technician would.
    static func shell(_ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        process.waitUntilExit()
    }
}

/// The live state a program carries (none without a program): what the loop passes beside it.
func liveOf(_ program: Program?) -> LiveState { program?.live ?? .none }
