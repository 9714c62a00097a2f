import Foundation
import Testing
@testable import ScheduleCore

@Suite struct LiveSampleTests {
    /// The published JSON Schema describes exactly the keys the reader knows.
    @Test func schemaListsTheReadersKeys() throws {
        let data = try Data(contentsOf: Fixture.assets.appendingPathComponent("live.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        func keys(_ object: [String: Any]?) -> Set<String> {
            Set(((object?["properties"]) as? [String: Any])?.keys.map { $0 } ?? [])
        }
        let defs = schema["$defs"] as? [String: Any]
        #expect(keys(schema) == LiveReader.rootKeys)
        #expect(keys(defs?["room"] as? [String: Any]) == LiveReader.roomKeys)
        #expect(keys(defs?["alert"] as? [String: Any]) == LiveReader.alertKeys)
        let room = (defs?["room"] as? [String: Any])?["properties"] as? [String: Any]
        #expect((room?["delay_minutes"] as? [String: Any])?["maximum"] as? Int == LiveLimits.maxDelayMinutes)
        #expect(((room?["state"] as? [String: Any])?["enum"] as? [String]) == RoomState.allCases.map(\.rawValue))
    }

    /// The sample live files in assets/live are valid against the sample feed they are named after.
    @Test(arguments: [("nordic-devdays-multi-room.live.json", "nordic-devdays-multi-room.json"),
                      ("spridningskonferens-2020.live.json", "spridningskonferens-2020.json"),
                      ("emergency.live.json", "spridningskonferens-2020.json")])
    func sampleLiveFilesAreValid(_ live: String, _ feed: String) throws {
        let program = try #require(FeedReader.read([UInt8](try Data(contentsOf: Fixture.assets.appendingPathComponent("feeds/" + feed)))).program)
        let report = LiveReader.read([UInt8](try Data(contentsOf: Fixture.assets.appendingPathComponent("live/" + live))), program: program)
        #expect(report.isValid && report.diagnostics.isEmpty, "\(report.diagnostics)")
    }
}
