import Foundation
import Testing
@testable import Hub

/// Forms, the login throttle, what an account may do, and history entries read back.
@Suite struct StaffRulesTests {
    @Test func formsAreBoundedAndDecoded() throws {
        let form = try #require(FormFields(Array("csrf=ab&note=Fullt+i+sal+%C3%96&note=second".utf8)))
        #expect(form["csrf"] == "ab" && form["note"] == "Fullt i sal Ö", "the first value counts")
        #expect(FormFields(Array(repeating: UInt8(ascii: "a"), count: FormFields.maxBytes + 1)) == nil)
        #expect(FormFields(Array((0..<17).map { "f\($0)=1" }.joined(separator: "&").utf8)) == nil, "too many fields")
        #expect(FormFields(Array("a=%ZZ".utf8)) == nil, "broken percent-encoding")
        #expect(FormFields([0xFF, 0xFE]) == nil, "not UTF-8")
    }

    @Test func fiveWrongPasswordsWaitAMinuteByNameAndByAddress() {
        let throttle = LoginThrottle()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for index in 0..<5 {
            #expect(throttle.allows(name: "tech", address: "10.0.0.9", now: start))
            throttle.failed(name: "tech", address: "10.0.0.9", now: start.addingTimeInterval(Double(index)))
        }
        #expect(!throttle.allows(name: "tech", address: "10.0.0.1", now: start.addingTimeInterval(10)), "the name, from anywhere")
        #expect(!throttle.allows(name: "other", address: "10.0.0.9", now: start.addingTimeInterval(10)), "the address, for any name")
        #expect(throttle.allows(name: "other", address: "10.0.0.1", now: start.addingTimeInterval(10)))
        #expect(throttle.allows(name: "tech", address: "10.0.0.9", now: start.addingTimeInterval(65)), "a minute after the last failure")
    }

    @Test func aDoorAccountChangesItsRoomsOnly() {
        let door = Account(name: "door-a", role: .door, rooms: ["hall-a"])
        #expect(door.mayEdit(room: "hall-a") && !door.mayEdit(room: "hall-b") && !door.mayRaiseAlerts)
        #expect(Account(name: "door", role: .door).mayEdit(room: "hall-b"), "a door account without rooms has every room")
        let tech = Account(name: "tech", role: .technician, rooms: ["hall-a"])
        #expect(tech.rooms == nil && tech.mayEdit(room: "hall-b") && tech.mayRaiseAlerts)
    }

    @Test func historyEntriesReadBackForUndo() {
        let room = RoomLiveSample.entry
        #expect(LiveEntryText.room(LiveEntryText.json(room)) == room)
        #expect(LiveEntryText.alert("null") == .some(nil))
        #expect(LiveEntryText.alert("garbage") == nil)
    }
}
