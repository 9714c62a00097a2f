import Foundation
import Testing
@testable import ScheduleCore

/// frab / Pentabarf `schedule.xml`: the same rules as frab JSON, every finding located, and
/// bounded against hostile documents. Our own fixture carries every rule; the real XML exports
/// in ../shared/feeds/real (beside CI's clone) must load too.
@Suite struct ScheduleXMLTests {
    static let fixtures = ImportedFeedTests.fixtures

    func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
    }

    func read(_ xml: String, fallbackZone: TimeZone? = nil) -> FeedReport {
        FeedReader.read(Array(xml.utf8), fallbackZone: fallbackZone)
    }

    func located(_ report: FeedReport) -> [String] { report.diagnostics.map { $0.formatted(file: "f") } }

    /// A schedule of one day and room with the given event elements.
    func schedule(_ events: String, conference: String = "<title>T</title><time_zone_name>Europe/Brussels</time_zone_name>") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <schedule><conference>\(conference)</conference>
        <day index="1" date="2020-02-01"><room name="Janson">\(events)</room></day>
        </schedule>
        """
    }

    // MARK: - The contract

    @Test func xmlAgreesWithTheJSONExportOfTheSameEvents() throws {
        let xml = FeedReader.read(try fixture("mini-congress.schedule.xml"))
        let json = FeedReader.read(try fixture("mini-congress.frab.json"))
        #expect(xml.format == .frabXML && json.format == .frab)
        let fromXML = try #require(xml.program), fromJSON = try #require(json.program)
        #expect(fromXML.event.name == fromJSON.event.name)
        #expect(fromXML.event.timeZone.secondsFromGMT(for: Date()) == fromJSON.event.timeZone.secondsFromGMT(for: Date()))
        #expect(fromXML.rooms == fromJSON.rooms)
        #expect(fromXML.sessions.count == fromJSON.sessions.count)
        for (a, b) in zip(fromXML.sessions.sorted { $0.id < $1.id }, fromJSON.sessions.sorted { $0.id < $1.id }) {
            #expect(a.id == b.id && a.roomID == b.roomID && a.title == b.title && a.start == b.start && a.end == b.end, "\(a.id)")
            #expect(a.speakers == b.speakers && a.track == b.track && a.kind == b.kind && a.subtitle == b.subtitle, "\(a.id)")
        }
        // The same findings, in the same order, each at its own line.
        let unlocated = { (report: FeedReport) in
            report.warnings.map { $0.message.replacingOccurrences(of: #"at \d+:\d+"#, with: "at L:C", options: .regularExpression) }
        }
        #expect(unlocated(xml) == unlocated(json) && xml.warnings.count == 5)
        // The conference's own track colours.
        #expect(fromXML.event.trackColors == ["CCC": "#E40429"])
        // DebConf writes <abstract/> twice: the first that is not blank counts.
        #expect(fromXML.sessions.first { $0.id == "g-open" }?.abstract?.hasPrefix("Twice") == true)
    }

    @Test func findingsNameTheElementByLineAndPath() throws {
        let warnings = located(FeedReader.read(try fixture("mini-congress.schedule.xml")))
        #expect(warnings.contains("f:5:3: warning: schedule/conference: no \"time_zone_name\"; showing times at the events' offset +01:00"))
        #expect(warnings.contains { $0.hasPrefix("f:38:67: warning: schedule/day[1]/room[@name=\"Saal 1\"]/event[3]/duration (session \"g-zero\"): lasts no time") })
        #expect(warnings.contains { $0.hasPrefix("f:41:9: warning: schedule/day[1]/room[@name=\"Saal 1\"]/event[4]/start (session \"g-over\"): overlaps") })
        #expect(warnings.contains { $0.hasPrefix("f:52:7: warning: schedule/day[2]/room[@name=\"Saal 2\"]/event[2]/guid: the same event is listed twice") })
    }

    @Test func withoutADateTheDayAndStartAreReadInTheZone() throws {
        let report = read(schedule("<event id=\"9025\"><start>09:30</start><duration>00:25</duration><title>Welcome</title></event>"))
        let session = try #require(report.program?.sessions.first)
        #expect(session.id == "9025")
        #expect(session.start == Fixture.instant("2020-02-01T09:30+01:00") && session.duration == 1500)
        #expect(report.program?.event.timeZone.identifier == "Europe/Brussels")
    }

    @Test func aScheduleWithNoZoneAtAllIsReadInTheMachinesZoneOrRefused() throws {
        let xml = schedule("<event id=\"1\"><start>09:30</start><duration>00:25</duration><title>Welcome</title></event>", conference: "<title>FOSDEM</title>")
        let refused = read(xml)
        #expect(!refused.isValid)
        #expect(located(refused).contains { $0.hasPrefix("f:2:11: error: schedule/conference: no time zone") })
        let brussels = try #require(TimeZone(identifier: "Europe/Brussels"))
        let report = read(xml, fallbackZone: brussels)
        #expect(report.program?.sessions.first?.start == Fixture.instant("2020-02-01T09:30+01:00"))
        #expect(located(report).contains { $0.contains("reading the times in this machine's zone, Europe/Brussels") })
    }

    @Test func textIsReadWithEntitiesCDATAAndDeclaredEncodings() throws {
        let program = try #require(read(schedule("""
            <event id="1"><start>10:00</start><duration>1:00</duration><title>R&amp;D &lt;live&gt; &#x1F3A4;</title></event>
            <event id="2"><start>11:00</start><duration>1:00</duration><title><![CDATA[Q&A <open>]]></title></event>
            """)).program)
        #expect(program.sessions.map(\.title) == ["R&D <live> 🎤", "Q&A <open>"])
        // Latin-1, as declared: "Malmö" is one byte 0xF6 there.
        var latin1 = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><schedule><conference><title>T</title><time_zone_name>Europe/Stockholm</time_zone_name></conference><day date="2024-05-02"><room name="Malm"#.utf8)
        latin1 += [0xF6] + Array(#""><event id="1"><start>10:00</start><duration>1:00</duration><title>x</title></event></room></day></schedule>"#.utf8)
        #expect(FeedReader.read(latin1).program?.rooms.map(\.id) == ["Malmö"])
        // A byte-order mark and blank lines before the declaration: still XML.
        #expect(FeedReader.read([0xEF, 0xBB, 0xBF] + Array("\n\n".utf8) + Array(schedule("").utf8)).format == .frabXML)
    }

    @Test func otherEncodingsAreReadOrRefusedWithAWayOut() throws {
        // UTF-16 is refused as for every format, saying what to do.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in schedule("").utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(located(FeedReader.read(utf16)) == ["f:1:1: error: the file is UTF-16 encoded; save it as UTF-8"])
        // ISO-8859-1: a finding in it at the file's own line and column.
        let latin1 = Array(schedule("<event id=\"1\"><start>10:00</start><duration>1:00</duration><title>Åsa</title></event>\n<event id=\"2\"><start>x</start><duration>1:00</duration><title>Öl</title></event>")
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"").unicodeScalars.map { UInt8($0.value) })
        let report = FeedReader.read(latin1)
        #expect(report.program?.sessions.map(\.title) == ["Åsa"])
        #expect(located(report).contains { $0.hasPrefix("f:4:1: warning: schedule/day[1]/room[@name=\"Janson\"]/event[2]") }, "\(located(report))")
        // windows-1252's curly quotes.
        let cp1252 = Array(#"<?xml version="1.0" encoding="windows-1252"?><schedule><conference><title>T</title><time_zone_name>UTC</time_zone_name></conference><day date="2024-05-02"><room name="R"><event id="1"><start>10:00</start><duration>1:00</duration><title>"#.utf8)
            + [0x93, 0x48, 0x69, 0x94] + Array("</title></event></room></day></schedule>".utf8)
        #expect(FeedReader.read(cp1252).program?.sessions.first?.title == "\u{201C}Hi\u{201D}")
        // An encoding Skylt does not read: said at the start, with what to do.
        #expect(located(read(#"<?xml version="1.0" encoding="EBCDIC-US"?><schedule/>"#))
                == ["f:1:1: error: the document is in ebcdic-us; Skylt reads schedule.xml in UTF-8, ISO-8859-1 or windows-1252 (save it as UTF-8)"])
    }

    @Test func aLatin1DocumentOfManyElementsIsReadInLinearTime() {
        // libxml2 gives a byte offset in another encoding by converting the rest of the document:
        // per element, that was quadratic (1.9 s for 100,000 elements). Converted first, it is
        // linear: four times the elements take about four times as long (quadratic: sixteen).
        func cpuTime(_ count: Int) -> Duration {
            var latin1 = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><schedule>"#.utf8)
            for _ in 0..<count { latin1 += Array("<x>".utf8) + [0xE5] + Array("</x>".utf8) }
            latin1 += Array("</schedule>".utf8)
            let started = HostileInputTests.threadCPUTime()
            #expect(!FeedReader.read(latin1).isValid)
            return HostileInputTests.threadCPUTime() - started
        }
        _ = cpuTime(1_000)  // Warm up.
        let small = cpuTime(20_000), large = cpuTime(80_000)
        #expect(large < small * 8, "20,000 elements: \(small), 80,000: \(large)")
    }

    // MARK: - Refused, and said where

    @Test func malformedXMLIsLocated() {
        let unclosed = read("<schedule>\n  <conference>\n    <title>FOSDEM</titel>\n")
        #expect(!unclosed.isValid && unclosed.format == .frabXML)
        let message = located(unclosed).first ?? ""
        #expect(message.hasPrefix("f:3:") && message.contains("error: not well-formed XML") && message.contains("title"), "\(message)")
        let truncated = located(read(schedule("<event id=\"1\"><start>10:00</start>").dropLast(40).description))
        #expect(truncated.first?.contains("not well-formed XML") == true, "\(truncated)")
    }

    @Test func structureOtherThanAScheduleIsAnError() {
        #expect(located(read("<html><body/></html>")) == ["f:1:1: error: the root element is <html>; a frab or Pentabarf schedule's is <schedule>"])
        let noName = located(read(schedule("").replacingOccurrences(of: "<room name=\"Janson\">", with: "<room>")))
        #expect(noName.contains { $0.hasPrefix("f:3:34: error: schedule/day/room: a <room> without a name") }, "\(noName)")
        #expect(!read("<schedule><day date=\"2020-02-01\"/></schedule>").isValid)
        let twoConferences = located(read(schedule("").replacingOccurrences(of: "</schedule>", with: "<conference/></schedule>")))
        #expect(twoConferences.contains { $0.contains("a second <conference>") })
    }

    @Test func entityDeclarationsAreRefusedSoNoDocumentCanGrow() {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE schedule [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            ]>
            <schedule><conference><title>&lol3;</title></conference></schedule>
            """
        let report = located(read(laughs))
        #expect(report == ["f:3:3: error: the document declares the entity \"lol\"; a schedule may not declare entities"])
        let external = located(read("<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><schedule>&x;</schedule>"))
        #expect(external.first?.contains("may not declare entities") == true)
        // An undeclared entity is not well-formed.
        #expect(located(read(schedule("<event><title>&nbsp;</title></event>"))).first?.contains("not well-formed XML") == true)
    }

    @Test func hostileSizesAreBounded() {
        let many = "<schedule>" + String(repeating: "<x/>", count: XMLTreeParser.maxElements + 1) + "</schedule>"
        let report = located(read(many))
        #expect(report.count == 1 && report[0].contains("error: more than 250,000 elements"), "\(report.prefix(2))")
        // Deep nesting: libxml2's own depth limit, reported, never a crash.
        let deep = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        #expect(located(read(deep)).first?.contains("error:") == true)
        // Empty and blank documents.
        #expect(!read("<").isValid && !read("  <?xml version=\"1.0\"?>").isValid)
    }

    // MARK: - Real exports

    @Test func realXMLExportsLoadWithTheirOddities() throws {
        let real = Fixture.shared.appendingPathComponent("feeds/real")
        guard FileManager.default.fileExists(atPath: real.path) else {
            print("skipped: ../shared/feeds/real is absent (it is beside CI's clone)")
            return
        }
        func report(_ name: String, zone: String? = nil) throws -> FeedReport {
            FeedReader.read([UInt8](try Data(contentsOf: real.appendingPathComponent(name))), fallbackZone: zone.flatMap(TimeZone.init(identifier:)))
        }
        // FOSDEM 2020 names no zone and has no dates: refused unless the machine's zone is given.
        #expect(!(try report("fosdem-2020.pentabarf.xml")).isValid)
        let fosdem = try #require(try report("fosdem-2020.pentabarf.xml", zone: "Europe/Brussels").program)
        #expect(fosdem.sessions.count == 872 && fosdem.rooms.count == 35)
        let kernel = try #require(fosdem.sessions.first { $0.id == "10715" })
        #expect(kernel.roomID == "Janson" && kernel.start == Fixture.instant("2020-02-01T10:00+01:00") && kernel.duration == 3000)
        #expect(kernel.speakers == [Speaker(name: "Thorsten Leemhuis")] && kernel.track == "Keynotes")
        // DebConf17: its dates carry +00:00 and are read as written; two <abstract/> each, breaks with an empty <type/>.
        let debconf = try #require(try report("debconf17.pentabarf.xml").program)
        #expect(debconf.sessions.count == 181 && debconf.rooms.count == 6)
        #expect(debconf.sessions.first { $0.id == "246" }?.start == Fixture.instant("2017-08-05T10:00Z"))
    }
}
