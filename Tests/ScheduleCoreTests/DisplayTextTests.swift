import Foundation
import Testing
@testable import ScheduleCore

/// Texts for the screens are bounded in what they cost to lay out, not only in characters.
@Suite struct DisplayTextTests {
    @Test func marksPerCharacterAndCodePointsOverallAreBounded() {
        #expect(DisplayText.problem("Utrym byggnaden", maxCharacters: 400) == nil)
        // Real text: Vietnamese stacks two marks, a family emoji is seven code points, a flag two.
        #expect(DisplayText.problem("Tiếng Việt 👨‍👩‍👧‍👦 🇸🇪", maxCharacters: 400) == nil)
        let zalgo = "Z" + String(repeating: "\u{0336}", count: 600)
        #expect(DisplayText.problem(zalgo, maxCharacters: 400) == "character 1 carries 601 code points (combining marks?); at most 16 make one character on a screen")
        // 399 characters of 10 code points each: under the per-character bound, over the whole text's.
        let heavy = String(repeating: "a" + String(repeating: "\u{0301}", count: 9), count: 399)
        #expect(DisplayText.problem(heavy, maxCharacters: 400) == "3,990 code points; at most 1,600 (combining marks count)")
        #expect(DisplayText.problem(String(repeating: "x", count: 401), maxCharacters: 400) == "401 characters; at most 400 fit on a screen")
    }

    @Test func aFeedWithAPathologicalTitleOrNameIsRefusedWhereItIs() throws {
        let zalgo = "Z" + String(repeating: "\u{0336}", count: 600)
        let report = Fixture.read(Fixture.feed([Fixture.session("s1", "2020-02-06T09:00", "2020-02-06T10:00", extra: #", "subtitle": "\#(zalgo)""#)]))
        #expect(report.program == nil)
        #expect(report.errors.first?.path == "sessions[0].subtitle")
        #expect(report.errors.first?.sessionID == "s1")
        #expect(report.errors.first?.location != nil, "located")
        let room = Fixture.read(#"{"skylt": 1, "event": {"name": "T", "timezone": "Europe/Stockholm"}, "rooms": [{"id": "a", "name": "\#(zalgo)"}], "sessions": []}"#)
        #expect(room.program == nil)
        #expect(room.errors.first?.path == #"rooms["a"].name"#)
    }
}
