import DisplayContract
import Foundation
import ScheduleCore
import Testing
@testable import Kiosk

/// What the status says when a feed is accepted but something about it deserves a look.
@Suite struct ProgramStoreEdgeTests {
    @Test func anEmptyImportReplacingAProgramIsFlagged() throws {
        let folder = try KioskFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SourceCache(directory: folder + "/state").prepare()
        let store = KioskFixture.store(folder, source: .file("schedule.json"))
        #expect(store.offer(KioskFixture.feed(title: "Something"), at: Date(), origin: "schedule.json") == .accepted)
        #expect(store.status.snapshot().emptiedFrom == nil)
        let empty = #"{"schedule":{"conference":{"title":"C","time_zone_name":"Europe/Berlin","days":[{"date":"2026-11-24","rooms":{}}]}}}"#
        #expect(store.offer(Array(empty.utf8), at: Date(), origin: "schedule.json") == .accepted)
        #expect(store.status.snapshot().emptiedFrom == 1)
        let json = String(decoding: try store.status.snapshot().json(), as: UTF8.self)
        #expect(json.contains("\"emptied_from\" : 1"))
        #expect(store.offer(KioskFixture.feed(title: "Back"), at: Date(), origin: "schedule.json") == .accepted)
        #expect(store.status.snapshot().emptiedFrom == nil)
    }

    @Test func aFeedThatCouldNotBeSavedIsNotClaimedAsSaved() throws {
        let folder = try KioskFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = SourceCache(directory: folder + "/state")
        try cache.prepare()
        // Something that is not a file sits where the saved feed goes (a full disk fails alike).
        try FileManager.default.createDirectory(atPath: cache.path, withIntermediateDirectories: true)
        let store = KioskFixture.store(folder, source: .file("feed.json"))
        #expect(store.offer(KioskFixture.feed(title: "Unsaved"), at: Date(), origin: "feed.json") == .accepted)
        #expect(store.status.snapshot().feedSaved == false)
        let json = String(decoding: try store.status.snapshot().json(), as: UTF8.self)
        #expect(json.contains("\"feed_saved\" : false"))
    }
}
