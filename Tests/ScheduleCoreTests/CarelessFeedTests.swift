import Foundation
import Testing
@testable import ScheduleCore

/// Feeds as careless hands and odd exporters write them.
@Suite struct CarelessFeedTests {
    @Test(arguments: ["\u{200B}", "\u{2800}", "\u{3164}", "\u{00AD}", " \u{200B}\u{FEFF} ", "\u{115F}\u{1160}"])
    func titlesOfInvisibleCharactersAreBlank(_ title: String) {
        let report = Fixture.read(Fixture.feed([#"{"id": "a", "title": "\#(title)", "start": "2026-11-24T10:00", "end": "2026-11-24T11:00"}"#]))
        #expect(!report.isValid)
        #expect(report.errors.first?.path == "sessions[0].title")
    }

    @Test func aFixedOffsetIsReadWithAWarningAndAPastedInvisibleCharacterIsNamed() {
        let fixed = Fixture.read(Fixture.feed([], zone: "UTC+1"))
        #expect(fixed.isValid)
        #expect(fixed.warnings.first?.message.hasPrefix("\"UTC+1\" is a fixed offset (+01:00), not a time-zone name") == true)
        let pasted = Fixture.read(Fixture.feed([], zone: "Europe/Stockholm\u{200B}"))
        #expect(pasted.errors.map(\.message) == [
            "the time zone \"Europe/Stockholm\" contains an invisible character (U+200B) at character 17; remove it; without it, \"Europe/Stockholm\" is a known zone",
        ])
        // tzdata's own names are not offsets, whether or not Foundation lists them as known.
        for zone in ["Europe/Stockholm", "US/Eastern", "CET", "GB", "EST5EDT", "Etc/GMT-1", "UTC"] {
            #expect(Fixture.read(Fixture.feed([], zone: zone)).warnings.isEmpty, "\(zone)")
        }
    }

    static func calendar(_ lines: [String], separator: String = "\r\n") -> [UInt8] {
        Array((["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x", "X-WR-TIMEZONE:Europe/Stockholm"] + lines + ["END:VCALENDAR", ""]).joined(separator: separator).utf8)
    }

    @Test func aLineFoldedInsideAUTF8CharacterIsRejoined() throws {
        // RFC 5545 folds at 75 octets: here the fold splits "ö" (C3 B6) between its two bytes.
        var bytes = Self.calendar(["BEGIN:VEVENT", "UID:a", "DTSTART:20261124T100000Z", "DTEND:20261124T110000Z", "SUMMARY:Strömavbrott", "END:VEVENT"])
        let summary = Array("SUMMARY:Str".utf8) + [0xC3]
        let at = try #require(bytes.firstRange(of: summary)).upperBound
        bytes.insert(contentsOf: Array("\r\n ".utf8), at: at)
        let program = try #require(FeedReader.read(bytes).program)
        #expect(program.sessions.map(\.title) == ["Strömavbrott"])
    }

    @Test func aCalendarTZIDThatIsAFixedOffsetIsSaid() throws {
        let bytes = Self.calendar(["BEGIN:VEVENT", "UID:a", "DTSTART;TZID=UTC+1:20261124T100000", "DTEND;TZID=UTC+1:20261124T110000",
                                   "SUMMARY:Fast tid", "END:VEVENT"])
        let report = FeedReader.read(bytes)
        #expect(try #require(report.program).sessions.first?.start == Fixture.instant("2026-11-24T10:00+01:00"))
        #expect(report.warnings.map(\.message).contains { $0.hasPrefix("\"UTC+1\" is a fixed offset (+01:00), not a time-zone name") })
    }

    @Test func bareCarriageReturnsEndLines() throws {
        let bytes = Self.calendar(["BEGIN:VEVENT", "UID:a", "DTSTART:20261124T100000Z", "DTEND:20261124T110000Z", "SUMMARY:Gammal Mac", "END:VEVENT"], separator: "\r")
        #expect(try #require(FeedReader.read(bytes).program).sessions.map(\.title) == ["Gammal Mac"])
    }
}
