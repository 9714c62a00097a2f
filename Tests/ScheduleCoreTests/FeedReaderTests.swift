import Foundation
import SkyltTestSupport
import Testing
@testable import ScheduleCore

@Suite struct FeedReaderTests {
    /// The one error of a feed that must be invalid, formatted as `skylt validate` prints it.
    func errors(_ text: String) -> [String] {
        let report = Fixture.read(text)
        #expect(report.program == nil, "feed should be invalid")
        return report.errors.map { $0.formatted(file: "f.json") }
    }

    @Test func readsAMinimalFeedWithTheImplicitRoom() throws {
        let program = try Fixture.program(Fixture.feed([Fixture.session("s1", "2020-02-06T09:00", "2020-02-06T09:15")]))
        #expect(program.rooms == [Room(id: "main", name: "Test")])
        #expect(program.sessions.count == 1)
        let session = program.sessions[0]
        #expect(session.roomID == "main")
        #expect(session.kind == .talk)
        #expect(session.status == .scheduled)
        #expect(session.start == Fixture.instant("2020-02-06T09:00+01:00"))
        #expect(session.duration == 15 * 60)
        #expect(program.event.locale == "sv-SE")
    }

    @Test func readsEveryDocumentedField() throws {
        let text = """
        {"skylt": 1,
         "event": {"name": "E", "subtitle": "Sub", "venue": "Folkets Hus", "timezone": "Europe/Stockholm", "locale": "en-GB"},
         "rooms": [{"id": "a", "name": "Hall A"}, {"id": "b", "name": "Hall B"}],
         "sessions": [{"id": "s1", "room": "b", "title": "T", "subtitle": "U", "start": "2020-02-06T09:00", "end": "2020-02-06T09:45:30",
                       "kind": "meal", "status": "cancelled", "speakers": [{"name": "Ann", "affiliation": "Uni"}, "Bo"],
                       "abstract": "A", "note": "Moved", "track": "Data"}],
         "notices": [{"text": "Hi", "from": "2020-02-06T08:00", "until": "2020-02-06T10:00Z", "room": "a"}]}
        """
        let program = try Fixture.program(text)
        #expect(program.event.venue == "Folkets Hus")
        #expect(program.event.locale == "en-GB")
        #expect(program.rooms.map(\.name) == ["Hall A", "Hall B"])
        let s = program.sessions[0]
        #expect(s.roomID == "b" && s.title == "T" && s.subtitle == "U" && s.kind == .meal && s.status == .cancelled)
        #expect(s.speakers == [Speaker(name: "Ann", affiliation: "Uni"), Speaker(name: "Bo")])
        #expect(s.abstract == "A" && s.note == "Moved" && s.track == "Data")
        #expect(s.duration == 45 * 60 + 30)
        #expect(program.notices == [Notice(text: "Hi", from: Fixture.instant("2020-02-06T08:00+01:00"), until: Fixture.instant("2020-02-06T10:00Z"), roomID: "a")])
    }

    @Test func aSingleListedRoomNeedsNoRoomOnSessions() throws {
        let program = try Fixture.program(Fixture.feed([Fixture.session("s1", "2020-02-06T09:00", "2020-02-06T09:15")],
                                                       extra: #", "rooms": [{"id": "aulan", "name": "Aulan"}]"#))
        #expect(program.sessions[0].roomID == "aulan")
    }

    @Test func notJSONIsLocated() {
        #expect(errors("{\"skylt\": 1,\n  \"event\": {\"name\": \"x\",}\n}") == ["f.json:2:25: error: trailing comma before '}'"])
    }

    @Test func missingRequiredKeysAreEachReported() {
        let found = errors(#"{"event": {"venue": "x"}, "sessions": [{"start": "2020-02-06T09:00"}]}"#)
        #expect(found.contains { $0.contains("missing \"skylt\": 1") })
        #expect(found.contains { $0.contains("event.name") && $0.contains("missing \"name\"") })
        #expect(found.contains { $0.contains("event.timezone") && $0.contains("missing \"timezone\"") })
        #expect(found.contains { $0.contains("sessions[0].id") && $0.contains("missing \"id\"") })
        #expect(found.contains { $0.contains("sessions[0].title") })
        #expect(found.contains { $0.contains("sessions[0].end") })
        #expect(!found.contains { $0.contains("sessions[0].start") })
        let noSessions = errors(#"{"skylt": 1, "event": {"name": "E", "timezone": "UTC"}}"#)
        #expect(noSessions.count == 1 && noSessions[0].contains("missing \"sessions\""))
    }

    @Test func wrongTypesNameTheTypeAndPlace() {
        let text = """
        {"skylt": "1", "event": {"name": 5, "timezone": "UTC"},
         "sessions": [{"id": 7, "title": ["x"], "start": "2020-02-06T09:00", "end": "2020-02-06T10:00", "speakers": {"name": "x"}}]}
        """
        let found = errors(text)
        #expect(found.contains("f.json:1:11: error: skylt: expected the number 1, found string"))
        #expect(found.contains("f.json:1:34: error: event.name: expected a string, found the number 5 (put it in double quotes)"))
        #expect(found.contains("f.json:2:22: error: sessions[0].id: expected a string, found the number 7 (put it in double quotes)"))
        #expect(found.contains { $0.hasPrefix("f.json:2:34: error: sessions[0].title") && $0.contains("found array") })
        #expect(found.contains { $0.contains("sessions[0].speakers") && $0.contains("expected an array, found object") })
        #expect(errors("[1]") == ["f.json:1:1: error: expected an object, found array"])
    }

    @Test func unsupportedVersionIsAnError() {
        #expect(errors(#"{"skylt": 2, "event": {"name": "E", "timezone": "UTC"}, "sessions": []}"#)
            == ["f.json:1:11: error: skylt: feed format version 2 is not supported; this Skylt reads version 1"])
    }

    @Test func unknownTimeZoneSuggestsTheRightOne() {
        let found = errors(Fixture.feed([], zone: "Europe/Stokholm"))
        #expect(found == ["f.json:1:52: error: event.timezone: unknown time zone \"Europe/Stokholm\"; did you mean \"Europe/Stockholm\"?"])
    }

    @Test func legacyZoneAliasesWork() throws {
        let program = try Fixture.program(Fixture.feed([Fixture.session("s", "2025-03-17T13:00", "2025-03-17T14:00")], zone: "US/Eastern"))
        #expect(program.sessions[0].start == Fixture.instant("2025-03-17T13:00-04:00"))
    }

    @Test func endMustBeAfterStart() {
        let found = errors(Fixture.feed([
            Fixture.session("a", "2020-02-06T09:15", "2020-02-06T09:00"),
            Fixture.session("b", "2020-02-06T10:00", "2020-02-06T10:00"),
        ]))
        #expect(found.count == 2)
        #expect(found[0].hasSuffix("error: sessions[0].end (session \"a\"): end 09:00 is before start 09:15"))
        #expect(found[0].hasPrefix("f.json:2:83:"))
        #expect(found[1].contains("sessions[1].end (session \"b\"): end equals start (10:00)"))
    }

    @Test func duplicateIdsAreErrors() {
        let sessions = errors(Fixture.feed([
            Fixture.session("x", "2020-02-06T09:00", "2020-02-06T09:15"),
            Fixture.session("x", "2020-02-06T10:00", "2020-02-06T10:15"),
        ]))
        #expect(sessions == ["f.json:3:8: error: sessions[1].id (session \"x\"): the id \"x\" is used twice (also at 2:22); ids must be unique"])
        let rooms = errors(Fixture.feed([], extra: #", "rooms": [{"id": "a"}, {"id": "a"}]"#))
        #expect(rooms.count == 1 && rooms[0].contains("rooms[1].id: the room id \"a\" is used twice"))
    }

    @Test func roomsMustExistAndBeNamedWhenThereAreSeveral() {
        let rooms = #", "rooms": [{"id": "stora-salen"}, {"id": "lilla-salen"}]"#
        let found = errors(Fixture.feed([
            Fixture.session("a", "2020-02-06T09:00", "2020-02-06T09:15", room: "stora-salan"),
            Fixture.session("b", "2020-02-06T09:00", "2020-02-06T09:15", room: "kafe"),
            Fixture.session("c", "2020-02-06T09:00", "2020-02-06T09:15"),
        ], extra: rooms))
        #expect(found.count == 3)
        #expect(found.contains { $0.contains("sessions[0].room (session \"a\"): unknown room \"stora-salan\"; did you mean \"stora-salen\"?") })
        #expect(found.contains { $0.contains("sessions[1].room (session \"b\"): unknown room \"kafe\"; known rooms: \"stora-salen\", \"lilla-salen\"") })
        #expect(found.contains { $0.contains("sessions[2].room (session \"c\"): missing \"room\" (the feed has 2 rooms") })
    }

    @Test func overlappingSessionsInOneRoomAreErrorsUnlessCancelled() {
        let found = errors(Fixture.feed([
            Fixture.session("a", "2020-02-06T09:00", "2020-02-06T10:00"),
            Fixture.session("b", "2020-02-06T09:45", "2020-02-06T10:30"),
        ]))
        #expect(found.count == 1)
        #expect(found[0].contains("sessions[1].start (session \"b\"): overlaps session \"a\" (09:00–10:00, at 2:15) in room \"main\""))
        let ok = Fixture.read(Fixture.feed([
            Fixture.session("a", "2020-02-06T09:00", "2020-02-06T10:00"),
            Fixture.session("b", "2020-02-06T09:45", "2020-02-06T10:30", extra: #", "status": "cancelled""#),
            Fixture.session("c", "2020-02-06T10:00", "2020-02-06T10:30"),
        ]))
        #expect(ok.isValid, "\(ok.diagnostics)")
    }

    @Test func sessionsInDifferentRoomsMayRunAtOnce() {
        let rooms = #", "rooms": [{"id": "a"}, {"id": "b"}]"#
        let report = Fixture.read(Fixture.feed([
            Fixture.session("x", "2020-02-06T09:00", "2020-02-06T10:00", room: "a"),
            Fixture.session("y", "2020-02-06T09:00", "2020-02-06T10:00", room: "b"),
        ], extra: rooms))
        #expect(report.isValid)
    }

    @Test func springForwardGapIsAnError() {
        let found = errors(Fixture.feed([Fixture.session("a", "2020-03-29T02:30", "2020-03-29T04:00")]))
        #expect(found.count == 1)
        #expect(found[0].contains("sessions[0].start (session \"a\"): 2020-03-29T02:30 does not exist in Europe/Stockholm: clocks jump from 02:00 to 03:00 on 2020-03-29"))
    }

    @Test func fallBackOverlapAsksForAnOffset() throws {
        let found = errors(Fixture.feed([Fixture.session("a", "2020-10-25T01:30", "2020-10-25T02:30")]))
        #expect(found.count == 1)
        #expect(found[0].contains("sessions[0].end (session \"a\"): 2020-10-25T02:30 happens twice in Europe/Stockholm"))
        #expect(found[0].contains("write \"2020-10-25T02:30+02:00\" for the first or \"2020-10-25T02:30+01:00\" for the second"))
        let fixed = Fixture.read(Fixture.feed([Fixture.session("a", "2020-10-25T01:30", "2020-10-25T02:30+01:00")]))
        let session = try #require(fixed.program?.sessions.first)
        #expect(session.duration == 2 * 3600)
    }

    @Test func badEnumValuesListTheAllowedOnes() {
        let found = errors(Fixture.feed([Fixture.session("a", "2020-02-06T09:00", "2020-02-06T10:00", extra: #", "kind": "lunch", "status": "moved""#)]))
        #expect(found.contains { $0.contains("sessions[0].kind (session \"a\"): unknown kind \"lunch\"; use one of \"talk\", \"break\", \"meal\", \"other\"") })
        #expect(found.contains { $0.contains("unknown status \"moved\"; use one of \"scheduled\", \"cancelled\"") })
    }

    @Test func duplicateKeysAreErrors() {
        let found = errors(Fixture.feed([#"{"id": "a", "title": "T", "start": "2020-02-06T09:00", "end": "2020-02-06T09:30", "end": "2020-02-06T10:00"}"#]))
        #expect(found.count == 1 && found[0].contains("sessions[0].end (session \"a\"): duplicate key \"end\""))
    }

    @Test func unknownKeysAreWarningsAndTheFeedStillLoads() {
        let report = Fixture.read(Fixture.feed([Fixture.session("a", "2020-02-06T09:00", "2020-02-06T10:00", extra: #", "titel": "x", "future": 1"#)],
                                               extra: #", "sponsors": []"#))
        #expect(report.isValid)
        let warnings = report.warnings.map { $0.formatted(file: "f") }
        #expect(warnings.count == 3)
        #expect(warnings.contains { $0.contains("warning: sessions[0].titel (session \"a\"): unknown key \"titel\" is ignored; did you mean \"title\"?") })
        #expect(warnings.contains { $0.contains("sessions[0].future") })
        #expect(warnings.contains { $0.contains("warning: sponsors: unknown key") })
    }

    @Test func unsupportedLocaleWarnsAndFallsBack() {
        let report = Fixture.read(#"{"skylt": 1, "event": {"name": "E", "timezone": "UTC", "locale": "de-DE"}, "sessions": []}"#)
        #expect(report.isValid)
        #expect(report.warnings.count == 1 && report.warnings[0].message.contains("screens use English"))
    }

    @Test func noticesAreValidated() {
        let found = errors(Fixture.feed([], extra: #", "notices": [{"from": "2020-02-06T10:00", "until": "2020-02-06T09:00", "text": "x"}, {"until": "soon"}, {"text": "y", "room": "nowhere"}]"#))
        #expect(found.contains { $0.contains("notices[0].until: \"until\" must be after \"from\"") })
        #expect(found.contains { $0.contains("notices[1].text: missing \"text\"") })
        #expect(found.contains { $0.contains("notices[1].until: \"soon\" is not a date-time") })
        #expect(found.contains { $0.contains("notices[2].room: unknown room \"nowhere\"") })
    }

    @Test func reportsAllErrorsInOneRunInSourceOrder() {
        let found = errors(Fixture.feed([
            Fixture.session("a", "2020-02-06T09:00", "2020-02-06T08:00"),
            Fixture.session("b", "2020-02-30T09:00", "2020-02-06T10:00"),
            Fixture.session("c", "2020-02-06T11:00", "2020-02-06T12:00", extra: #", "kind": "x""#),
        ]))
        #expect(found.count == 3)
        let lines = found.compactMap { Int($0.split(separator: ":")[1]) }
        #expect(lines == lines.sorted())
    }

    @Test func oversizedFeedsAreRefusedBeforeParsing() {
        let big = [UInt8](repeating: 0x20, count: FeedReader.maxBytes + 1)
        let report = FeedReader.read(big)
        #expect(!report.isValid)
        // In bytes: a file one byte over must not read "16.0 MiB is over 16 MiB".
        #expect(report.errors.map(\.message) == ["the feed is 16,777,217 bytes; feeds over 16 MiB (16,777,216 bytes) are refused"])
    }

    @Test func syntheticHundredThousandSessionFeedIsValidAndUnder16MiB() {
        let bytes = SyntheticFeed(sessions: 100_000, rooms: 20).bytes()
        #expect(bytes.count < FeedReader.maxBytes)
        let small = FeedReader.read(SyntheticFeed(sessions: 2_000, rooms: 7).bytes())
        #expect(small.program?.sessions.count == 2_000)
        #expect(small.diagnostics.isEmpty)
    }

    @Test func garbageNeverCrashesTheReader() {
        var state: UInt64 = 42
        let seed = Array(Fixture.feed([Fixture.session("a", "2020-02-06T09:00", "2020-02-06T10:00")]).utf8)
        for _ in 0..<2_000 {
            var bytes = seed
            for _ in 0..<4 {
                state = state &* 6_364_136_223_846_793_005 &+ 1
                let position = Int(state >> 33) % bytes.count
                bytes[position] = UInt8(truncatingIfNeeded: state >> 17)
            }
            let report = FeedReader.read(bytes)
            #expect(report.isValid || !report.errors.isEmpty)
        }
    }
}
