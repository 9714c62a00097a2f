import DisplayContract
import Foundation
import ScheduleCore
import SkyltTestSupport
import Testing
@testable import Kiosk

/// The URL source against a real nginx on 127.0.0.1: every HTTP fault, and recovery.
@Suite struct URLFeedTests {
    /// nginx is installed by .ci/setup; outside CI a machine without it skips these tests, saying so.
    static func server() throws -> NginxServer? {
        guard NginxServer.binary != nil else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("nginx is missing; .ci/setup should have installed it")
            } else {
                print("skipped: nginx is not installed (bash .ci/setup installs it)")
            }
            return nil
        }
        return try NginxServer()
    }

    struct Rig {
        let store: ProgramStore
        let poller: URLSourcePoller
        let folder: String
    }

    func rig(_ url: URL, timeout: TimeInterval = 5, maxBytes: Int = 16 * 1_048_576) throws -> Rig {
        let folder = try KioskFixture.folder()
        try SourceCache(directory: folder + "/state").prepare()
        let store = KioskFixture.store(folder, source: .url(url))
        let poller = URLSourcePoller(fetcher: HTTPSourceFetcher(url: url, timeout: timeout, maxBytes: maxBytes), store: store,
                                   logger: KioskFixture.logger, interval: .seconds(30), wallClock: KioskFixture.wallClock, clock: KioskFixture.clock)
        return Rig(store: store, poller: poller, folder: folder)
    }

    @Test func serverDownAtBootThenUp() throws {
        guard let server = try Self.server() else { return }
        try server.put(KioskFixture.feed(title: "Online"), at: "feed.json")
        let rig = try rig(server.url("feed.json"))
        defer { try? FileManager.default.removeItem(atPath: rig.folder) }
        // A cached program from an earlier run is shown while the server is down.
        try SourceCache(directory: rig.folder + "/state").store(KioskFixture.feed(title: "Cached"))
        rig.store.loadCache()
        for _ in 0..<3 { rig.poller.pollOnce() }
        #expect(KioskFixture.title(rig.store) == "Cached")
        #expect(rig.store.status.snapshot().lastError?.contains("connection refused") == true)
        #expect(rig.store.status.snapshot().isStale)
        try server.start()
        rig.poller.pollOnce()
        #expect(KioskFixture.title(rig.store) == "Online")
        #expect(!rig.store.status.snapshot().isStale)
    }

    @Test func notFoundAndServerErrorKeepTheProgram() throws {
        guard let server = try Self.server() else { return }
        try server.start()
        try server.put(KioskFixture.feed(title: "Good"), at: "feed.json")
        for path in ["missing.json", "error500"] {
            let rig = try rig(server.url("feed.json"))
            defer { try? FileManager.default.removeItem(atPath: rig.folder) }
            rig.poller.pollOnce()
            #expect(KioskFixture.title(rig.store) == "Good")
            let broken = URLSourcePoller(fetcher: HTTPSourceFetcher(url: server.url(path)), store: rig.store, logger: KioskFixture.logger, wallClock: KioskFixture.wallClock, clock: KioskFixture.clock)
            let delay = broken.pollOnce()
            #expect(KioskFixture.title(rig.store) == "Good")
            #expect(rig.store.status.snapshot().lastError?.contains(path == "error500" ? "HTTP 500" : "HTTP 404") == true)
            #expect(delay < .seconds(30))  // Backs off from 2 s, not the full interval.
        }
    }

    @Test func conditionalRequestsGet304AndNoticeChanges() throws {
        guard let server = try Self.server() else { return }
        try server.start()
        try server.put(KioskFixture.feed(title: "V1"), at: "feed.json")
        let rig = try rig(server.url("feed.json"))
        defer { try? FileManager.default.removeItem(atPath: rig.folder) }
        rig.poller.pollOnce()
        #expect(KioskFixture.title(rig.store) == "V1")
        let fetcher = HTTPSourceFetcher(url: server.url("feed.json"))
        _ = fetcher.fetch()
        for _ in 0..<50 { #expect(fetcher.fetch() == .notModified) }  // A 304 storm.
        for _ in 0..<20 { rig.poller.pollOnce() }
        #expect(KioskFixture.title(rig.store) == "V1")
        #expect(rig.store.status.snapshot().failuresInARow == 0)
        sleep(1)  // Last-Modified has one-second resolution.
        try server.put(KioskFixture.feed(title: "V2 with a longer title"), at: "feed.json")
        rig.poller.pollOnce()
        #expect(KioskFixture.title(rig.store) == "V2 with a longer title")
    }

    @Test func slowServerTimesOut() throws {
        guard let server = try Self.server() else { return }
        try server.start()
        try server.put(KioskFixture.feed(title: String(repeating: "slow ", count: 200)), at: "slow/feed.json")
        let rig = try rig(server.url("slow/feed.json"), timeout: 1)
        defer { try? FileManager.default.removeItem(atPath: rig.folder) }
        let started = Date()
        rig.poller.pollOnce()
        #expect(Date().timeIntervalSince(started) < 6)
        #expect(rig.store.program == nil)
        #expect(rig.store.status.snapshot().lastError?.contains("timed out") == true)
    }

    @Test func aWebPageIsNotAFeed() throws {
        guard let server = try Self.server() else { return }
        try server.start()
        try server.put(KioskFixture.feed(title: "Looks fine"), at: "html/feed.json")
        let rig = try rig(server.url("html/feed.json"))
        defer { try? FileManager.default.removeItem(atPath: rig.folder) }
        rig.poller.pollOnce()
        #expect(rig.store.program == nil)
        #expect(rig.store.status.snapshot().lastError?.contains("Content-Type text/html") == true)
    }

    @Test func bodiesOverTheCapAreCutOff() throws {
        guard let server = try Self.server() else { return }
        try server.start()
        try server.put([UInt8](repeating: 0x20, count: 17 * 1_048_576), at: "big.json")
        let rig = try rig(server.url("big.json"))
        defer { try? FileManager.default.removeItem(atPath: rig.folder) }
        rig.poller.pollOnce()
        #expect(rig.store.status.snapshot().lastError?.contains("over 16 MiB") == true)
        // Also when the server does not say the length up front: a small cap on a normal file.
        let capped = URLSourcePoller(fetcher: HTTPSourceFetcher(url: server.url("big.json"), maxBytes: 1000), store: rig.store, logger: KioskFixture.logger, wallClock: KioskFixture.wallClock, clock: KioskFixture.clock)
        capped.pollOnce()
        // The fetcher's own cap is named, whether curl refused the length up front or counted it.
        #expect(rig.store.status.snapshot().lastError?.hasSuffix("big.json: the body is over 1000 bytes") == true, "\(rig.store.status.snapshot().lastError ?? "")")
    }

    @Test func garbageIsRejectedNotShown() throws {
        guard let server = try Self.server() else { return }
        try server.start()
        try server.put(KioskFixture.feed(title: "Good"), at: "feed.json")
        let rig = try rig(server.url("feed.json"))
        defer { try? FileManager.default.removeItem(atPath: rig.folder) }
        rig.poller.pollOnce()
        sleep(1)
        try server.put((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 40_503) }, at: "feed.json")
        rig.poller.pollOnce()
        #expect(KioskFixture.title(rig.store) == "Good")
        #expect(!rig.store.status.snapshot().rejectedErrors.isEmpty)
        #expect(SourceCache(directory: rig.folder + "/state").load()?.program.sessions.first?.title == "Good")
    }
}
