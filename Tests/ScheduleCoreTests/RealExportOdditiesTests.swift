import Foundation
import Testing
@testable import ScheduleCore

/// schedule.xml and other exports as their authors meant them, and bounded everywhere: each
/// test here failed on the reader before (issue 23).
@Suite struct RealExportOdditiesTests {
    func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: ImportedFeedTests.fixtures.appendingPathComponent(name)))
    }

    func schedule(_ room: String = #"<room name="Saal 1">"#, events: String, head: String = #"<?xml version="1.0" encoding="UTF-8"?>"#) -> [UInt8] {
        Array("""
        \(head)
        <schedule><conference><title>T</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
        <day index="1" date="2020-02-06">\(room)\(events)</room></day></schedule>
        """.utf8)
    }

    func event(_ id: String, title: String = "Vortrag", extra: String = "") -> String {
        "<event guid=\"\(id)\" id=\"\(id)\"><date>2020-02-06T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><title>\(title)</title>\(extra)</event>"
    }

    @Test func anAmpersandInAnAttributeIsAnAmpersand() throws {
        let report = FeedReader.read(try fixture("entities-in-attributes.schedule.xml"))
        let program = try #require(report.program, "\(report.diagnostics)")
        #expect(program.rooms.map(\.name) == ["Art & Play: Bus Stage"])
        #expect(program.sessions.first?.id == "g&1")
        #expect(program.sessions.first?.track == "Art & Design")
        #expect(program.event.trackColors["Art & Design"] == "#C03060", "the track keeps its colour: \(program.event.trackColors)")
        #expect(program.sessions.first?.title == "Farben & Formen")
        // A literal "&#38;" in the document stays one.
        let literal = FeedReader.read(schedule(#"<room name="A &amp;#38; B">"#, events: event("e1")))
        #expect(literal.program?.rooms.first?.name == "A &#38; B")
    }

    @Test func bilingualSessionsKeepBothLanguagesWithoutAWarning() throws {
        let report = FeedReader.read(try fixture("entities-in-attributes.schedule.xml"))
        let sessions = try #require(report.program).sessions
        #expect(sessions[0].languages == ["de", "en"])
        #expect(sessions[0].language == "de", "hyphenated in the first")
        #expect(sessions[1].languages == ["en", "de"])
        #expect(!report.diagnostics.contains { $0.message.contains("language") }, "\(report.diagnostics)")
        #expect(LanguageTag.list("de,de-CH") == ["de"], "one language once")
        #expect(LanguageTag.list("Deutsch, English") == nil)
    }

    @Test func markupInsideATitleIsReadAndADateWithoutAnOffsetIsTheSchedulesWallClock() throws {
        let program = try #require(FeedReader.read(try fixture("entities-in-attributes.schedule.xml")).program)
        let second = try #require(program.sessions.first { $0.id == "g2" })
        #expect(second.title == "Open source signage")
        #expect(second.start == Fixture.instant("2020-02-06T11:00+01:00"), "11:00 in Europe/Berlin")
    }

    @Test func attributesPerTagAreBoundedBeforeLibxml2ReadsThem() throws {
        let report = FeedReader.read(try fixture("attributes-heavy.schedule.xml"))
        #expect(report.program == nil)
        #expect(report.diagnostics.first?.formatted(file: "f") == "f:5:5: error: a start tag with more than 100 attributes; a schedule's elements have a few")
        // 268,000 attributes in one tag (2 MB) took 18 s in libxml2; refused now before it reads them.
        let hostile = "<schedule><day " + (0..<268_000).map { "a\($0)=\"\"" }.joined(separator: " ") + "/></schedule>"
        let started = ContinuousClock.now
        #expect(FeedReader.read(Array(hostile.utf8)).program == nil)
        #expect(ContinuousClock.now - started < .seconds(5), "linear: well under a second in a release build")
        // Attributes in comments, CDATA and the declaration do not count.
        let quiet = schedule(events: "<!-- " + String(repeating: "x=1 ", count: 200) + " -->" + event("e1"))
        #expect(FeedReader.read(quiet).program != nil)
    }

    @Test func aScheduleOverTenMillionBytesIsReadUpToTheDocumentedLimit() throws {
        // 2,200 events with 5 KB abstracts: 12 MB, under 16 MiB (libxml2 refused one chunk of over 10,000,000).
        let abstract = String(repeating: "Ein langer Text über Beschilderung. ", count: 140)
        let events = (0..<2200).map { index in
            let minute = index % 60, hour = 8 + (index / 60) % 12, day = 1 + index / 720
            return "<event guid=\"e\(index)\" id=\"\(index)\"><date>2020-02-0\(day)T\(String(format: "%02d:%02d", hour, minute)):00+01:00</date>"
                + "<start>\(String(format: "%02d:%02d", hour, minute))</start><duration>00:01</duration><title>T\(index)</title><abstract>\(abstract)</abstract></event>"
        }.joined()
        let bytes = schedule(events: events)
        #expect(bytes.count > 10_000_000 && bytes.count < FeedLimits.maxBytes)
        let report = FeedReader.read(bytes)
        #expect(report.program?.sessions.count == 2200, "\(report.diagnostics.prefix(2))")
    }

    @Test func aWrongEncodingDeclarationOverUTF8IsReadAsUTF8WithAWarning() throws {
        let bytes = schedule(events: event("e1", title: "Föredrag om åäö"), head: #"<?xml version="1.0" encoding="ISO-8859-1"?>"#)
        let report = FeedReader.read(bytes)
        #expect(report.program?.sessions.first?.title == "Föredrag om åäö")
        #expect(report.warnings.first?.message.contains("declares iso-8859-1 but its bytes are UTF-8") == true, "\(report.diagnostics)")
        // Real Latin-1 is still read as Latin-1.
        var latin1 = schedule(events: event("e1", title: "F\u{00F6}redrag"), head: #"<?xml version="1.0" encoding="ISO-8859-1"?>"#)
        latin1 = Array(String(decoding: latin1, as: UTF8.self).data(using: .isoLatin1)!)
        #expect(FeedReader.read(latin1).program?.sessions.first?.title == "Föredrag")
    }

    @Test func aDTDsDefaultsAreNotTaken() throws {
        let bytes = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE schedule [<!ATTLIST room name CDATA "Saal aus der DTD">]>
        <schedule><conference><title>T</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
        <day index="1" date="2020-02-06"><room>\(event("e1"))</room></day></schedule>
        """.utf8)
        let report = FeedReader.read(bytes)
        #expect(report.program?.rooms.contains { $0.name == "Saal aus der DTD" } != true)
        #expect(report.diagnostics.contains { $0.message.contains("a <room> without a name") }, "\(report.diagnostics)")
    }

    @Test func controlCharactersNeverReachAScreen() throws {
        // XML cannot carry ESC or BEL at all (libxml2 refuses them); JSON can, escaped.
        let json = Fixture.feed([Fixture.session("e1", "2020-02-06T10:00", "2020-02-06T11:00", extra: #", "subtitle": "x\u0007""#)])
            .replacingOccurrences(of: "Title e1", with: #"Vor\u001b[31mtrag\u0007"#)
        let program = try #require(Fixture.read(json).program)
        #expect(program.sessions.first?.subtitle == "x")
        #expect(program.sessions.first?.title == "Vor[31mtrag")
        // A Latin-1 export's 0x9B (a C1 control there) arrives as U+009B.
        let text = String(decoding: schedule(events: event("e2", title: "Kosten X"), head: #"<?xml version="1.0" encoding="ISO-8859-1"?>"#), as: UTF8.self)
        let latin1 = Array(text.data(using: .isoLatin1)!).map { $0 == UInt8(ascii: "X") ? 0x9B : $0 }
        let title = try #require(FeedReader.read(latin1).program?.sessions.first?.title)
        #expect(title.hasPrefix("Kosten") && !title.unicodeScalars.contains { $0.value == 0x9B }, "\(title.unicodeScalars.map(\.value))")
        // What `convert` writes carries none either.
        let written = String(decoding: NativeFeedWriter.write(program), as: UTF8.self)
        #expect(!written.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        // The live file: left out, with a warning.
        let live = LiveReader.read(Array(#"{"skylt_live": 1, "alert": {"text": "Utrym\u001b byggnaden\u0007"}}"#.utf8), program: program)
        #expect(live.state?.alert?.text == "Utrym byggnaden")
        #expect(live.warnings.first?.message.contains("control characters") == true)
    }

    @Test func sessionPagesThatReadAsAnotherAddressAreRefused() {
        #expect(WebAddress.check("https://example.org/\u{202E}gpj.exe") == .failure(.invisibleCharacters))
        #expect(WebAddress.check("https://user:pass@evil.example@good.example/") == .failure(.userInfo))
        #expect(WebAddress.check("https://good.example@evil.example/") == .failure(.userInfo))
        #expect(WebAddress.check("https://example.org/a@b") == .success("https://example.org/a@b"), "an @ in the path is fine")
        #expect(WebAddress.check("https://example.org/föredrag") == .success("https://example.org/föredrag"))
        #expect(WebAddress.ascii("https://åre.example/föredrag?q=ö") == "https://%C3%A5re.example/f%C3%B6redrag?q=%C3%B6")
    }
}
