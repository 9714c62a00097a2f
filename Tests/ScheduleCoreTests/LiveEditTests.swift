import Foundation
import Testing
@testable import ScheduleCore

/// The technician's edits as pure rules on the live state: what `skylt live` and the hub do.
@Suite struct LiveEditTests {
    static let zone = TimeZone(identifier: "Europe/Stockholm")!
    static func at(_ text: String) -> Date { Fixture.instant(text + "+02:00") }

    @Test func aDelayStartsNowAndADelayAlreadyRunningTodayKeepsItsStart() {
        let first = LiveState.none.applying(.delay(room: "hall-a", minutes: 10), at: Self.at("2021-09-14T10:05"), zone: Self.zone)
        #expect(first.room("hall-a") == RoomLive(delayMinutes: 10, delaySince: Self.at("2021-09-14T10:05")))
        // Later the same day: longer, but the session it made late stays late.
        let longer = first.applying(.delay(room: "hall-a", minutes: 20), at: Self.at("2021-09-14T11:30"), zone: Self.zone)
        #expect(longer.room("hall-a") == RoomLive(delayMinutes: 20, delaySince: Self.at("2021-09-14T10:05")))
        // The next day it starts afresh.
        let tomorrow = longer.applying(.delay(room: "hall-a", minutes: 5), at: Self.at("2021-09-15T09:00"), zone: Self.zone)
        #expect(tomorrow.room("hall-a").delaySince == Self.at("2021-09-15T09:00"))
        // 0 clears it, and a room back to normal is not listed.
        let cleared = tomorrow.applying(.delay(room: "hall-a", minutes: 0), at: Self.at("2021-09-15T09:10"), zone: Self.zone)
        #expect(cleared.rooms.isEmpty)
        #expect(cleared == .none)
    }

    @Test func openingARoomAgainTakesItsNoteAndANoteCanBeSetOrRemoved() {
        let now = Self.at("2021-09-14T10:00")
        let full = LiveState.none.applying(.room("hall-a", state: .full, note: .set("Överflöde i foajén")), at: now, zone: Self.zone)
        #expect(full.room("hall-a") == RoomLive(state: .full, note: "Överflöde i foajén"))
        let filling = full.applying(.room("hall-a", state: .filling, note: .keepUnlessOpened), at: now, zone: Self.zone)
        #expect(filling.room("hall-a").note == "Överflöde i foajén", "the note stays while the room is not open")
        let open = filling.applying(.room("hall-a", state: .open, note: .keepUnlessOpened), at: now, zone: Self.zone)
        #expect(open.rooms.isEmpty, "open with no note is the default")
        let blank = full.applying(.room("hall-a", state: .full, note: .set("  ")), at: now, zone: Self.zone)
        #expect(blank.room("hall-a").note == nil)
        let openWithNote = full.applying(.room("hall-a", state: .open, note: .set("Välkomna")), at: now, zone: Self.zone)
        #expect(openWithNote.room("hall-a") == RoomLive(state: .open, note: "Välkomna"))
    }

    @Test func clearingTakesOneRoomTheAlertOrEverything() {
        let now = Self.at("2021-09-14T10:00")
        let state = LiveState(rooms: ["hall-a": RoomLive(state: .full), "hall-b": RoomLive(delayMinutes: 5, delaySince: now)],
                              alert: LiveAlert(text: "Fika", level: .info))
        #expect(state.applying(.clear(.room("hall-a")), at: now, zone: Self.zone).rooms.keys.sorted() == ["hall-b"])
        #expect(state.applying(.clear(.alert), at: now, zone: Self.zone) == LiveState(rooms: state.rooms))
        #expect(state.applying(.clear(.all), at: now, zone: Self.zone) == .none)
        let alert = LiveAlert(text: "Utrym", level: .emergency, until: Self.at("2021-09-14T11:00"))
        #expect(state.applying(.alert(alert), at: now, zone: Self.zone).alert == alert)
    }

    @Test func aRoomsEntryCanBePutBackAsItWas() {
        let now = Self.at("2021-09-14T10:00")
        let before = RoomLive(delayMinutes: 10, delaySince: Self.at("2021-09-14T09:30"), state: .filling, note: "Dörr B")
        let changed = LiveState(rooms: ["hall-a": RoomLive(state: .full)])
        #expect(changed.applying(.restore(room: "hall-a", entry: before), at: now, zone: Self.zone).room("hall-a") == before)
        #expect(changed.applying(.restore(room: "hall-a", entry: RoomLive()), at: now, zone: Self.zone) == .none)
    }

    @Test func onlyClearingEverythingAndAnEmergencyReplaceAnInvalidFile() {
        #expect(LiveEdit.clear(.all).replacesInvalidFile)
        #expect(LiveEdit.alert(LiveAlert(text: "Utrym", level: .emergency)).replacesInvalidFile)
        #expect(!LiveEdit.alert(LiveAlert(text: "Fika", level: .info)).replacesInvalidFile)
        #expect(!LiveEdit.clear(.alert).replacesInvalidFile && !LiveEdit.clear(.room("a")).replacesInvalidFile)
        #expect(!LiveEdit.delay(room: "a", minutes: 5).replacesInvalidFile && !LiveEdit.room("a", state: .full, note: .keepUnlessOpened).replacesInvalidFile)
    }

    @Test func anEditThatCannotBeMadeSaysWhy() {
        let now = Self.at("2021-09-14T10:00")
        #expect(LiveEdit.delay(room: "a", minutes: -1).problem(at: now) == "a delay cannot be negative; 0 clears it")
        #expect(LiveEdit.delay(room: "a", minutes: 361).problem(at: now)?.hasPrefix("361 minutes is more than the longest delay, 360") == true)
        #expect(LiveEdit.delay(room: "a", minutes: 360).problem(at: now) == nil)
        #expect(LiveEdit.alert(LiveAlert(text: "x", until: now)).problem(at: now) == "the alert would end before it begins")
        #expect(LiveEdit.alert(LiveAlert(text: " \u{200B} ")).problem(at: now) == "the alert has no text")
        let zalgo = String(repeating: "a" + String(repeating: "\u{0301}", count: 600), count: 3)
        #expect(LiveEdit.alert(LiveAlert(text: zalgo)).problem(at: now)?.contains("601 code points") == true)
        #expect(LiveEdit.room("a", state: .full, note: .set(String(repeating: "x", count: 201))).problem(at: now)?.contains("201 characters") == true)
        #expect(LiveEdit.room("a", state: .full, note: .set("")).problem(at: now) == nil)
    }

    @Test func roomsAreNamedByIdOrNameAndAStaleEntryCanStillBeCleared() throws {
        let program = try LiveReaderTests.devDays()
        let stale = LiveState(rooms: ["aula": RoomLive(state: .full)])
        #expect(LiveEdit.roomID("hall-a", in: program, state: .none, clearing: false) == .success("hall-a"))
        #expect(LiveEdit.roomID("HALL A", in: program, state: .none, clearing: false) == .success("hall-a"))
        #expect(LiveEdit.roomID("aula", in: program, state: stale, clearing: true) == .success("aula"))
        guard case .failure(let notFound) = LiveEdit.roomID("aula", in: program, state: stale, clearing: false) else {
            Issue.record("a room the program lacks was accepted for an edit")
            return
        }
        #expect(notFound.message == #"the program has no room "aula" (its rooms: "hall-a", "hall-b", "workshop")"#)
        guard case .failure(let near) = LiveEdit.roomID("hall-c", in: program, state: .none, clearing: false) else { return }
        #expect(near.message.contains(#"did you mean "hall-a"?"#))
    }
}
