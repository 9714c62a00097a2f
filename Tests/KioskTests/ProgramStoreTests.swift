import DisplayContract
import SkyltFiles
import Foundation
import Testing
@testable import Kiosk
import ScheduleCore

@Suite struct ProgramStoreTests {
    @Test func validFeedsReplaceTheProgramAndAreCached() throws {
        let folder = try KioskFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = KioskFixture.store(folder, source: .file(folder + "/feed.json"))
        try SourceCache(directory: folder + "/state").prepare()
        #expect(store.offer(KioskFixture.feed(title: "A"), at: Date(), origin: "feed.json") == .accepted)
        #expect(KioskFixture.title(store) == "A")
        #expect(store.offer(KioskFixture.feed(title: "A"), at: Date(), origin: "feed.json") == .unchanged)
        #expect(SourceCache(directory: folder + "/state").load()?.program.sessions.first?.title == "A")
        let status = store.status.snapshot()
        #expect(status.origin == .source && status.sessionCount == 1 && status.feedHash == ContentHash.of(KioskFixture.feed(title: "A")))
    }

    @Test func invalidFeedsNeverReachTheScreenOrTheCache() throws {
        let folder = try KioskFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SourceCache(directory: folder + "/state").prepare()
        let store = KioskFixture.store(folder, source: .file(folder + "/feed.json"))
        store.offer(KioskFixture.feed(title: "Good"), at: Date(), origin: "feed.json")
        for bad in [KioskFixture.invalidJSON, KioskFixture.invalidFeed, [], [0xFF, 0x00, 0x13]] {
            #expect(store.offer(bad, at: Date(), origin: "feed.json") == .rejected)
            #expect(KioskFixture.title(store) == "Good")
            #expect(SourceCache(directory: folder + "/state").load()?.program.sessions.first?.title == "Good")
        }
        let status = store.status.snapshot()
        #expect(status.rejectedErrors.first?.hasPrefix("feed.json:1:1: error:") == true)
        // The status file says the same, for the technician.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/state/status.json"))) as? [String: Any])
        #expect((json["rejected_errors"] as? [String])?.isEmpty == false)
        #expect(json["session_count"] as? Int == 1)
        // A valid edit clears the rejection.
        store.offer(KioskFixture.feed(title: "Fixed"), at: Date(), origin: "feed.json")
        #expect(store.status.snapshot().rejectedErrors.isEmpty)
        #expect(KioskFixture.title(store) == "Fixed")
    }

    @Test func theCacheIsShownAtStartWhenTheSourceIsBroken() throws {
        let folder = try KioskFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = SourceCache(directory: folder + "/state")
        try cache.prepare()
        try cache.store(KioskFixture.feed(title: "Cached"))
        let store = KioskFixture.store(folder, source: .url(URL(string: "http://127.0.0.1:9/feed.json")!))
        #expect(store.loadCache())
        #expect(KioskFixture.title(store) == "Cached")
        #expect(store.status.snapshot().origin == .cache)
        store.sourceFailed("connection refused", at: Date())
        #expect(KioskFixture.title(store) == "Cached")
        // A corrupted cache is not shown (and is never written by Skylt itself).
        try KioskFixture.write(Array("garbage".utf8), to: cache.path)
        #expect(!KioskFixture.store(folder, source: .file("x")).loadCache())
    }

    @Test func staleAfterRepeatedFailures() throws {
        let folder = try KioskFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = KioskFixture.store(folder, source: .url(URL(string: "http://127.0.0.1:9/f")!))
        store.setStaleAfter(2)
        for _ in 0..<2 { store.sourceFailed("HTTP 500", at: Date()) }
        #expect(!store.status.snapshot().isStale)
        store.sourceFailed("HTTP 500", at: Date())
        #expect(store.status.snapshot().isStale)
        store.sourceUnchanged(at: Date())
        #expect(!store.status.snapshot().isStale)
    }


    @Test func backoffGrowsWithJitterAndIsCapped() {
        let delays = (1...12).map { URLSourcePoller.backoff(failures: $0, maxBackoff: .seconds(300), jitter: 1) }
        #expect(delays[0] == .seconds(2) && delays[1] == .seconds(4) && delays[2] == .seconds(8))
        #expect(delays.last == .seconds(300))
        #expect(zip(delays, delays.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(URLSourcePoller.backoff(failures: 3, maxBackoff: .seconds(300), jitter: 0.8) == .milliseconds(6400))
    }

    @Test func atomicWritesLeaveNoTemporaryFiles() throws {
        let folder = try KioskFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for index in 0..<20 { try AtomicFile.write(Array("v\(index)".utf8), to: folder + "/file") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["file"])
        #expect(try String(contentsOfFile: folder + "/file", encoding: .utf8) == "v19")
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write([1], to: folder + "/missing-folder/file") }
    }
}
