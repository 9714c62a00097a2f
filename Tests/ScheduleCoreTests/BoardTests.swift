import Foundation
import SkyltTestSupport
import Testing
@testable import ScheduleCore

@Suite struct BoardTests {
    /// Two rooms over two days, with a gap, a cancelled session, a notice.
    static let text = """
    {"skylt": 1, "event": {"name": "E", "timezone": "Europe/Stockholm"},
     "rooms": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
     "sessions": [
       {"id": "a1", "room": "a", "title": "A1", "start": "2020-02-06T09:00", "end": "2020-02-06T10:00"},
       {"id": "a2", "room": "a", "title": "A2", "start": "2020-02-06T10:00", "end": "2020-02-06T11:00"},
       {"id": "a3", "room": "a", "title": "A3", "start": "2020-02-06T11:45", "end": "2020-02-06T12:30"},
       {"id": "ax", "room": "a", "title": "AX", "start": "2020-02-06T12:30", "end": "2020-02-06T13:00", "status": "cancelled"},
       {"id": "a4", "room": "a", "title": "A4", "start": "2020-02-07T09:00", "end": "2020-02-07T10:00"},
       {"id": "b1", "room": "b", "title": "B1", "start": "2020-02-06T09:30", "end": "2020-02-06T10:30"}
     ],
     "notices": [{"text": "Lunch moved", "from": "2020-02-06T10:00", "until": "2020-02-06T12:00"}, {"text": "Room A only", "room": "a"}]}
    """

    func board(_ at: String) throws -> Board {
        Board(program: try Fixture.program(Self.text), at: Fixture.instant(at))
    }

    @Test func beforeTheEvent() throws {
        let board = try board("2020-02-06T08:00+01:00")
        #expect(board.phase == .beforeEvent)
        #expect(board.rooms.map(\.phase) == [.beforeEvent, .beforeEvent])
        #expect(board.rooms[0].current == nil)
        #expect(board.rooms[0].next?.session.id == "a1")
        #expect(board.rooms[0].next?.startsInSeconds == 3600)
        #expect(board.secondsUntilNextStart == 3600)
    }

    @Test func currentAndNextWithCountdowns() throws {
        let board = try board("2020-02-06T09:40:30+01:00")
        #expect(board.phase == .inSession)
        let a = board.rooms[0]
        #expect(a.current?.session.id == "a1")
        #expect(a.current?.remainingSeconds == 19 * 60 + 30)
        #expect(a.current?.elapsedSeconds == 40 * 60 + 30)
        #expect(abs((a.current?.progress ?? 0) - 2430.0 / 3600) < 1e-9)
        #expect(a.next?.session.id == "a2")
        #expect(a.next?.startsInSeconds == 19 * 60 + 30)
        #expect(board.rooms[1].current?.session.id == "b1")
        #expect(board.rooms[1].next == nil)
        #expect(board.rooms.map(\.room.id) == ["a", "b"])
    }

    @Test func boundariesAreHalfOpen() throws {
        let atStart = try board("2020-02-06T10:00+01:00")
        #expect(atStart.rooms[0].current?.session.id == "a2")
        #expect(atStart.rooms[0].current?.progress == 0)
        #expect(atStart.rooms[0].next?.session.id == "a3")
        let justBefore = try board("2020-02-06T09:59:59+01:00")
        #expect(justBefore.rooms[0].current?.session.id == "a1")
        #expect(justBefore.rooms[0].current?.remainingSeconds == 1)
    }

    @Test func gapBetweenSessions() throws {
        let board = try board("2020-02-06T11:10+01:00")
        #expect(board.rooms[0].phase == .gap)
        #expect(board.rooms[0].current == nil)
        #expect(board.rooms[0].next?.session.id == "a3")
        #expect(board.rooms[0].next?.startsInSeconds == 35 * 60)
        #expect(board.rooms[1].phase == .finished)
        #expect(board.phase == .gap)
    }

    @Test func cancelledSessionsAreNeverCurrentOrNext() throws {
        let during = try board("2020-02-06T12:40+01:00")
        #expect(during.rooms[0].current == nil)
        #expect(during.rooms[0].next?.session.id == "a4")
        let before = try board("2020-02-06T12:29+01:00")
        #expect(before.rooms[0].next?.session.id == "a4")
        // Listed nonetheless, for the screen to show as cancelled.
        let listed = try Fixture.program(Self.text).sessions(inRoom: "a", onDayOf: Fixture.instant("2020-02-06T12:00+01:00"))
        #expect(listed.map(\.id) == ["a1", "a2", "a3", "ax"])
    }

    @Test func dayOverWhenTheNextSessionIsOnALaterDay() throws {
        let board = try board("2020-02-06T18:00+01:00")
        #expect(board.phase == .dayOver)
        #expect(board.rooms[0].phase == .dayOver)
        #expect(board.rooms[0].next?.session.id == "a4")
        #expect(board.rooms[0].next?.startsInSeconds == 15 * 3600)
        #expect(board.rooms[1].phase == .finished)
    }

    @Test func eventOver() throws {
        let board = try board("2020-02-07T10:00+01:00")
        #expect(board.phase == .eventOver)
        #expect(board.rooms.map(\.phase) == [.eventOver, .eventOver])
        #expect(board.rooms.allSatisfy { $0.current == nil && $0.next == nil })
        #expect(board.secondsUntilNextStart == nil)
    }

    @Test func emptyProgram() throws {
        let program = try Fixture.program(Fixture.feed([]))
        let board = Board(program: program, at: Fixture.instant("2020-02-06T10:00Z"))
        #expect(board.phase == .empty)
        #expect(board.rooms.map(\.phase) == [.empty])
    }

    @Test func activeNotices() throws {
        #expect(try board("2020-02-06T09:59+01:00").notices.map(\.text) == ["Room A only"])
        let board = try board("2020-02-06T10:00+01:00")
        #expect(board.notices.map(\.text) == ["Lunch moved", "Room A only"])
        #expect(board.notices(forRoom: "b").map(\.text) == ["Lunch moved"])
        #expect(try self.board("2020-02-06T12:00+01:00").notices.map(\.text) == ["Room A only"])
    }

    @Test func countdownsAreSecondsRoundedUpForFractionalInstants() throws {
        let program = try Fixture.program(Self.text)
        let board = Board(program: program, at: Fixture.instant("2020-02-06T09:59:58+01:00").addingTimeInterval(0.25))
        #expect(board.rooms[0].current?.remainingSeconds == 2)
        #expect(board.rooms[0].next?.startsInSeconds == 2)
    }

    @Test func sessionsAcrossTheAutumnChangeLastTheirRealLength() throws {
        let program = try Fixture.program(String(decoding: try Data(contentsOf: Fixture.assets.appendingPathComponent("feeds/nattkodning-dst.json")), as: UTF8.self))
        let hacking1 = try #require(program.sessions.first { $0.id == "hacking-1" })
        #expect(hacking1.duration == 6 * 3600)  // 20:30 to 02:30 (+02:00): six real hours.
        let snack = try #require(program.sessions.first { $0.id == "midnight-snack" })
        #expect(snack.duration == 3600)  // 02:30+02:00 to 02:30+01:00: the repeated hour.
        // In the repeated hour the board knows which 02:45 it is.
        let first = Board(program: program, at: Fixture.instant("2020-10-25T02:45+02:00"))
        let second = Board(program: program, at: Fixture.instant("2020-10-25T02:45+01:00"))
        #expect(first.rooms[0].current?.session.id == "midnight-snack")
        #expect(second.rooms[0].current?.session.id == "hacking-2")
        #expect(second.rooms[0].current?.remainingSeconds == 3 * 3600 + 15 * 60)
    }

    @Test func springForwardShortensTheWallClockNight() throws {
        let program = try Fixture.program(Fixture.feed([Fixture.session("night", "2020-03-29T01:00", "2020-03-29T04:00")]))
        #expect(program.sessions[0].duration == 2 * 3600)
        let board = Board(program: program, at: Fixture.instant("2020-03-29T03:30+02:00"))
        #expect(board.rooms[0].current?.remainingSeconds == 30 * 60)
    }

    @Test func overlappingImportedSessionsPickTheLatestStartedThatIsRunning() throws {
        // Only imported feeds may overlap; build the program directly.
        let zone = try #require(TimeZone(identifier: "UTC"))
        let t0 = Fixture.instant("2024-01-01T09:00Z")
        let long = Session(id: "long", roomID: "r", title: "Long", start: t0, end: t0.addingTimeInterval(4 * 3600))
        let short = Session(id: "short", roomID: "r", title: "Short", start: t0.addingTimeInterval(3600), end: t0.addingTimeInterval(5400))
        let program = Program(event: Event(name: "E", timeZone: zone), rooms: [Room(id: "r", name: "R")], sessions: [short, long])
        #expect(Board(program: program, at: t0.addingTimeInterval(4000)).rooms[0].current?.session.id == "short")
        #expect(Board(program: program, at: t0.addingTimeInterval(6000)).rooms[0].current?.session.id == "long")
        #expect(Board(program: program, at: t0.addingTimeInterval(6000)).rooms[0].current?.remainingSeconds == 4 * 3600 - 6000)
    }

    @Test func largeProgramAgreesWithALinearScan() throws {
        let program = try #require(FeedReader.read(SyntheticFeed(sessions: 3_000, rooms: 5).bytes()).program)
        let first = try #require(program.firstStart), last = try #require(program.lastEnd)
        var t = first.addingTimeInterval(-1800)
        while t < last.addingTimeInterval(1800) {
            let board = Board(program: program, at: t)
            for entry in board.rooms {
                let mine = program.sessions.filter { $0.roomID == entry.room.id && $0.isScheduled }
                #expect(entry.current?.session.id == mine.first { $0.start <= t && t < $0.end }?.id)
                #expect(entry.next?.session.id == mine.filter { $0.start > t }.min { $0.start < $1.start }?.id)
            }
            t = t.addingTimeInterval(7 * 3600 + 13 * 60 + 7)
        }
    }
}
