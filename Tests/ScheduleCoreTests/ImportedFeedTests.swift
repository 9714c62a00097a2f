import Foundation
import Testing
@testable import ScheduleCore

/// frab/pretalx JSON and iCalendar: small files of our own carry every rule; the real exports
/// in ../shared/feeds/real (beside CI's clone) must all load.
@Suite struct ImportedFeedTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func report(_ name: String) throws -> FeedReport {
        FeedReader.read([UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent(name))))
    }

    // MARK: - frab

    @Test func frabMapsOntoTheProgram() throws {
        let report = try report("mini-congress.frab.json")
        #expect(report.format == .frab)
        let program = try #require(report.program)
        #expect(program.event.name == "Mini Congress")
        #expect(program.rooms.map(\.id) == ["Saal 1", "Empty Room", "Saal 2"])
        let byID = Dictionary(uniqueKeysWithValues: program.sessions.map { ($0.id, $0) })
        #expect(Set(byID.keys) == ["g-open", "g-late", "g-over", "5", "g-rep", "g-rep#2", "g-coffee"])
        // The room is the key the event is listed under, not the event's own "room".
        #expect(byID["g-late"]?.roomID == "Saal 1")
        // `date` is the start (fractions of a second allowed), not `start`.
        #expect(byID["5"]?.start == Fixture.instant("2024-12-27T14:00+01:00"))
        #expect(byID["g-late"]?.duration == 5400)
        #expect(byID["g-over"]?.duration == 1800)
        #expect(byID["g-open"]?.speakers == [Speaker(name: "Alice")] && byID["g-late"]?.speakers == [Speaker(name: "Bob")])
        #expect(byID["g-open"]?.track == "CCC" && byID["g-open"]?.subtitle == nil)
        #expect(byID["g-coffee"]?.kind == .break)
        // No time_zone_name: shown at the events' own offset.
        #expect(program.event.timeZone.secondsFromGMT(for: Date()) == 3600)
    }

    @Test func frabOdditiesAreWarningsThatSayWhere() throws {
        let warnings = try report("mini-congress.frab.json").warnings.map { $0.formatted(file: "f") }
        #expect(warnings.contains { $0.contains("no \"time_zone_name\"; showing times at the events' offset +01:00") })
        #expect(warnings.contains { $0.contains("(session \"g-zero\")") && $0.contains("lasts no time") })
        #expect(warnings.contains { $0.contains("rooms[\"Saal 1\"][3].start (session \"g-over\"): overlaps session \"g-open\"") })
        #expect(warnings.contains { $0.contains("the same event is listed twice; shown once") })
        #expect(warnings.contains { $0.contains("id \"g-rep\" is used by another event too; this one is \"g-rep#2\"") })
        #expect(warnings.allSatisfy { $0.hasPrefix("f:") })
    }

    @Test func frabBoardPastMidnight() throws {
        let program = try #require(try report("mini-congress.frab.json").program)
        let board = Board(program: program, at: Fixture.instant("2024-12-28T00:30+01:00"))
        #expect(board.room(id: "Saal 1")?.current?.session.id == "g-late")
        #expect(board.room(id: "Saal 1")?.current?.remainingSeconds == 1800)
        #expect(board.room(id: "Empty Room")?.phase == .empty)
        // Overlapping: the one that started last and still runs is "now".
        let overlap = Board(program: program, at: Fixture.instant("2024-12-27T10:20+01:00"))
        #expect(overlap.room(id: "Saal 1")?.current?.session.id == "g-over")
    }

    @Test func frabWithoutDaysIsAnError() {
        let report = FeedReader.read(Array(#"{"schedule": {"conference": {"title": "x"}}}"#.utf8))
        #expect(!report.isValid)
        #expect(report.errors.first?.formatted(file: "f") == "f:1:29: error: schedule.conference.days: missing \"days\" (the conference's days with their rooms and events)")
    }

    @Test(arguments: ["1:30", "01:30", "1:30:00", "0:01:30:00"])
    func frabDurations(_ text: String) {
        #expect(FrabFeedReader.parseDuration(text) == 5400)
    }

    /// Absurd durations are refused, never an arithmetic overflow (a fuzz find); the largest
    /// accepted ones still read.
    @Test(arguments: ["03333333333333331:00", "1:9999999999999999:00:00", "99999999999999999999:00", "-1:00", "1:-30"])
    func frabDurationsThatCannotBeAreRefused(_ text: String) {
        #expect(FrabFeedReader.parseDuration(text) == nil)
    }

    @Test func largestFrabDurationReads() {
        #expect(FrabFeedReader.parseDuration("999999:999999:999999:999999") == 999_999.0 * (86_400 + 3600 + 60 + 1))
    }

    // MARK: - iCalendar

    @Test func iCalendarMapsOntoTheProgram() throws {
        let report = try report("small.ics")
        #expect(report.format == .iCalendar)
        let program = try #require(report.program, "\(report.diagnostics)")
        #expect(program.event.name == "Kalender, test")
        #expect(program.event.timeZone.identifier == "Europe/Stockholm")
        #expect(program.rooms.map(\.id) == ["Aulan", "Lilla salen"])
        let byID = Dictionary(uniqueKeysWithValues: program.sessions.map { ($0.id, $0) })
        let keynote = try #require(byID["keynote@test"])
        // The TZID is looked up in the time-zone database; the file's (wrong) VTIMEZONE is ignored.
        #expect(keynote.start == Fixture.instant("2024-05-02T07:00Z"))
        #expect(keynote.title == "Keynote: Skyltar, tid och rum")
        #expect(keynote.abstract == "Rad ett\nRad två")
        #expect(byID["cancelled@test"]?.status == .cancelled)
    }

    @Test func iCalendarRecurrences() throws {
        let program = try #require(try report("small.ics").program)
        let ids = Set(program.sessions.map(\.id))
        // DAILY, COUNT=3, one EXDATE: the count includes the excluded day.
        #expect(ids.isSuperset(of: ["standup@test@2024-05-02T08:30", "standup@test@2024-05-04T08:30"]))
        #expect(!ids.contains("standup@test@2024-05-03T08:30"))
        // WEEKLY until the 16th, the 9th moved by a RECURRENCE-ID.
        #expect(ids.isSuperset(of: ["weekly@test@2024-05-02T14:00", "weekly@test@2024-05-09T14:00", "weekly@test@2024-05-16T14:00"]))
        let moved = try #require(program.sessions.first { $0.id == "weekly@test@2024-05-09T14:00" })
        #expect(moved.title == "Lunch seminar (moved)" && moved.start == Fixture.instant("2024-05-09T12:30Z"))
        #expect(program.sessions.filter { $0.id.hasPrefix("weekly@test") }.count == 3)
        // Across the spring DST change the wall-clock time stays 09:00.
        let dst = program.sessions.filter { $0.id.hasPrefix("dst@test") }.map(\.start)
        #expect(dst == [Fixture.instant("2024-03-30T09:00+01:00"), Fixture.instant("2024-03-31T09:00+02:00"), Fixture.instant("2024-04-01T09:00+02:00")])
    }

    /// A zero-length event is warned about once with its location; a zero-length RECURRENCE-ID
    /// override takes its instance off the screen, by that instance's id.
    @Test func zeroLengthCalendarEventsAndOverridesAreSkipped() throws {
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:w
            DTSTART:20240101T100000Z
            DURATION:PT1H
            RRULE:FREQ=DAILY;COUNT=3
            SUMMARY:Daily
            END:VEVENT
            BEGIN:VEVENT
            UID:w
            RECURRENCE-ID:20240102T100000Z
            DTSTART:20240102T110000Z
            DURATION:PT0S
            SUMMARY:Moved
            END:VEVENT
            BEGIN:VEVENT
            UID:z
            DTSTART:20240101T120000Z
            DURATION:PT0S
            RRULE:FREQ=DAILY;COUNT=1000
            SUMMARY:Nothing
            END:VEVENT
            END:VCALENDAR

            """
        let report = FeedReader.read(Array(text.utf8))
        let program = try #require(report.program)
        #expect(program.sessions.map(\.id) == ["w@2024-01-01T10:00", "w@2024-01-03T10:00"])
        #expect(report.warnings.map { $0.formatted(file: "c.ics") } == [
            "c.ics:9:1: warning: VEVENT[1] (session \"w@2024-01-02T10:00\"): lasts no time, so it can never be on now; skipped",
            "c.ics:16:1: warning: VEVENT[2] (session \"z\"): lasts no time, so it can never be on now; skipped",
        ])
    }

    @Test func iCalendarAllDayEventsAreNoticesAndOddZonesAreWarned() throws {
        let report = try report("small.ics")
        let program = try #require(report.program)
        #expect(!program.sessions.contains { $0.id == "allday@test" })
        #expect(Board(program: program, at: Fixture.instant("2024-05-02T12:00+02:00")).notices.map(\.text) == ["Registreringen är öppen hela dagen"])
        #expect(Board(program: program, at: Fixture.instant("2024-05-03T12:00+02:00")).notices.isEmpty)
        let odd = try #require(program.sessions.first { $0.id == "odd-zone@test" })
        #expect(odd.start == Fixture.instant("2024-05-04T10:00+01:00"))
        #expect(report.warnings.contains { $0.message.contains("\"W. Europe Standard Time\" is not in the time-zone database") })
    }

    @Test(arguments: [("PT1H30M", 5400.0), ("P1D", 86_400.0), ("P1W", 604_800.0), ("P1DT2H", 93_600.0), ("-PT15M", -900.0)])
    func iCalendarDurations(_ text: String, _ seconds: Double) {
        #expect(ICalendarFeedReader.parseDuration(text) == seconds)
    }

    @Test func brokenICalendarIsLocated() {
        let report = FeedReader.read(Array("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VCALENDAR\n".utf8))
        #expect(report.errors.map { $0.formatted(file: "c.ics") } == ["c.ics:4:1: error: END:VCALENDAR does not close the open component"])
    }

    @Test func convertWritesAnEquivalentNativeFeed() throws {
        for name in ["small.ics", "mini-congress.frab.json"] {
            let program = try #require(try report(name).program)
            let converted = FeedReader.read(NativeFeedWriter.write(program))
            #expect(converted.format == .skyltV1)
            let back = converted.program ?? program  // The frab file overlaps, which the native format refuses.
            if name == "small.ics" {
                let backProgram = try #require(converted.program, "\(converted.diagnostics)")
                #expect(backProgram.sessions.map(\.id) == program.sessions.map(\.id))
                #expect(backProgram.sessions.map(\.start) == program.sessions.map(\.start))
                #expect(backProgram.sessions.map(\.end) == program.sessions.map(\.end))
                #expect(backProgram.notices == program.notices)
            } else {
                #expect(converted.errors.count == 1 && converted.errors[0].message.contains("overlaps"))
            }
            _ = back
        }
    }

    @Test(arguments: ["Plain title", "Åsa's \"quoted\" talk", "back\\slash", "two\nlines\r\ttab", "bell\u{07}nul\u{00}", "Café 東京 🎤"])
    func writerKeepsEveryTextExactly(_ title: String) throws {
        let program = try Fixture.program(Fixture.feed([Fixture.session("s1", "2020-02-06T09:00", "2020-02-06T09:15")]))
        let edited = Program(event: program.event, rooms: program.rooms, sessions: [
            Session(id: title, roomID: program.rooms[0].id, title: title, start: program.sessions[0].start, end: program.sessions[0].end),
        ], notices: [])
        let back = try #require(FeedReader.read(NativeFeedWriter.write(edited)).program)
        // Titles never hold control characters (a screen draws them as boxes); ids keep every byte.
        #expect(back.sessions.map(\.title) == [DisplayText.withoutControls(title)])
        #expect(edited.sessions[0].title == DisplayText.withoutControls(title))
        #expect(back.sessions.map(\.id) == [title])
    }

    // MARK: - The real exports

    static var realFeeds: [String] {
        let folder = Fixture.shared.appendingPathComponent("feeds/real")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") || $0.hasSuffix(".ics") || $0.hasSuffix(".xml") }.sorted()
    }

    @Test func everyRealExportLoads() throws {
        let feeds = Self.realFeeds
        guard !feeds.isEmpty else {
            print("skipped: ../shared/feeds/real is absent (it is beside CI's clone)")
            return
        }
        for name in feeds {
            // FOSDEM 2020's schedule.xml names no zone and gives no offsets: read as a machine in Brussels would.
            let report = FeedReader.read([UInt8](try Data(contentsOf: Fixture.shared.appendingPathComponent("feeds/real/" + name))),
                                         fallbackZone: TimeZone(identifier: "Europe/Brussels"))
            #expect(report.isValid, "\(name): \(report.errors.prefix(3))")
            #expect((report.program?.sessions.count ?? 0) > 10, "\(name)")
        }
    }

    @Test func realExportContracts() throws {
        let real = Fixture.shared.appendingPathComponent("feeds/real")
        guard FileManager.default.fileExists(atPath: real.path) else {
            print("skipped: ../shared/feeds/real is absent (it is beside CI's clone)")
            return
        }
        func load(_ name: String) throws -> Program {
            try #require(FeedReader.read([UInt8](try Data(contentsOf: real.appendingPathComponent(name)))).program)
        }
        // jev22 event 6713 is written at -05:00: its true start is 16:30 in Amsterdam, not 10:30.
        let jev = try load("jev22-everything.schedule.json")
        let solar = try #require(jev.sessions.first { $0.title == "Intro to Solar Protocol" })
        #expect(solar.start == Fixture.instant("2022-12-27T15:30Z"))
        #expect(solar.roomID == "WoodbineDWeb")
        // good-2025 names its zone US/Eastern, a legacy alias that must work.
        #expect(try load("good-2025.schedule.json").event.timeZone.identifier == "US/Eastern")
        // PyCon AU 2023's VTIMEZONE is 30 minutes wrong; the database is right.
        let pycon = try load("pyconau-2023-adelaide.as-downloaded.ics")
        #expect(pycon.firstStart == Fixture.instant("2023-08-18T09:00+09:30"))
        // 36c3 has no time_zone_name: shown at +01:00; id 399 lasts no time and is left out.
        let congress = try load("36c3-everything.schedule.json")
        #expect(congress.event.timeZone.secondsFromGMT() == 3600)
        #expect(!congress.sessions.contains { $0.title == "Build and fly your own rockets in Kerbal Space Program" })
        #expect(congress.rooms.count == 92)
    }
}
