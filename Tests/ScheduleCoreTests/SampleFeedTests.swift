import Foundation
import Testing
@testable import ScheduleCore

@Suite struct SampleFeedTests {
    static let feeds = ["spridningskonferens-2020.json", "nordic-devdays-multi-room.json", "fjallforum-multi-day.json", "nattkodning-dst.json"]

    func load(_ name: String) throws -> FeedReport {
        FeedReader.read([UInt8](try Data(contentsOf: Fixture.assets.appendingPathComponent("feeds/" + name))))
    }

    @Test(arguments: feeds)
    func sampleFeedIsValidWithoutWarnings(_ name: String) throws {
        let report = try load(name)
        #expect(report.isValid)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test func theSamplesCoverMultiRoomMultiDayAndDST() throws {
        let multiRoom = try #require(try load("nordic-devdays-multi-room.json").program)
        #expect(multiRoom.rooms.count == 3)
        #expect(multiRoom.sessions.contains { $0.status == .cancelled })
        #expect(try #require(try load("fjallforum-multi-day.json").program).days.count == 2)
        let dst = try #require(try load("nattkodning-dst.json").program)
        let zone = dst.event.timeZone
        #expect(dst.sessions.contains { zone.secondsFromGMT(for: $0.start) != zone.secondsFromGMT(for: $0.end) })
    }

    @Test func theDefaultKeepsTheProgramsOwnGap() throws {
        let program = try #require(try load("spridningskonferens-2020.json").program)
        let board = Board(program: program, at: Fixture.instant("2020-02-06T11:20+01:00"))
        #expect(board.phase == .gap)
        #expect(board.rooms[0].next?.session.title == "Lunch")
        #expect(board.rooms[0].next?.startsInSeconds == 25 * 60)
        #expect(program.event.timeZone.identifier == "Europe/Stockholm")
        #expect(program.event.locale == "sv-SE")
    }

    /// Every time slot and every speaker in the printed program is in the embedded feed.
    @Test func theDefaultMatchesThePrintedProgram() throws {
        let seed = Fixture.shared.appendingPathComponent("seeds/spridningskonferens-2020-program.txt")
        guard let text = try? String(contentsOf: seed, encoding: .utf8) else {
            print("skipped: \(seed.path) is absent (../shared is only beside CI's clone)")
            return
        }
        let program = try #require(try load("spridningskonferens-2020.json").program)
        let zone = program.event.timeZone
        let slots = program.sessions.map { "\(zone.localDateTime(for: $0.start).timeText)-\(zone.localDateTime(for: $0.end).timeText)" }
        let pattern = try NSRegularExpression(pattern: #"^(\d\d)\.(\d\d)\s*[–-]?\s*(\d\d)\.(\d\d)\s*$"#, options: .anchorsMatchLines)
        var printed: [String] = []
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let parts = (1...4).map { String(text[Range(match.range(at: $0), in: text)!]) }
            let slot = "\(parts[0]):\(parts[1])-\(parts[2]):\(parts[3])"
            if slot != "08:30-16:00" { printed.append(slot) }
        }
        #expect(printed.count == 10)
        #expect(slots == printed)
        // The printed program uses no-break spaces in places; compare words, not spacing.
        let words = text.components(separatedBy: .whitespacesAndNewlines).filter { !$0.isEmpty }.joined(separator: " ")
        for speaker in program.sessions.flatMap(\.speakers) {
            #expect(words.contains(speaker.name), "\(speaker.name) is not in the printed program")
        }
        for session in program.sessions {
            let firstWords = session.title.split(separator: " ").prefix(3).joined(separator: " ")
            #expect(words.contains(firstWords), "\(session.title)")
        }
    }

    /// The published JSON Schema describes exactly the keys the reader knows.
    @Test func schemaListsTheReadersKeys() throws {
        let data = try Data(contentsOf: Fixture.assets.appendingPathComponent("feed.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        func keys(_ object: [String: Any]?) -> Set<String> {
            Set(((object?["properties"]) as? [String: Any])?.keys.map { $0 } ?? [])
        }
        let defs = schema["$defs"] as? [String: Any]
        #expect(keys(schema) == NativeFeedReader.rootKeys)
        #expect(keys(defs?["event"] as? [String: Any]) == NativeFeedReader.eventKeys)
        #expect(keys(defs?["room"] as? [String: Any]) == NativeFeedReader.roomKeys)
        #expect(keys(defs?["session"] as? [String: Any]) == NativeFeedReader.sessionKeys)
        // A speaker is a bare name or an object; the object is the second alternative.
        let speakerForms = (defs?["speaker"] as? [String: Any])?["oneOf"] as? [[String: Any]]
        #expect(keys(speakerForms?.last) == NativeFeedReader.speakerKeys)
        #expect(keys(defs?["notice"] as? [String: Any]) == NativeFeedReader.noticeKeys)
        #expect(keys(defs?["track"] as? [String: Any]) == NativeFeedReader.trackKeys)
    }
}
