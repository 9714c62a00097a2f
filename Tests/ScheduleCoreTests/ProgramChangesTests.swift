import Foundation
import Testing
@testable import ScheduleCore

/// What a new program changes against the one in force: what the technician reads before publishing.
@Suite struct ProgramChangesTests {
    static let rooms = #", "rooms": [{"id": "a", "name": "Sal A"}, {"id": "b", "name": "Sal B"}]"#

    @Test func movedCancelledNewRemovedAndRetitledSessionsAndRoomsGone() throws {
        let old = try Fixture.program(Fixture.feed([
            Fixture.session("keep", "2026-05-04T09:00", "2026-05-04T10:00", room: "a"),
            Fixture.session("move", "2026-05-04T10:00", "2026-05-04T11:00", room: "a"),
            Fixture.session("swap", "2026-05-04T10:00", "2026-05-04T11:00", room: "b"),
            Fixture.session("stop", "2026-05-04T11:00", "2026-05-04T12:00", room: "a"),
            Fixture.session("gone", "2026-05-04T12:00", "2026-05-04T13:00", room: "b"),
            Fixture.session("name", "2026-05-04T13:00", "2026-05-04T14:00", room: "a"),
        ], extra: Self.rooms))
        let new = try Fixture.program(Fixture.feed([
            Fixture.session("keep", "2026-05-04T09:00", "2026-05-04T10:00", room: "a"),
            Fixture.session("move", "2026-05-04T10:30", "2026-05-04T11:30", room: "a"),
            Fixture.session("swap", "2026-05-04T14:00", "2026-05-04T15:00", room: "a"),
            Fixture.session("stop", "2026-05-04T11:00", "2026-05-04T12:00", room: "a", extra: #", "status": "cancelled""#),
            Fixture.session("name", "2026-05-04T13:00", "2026-05-04T14:00", room: "a", extra: #", "title": "Ny titel""#).replacingOccurrences(of: #""title": "Title name", "#, with: ""),
            Fixture.session("born", "2026-05-04T15:00", "2026-05-04T16:00", room: "a"),
        ], extra: #", "rooms": [{"id": "a", "name": "Sal A"}, {"id": "c", "name": "Sal C"}]"#))
        let changes = ProgramChanges(from: old, to: new)
        #expect(changes.sessions.map { "\($0.kind.rawValue) \($0.session.id)" } == ["moved move", "cancelled stop", "retitled name", "moved swap", "new born", "removed gone"])
        #expect(changes.count(.moved) == 2 && changes.count(.new) == 1 && changes.count(.removed) == 1)
        #expect(changes.roomsGone == ["Sal B"] && changes.roomsNew == ["Sal C"])
        #expect(changes.sessions.first { $0.session.id == "move" }?.before?.start == Fixture.instant("2026-05-04T10:00+02:00"))
    }

    @Test func theSameProgramChangesNothingAndAFirstProgramIsNotAListOfNews() throws {
        let text = Fixture.feed([Fixture.session("x", "2026-05-04T09:00", "2026-05-04T10:00", room: "a")], extra: Self.rooms)
        #expect(ProgramChanges(from: try Fixture.program(text), to: try Fixture.program(text)).isEmpty)
        #expect(ProgramChanges(from: nil, to: try Fixture.program(text)).isEmpty)
    }
}
