import Foundation
import SkyltTestSupport
import Testing

/// Runs the real `skylt` binary, as a technician or another tool would.
struct CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let root = TestRepository.root

    /// The binary built beside this test bundle.
    static let binary: URL = {
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(), Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL]
        candidates.append(root.appendingPathComponent(".build/debug"))
        for folder in candidates {
            let url = folder.appendingPathComponent("skylt")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return root.appendingPathComponent(".build/debug/skylt")
    }()

    static func run(_ arguments: [String], environment: [String: String] = [:], binary: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary.map { URL(fileURLWithPath: $0) } ?? Self.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryFeed(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("skylt-test-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url
    }
}

@Suite struct ValidateCommandTests {
    @Test func validFeedExitsZeroWithASummary() throws {
        let result = try CLI.run(["validate", CLI.root.appendingPathComponent("assets/feeds/nordic-devdays-multi-room.json").path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("valid skylt-v1 feed: 10 sessions, 3 rooms, 1 day, first start 2021-09-14 09:00, last start 2021-09-14 13:00 (Europe/Stockholm), 0 warnings"))
    }

    @Test func theEmbeddedDefaultIsUsedWithoutAnArgument() throws {
        let result = try CLI.run(["validate"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("spridningskonferens-2020.json: valid skylt-v1 feed: 10 sessions, 1 room, 1 day"))
    }

    @Test func invalidFeedPrintsCompilerStyleLinesAndExitsOne() throws {
        let feed = try CLI.temporaryFeed("""
        {"skylt": 1, "event": {"name": "E", "timezone": "Europe/Stockholm"},
         "sessions": [{"id": "s1", "title": "A", "start": "2020-02-06T09:15", "end": "2020-02-06T09:00", "extra": 1}]}
        """)
        defer { try? FileManager.default.removeItem(at: feed) }
        let result = try CLI.run(["validate", feed.path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(feed.path):2:78: error: sessions[0].end (session \"s1\"): end 09:00 is before start 09:15"))
        #expect(lines.contains("\(feed.path):2:98: warning: sessions[0].extra (session \"s1\"): unknown key \"extra\" is ignored"))
        #expect(lines.last == "\(feed.path): invalid: 1 error, 1 warning")
    }

    @Test func syntaxErrorsHaveLineAndColumn() throws {
        let feed = try CLI.temporaryFeed("{\n  \"skylt\": 1\n  \"event\": {}\n}")
        defer { try? FileManager.default.removeItem(at: feed) }
        let result = try CLI.run(["validate", feed.path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("\(feed.path):3:3: error: missing ',' between object members"))
    }

    @Test(arguments: [["validate", "/nonexistent/feed.json"], ["validate", "/tmp"], ["validate", "a", "b"], ["now", "--at"], ["frobnicate"]])
    func unreadableInputOrBadUsageExitsTwoWithoutATrace(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(!result.stderr.isEmpty)
        #expect(!result.stderr.contains("Stack") && !result.stderr.contains("Fatal error") && !result.stderr.contains("0x"))
    }

    @Test func binaryGarbageIsAnErrorNotACrash() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("skylt-garbage-\(UUID().uuidString).json")
        var bytes = [UInt8]()
        for index in 0..<4096 { bytes.append(UInt8(truncatingIfNeeded: index &* 7919 &+ 13)) }
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try CLI.run(["validate", url.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains(": error: "))
    }
}

@Suite struct NowCommandTests {
    @Test func jsonContractOnTheEmbeddedDefault() throws {
        let result = try CLI.run(["now", "--at", "2020-02-06T10:20", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["at"] as? String == "2020-02-06T10:20:00+01:00")
        let rooms = try #require(object["rooms"] as? [[String: Any]])
        #expect(rooms.count == 1)
        #expect(rooms[0]["room"] as? String == "main")
        let current = try #require(rooms[0]["current"] as? [String: Any])
        #expect(current["id"] as? String == "mind-shift")
        #expect(current["remaining_seconds"] as? Int == 40 * 60)
        let next = try #require(rooms[0]["next"] as? [String: Any])
        #expect(next["id"] as? String == "lunch")
        #expect(next["starts_in_seconds"] as? Int == 85 * 60)
    }

    @Test func jsonHasNullsAndRoomsInFeedOrder() throws {
        let feed = CLI.root.appendingPathComponent("assets/feeds/nordic-devdays-multi-room.json").path
        let result = try CLI.run(["now", "--feed", feed, "--at", "2021-09-14T11:50:00+02:00", "--json"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rooms = try #require(object["rooms"] as? [[String: Any]])
        #expect(rooms.map { $0["room"] as? String } == ["hall-a", "hall-b", "workshop"])
        #expect(rooms[1]["current"] is NSNull)  // b3 is cancelled.
        #expect(rooms[1]["next"] is NSNull)
        #expect((rooms[2]["current"] as? [String: Any])?["id"] as? String == "w2")
    }

    @Test func humanOutputInSwedish() throws {
        let result = try CLI.run(["now", "--at", "2020-02-06T11:10"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Spridningskonferens 2020 — torsdag 6 februari 11:10 (Europe/Stockholm)"))
        #expect(result.stdout.contains("Härnäst: Lunch (11:45, börjar om 35 min)"))
    }

    @Test func ambiguousAtAsksForAnOffset() throws {
        let feed = CLI.root.appendingPathComponent("assets/feeds/nattkodning-dst.json").path
        let result = try CLI.run(["now", "--feed", feed, "--at", "2020-10-25T02:30"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--at: 2020-10-25T02:30 happens twice in Europe/Stockholm"))
        #expect(result.stderr.contains("write \"2020-10-25T02:30+02:00\" for the first or \"2020-10-25T02:30+01:00\" for the second"))
    }

    @Test func invalidFeedExitsOneWithItsErrors() throws {
        let feed = try CLI.temporaryFeed(#"{"skylt": 1, "event": {"name": "E", "timezone": "Mars/Olympus"}, "sessions": []}"#)
        defer { try? FileManager.default.removeItem(at: feed) }
        let result = try CLI.run(["now", "--feed", feed.path, "--at", "2020-02-06T10:00Z"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("event.timezone: unknown time zone \"Mars/Olympus\""))
        #expect(result.stdout.isEmpty)
    }
}

/// Whatever is at a feed's path is named for what it is.
@Suite struct NotAFileTests {
    @Test func aPipeAFolderAndADeviceAreNamed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("feed.json").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let cases = [(pipe, "not a regular file (a pipe)"), (folder.path, "not a regular file (a folder)"), ("/dev/null", "not a regular file (a character device)")]
        for (path, words) in cases {
            let result = try CLI.run(["validate", path])
            #expect(result.status == 2)
            #expect(result.stderr.contains("\(path): \(words)"), "\(result.stderr)")
        }
    }
}
