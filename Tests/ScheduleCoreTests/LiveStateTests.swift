import Foundation
import SignText
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

    @Test func anUnknownRoomIsAnErrorListingTheProgramsRooms() throws {
        let report = try Self.read("""
        {"skylt_live": 1,
          "rooms": {"hall-c": {"state": "full"}}}
        """)
        #expect(report.state == nil)
        #expect(Self.messages(report) == [
            #"live.json:2:13: error: rooms.hall-c: the program has no room "hall-c"; did you mean "hall-a"? (its rooms: "hall-a", "hall-b", "workshop")"#,
        ])
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

@Suite struct LiveSampleTests {
    /// The published JSON Schema describes exactly the keys the reader knows.
    @Test func schemaListsTheReadersKeys() throws {
        let data = try Data(contentsOf: Fixture.assets.appendingPathComponent("live.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        func keys(_ object: [String: Any]?) -> Set<String> {
            Set(((object?["properties"]) as? [String: Any])?.keys.map { $0 } ?? [])
        }
        let defs = schema["$defs"] as? [String: Any]
        #expect(keys(schema) == LiveReader.rootKeys)
        #expect(keys(defs?["room"] as? [String: Any]) == LiveReader.roomKeys)
        #expect(keys(defs?["alert"] as? [String: Any]) == LiveReader.alertKeys)
        let room = (defs?["room"] as? [String: Any])?["properties"] as? [String: Any]
        #expect((room?["delay_minutes"] as? [String: Any])?["maximum"] as? Int == LiveLimits.maxDelayMinutes)
        #expect(((room?["state"] as? [String: Any])?["enum"] as? [String]) == RoomState.allCases.map(\.rawValue))
    }

    /// The sample live files in assets/live are valid against the sample feed they are named after.
    @Test(arguments: [("nordic-devdays-multi-room.live.json", "nordic-devdays-multi-room.json"),
                      ("spridningskonferens-2020.live.json", "spridningskonferens-2020.json"),
                      ("emergency.live.json", "spridningskonferens-2020.json")])
    func sampleLiveFilesAreValid(_ live: String, _ feed: String) throws {
        let program = try #require(FeedReader.read([UInt8](try Data(contentsOf: Fixture.assets.appendingPathComponent("feeds/" + feed)))).program)
        let report = LiveReader.read([UInt8](try Data(contentsOf: Fixture.assets.appendingPathComponent("live/" + live))), program: program)
        #expect(report.isValid && report.diagnostics.isEmpty, "\(report.diagnostics)")
    }
}

@Suite struct LiveFuzzRegressionTests {
    /// Every input the live-file fuzz target found: read against a three-room program, laid over
    /// it, written back out and read again as the same state (what `FuzzLive` checks).
    @Test func liveFuzzRegressionsStayFixed() throws {
        let folder = Fixture.root.appendingPathComponent("Tests/Fuzz/Regressions/FuzzLive")
        let program = try LiveReaderTests.devDays()
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        for url in files {
            let report = LiveReader.read([UInt8](try Data(contentsOf: url)), program: program)
            #expect((report.state == nil) == !report.errors.isEmpty)
            guard let state = report.state else { continue }
            _ = Board(program: program.applying(state), at: program.firstStart!)
            let written = LiveWriter.write(state, program: program, updated: program.firstStart!)
            #expect(LiveReader.read(written, program: program).state == state, "\(url.lastPathComponent)")
        }
        print("replayed \(files.count) live fuzz regression inputs")
    }
}

@Suite struct LiveSummaryTests {
    @Test func plainWordsRelativeToNowOrWithTheirDay() throws {
        let program = try LiveReaderTests.devDays()
        let state = LiveState(rooms: ["hall-a": RoomLive(delayMinutes: 10, delaySince: Fixture.instant("2021-09-14T10:25+02:00"))],
                              alert: LiveAlert(text: "Fire drill", level: .emergency, until: Fixture.instant("2021-09-14T11:00+02:00")))
        let today = LiveSummary.lines(state, program: program, at: Fixture.instant("2021-09-14T10:30+02:00"))
        #expect(today == [#"Hall A [hall-a]: running 10 min late since 10:25 (screens: "Running 10 min late")"#,
                          #"alert: emergency on every screen, the whole screen until 11:00: "Fire drill""#])
        let tomorrow = LiveSummary.lines(state, program: program, at: Fixture.instant("2021-09-15T09:00+02:00"))
        #expect(tomorrow.first?.contains("since 10:25 on Tuesday 14 September (no longer in effect)") == true)
        #expect(tomorrow.last?.contains("until 11:00 (expired)") == true)
        let undated = LiveSummary.lines(state, program: program, at: nil)
        #expect(undated.first?.contains("since 10:25 on Tuesday 14 September (screens") == true, "\(undated)")
        #expect(undated.last?.contains("until 11:00 on Tuesday 14 September") == true)
        #expect(LiveSummary.lines(.none, program: program, at: nil) == ["nothing in force: every room open and on time, no alert"])
    }
}
