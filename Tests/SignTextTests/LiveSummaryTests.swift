import Foundation
import SignText
import ScheduleCore
import SkyltTestSupport
import Testing

@Suite struct LiveSummaryTests {
    static func devDays() throws -> Program {
        let bytes = [UInt8](try Data(contentsOf: TestRepository.assets.appendingPathComponent("feeds/nordic-devdays-multi-room.json")))
        return try #require(FeedReader.read(bytes).program)
    }

    @Test func plainWordsRelativeToNowOrWithTheirDay() throws {
        let program = try Self.devDays()
        let state = LiveState(rooms: ["hall-a": RoomLive(delayMinutes: 10, delaySince: TestInstant.absolute("2021-09-14T10:25+02:00"))],
                              alert: LiveAlert(text: "Fire drill", level: .emergency, until: TestInstant.absolute("2021-09-14T11:00+02:00")))
        let today = LiveSummary.lines(state, program: program, at: TestInstant.absolute("2021-09-14T10:30+02:00"))
        #expect(today == [#"Hall A [hall-a]: running 10 min late since 10:25 (screens: "Running 10 min late")"#,
                          #"alert: emergency on every screen, the whole screen until 11:00: "Fire drill""#])
        let tomorrow = LiveSummary.lines(state, program: program, at: TestInstant.absolute("2021-09-15T09:00+02:00"))
        #expect(tomorrow.first?.contains("since 10:25 on Tuesday 14 September (no longer in effect)") == true)
        #expect(tomorrow.last?.contains("until 11:00 (expired)") == true)
        let undated = LiveSummary.lines(state, program: program, at: nil)
        #expect(undated.first?.contains("since 10:25 on Tuesday 14 September (screens") == true, "\(undated)")
        #expect(undated.last?.contains("until 11:00 on Tuesday 14 September") == true)
        #expect(LiveSummary.lines(.none, program: program, at: nil) == ["nothing in force: every room open and on time, no alert"])
    }

    @Test func anEntryOfARoomTheProgramLacksIsNamedAsDoingNothing() throws {
        let state = LiveState(rooms: ["aula": RoomLive(state: .full)], alert: LiveAlert(text: "Utrym", level: .emergency))
        #expect(LiveSummary.lines(state, program: try Self.devDays(), at: nil) == [
            "aula: not in the program, so no screen shows it (`skylt live clear aula` removes it)",
            #"alert: emergency on every screen, the whole screen until cleared: "Utrym""#,
        ])
        // With no program at all, rooms are named by their ids and the alert is in force.
        #expect(LiveSummary.lines(state, program: nil, at: nil) == [#"aula [aula]: full (screens: "FULLT — INGET INSLÄPP")"#,
                                                                    #"alert: emergency on every screen, the whole screen until cleared: "Utrym""#])
    }
}
