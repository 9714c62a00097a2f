import Foundation
import Testing
@testable import ScheduleCore

/// The technician's live file: read strictly against the program, and laid over it.
@Suite struct LiveReaderTests {
    static func devDays() throws -> Program {
        let bytes = [UInt8](try Data(contentsOf: Fixture.assets.appendingPathComponent("feeds/nordic-devdays-multi-room.json")))
        return try #require(FeedReader.read(bytes).program)
    }

    static func read(_ text: String) throws -> LiveReport {
        LiveReader.read(Array(text.utf8), program: try devDays())
    }

    static func messages(_ report: LiveReport) -> [String] {
        report.diagnostics.map { $0.formatted(file: "live.json") }
    }

    @Test func aValidFileGivesEveryRoomsStateAndTheAlert() throws {
        let report = try Self.read("""
        {"skylt_live": 1, "updated": "2021-09-14T10:05",
         "rooms": {"hall-a": {"delay_minutes": 10, "delay_since": "2021-09-14T10:05", "state": "full", "note": "Overflow in Hall B"},
                   "workshop": {"state": "closed"}},
         "alert": {"text": "Lunch in the foyer", "level": "info", "until": "2021-09-14T13:00+02:00"}}
        """)
        let state = try #require(report.state, "\(Self.messages(report))")
        #expect(report.diagnostics.isEmpty)
        let zone = TimeZone(identifier: "Europe/Stockholm")!
        #expect(state.room("hall-a") == RoomLive(delayMinutes: 10, delaySince: Fixture.instant("2021-09-14T10:05+02:00"), state: .full,
                                                  note: "Overflow in Hall B"))
        #expect(state.room("workshop").state == .closed)
        #expect(state.room("hall-b") == RoomLive())
        #expect(state.alert == LiveAlert(text: "Lunch in the foyer", level: .info, until: Fixture.instant("2021-09-14T13:00+02:00")))
        #expect(zone.iso8601(state.room("hall-a").delaySince!) == "2021-09-14T10:05:00+02:00")
    }

    @Test func anEmptyFileIsNothingInForce() throws {
        let report = try Self.read(#"{"skylt_live": 1}"#)
        #expect(report.state == LiveState.none)
        #expect(try Self.read(#"{"skylt_live": 1, "rooms": {}, "alert": null}"#).state?.isEmpty == true)
    }

    @Test func anUnknownRoomIsAWarningNamingItAndEverythingElseStaysInForce() throws {
        let report = try Self.read("""
        {"skylt_live": 1,
          "rooms": {"hall-c": {"state": "full"}, "hall-a": {"state": "filling"}},
          "alert": {"text": "Utrym byggnaden", "level": "emergency"}}
        """)
        #expect(report.state?.alert?.level == .emergency)
        #expect(report.state?.room("hall-a").state == .filling)
        #expect(report.state?.room("hall-c").state == .full, "kept: it does nothing until the program has the room again")
        #expect(Self.messages(report) == [
            #"live.json:2:13: warning: rooms.hall-c: the program has no room "hall-c" (its rooms: "hall-a", "hall-b", "workshop"); its entry does nothing until the program has it again (did you mean "hall-a"? `skylt live clear hall-c` removes it); everything else in the file is in force"#,
        ])
        // Laid over the program, the unknown room's entry changes nothing.
        let program = try Self.devDays().applying(try #require(report.state))
        #expect(program.rooms.map(\.id) == ["hall-a", "hall-b", "workshop"])
    }

    @Test func withoutAProgramTheFileIsReadAndItsRoomsAreNotJudged() throws {
        let report = LiveReader.read(Array(#"{"skylt_live": 1, "rooms": {"aula": {"state": "full"}}, "alert": {"text": "Utrym", "level": "emergency", "until": "2021-09-14T12:00"}}"#.utf8),
                                     program: nil, fallbackZone: TimeZone(identifier: "Europe/Stockholm"))
        #expect(report.diagnostics.isEmpty)
        #expect(report.state?.alert?.until == Fixture.instant("2021-09-14T12:00+02:00"), "wall-clock time in the fallback zone")
        #expect(report.state?.room("aula").state == .full)
    }

    @Test(arguments: [
        (#""delay_minutes": -5, "delay_since": "2021-09-14T10:05""#, "a delay cannot be negative (-5); 0 clears it"),
        (#""delay_minutes": 7.5, "delay_since": "2021-09-14T10:05""#, "whole minutes only, found 7.5"),
        (#""delay_minutes": 1000000, "delay_since": "2021-09-14T10:05""#, "1000000 minutes is more than the longest delay, 360 (6 hours); move the sessions in the program instead"),
        (#""delay_minutes": "10", "delay_since": "2021-09-14T10:05""#, "expected a number of minutes, found string"),
        (#""delay_minutes": 10"#, #"missing "delay_since" (when the delay began"#),
        (#""delay_minutes": 10, "delay_since": "today""#, "date-time"),
        (#""state": "fulll""#, #"unknown state "fulll"; use one of "open", "filling", "full", "closed""#),
        (#""note": """#, "must not be empty"),
    ])
    func badRoomEntriesAreLocatedErrors(_ entry: String, _ message: String) throws {
        let report = try Self.read(#"{"skylt_live": 1, "rooms": {"hall-b": {\#(entry)}}}"#)
        #expect(report.state == nil)
        let errors = report.errors.map { $0.formatted(file: "live.json") }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("live.json:1:") == true, "\(errors)")
        #expect(errors.first?.contains("rooms.hall-b") == true, "\(errors)")
        #expect(errors.first?.contains(message) == true, "\(errors)")
    }

    @Test func badAlertsAreLocatedErrors() throws {
        let level = try Self.read(#"{"skylt_live": 1, "alert": {"text": "Fire", "level": "panic"}}"#)
        #expect(Self.messages(level) == [#"live.json:1:54: error: alert.level: unknown level "panic"; use "info" (a banner) or "emergency" (the whole screen)"#])
        let blank = try Self.read(#"{"skylt_live": 1, "alert": {"text": "  ", "level": "emergency"}}"#)
        #expect(Self.messages(blank) == ["live.json:1:37: error: alert.text: must not be empty"])
        let missing = try Self.read(#"{"skylt_live": 1, "alert": {"level": "emergency"}}"#)
        #expect(Self.messages(missing).first?.contains(#"alert.text: missing "text""#) == true)
        let long = try Self.read(#"{"skylt_live": 1, "alert": {"text": "\#(String(repeating: "Å", count: 401))"}}"#)
        #expect(Self.messages(long) == ["live.json:1:37: error: alert.text: 401 characters; at most 400 fit on a screen"])
    }

    @Test func notJSONAndTheWrongShapeAreRefused() throws {
        let syntax = try Self.read("{\n  \"skylt_live\": 1\n  \"rooms\": {}\n}")
        #expect(Self.messages(syntax) == ["live.json:3:3: error: missing ',' between object members"])
        #expect(try Self.read("[]").state == nil)
        #expect(Self.messages(try Self.read(#"{"rooms": {}}"#)).first?.contains(#"missing "skylt_live": 1"#) == true)
        #expect(try Self.read(#"{"skylt_live": 2}"#).state == nil)
        let duplicate = try Self.read(#"{"skylt_live": 1, "rooms": {"hall-a": {"state": "full"}, "hall-a": {"state": "open"}}}"#)
        #expect(Self.messages(duplicate).first?.contains(#"duplicate key "hall-a""#) == true)
        let feed = [UInt8](try Data(contentsOf: Fixture.assets.appendingPathComponent("feeds/nordic-devdays-multi-room.json")))
        #expect(LiveReader.read(feed, program: try Self.devDays()).state == nil, "a feed is not a live file")
    }

    @Test func anUnknownKeyIsAWarningAndTheFileStillCounts() throws {
        let report = try Self.read(#"{"skylt_live": 1, "rooms": {"hall-a": {"stat": "full"}}}"#)
        #expect(report.state != nil)
        #expect(Self.messages(report) == [#"live.json:1:40: warning: rooms.hall-a.stat: unknown key "stat" is ignored; did you mean "state"?"#])
    }

    @Test func aHugeFileIsRefusedBeforeItIsParsed() throws {
        let huge = [UInt8](repeating: 0x20, count: LiveLimits.maxBytes + 1)
        let report = LiveReader.read(huge, program: try Self.devDays())
        #expect(report.state == nil)
        #expect(report.errors.first?.message == "the live file is 1,048,577 bytes; live files over 1,048,576 bytes are refused")
    }

    @Test func whatTheWriterWritesReadsBackTheSame() throws {
        let program = try Self.devDays()
        let state = LiveState(rooms: ["hall-b": RoomLive(delayMinutes: 15, delaySince: Fixture.instant("2021-09-14T10:02+02:00"), state: .filling,
                                                         note: "Säg \"hej\"\n\\ till värden"),
                                      "workshop": RoomLive(state: .closed), "hall-a": RoomLive()],
                              alert: LiveAlert(text: "Utrym byggnaden", level: .emergency, until: Fixture.instant("2021-09-14T11:00+02:00")))
        let bytes = LiveWriter.write(state, program: program, updated: Fixture.instant("2021-09-14T10:03+02:00"))
        let back = LiveReader.read(bytes, program: program)
        #expect(back.diagnostics.isEmpty)
        var expected = state
        expected.rooms["hall-a"] = nil  // Nothing in force there: not written.
        #expect(back.state == expected)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""updated": "2021-09-14T10:03:00+02:00""#))
    }
}
