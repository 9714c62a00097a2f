import DisplayContract
import SkyltFiles
import Clocks
import Foundation
import ScheduleCore
import SignLayout
import SkyltTestSupport
import Testing
@testable import Kiosk

/// The technician's live source on the kiosk: validated against the program, kept, restored,
/// and never changed by a bad edit — with real files, the real watcher and a real nginx.
@Suite struct LiveStoreTests {
    static let devDays = "nordic-devdays-multi-room.json"

    struct Rig {
        let folder: String
        let feeds: ProgramStore
        let live: LiveStore
        var cache: SourceCache { SourceCache(directory: folder + "/state", fileName: LiveStore.cacheFileName) }
    }

    static func feedBytes(_ name: String = devDays) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: TestRepository.assets.appendingPathComponent("feeds/\(name)")))
    }

    /// A kiosk's two stores as `skylt run` wires them: the live store judges against the feed store's program.
    static func rig(source: SourceAddress? = nil, withProgram: Bool = true, folder given: String? = nil) throws -> Rig {
        let folder = try given ?? KioskFixture.folder()
        let feeds = KioskFixture.store(folder, source: .file(folder + "/feed.json"))
        try SourceCache(directory: folder + "/state").prepare()
        if withProgram { #expect(feeds.offer(try feedBytes(), at: Date(timeIntervalSince1970: 0), origin: "feed.json") == .accepted) }
        let live = LiveStore(source: source ?? .file(folder + "/live.json"), cache: SourceCache(directory: folder + "/state", fileName: LiveStore.cacheFileName),
                             logger: KioskFixture.logger,
                             onChange: { feeds.status.setLiveStatus($0) })
        return Rig(folder: folder, feeds: feeds, live: live)
    }

    static func live(_ text: String) -> [UInt8] { Array(text.utf8) }
    static let full = live(#"{"skylt_live": 1, "rooms": {"hall-a": {"state": "full"}}}"#)
    static let emergency = live(#"{"skylt_live": 1, "alert": {"text": "Leave the building", "level": "emergency"}}"#)
    static let at = TestInstant.absolute("2021-09-14T10:05+02:00")

    static func state(_ rig: Rig) throws -> LiveState {
        rig.live.state(for: try #require(rig.feeds.program))
    }

    @Test func aValidEditIsInForceAndSavedAndABadOneChangesNothing() throws {
        let rig = try Self.rig()
        defer { try? FileManager.default.removeItem(atPath: rig.folder) }
        #expect(rig.live.offer(Self.full, at: Self.at, origin: "live.json") == .accepted)
        #expect(try Self.state(rig).room("hall-a").state == .full)
        #expect(rig.cache.loadBytes(kind: .live) == Self.full)
        let bad: [(String, [UInt8])] = [
            ("not JSON", Self.live("{\"skylt_live\": 1,")),
            ("an unknown state", Self.live(#"{"skylt_live": 1, "rooms": {"aula": {"state": "ful"}}}"#)),
            ("a Zalgo alert", Self.live(#"{"skylt_live": 1, "alert": {"text": "Z\#(String(repeating: "\u{0301}", count: 600))"}}"#)),
            ("a negative delay", Self.live(#"{"skylt_live": 1, "rooms": {"hall-a": {"delay_minutes": -10, "delay_since": "2021-09-14T10:00"}}}"#)),
            ("an absurd delay", Self.live(#"{"skylt_live": 1, "rooms": {"hall-a": {"delay_minutes": 100000, "delay_since": "2021-09-14T10:00"}}}"#)),
            ("an unknown level", Self.live(#"{"skylt_live": 1, "alert": {"text": "x", "level": "loud"}}"#)),
            ("a feed", try Self.feedBytes()),
        ]
        for (what, bytes) in bad {
            #expect(rig.live.offer(bytes, at: Self.at, origin: "live.json") == .rejected, "\(what)")
            #expect(try Self.state(rig).room("hall-a").state == .full, "\(what) changed the screens")
            let status = rig.live.snapshot()
            #expect(status.rejectedErrors.first?.hasPrefix("live.json:") == true, "\(what): \(status.rejectedErrors)")
            #expect(rig.feeds.status.snapshot().live?.rejectedErrors == status.rejectedErrors, "in the status file")
            #expect(rig.cache.loadBytes(kind: .live) == Self.full, "\(what) reached the saved copy")
        }
        let status = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: rig.folder + "/state/status.json"))) as? [String: Any]
        let live = try #require(status?["live"] as? [String: Any])
        #expect((live["rejected_errors"] as? [String])?.isEmpty == false)
        #expect((live["in_force"] as? [String]) == [#"Hall A [hall-a]: full (screens: "FULL — NO ENTRY")"#])
        // The next good edit clears the rejection.
        #expect(rig.live.offer(Self.emergency, at: Self.at, origin: "live.json") == .accepted)
        #expect(rig.live.snapshot().rejectedErrors.isEmpty)
        #expect(try Self.state(rig).alert?.level == .emergency)
        #expect(try Self.state(rig).room("hall-a").state == .open, "a new file replaces the old one whole")
    }

    @Test func afterARestartTheSavedStateIsInForceAtOnce() throws {
        let first = try Self.rig()
        defer { try? FileManager.default.removeItem(atPath: first.folder) }
        #expect(first.live.offer(Self.emergency, at: Self.at, origin: "live.json") == .accepted)
        // A new process: the feed from its cache, then the live file's saved copy.
        let second = try Self.rig(withProgram: false, folder: first.folder)
        #expect(second.feeds.loadCache())
        #expect(second.live.loadCache())
        #expect(try Self.state(second).alert?.text == "Leave the building")
        #expect(second.live.snapshot().origin == .cache)
    }

    @Test func aSavedCopyKeepsItsAlertWhenTheFeedHasLostARoom() throws {
        let first = try Self.rig()
        defer { try? FileManager.default.removeItem(atPath: first.folder) }
        let both = Self.live(#"{"skylt_live": 1, "rooms": {"workshop": {"state": "full"}}, "alert": {"text": "Leave", "level": "emergency"}}"#)
        #expect(first.live.offer(both, at: Self.at, origin: "live.json") == .accepted)
        // Restarted with a feed without the workshop.
        let second = try Self.rig(withProgram: false, folder: first.folder)
        let smaller = #"""
        {"skylt": 1, "event": {"name": "Nordic Dev Days", "timezone": "Europe/Stockholm"},
         "rooms": [{"id": "hall-a"}, {"id": "hall-b"}],
         "sessions": [{"id": "a1", "room": "hall-a", "title": "A", "start": "2021-09-14T09:00", "end": "2021-09-14T10:00"}]}
        """#
        #expect(second.feeds.offer(Array(smaller.utf8), at: Self.at, origin: "feed.json") == .accepted)
        #expect(second.live.loadCache())
        let state = try Self.state(second)
        #expect(state.alert?.text == "Leave")
        #expect(second.live.snapshot().warnings.first?.contains(#"the program has no room "workshop""#) == true)
        #expect(try #require(second.feeds.program).applying(state).rooms.map(\.id) == ["hall-a", "hall-b"], "the stale entry does nothing")
    }

    @Test func aBrokenFileAtStartShowsTheSavedCopyAndKeepsSayingWhatIsWrong() throws {
        let first = try Self.rig()
        defer { try? FileManager.default.removeItem(atPath: first.folder) }
        #expect(first.live.offer(Self.full, at: Self.at, origin: "live.json") == .accepted)
        // Restarted while the technician's file is broken: the saved copy is in force, and the
        // corner mark and the status still say the latest edit was refused.
        let path = first.folder + "/live.json"
        try KioskFixture.write(Self.live(#"{"skylt_live": 1, "rooms": {"hall-a": {"state": "ful"}}}"#), to: path)
        let second = try Self.rig(folder: first.folder)
        let follower = SourceFollower(.file(path), store: second.live, logger: KioskFixture.logger, wallClock: KioskFixture.wallClock, clock: KioskFixture.clock)
        defer { follower.stop() }
        #expect(try Self.state(second).room("hall-a").state == .full)
        #expect(second.live.snapshot().origin == .cache)
        #expect(second.live.snapshot().rejectedErrors.first?.contains(#"unknown state "ful""#) == true, "\(second.live.snapshot())")
    }

    @Test func aLiveFileStandsOnItsOwnBeforeAnyProgramAndIsReadAgainForEachProgram() throws {
        let rig = try Self.rig(withProgram: false)
        defer { try? FileManager.default.removeItem(atPath: rig.folder) }
        // No program yet: the file is judged at once (an alert needs none), its rooms not yet.
        #expect(rig.live.offer(Self.full, at: Self.at, origin: "live.json") == .accepted)
        #expect(rig.live.state(for: nil).room("hall-a").state == .full)
        #expect(rig.live.snapshot().warnings.isEmpty)
        #expect(rig.feeds.offer(try Self.feedBytes(), at: Self.at, origin: "feed.json") == .accepted)
        #expect(try Self.state(rig).room("hall-a").state == .full)
        // One naming a room the program lacks: a warning naming it, and everything else in force.
        let other = try Self.rig(withProgram: false)
        defer { try? FileManager.default.removeItem(atPath: other.folder) }
        let stale = Self.live(#"{"skylt_live": 1, "rooms": {"aula": {"state": "full"}, "hall-a": {"state": "full"}}, "alert": {"text": "Utrym", "level": "emergency"}}"#)
        #expect(other.live.offer(stale, at: Self.at, origin: "live.json") == .accepted)
        #expect(other.live.state(for: nil).alert?.level == .emergency, "with no program at all")
        #expect(other.feeds.offer(try Self.feedBytes(), at: Self.at, origin: "feed.json") == .accepted)
        let state = try Self.state(other)
        #expect(state.alert?.text == "Utrym")
        #expect(state.room("hall-a").state == .full)
        #expect(other.live.snapshot().rejectedErrors.isEmpty)
        #expect(other.live.snapshot().warnings.first?.contains(#"the program has no room "aula""#) == true, "\(other.live.snapshot().warnings)")
        #expect(other.feeds.status.snapshot().live?.warnings.count == 1, "in the status file")
    }

    @Test func hugeFilesAndDevicesThroughTheWatcherChangeNothing() throws {
        let rig = try Self.rig()
        defer { try? FileManager.default.removeItem(atPath: rig.folder) }
        let path = rig.folder + "/live.json"
        try KioskFixture.write(Self.full, to: path)
        let watcher = FileSourceWatcher(path: path, store: rig.live, logger: KioskFixture.logger, recheckInterval: .seconds(1), wallClock: KioskFixture.wallClock, clock: KioskFixture.clock)
        watcher.start()
        defer { watcher.stop() }
        #expect(KioskFixture.waitUntil(3) { (try? Self.state(rig).room("hall-a").state) == .full } != nil)
        // 100 MB: refused by its size, never read (a sparse file costs no disk).
        try KioskFixture.shell("truncate -s 100M '\(rig.folder)/big' && mv '\(rig.folder)/big' '\(path)'")
        #expect(KioskFixture.waitUntil(3) { rig.live.snapshot().lastError?.contains("104,857,600 bytes; live files over 1,048,576 bytes are refused") == true } != nil,
                "\(rig.live.snapshot())")
        #expect(try Self.state(rig).room("hall-a").state == .full)
        // A symlink to /dev/zero: not a regular file.
        try KioskFixture.shell("ln -sf /dev/zero '\(rig.folder)/zero' && mv -T '\(rig.folder)/zero' '\(path)'")
        #expect(KioskFixture.waitUntil(3) { rig.live.snapshot().lastError?.contains("not a regular file") == true } != nil, "\(rig.live.snapshot())")
        #expect(try Self.state(rig).room("hall-a").state == .full)
        #expect(rig.cache.loadBytes(kind: .live) == Self.full)
    }

    @Test func aHostileLiveServerIsCutOffAtTheLiveFilesCapAndChangesNothing() throws {
        let piece = Array("1000\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "["), count: 4096) + Array("\r\n".utf8)
        let server = try HostileHTTPServer(head: "HTTP/1.1 200 OK\nContent-Type: application/json\nTransfer-Encoding: chunked\n\n", chunk: piece)
        let rig = try Self.rig(source: .url(server.url))
        defer { try? FileManager.default.removeItem(atPath: rig.folder) }
        #expect(rig.live.offer(Self.emergency, at: Self.at, origin: "live.json") == .accepted)
        let poller = URLSourcePoller(fetcher: HTTPSourceFetcher(url: server.url, timeout: 5, maxBytes: rig.live.kind.maxBytes), store: rig.live,
                                   logger: KioskFixture.logger, wallClock: KioskFixture.wallClock, clock: KioskFixture.clock)
        poller.pollOnce()
        #expect(rig.live.snapshot().lastError?.hasSuffix("the body is over 1 MiB") == true, "\(rig.live.snapshot())")
        #expect(try Self.state(rig).alert?.level == .emergency, "the emergency stays in force")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(server.bytesSent < 20 * 1_048_576, "curl stopped reading at the cap")
    }

    @Test func anEditReachesTheStoreWithinASecond() throws {
        let rig = try Self.rig()
        defer { try? FileManager.default.removeItem(atPath: rig.folder) }
        let path = rig.folder + "/live.json"
        let watcher = FileSourceWatcher(path: path, store: rig.live, logger: KioskFixture.logger, wallClock: KioskFixture.wallClock, clock: KioskFixture.clock)
        watcher.start()
        defer { watcher.stop() }
        for (index, bytes) in [Self.full, Self.emergency, Self.full].enumerated() {
            try AtomicFile.write(bytes, to: path)  // As `skylt live` writes it.
            let seconds = KioskFixture.waitUntil(3) { rig.live.snapshot().hash == ContentHash.of(bytes) }
            #expect(seconds.map { $0 < 1 } == true, "edit \(index) took \(String(describing: seconds)) s")
        }
    }

    @Test func aFleetPollingOneURLChangesWithinOnePollInterval() async throws {
        guard let server = try URLFeedTests.server() else { return }
        try server.start()
        try server.put(Self.full, at: "live.json")
        let url = server.url("live.json")
        let clock = TestClock<Duration>()
        var screens: [(Rig, URLSourcePoller)] = []
        for _ in 0..<3 {
            let rig = try Self.rig(source: .url(url))
            let poller = URLSourcePoller(fetcher: HTTPSourceFetcher(url: url, maxBytes: LiveLimits.maxBytes), store: rig.live, logger: KioskFixture.logger,
                                       interval: .seconds(5), wallClock: KioskFixture.wallClock, clock: clock)
            poller.start()
            screens.append((rig, poller))
        }
        defer {
            for (rig, poller) in screens {
                poller.stop()
                try? FileManager.default.removeItem(atPath: rig.folder)
            }
        }
        #expect(await SteppedClockTests.eventually(60) { screens.allSatisfy { $0.1.pollCount == 1 } })
        #expect(try screens.allSatisfy { try Self.state($0.0).room("hall-a").state == .full })
        try server.put(Self.emergency, at: "live.json")
        #expect(await SteppedClockTests.isSleeping(clock))
        await clock.advance(by: .seconds(5))
        #expect(await SteppedClockTests.eventually(60) { screens.allSatisfy { $0.1.pollCount == 2 } })
        #expect(try screens.allSatisfy { try Self.state($0.0).alert?.level == .emergency }, "every screen within one poll interval")
        // An unchanged live file costs a 304: the polls are conditional requests.
        let fetcher = HTTPSourceFetcher(url: url, maxBytes: LiveLimits.maxBytes)
        #expect(fetcher.fetch() == .body(Self.emergency))
        #expect(fetcher.fetch() == .notModified)
    }
}

@Suite struct StatusFileOrderTests {
    /// The feed's thread and the live file's thread update the status at once; the file must end
    /// up with the newest status, never an older one written last.
    @Test func concurrentUpdatesLeaveTheNewestStatusInTheFile() throws {
        let folder = try KioskFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = KioskFixture.store(folder, source: .file(folder + "/feed.json"))
        try SourceCache(directory: folder + "/state").prepare()
        for round in 0..<20 {
            DispatchQueue.concurrentPerform(iterations: 2) { thread in
                for index in 0..<25 {
                    if thread == 0 {
                        var live = LiveStatus(source: "live.json")
                        live.inForce = ["round \(round) edit \(index)"]
                        store.status.setLiveStatus(live)
                    } else {
                        store.sourceFailed("round \(round) failure \(index)", at: Date(timeIntervalSince1970: Double(index)))
                    }
                }
            }
            let onDisk = try JSONDecoder.iso8601.decode(KioskStatus.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/state/status.json")))
            #expect(onDisk == store.status.snapshot(), "round \(round)")
        }
    }
}

extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
