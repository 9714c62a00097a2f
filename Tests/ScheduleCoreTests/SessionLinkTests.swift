import Foundation
import Testing
@testable import ScheduleCore

/// A session's page (`url`, for the QR code) and language (`language`, for the tag and the
/// hyphenation dictionary): strict in Skylt's own feed, lenient in imports, written back by `convert`.
@Suite struct SessionLinkTests {
    func native(_ extra: String) -> FeedReport {
        Fixture.read(Fixture.feed([Fixture.session("a", "2024-05-02T10:00", "2024-05-02T11:00", extra: extra)]))
    }

    @Test func nativeFeedsCarryURLAndLanguage() throws {
        let report = native(#", "url": " https://example.org/talk/a ", "language": "EN-gb""#)
        let session = try #require(report.program?.sessions.first)
        #expect(session.url == "https://example.org/talk/a" && session.language == "en-gb")
        // Written back and read again: the same.
        let program = try #require(report.program)
        let again = try #require(FeedReader.read(NativeFeedWriter.write(program)).program?.sessions.first)
        #expect(again.url == session.url && again.language == session.language)
    }

    @Test(arguments: [
        (#""url": "ftp://example.org/a""#, "is not an http or https address"),
        (#""url": "https://""#, "is not an http or https address"),
        (#""url": "https://exa mple.org/""#, "is not an http or https address"),
        (#""language": "English""#, "is not a language tag"),
        (#""language": "e""#, "is not a language tag"),
    ])
    func badValuesAreLocatedErrorsInSkyltsOwnFeed(_ member: String, _ message: String) {
        let report = native(", " + member)
        #expect(!report.isValid)
        #expect(report.errors.contains { $0.message.contains(message) && $0.location?.line == 2 && $0.path?.hasPrefix("sessions[0].") == true },
                "\(report.errors)")
    }

    @Test func tooLongAnAddressForAQRCodeIsRefused() {
        let report = native(#", "url": "https://example.org/"# + String(repeating: "a", count: 600) + #"""#)
        #expect(report.errors.first?.message.contains("at most 500 fit a QR code") == true)
    }

    @Test func importsWarnAndLeaveBadValuesOut() throws {
        let frab = #"""
            {"schedule": {"conference": {"title": "c", "time_zone_name": "Europe/Berlin", "days": [{"date": "2024-12-27", "rooms": {"A": [
              {"guid": "1", "date": "2024-12-27T10:00:00+01:00", "duration": "1:00", "title": "t", "url": "javascript:alert(1)", "language": "Deutsch"},
              {"guid": "2", "date": "2024-12-27T11:00:00+01:00", "duration": "1:00", "title": "u", "url": "https://c.example/2", "language": "de"}]}}]}}}
            """#
        let report = FeedReader.read(Array(frab.utf8))
        let sessions = try #require(report.program?.sessions)
        #expect(sessions[0].url == nil && sessions[0].language == nil)
        #expect(sessions[1].url == "https://c.example/2" && sessions[1].language == "de")
        #expect(report.warnings.contains { $0.message.contains("\"javascript:alert(1)\" is not an http or https address") && $0.message.hasSuffix("left out") })
        #expect(report.warnings.contains { $0.message.contains("\"Deutsch\" is not a language tag") })
    }

    @Test func boardJSONNamesThem() throws {
        let program = try #require(native(#", "url": "https://example.org/a", "language": "sv""#).program)
        let json = try BoardJSON.encode(Board(program: program, at: Fixture.instant("2024-05-02T10:30+02:00")))
        #expect(json.contains(#""language":"sv""#) && json.contains(#""url":"https://example.org/a""#))
    }
}
