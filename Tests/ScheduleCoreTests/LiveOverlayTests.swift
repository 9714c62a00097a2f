import Foundation
import Testing
@testable import ScheduleCore

@Suite struct LiveOverlayTests {
    static let zone = TimeZone(identifier: "Europe/Stockholm")!
    static func at(_ text: String) -> Date { Fixture.instant(text + "+02:00") }

    static func delayed(_ room: String, _ minutes: Int, since: String, program: Program) -> Program {
        program.applying(LiveState(rooms: [room: RoomLive(delayMinutes: minutes, delaySince: at(since))]))
    }

    @Test func aDelayMovesTheSessionOnThenAndTheRestOfThatDayInThatRoomOnly() throws {
        let planned = try LiveReaderTests.devDays()
        // Hall A: opening 09:00–10:00, coffee 10:00–10:30, a2 10:30–11:15, lunch 12:00–13:00, a3 13:00–14:00.
        let program = Self.delayed("hall-a", 10, since: "2021-09-14T10:05", program: planned)
        func times(_ id: String) -> (String, String, Int) {
            let session = program.sessions.first { $0.id == id }!
            return (Self.zone.localDateTime(for: session.start).timeText, Self.zone.localDateTime(for: session.end).timeText, Int(session.delay))
        }
        #expect(times("a1") == ("09:00", "10:00", 0), "over before the delay began")
        #expect(times("a-coffee") == ("10:10", "10:40", 600), "on when the delay began")
        #expect(times("a2") == ("10:40", "11:25", 600))
        #expect(times("a3") == ("13:10", "14:10", 600))
        #expect(times("b2") == ("10:00", "10:45", 0), "other rooms keep their times")
        #expect(program.sessions.first { $0.id == "a2" }!.plannedStart == Self.at("2021-09-14T10:30"))
        #expect(program.sessions.map(\.duration) == program.sessions.map { $0.plannedEnd.timeIntervalSince($0.plannedStart) })
    }

    @Test func countdownsCountToTheNewTimes() throws {
        let program = Self.delayed("hall-a", 10, since: "2021-09-14T10:05", program: try LiveReaderTests.devDays())
        let board = Board(program: program, at: Self.at("2021-09-14T10:35"))
        let hallA = try #require(board.room(id: "hall-a"))
        #expect(hallA.current?.session.id == "a-coffee", "the coffee runs to 10:40 now")
        #expect(hallA.current?.remainingSeconds == 300)
        #expect(hallA.next?.session.id == "a2")
        #expect(hallA.next?.startsInSeconds == 300)
        #expect(hallA.delaySeconds == 600)
        #expect(board.room(id: "hall-b")?.delaySeconds == 0)
        let json = try BoardJSON.encode(board)
        #expect(json.contains(#""delay_seconds":600"#))
        #expect(json.contains(#""planned_start":"2021-09-14T10:00:00+02:00""#))
        #expect(json.contains(#""start":"2021-09-14T10:10:00+02:00""#))
        #expect(json.contains(#""state":"open""#))
        #expect(json.contains(#""alert":null"#))
    }

    @Test func theDelayEndsWithTheDayItBeganOn() throws {
        let bytes = [UInt8](try Data(contentsOf: Fixture.assets.appendingPathComponent("feeds/fjallforum-multi-day.json")))
        let planned = try #require(FeedReader.read(bytes).program)
        let room = planned.rooms[0].id
        let firstDay = try #require(planned.sessions(inRoom: room).first)
        let since = firstDay.start.addingTimeInterval(60)
        let program = planned.applying(LiveState(rooms: [room: RoomLive(delayMinutes: 20, delaySince: since)]))
        let (_, dayEnd) = planned.localDayBounds(of: since)
        for session in program.sessions(inRoom: room) {
            let expected: TimeInterval = session.plannedEnd > since && session.plannedStart < dayEnd ? 1200 : 0
            #expect(session.delay == expected, "\(session.id)")
        }
        #expect(program.sessions(inRoom: room).contains { $0.plannedStart >= dayEnd && $0.delay == 0 }, "the next day keeps its times")
    }

    @Test func applyingAgainReplacesTheDelayInsteadOfAddingToIt() throws {
        let planned = try LiveReaderTests.devDays()
        let once = Self.delayed("hall-a", 10, since: "2021-09-14T10:05", program: planned)
        let twice = Self.delayed("hall-a", 15, since: "2021-09-14T10:05", program: once)
        #expect(twice.sessions.first { $0.id == "a2" }!.start == Self.at("2021-09-14T10:45"))
        let cleared = twice.applying(.none)
        #expect(cleared.sessions.map(\.start) == planned.sessions.map(\.start))
        #expect(cleared.sessions.allSatisfy { $0.delay == 0 })
        #expect(twice.planned.sessions.map(\.end) == planned.sessions.map(\.end))
    }

    @Test func statesNotesAndTheAlertReachTheBoard() throws {
        let planned = try LiveReaderTests.devDays()
        let live = LiveState(rooms: ["hall-a": RoomLive(state: .full, note: "Overflow in Hall B"), "workshop": RoomLive(state: .closed)],
                             alert: LiveAlert(text: "Fire drill at 11", level: .info, until: Self.at("2021-09-14T11:00")))
        let program = planned.applying(live)
        let board = Board(program: program, at: Self.at("2021-09-14T10:40"))
        #expect(board.room(id: "hall-a")?.state == .full)
        #expect(board.room(id: "hall-a")?.note == "Overflow in Hall B")
        #expect(board.room(id: "hall-b")?.state == .open)
        #expect(board.alert?.text == "Fire drill at 11")
        #expect(Board(program: program, at: Self.at("2021-09-14T11:00")).alert == nil, "expired")
        // Where else to go: Hall B has a talk on; the workshop is closed; Hall A itself is full.
        #expect(board.alternatives(to: "hall-a").map(\.room.id) == ["hall-b"])
        let json = try BoardJSON.encode(board)
        #expect(json.contains(#""alert":{"level":"info","text":"Fire drill at 11","until":"2021-09-14T11:00:00+02:00"}"#))
        #expect(json.contains(#""note":"Overflow in Hall B""#))
        #expect(json.contains(#""state":"full""#))
    }

    @Test func aBreakIsNoAlternativeToAFullRoom() throws {
        let planned = try LiveReaderTests.devDays()
        // 10:15: Hall A has coffee, Hall B a talk, the workshop a talk.
        let board = Board(program: planned.applying(LiveState(rooms: ["hall-b": RoomLive(state: .full)])), at: Self.at("2021-09-14T10:15"))
        #expect(board.alternatives(to: "hall-b").map(\.room.id) == ["workshop"])
    }

    @Test func randomDelaysKeepEveryLengthAndThePlannedTimes() throws {
        let planned = try LiveReaderTests.devDays()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let rooms = planned.rooms.map(\.id)
            var state = LiveState()
            for room in rooms where Bool.random(using: &generator) {
                let since = Self.at("2021-09-14T08:00").addingTimeInterval(Double(Int.random(in: 0...(8 * 3600), using: &generator)))
                state.rooms[room] = RoomLive(delayMinutes: Int.random(in: 0...LiveLimits.maxDelayMinutes, using: &generator), delaySince: since)
            }
            let program = planned.applying(state)
            let plannedByID = Dictionary(uniqueKeysWithValues: planned.sessions.map { ($0.id, $0) })
            for session in program.sessions {
                let original = try #require(plannedByID[session.id])
                #expect(session.plannedStart == original.start && session.plannedEnd == original.end)
                #expect(session.duration == original.duration)
                #expect(session.delay == 0 || session.delay == state.room(session.roomID).delaySeconds)
            }
        }
    }
}
