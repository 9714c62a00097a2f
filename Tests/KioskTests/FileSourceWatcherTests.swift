import DisplayContract
import Foundation
import ScheduleCore
import SkyltTestSupport
import Testing
@testable import Kiosk

/// Real files, real renames, real tools: every way a technician saves a feed, and every way a
/// save can go wrong. In each fault the screen keeps the last good program, the status says
/// why, and the kiosk recovers by itself once the file is fixed.
@Suite struct FileSourceWatcherTests {
    final class Harness {
        let folder: String
        let path: String
        let store: ProgramStore
        let watcher: FileSourceWatcher

        init() throws {
            folder = try KioskFixture.folder()
            path = folder + "/feed.json"
            try KioskFixture.write(KioskFixture.feed(title: "Start"), to: path)
            store = KioskFixture.store(folder, source: .file(path))
            try SourceCache(directory: folder + "/state").prepare()
            store.setStaleAfter(0)
            watcher = FileSourceWatcher(path: path, store: store, logger: KioskFixture.logger, recheckInterval: .seconds(1), wallClock: KioskFixture.wallClock, clock: KioskFixture.clock)
            watcher.start()
        }

        deinit {
            watcher.stop()
            try? FileManager.default.removeItem(atPath: folder)
        }

        var title: String? { KioskFixture.title(store) }
        var status: KioskStatus { store.status.snapshot() }

        /// Seconds until the screen shows `title` (nil if it never does within 3 s).
        func secondsUntil(_ title: String) -> TimeInterval? {
            KioskFixture.waitUntil { self.title == title }
        }

        /// Waits long enough for the watcher to have seen a fault, then checks the screen kept `title`.
        func keeps(_ title: String) -> Bool {
            usleep(600_000)
            return self.title == title
        }
    }

    @Test func startsWithTheFilesProgram() throws {
        let harness = try Harness()
        #expect(harness.title == "Start")
    }

    /// The watching thread holds the watcher only while it runs: once stopped, nothing is left
    /// (LeakSanitizer found the watcher and its thread holding each other).
    @Test func aStoppedWatcherIsFreed() throws {
        weak var freed: FileSourceWatcher?
        let harness = try Harness()
        do {
            let watcher = FileSourceWatcher(path: harness.path, store: harness.store, logger: KioskFixture.logger, recheckInterval: .seconds(1), wallClock: KioskFixture.wallClock, clock: KioskFixture.clock)
            watcher.start()
            freed = watcher
            watcher.stop()
        }
        #expect(KioskFixture.waitUntil { freed == nil } != nil, "the watcher is still alive 3 s after stop()")
    }

    @Test(arguments: ["mv", "cp", "sed", "rsync-like", "in-place"])
    func everyWayOfSavingIsSeenWithinASecond(_ how: String) throws {
        let harness = try Harness()
        let path = harness.path
        switch how {
        case "mv":
            try KioskFixture.write(KioskFixture.feed(title: "Changed"), to: harness.folder + "/new.json")
            try KioskFixture.shell("mv '\(harness.folder)/new.json' '\(path)'")
        case "cp":
            try KioskFixture.write(KioskFixture.feed(title: "Changed"), to: harness.folder + "/../skylt-cp-\(UUID().uuidString).json")
            try KioskFixture.shell("cp \"$(ls -t '\(harness.folder)'/../skylt-cp-*.json | head -1)\" '\(path)'")
        case "sed":
            try KioskFixture.shell("sed -i 's/Start/Changed/' '\(path)'")
        case "rsync-like":
            // rsync and scp write a hidden temporary file, then rename it over the target.
            try KioskFixture.write(KioskFixture.feed(title: "Changed"), to: harness.folder + "/.feed.json.XyZ12")
            try KioskFixture.shell("mv '\(harness.folder)/.feed.json.XyZ12' '\(path)'")
        default:
            let handle = try #require(FileHandle(forWritingAtPath: path))
            handle.truncateFile(atOffset: 0)
            handle.write(Data(KioskFixture.feed(title: "Changed")))
            try handle.close()
        }
        let seconds = try #require(harness.secondsUntil("Changed"), "the \(how) edit never reached the screen")
        #expect(seconds < TimingAllowance.seconds(1), "\(how): \(seconds) s")
    }

    @Test func deletedThenRestored() throws {
        let harness = try Harness()
        try FileManager.default.removeItem(atPath: harness.path)
        #expect(harness.keeps("Start"))
        #expect(harness.status.lastError?.contains("no such file") == true)
        #expect(harness.status.isStale)
        try KioskFixture.write(KioskFixture.feed(title: "Restored"), to: harness.path)
        #expect(harness.secondsUntil("Restored") != nil)
        #expect(harness.status.lastError == nil)
    }

    @Test func truncatedMidWriteThenCompleted() throws {
        let harness = try Harness()
        let full = KioskFixture.feed(title: "Finished")
        let handle = try #require(FileHandle(forWritingAtPath: harness.path))
        handle.truncateFile(atOffset: 0)
        handle.write(Data(full[..<40]))  // A save cut off half-way.
        #expect(harness.keeps("Start"))
        handle.write(Data(full[40...]))
        try handle.close()
        #expect(harness.secondsUntil("Finished") != nil)
        #expect(harness.status.rejectedErrors.isEmpty)
    }

    @Test(arguments: ["invalid-json", "invalid-feed", "empty", "garbage"])
    func badContentIsRejectedAndExplained(_ kind: String) throws {
        let harness = try Harness()
        var bytes: [UInt8]
        switch kind {
        case "invalid-json": bytes = KioskFixture.invalidJSON
        case "invalid-feed": bytes = KioskFixture.invalidFeed
        case "empty": bytes = []
        default:
            bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        }
        try KioskFixture.write(bytes, to: harness.path)
        #expect(harness.keeps("Start"))
        #expect(KioskFixture.waitUntil { !harness.status.rejectedErrors.isEmpty } != nil)
        #expect(harness.status.rejectedErrors.first?.hasPrefix(harness.path + ":") == true)
        #expect(SourceCache(directory: harness.folder + "/state").load()?.program.sessions.first?.title == "Start")
        try KioskFixture.write(KioskFixture.feed(title: "Fixed"), to: harness.path)
        #expect(harness.secondsUntil("Fixed") != nil)
    }

    @Test func aDirectoryWhereTheFileWas() throws {
        let harness = try Harness()
        try FileManager.default.removeItem(atPath: harness.path)
        try FileManager.default.createDirectory(atPath: harness.path, withIntermediateDirectories: false)
        #expect(harness.keeps("Start"))
        #expect(KioskFixture.waitUntil { harness.status.lastError?.contains("not a regular file") == true } != nil)
        try FileManager.default.removeItem(atPath: harness.path)
        try KioskFixture.write(KioskFixture.feed(title: "Back"), to: harness.path)
        #expect(harness.secondsUntil("Back") != nil)
    }

    @Test func aHundredMegabyteFileIsRefusedWithoutReadingIt() throws {
        let harness = try Harness()
        let temporary = harness.folder + "/big.tmp"
        _ = FileManager.default.createFile(atPath: temporary, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: temporary))
        handle.truncateFile(atOffset: 100 * 1_048_576)  // Sparse: 100 MB without writing them.
        try handle.close()
        try FileManager.default.moveItem(atPath: temporary, toPath: harness.folder + "/big.json")
        try KioskFixture.shell("mv '\(harness.folder)/big.json' '\(harness.path)'")
        #expect(harness.keeps("Start"))
        #expect(KioskFixture.waitUntil { harness.status.lastError?.contains("feeds over 16 MiB (16,777,216 bytes) are refused") == true } != nil)
        try KioskFixture.write(KioskFixture.feed(title: "Small again"), to: harness.path)
        #expect(harness.secondsUntil("Small again") != nil)
    }

    @Test func permissionDenied() throws {
        guard geteuid() != 0 else {
            print("skipped: permissionDenied runs as root here, and root reads files whatever their mode")
            return
        }
        let harness = try Harness()
        try KioskFixture.write(KioskFixture.feed(title: "Secret"), to: harness.path)
        chmod(harness.path, 0)
        #expect(harness.keeps("Start") || harness.title == "Secret")
        chmod(harness.path, 0o644)
        #expect(harness.secondsUntil("Secret") != nil)
    }

    @Test func theFoldersReplacementIsNoticed() throws {
        let harness = try Harness()
        // The whole folder moved away and a new one put in its place (some deploy tools do this).
        try KioskFixture.shell("mv '\(harness.folder)' '\(harness.folder).old' && mkdir '\(harness.folder)'")
        defer { try? FileManager.default.removeItem(atPath: harness.folder + ".old") }
        try KioskFixture.write(KioskFixture.feed(title: "New folder"), to: harness.path)
        #expect(KioskFixture.waitUntil(4) { harness.title == "New folder" } != nil)
    }
}
