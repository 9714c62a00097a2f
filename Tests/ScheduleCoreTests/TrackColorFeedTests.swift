import Foundation
import Testing
@testable import ScheduleCore

/// The conference's own track colours, from frab/pretalx exports and Skylt's own feed.
@Suite struct TrackColorFeedTests {
    static func frab(tracks: String) -> String {
        """
        {"schedule": {"conference": {"title": "C", "time_zone_name": "Europe/Berlin", "tracks": \(tracks),
          "days": [{"date": "2019-12-27", "rooms": {"Ada": [
            {"guid": "e1", "title": "Talk", "date": "2019-12-27T11:00:00+01:00", "duration": "00:40", "track": "Ethics"}]}}]}}}
        """
    }

    @Test func frabTrackColoursAreRead() throws {
        let report = Fixture.read(Self.frab(tracks: ##"[{"name": "Ethics", "color": "#e40429"}, {"name": "Art", "color": "#0AF"}, {"name": "CCC"}]"##))
        let program = try #require(report.program)
        #expect(program.event.trackColors == ["Ethics": "#E40429", "Art": "#00AAFF"])
        #expect(report.warnings.isEmpty)
    }

    @Test func aBadFrabColourIsAWarningAndTheTrackKeepsAMadeUpColour() throws {
        let report = Fixture.read(Self.frab(tracks: #"[{"name": "Ethics", "color": "red"}, 5]"#))
        let program = try #require(report.program)
        #expect(program.event.trackColors.isEmpty)
        #expect(report.warnings.map { $0.formatted(file: "f") }.contains { $0.contains(#"schedule.conference.tracks[0].color: track "Ethics": "red" is not a colour (#RRGGBB)"#) },
                "\(report.warnings)")
    }

    @Test func nativeTracksAreStrictAndWrittenBack() throws {
        let good = Fixture.feed([Fixture.session("s1", "2020-02-06T09:00", "2020-02-06T10:00", extra: #", "track": "Data""#)],
                                extra: ##", "tracks": [{"name": "Data", "color": "#1e90ff"}]"##)
        let program = try Fixture.program(good)
        #expect(program.event.trackColors == ["Data": "#1E90FF"])
        let written = NativeFeedWriter.write(program)
        #expect(try #require(FeedReader.read(written).program).event.trackColors == ["Data": "#1E90FF"])
        let bad = Fixture.read(Fixture.feed([Fixture.session("s1", "2020-02-06T09:00", "2020-02-06T10:00")],
                                            extra: ##", "tracks": [{"name": "Data", "color": "blue"}, {"name": "Data", "color": "#000"}]"##))
        #expect(bad.program == nil)
        let messages = bad.errors.map { $0.formatted(file: "f") }
        #expect(messages.contains { $0.contains(#"tracks[0].color: "blue" is not a colour; write #RRGGBB"#) }, "\(messages)")
        #expect(messages.contains { $0.contains(#"tracks[1].name: the track "Data" is listed twice"#) }, "\(messages)")
    }

    @Test(arguments: [("#e40429", "#E40429"), ("#F00", "#FF0000"), (" #abcdef ", "#ABCDEF")])
    func coloursAreCanonical(_ text: String, _ expected: String) {
        #expect(HexColor.canonical(text) == expected)
    }

    @Test(arguments: ["red", "#12345", "#GGGGGG", "e40429", "#", ""])
    func notColours(_ text: String) {
        #expect(HexColor.canonical(text) == nil)
    }

    @Test func aRealExportsOwnColours() throws {
        let url = Fixture.shared.appendingPathComponent("feeds/real/pyconau-2024.schedule.json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("skipped: \(url.path) is absent (../shared is beside CI's clone)")
            return
        }
        let program = try #require(FeedReader.read([UInt8](try Data(contentsOf: url))).program)
        #expect(program.event.trackColors["Main Conference"] == "#FC0101")
    }
}
