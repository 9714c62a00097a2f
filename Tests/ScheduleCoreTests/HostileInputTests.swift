import Foundation
import Testing
@testable import ScheduleCore

/// Inputs that must not hurt: each is refused or read with a clear result, quickly, without a
/// crash. Plus every input the fuzzers ever found (Tests/Fuzz/Regressions).
@Suite struct HostileInputTests {
    @Test func fiftyMegabytesOfNestedArraysAreRefusedBeforeParsing() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 50 * 1_048_576)
        let started = Date()
        let report = FeedReader.read(bytes)
        #expect(report.errors.count == 1 && report.errors[0].message.contains("over 16 MiB"))
        #expect(Date().timeIntervalSince(started) < 1)
        // Just under the cap, nesting is what stops it.
        let deep = FeedReader.read([UInt8](repeating: UInt8(ascii: "["), count: 15 * 1_048_576))
        #expect(deep.errors.first?.message.contains("nested deeper than \(JSONParser.maxDepth)") == true)
    }

    @Test func aMillionSessionsAreOverTheSizeCap() {
        let session = Array(#"{"id":"s","title":"T","start":"2020-02-06T09:00","end":"2020-02-06T09:15"},"#.utf8)
        var bytes = Array(#"{"skylt":1,"event":{"name":"E","timezone":"UTC"},"sessions":["#.utf8)
        bytes.reserveCapacity(session.count * 1_000_000 + 100)
        for _ in 0..<1_000_000 { bytes += session }
        let report = FeedReader.read(bytes)
        #expect(!report.isValid && report.errors[0].message.contains("over 16 MiB"))
    }

    @Test func aOneMegabyteTitleIsReadAndShortenedOnScreen() throws {
        let title = String(repeating: "Långtitel", count: 116_509)  // ≈ 1 MB of UTF-8.
        let program = try Fixture.program(Fixture.feed([#"{"id": "a", "title": "\#(title)", "start": "2020-02-06T09:00", "end": "2020-02-06T10:00"}"#]))
        #expect(program.sessions[0].title.utf8.count > 1_000_000)
    }

    @Test func numbersAndStringsInEachOthersPlaces() {
        let report = Fixture.read(#"{"skylt": "1", "event": {"name": 2020, "timezone": 1}, "sessions": [{"id": 1, "title": "T", "start": 20200206, "end": "2020-02-06T10:00"}]}"#)
        #expect(report.errors.count == 5)
        #expect(report.errors.allSatisfy { $0.location != nil })
    }

    @Test(arguments: ["Pacific/Kiritimati", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham"])
    func oddZonesWork(_ zone: String) throws {
        let program = try Fixture.program(Fixture.feed([
            Fixture.session("a", "2024-02-29T09:00", "2024-02-29T10:00"),
            Fixture.session("b", "2024-02-29T10:00", "2024-02-29T11:45"),
        ], zone: zone))
        let tz = try #require(TimeZone(identifier: zone))
        let board = Board(program: program, at: program.sessions[0].start.addingTimeInterval(600))
        #expect(board.rooms[0].current?.session.id == "a" && board.rooms[0].current?.remainingSeconds == 3000)
        #expect(tz.localDateTime(for: program.sessions[1].start).timeText == "10:00")
    }

    @Test func yearsOneAndNineThousandNineHundredNinetyNine() throws {
        let program = try Fixture.program(Fixture.feed([
            Fixture.session("first", "0001-01-01T12:00Z", "0001-01-01T13:00Z"),
            Fixture.session("last", "9999-12-31T22:00+14:00", "9999-12-31T23:59:59+14:00"),
            Fixture.session("leap", "2000-02-29T09:00", "2000-02-29T10:00"),
        ], zone: "UTC"))
        #expect(program.sessions.map(\.id) == ["first", "leap", "last"])
        let board = Board(program: program, at: Fixture.instant("0001-01-01T12:30Z"))
        #expect(board.rooms[0].current?.session.id == "first" && board.rooms[0].next?.session.id == "leap")
        #expect(Board(program: program, at: Fixture.instant("9999-12-31T22:30+14:00")).rooms[0].current?.session.id == "last")
    }

    @Test func offsetsAtTheEdgesOfTheWorld() throws {
        let program = try Fixture.program(Fixture.feed([
            Fixture.session("east", "2024-06-01T09:00+14:00", "2024-06-01T10:00+14:00"),
            Fixture.session("west", "2024-06-01T09:00-12:00", "2024-06-01T10:00-12:00"),
        ], zone: "UTC"))
        #expect(program.sessions[1].start.timeIntervalSince(program.sessions[0].start) == 26 * 3600)
    }

    /// Every input a fuzzer once found is replayed here for ever.
    /// Durations no conference has: refused with a warning, never an arithmetic trap (a 10^23-week
    /// DURATION once crashed the iCalendar reader converting the end to a calendar date).
    @Test(arguments: ["P99999999999999999999999W", "PT99999999999999S", "P9999999999999999999999999999999999999999D"])
    func absurdCalendarDurationsAreSkipped(_ duration: String) throws {
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20240101T100000Z\nDURATION:\(duration)\nSUMMARY:x\nEND:VEVENT\n"
            + "BEGIN:VEVENT\nUID:b\nDTSTART:20240101T110000Z\nDURATION:PT1H\nSUMMARY:y\nEND:VEVENT\nEND:VCALENDAR\n"
        let report = FeedReader.read(Array(text.utf8))
        let program = try #require(report.program)
        #expect(program.sessions.map(\.id) == ["b"])
        #expect(report.warnings.contains { $0.message.contains("after the year 9999") })
    }

    @Test func recurrencesStopAtTheYear9999() throws {
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:99991229T100000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n"
        let program = try #require(FeedReader.read(Array(text.utf8)).program)
        #expect(program.sessions.count == 3)
        #expect(program.sessions.allSatisfy { $0.end <= LocalDateTime.latestInstant })
    }

    @Test func frabDurationPastTheYear9999IsSkipped() throws {
        let event = #"{"guid": "g", "id": 1, "date": "9999-12-31T10:00:00+01:00", "start": "10:00", "duration": "999999:00", "title": "Long"}"#
        let text = #"{"schedule": {"conference": {"title": "C", "days": [{"index": 1, "date": "9999-12-31", "rooms": {"A": ["# + event + "]}}]}}}"
        let report = FeedReader.read(Array(text.utf8))
        #expect(report.program?.sessions.isEmpty ?? true)
        #expect(report.warnings.contains { $0.message.contains("after the year 9999") })
    }

    @Test func fuzzRegressionsStayFixed() throws {
        let folder = Fixture.root.appendingPathComponent("Tests/Fuzz/Regressions")
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var replayed = 0
        while let url = enumerator?.nextObject() as? URL {
            guard !url.hasDirectoryPath, url.lastPathComponent != "README.md" else { continue }
            // What the fuzz targets do with an input, and no slower than their hang limit (1 s of
            // this thread's CPU time: other tests and a loaded machine do not count).
            let started = Self.threadCPUTime()
            let report = FeedReader.read([UInt8](try Data(contentsOf: url)))
            #expect((report.program == nil) == !report.errors.isEmpty, "\(url.lastPathComponent): a program exactly when there is no error")
            if let program = report.program, let first = program.firstStart {
                _ = Board(program: program, at: first)
                #expect(FeedReader.read(NativeFeedWriter.write(program)).format == .skyltV1)
            }
            let elapsed = Self.threadCPUTime() - started
            #expect(elapsed < .seconds(1), "\(url.lastPathComponent) took \(elapsed)")
            print("fuzz regression \(url.lastPathComponent): \(elapsed)")
            replayed += 1
        }
        print("replayed \(replayed) fuzz regression inputs")
    }

    /// CPU time spent by the calling thread so far.
    static func threadCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}
