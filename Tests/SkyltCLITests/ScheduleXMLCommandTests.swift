import Foundation
import Testing

/// schedule.xml through the real binary: every command takes it like any feed.
@Suite struct ScheduleXMLCommandTests {
    static let sample = CLI.root.appendingPathComponent("assets/feeds/fjallhack-2026.schedule.xml").path

    @Test func validateNowRenderAndConvertTakeXML() throws {
        let valid = try CLI.run(["validate", Self.sample])
        #expect(valid.status == 0, "\(valid.stderr)")
        #expect(valid.stdout.contains("valid frab-xml feed: 12 sessions, 6 rooms, 1 day"))

        let now = try CLI.run(["now", "--feed", Self.sample, "--at", "2026-03-12T09:50", "--json"])
        #expect(now.status == 0, "\(now.stderr)")
        let board = try #require(try JSONSerialization.jsonObject(with: Data(now.stdout.utf8)) as? [String: Any])
        let rooms = try #require(board["rooms"] as? [[String: Any]])
        let hall = try #require(rooms.first { $0["room"] as? String == "Hörsal 2" })
        let current = try #require(hall["current"] as? [String: Any])
        #expect(current["language"] as? String == "de" && current["url"] as? String == "https://fjallhack.example.se/2026/talk/107")

        let png = FileManager.default.temporaryDirectory.appendingPathComponent("skylt-xml-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: png) }
        let render = try CLI.run(["render", "--feed", Self.sample, "--room", "Storsalen", "--at", "2026-03-12T09:50", "--size", "1080x1920", "--out", png])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(FileManager.default.fileExists(atPath: png))

        // Converted to Skylt's own feed and read back: the same board.
        let native = FileManager.default.temporaryDirectory.appendingPathComponent("skylt-xml-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: native) }
        let convert = try CLI.run(["convert", Self.sample, "--to", "skylt", "--out", native])
        #expect(convert.status == 0, "\(convert.stderr)")
        let again = try CLI.run(["now", "--feed", native, "--at", "2026-03-12T09:50", "--json"])
        #expect(again.stdout == now.stdout)
    }

    @Test func brokenXMLIsLocatedAndExitsOne() throws {
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8).replacingOccurrences(of: "</title>", with: "</titel>")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("skylt-broken-\(UUID().uuidString).xml")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains(file.path + ":7:") && result.stdout.contains("error: not well-formed XML"), "\(result.stdout)")
    }

    @Test func aScheduleWithoutAZoneIsReadInTheMachinesZone() throws {
        let xml = #"<schedule><conference><title>F</title></conference><day date="2020-02-01"><room name="Janson"><event id="1"><start>09:30</start><duration>00:25</duration><title>Welcome</title></event></room></day></schedule>"#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("skylt-nozone-\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["now", "--feed", file.path, "--at", "2020-02-01T09:40+01:00", "--json"], environment: ["TZ": "Europe/Brussels"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("reading the times in this machine's zone, Europe/Brussels"))
        #expect(result.stdout.contains(#""remaining_seconds":900"#))
    }
}
