import Foundation
import Testing
@testable import ScheduleCore

/// Feeds past what any conference needs are rejected while they are read, with a located
/// error; huge numbers of mistakes cost no more to report than two hundred. (How fast: `skylt-bench
/// hostile`, in docs/BENCHMARKS.md; tests do not time.)
@Suite struct FeedLimitTests {
    /// `count` one-hour sessions in one room, all at 10:00, on one line as a minifier writes it.
    static func overlapping(_ count: Int) -> [UInt8] {
        var text = #"{"skylt":1,"event":{"name":"E","timezone":"Europe/Stockholm"},"sessions":["#
        text += (0..<count).map { #"{"id":"s\#($0)","title":"T","start":"2026-11-24T10:00","end":"2026-11-24T11:00"}"# }.joined(separator: ",")
        return Array((text + "]}").utf8)
    }

    @Test func tenThousandOverlapsListTheFirstTwoHundredAndCountTheRest() throws {
        let report = FeedReader.read(Self.overlapping(10_000))
        #expect(!report.isValid)
        #expect(report.errors.count == DiagnosticSink.maxListed + 1)
        #expect(report.errors[0].message.hasPrefix("overlaps session \"s0\" (10:00–11:00, at 1:"))
        #expect(report.errors[0].location?.line == 1)
        let last = try #require(report.errors.last)
        #expect(last.message == "… and 9,799 more errors not listed (the first 200 are above)" && last.location == nil)
        #expect(report.errorCount == 9_999)
    }

    @Test func columnsAreRightFarAlongOneLongLineWithManyBytesPerCharacter() {
        // 5,000 "ö" (two bytes each) on line 2, then the mistake.
        let text = "{\"skylt\": 1,\n\"x\": \"" + String(repeating: "ö", count: 5_000) + "\", \"event\": 7}"
        let report = FeedReader.read(Array(text.utf8))
        let error = report.errors.first { $0.path == "event" }
        #expect(error?.location == TextPosition(line: 2, column: 6 + 5_000 + 13))  // `"x": "`, the ö, `", "event": `.
    }

    @Test func moreThanTheSessionLimitIsRejectedAtTheArray() {
        var text = #"{"skylt":1,"event":{"name":"E","timezone":"UTC"},"sessions":["#
        text += (0...FeedLimits.maxSessions).map { #"{"id":"s\#($0)","title":"T","start":"2026-11-24T10:00","end":"2026-11-24T10:01"}"# }
            .joined(separator: ",")
        let report = FeedReader.read(Array((text + "]}").utf8))
        #expect(report.errors.map(\.message) == ["100,001 sessions; a feed may have at most 100,000"])
        #expect(report.errors.first?.path == "sessions")
    }

    @Test func moreThanTheRoomLimitIsRejected() {
        let rooms = (0...FeedLimits.maxRooms).map { #"{"id":"r\#($0)","name":"R"}"# }.joined(separator: ",")
        let report = Fixture.read(#"{"skylt":1,"event":{"name":"E","timezone":"UTC"},"rooms":[\#(rooms)],"sessions":[]}"#)
        #expect(report.errors.map(\.message) == ["1,001 rooms; a feed may have at most 1,000"])
    }

    /// A small file that expands past every limit: `events` events, each recurring daily 1,000 times in a room of its own.
    static func recurrenceBomb(events: Int) -> [UInt8] {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "X-WR-TIMEZONE:Europe/Stockholm"]
        for index in 0..<events {
            lines += ["BEGIN:VEVENT", "UID:e\(index)", "DTSTART:20261124T100000Z", "DTEND:20261124T110000Z", "SUMMARY:Event \(index)",
                      "LOCATION:Room \(index)", "RRULE:FREQ=DAILY;COUNT=1000", "END:VEVENT"]
        }
        return Array((lines + ["END:VCALENDAR", ""]).joined(separator: "\r\n").utf8)
    }

    @Test func aRecurrenceBombStopsAtTheSessionLimit() {
        let bytes = Self.recurrenceBomb(events: 150)
        #expect(bytes.count < 30_000)
        let report = FeedReader.read(bytes)
        #expect(!report.isValid)
        let error = report.errors.first { $0.message.contains("with recurrences expanded") }
        #expect(error?.message == "more than 100,000 sessions with recurrences expanded; a feed may have at most that many")
        #expect(error?.path == "VEVENT[100]" && error?.location != nil)  // 100 events × 1,000 fill it; the 101st is named.
    }

    @Test func recurrencePartsSkyltDoesNotExpandAreSaid() {
        let calendar = """
        BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Nowhere/Atlantis:20261124T100000\r\nDTEND;TZID=Nowhere/Atlantis:20261124T110000\r
        SUMMARY:A\r\nRRULE:FREQ=WEEKLY;COUNT=4;BYSETPOS=1\r\nRDATE:20261201T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
        """
        let messages = FeedReader.read(Array(calendar.utf8)).warnings.map(\.message)
        #expect(messages.contains("RRULE BYSETPOS is not supported and ignored; check the occurrences shown"))
        #expect(messages.contains("RDATE is not supported; only the RRULE's occurrences are shown"))
        // The calendar's own zone is the unknown TZID, so its times fall back to UTC; said so.
        #expect(messages.contains("unknown time zone \"Nowhere/Atlantis\"; its times are read in UTC"))
    }

    @Test func aFrabDayWithRoomsInTheWrongShapeIsAnErrorNotAnEmptyProgram() {
        let frab = #"{"schedule":{"conference":{"title":"C","time_zone_name":"Europe/Berlin","days":[{"date":"2026-11-24","rooms":[{"name":"A"}]}]}}}"#
        let report = Fixture.read(frab)
        #expect(report.program == nil)
        #expect(report.errors.map(\.message) == ["expected an object of rooms (room name: [events]), found array"])
        let events = #"{"schedule":{"conference":{"title":"C","time_zone_name":"Europe/Berlin","days":[{"date":"2026-11-24","rooms":{"A":{"x":1}}}]}}}"#
        #expect(Fixture.read(events).errors.map(\.message) == ["expected an array of events, found object"])
    }

    @Test func manyFrabEventsSharingOneGuidAreKeptApartInLinearTime() throws {
        // One room, each event on a day of its own.
        let firstDay = CivilCalendar.daysSinceEpoch(year: 2026, month: 1, day: 1)
        let events = (0..<5_000).map { index in
            let (year, month, day) = CivilCalendar.civil(fromDaysSinceEpoch: firstDay + index)
            let date = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            return #"{"guid":"same","title":"T\#(index)","date":"\#(date)T10:00:00+01:00","start":"10:00","duration":"00:30","room":"A"}"#
        }.joined(separator: ",")
        let frab = #"{"schedule":{"conference":{"title":"C","time_zone_name":"Europe/Berlin","days":[{"date":"2026-11-24","rooms":{"A":[\#(events)]}}]}}}"#
        let report = Fixture.read(frab)
        let program = try #require(report.program)
        #expect(Set(program.sessions.map(\.id)).count == 5_000)
        #expect(program.sessions.contains { $0.id == "same#5000" })
    }

    @Test func millionsOfTinyValuesAreRefusedWhileParsing() {
        // 3 MB of `0,` would be a 60 MB tree; 16 MiB of it, 330 MB: refused at the 1,500,001st value.
        var bytes = Array(#"{"skylt":1,"event":{"name":"E","timezone":"UTC"},"sessions":[],"x":["#.utf8)
        bytes.reserveCapacity(bytes.count + 3_200_010)
        for _ in 0..<1_600_000 { bytes += [0x30, 0x2C] }
        bytes += Array("0]}".utf8)
        let report = FeedReader.read(bytes)
        #expect(report.errors.map(\.message) == ["more than 1,500,000 values; a feed holds far fewer (is this the right file?)"])
        #expect(report.errors.first?.location?.line == 1)
    }
}
