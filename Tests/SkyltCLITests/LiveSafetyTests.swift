import Foundation
import Testing

/// `skylt live` on a bad day: two technicians at once, a live file with a room the program no
/// longer has, a symlinked live file, a text built to stall the screens, a broken file when
/// an emergency must go out. Through the real binary and real files.
@Suite struct LiveSafetyTests {
    static func live(_ file: String, _ arguments: [String]) throws -> CLI.Result {
        try CLI.run(["live", "--file", file, "--feed", LiveCommandTests.devDays, "--at", "2021-09-14T10:25"] + arguments)
    }

    static func contents(_ file: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
    }

    @Test func twoTechniciansAtOnceBothGetTheirEditAndAreToldTheTruth() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for round in 0..<20 {
            let file = folder.appendingPathComponent("live-\(round).json").path
            let edits: [[String]] = [["alert", "Utrym byggnaden", "--level", "emergency"], ["room", "hall-b", "full"],
                                     ["delay", "hall-a", "10"], ["room", "workshop", "closed"]]
            let results = LockedResults(count: edits.count)
            DispatchQueue.concurrentPerform(iterations: edits.count) { index in
                results.set(index, try? Self.live(file, edits[index]))
            }
            for (index, result) in results.all.enumerated() {
                #expect(result?.status == 0, "round \(round), \(edits[index]): \(result?.stderr ?? "no result")")
            }
            let text = try Self.contents(file)
            #expect(text.contains(#""alert": {"text": "Utrym byggnaden", "level": "emergency"}"#), "round \(round): the alert was lost: \(text)")
            #expect(text.contains(#""hall-b": {"state": "full"}"#), "round \(round): the room edit was lost: \(text)")
            #expect(text.contains(#""hall-a": {"delay_minutes": 10"#), "round \(round): the delay was lost: \(text)")
            #expect(text.contains(#""workshop": {"state": "closed"}"#), "round \(round): the closed room was lost: \(text)")
        }
    }

    @Test func aStaleRoomNeverStopsAnAlertAndCanBeCleared() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("live.json").path
        // Written against a program that had an "aula"; this one does not.
        try Data(#"{"skylt_live": 1, "rooms": {"aula": {"state": "full"}, "hall-a": {"state": "filling"}}, "alert": null}"#.utf8).write(to: URL(fileURLWithPath: file))
        let alert = try Self.live(file, ["alert", "Utrym byggnaden", "--level", "emergency"])
        #expect(alert.status == 0, "\(alert.stderr)")
        #expect(alert.stderr.contains(#"warning: rooms.aula: the program has no room "aula""#), "\(alert.stderr)")
        #expect(alert.stderr.contains("`skylt live clear aula` removes it"), "\(alert.stderr)")
        #expect(alert.stdout.contains("emergency on every screen"), "\(alert.stdout)")
        #expect(alert.stdout.contains("aula: not in the program, so no screen shows it"), "\(alert.stdout)")
        let text = try Self.contents(file)
        #expect(text.contains(#""level": "emergency""#) && text.contains(#""hall-a": {"state": "filling"}"#))
        // The technician clears it by the id the warning names.
        let cleared = try Self.live(file, ["clear", "aula"])
        #expect(cleared.status == 0, "\(cleared.stderr)")
        #expect(!(try Self.contents(file)).contains("aula"))
        // An edit naming a room the program lacks is still refused: that is a typo.
        let typo = try Self.live(file, ["room", "aula", "full"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains(#"the program has no room "aula""#))
        // validate --live warns and passes.
        try Data(#"{"skylt_live": 1, "rooms": {"aula": {"state": "full"}}}"#.utf8).write(to: URL(fileURLWithPath: file))
        let validate = try CLI.run(["validate", LiveCommandTests.devDays, "--live", file])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect((validate.stdout + validate.stderr).contains(#"the program has no room "aula""#))
    }

    @Test func anEmergencyGetsThroughABrokenLiveFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("live.json").path
        try Data(#"{"skylt_live": 1, "rooms": {"hall-a": {"state": "ful"#.utf8).write(to: URL(fileURLWithPath: file))
        // Other edits are refused with the file's errors ...
        let room = try Self.live(file, ["room", "hall-b", "full"])
        #expect(room.status == 1)
        // ... an emergency replaces it, saying so.
        let alert = try Self.live(file, ["alert", "Utrym byggnaden", "--level", "emergency"])
        #expect(alert.status == 0, "\(alert.stderr)")
        #expect(alert.stderr.contains("was not a valid live file; the emergency replaces it"), "\(alert.stderr)")
        #expect(try Self.contents(file).contains(#""level": "emergency""#))
    }

    @Test func aSymlinkedLiveFileIsWrittenThroughAndStaysALink() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let served = folder.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        let target = served.appendingPathComponent("live.json").path
        let link = folder.appendingPathComponent("live.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "www/live.json")
        let result = try Self.live(link, ["room", "hall-a", "full"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "www/live.json", "the link is still the link")
        #expect(try Self.contents(target).contains(#""hall-a": {"state": "full"}"#))
        // convert --out through a link too.
        let converted = folder.appendingPathComponent("feed.json").path
        try FileManager.default.createSymbolicLink(atPath: converted, withDestinationPath: "www/feed.json")
        let convert = try CLI.run(["convert", CLI.root.appendingPathComponent("assets/feeds/fjallhack-2026.schedule.xml").path, "--to", "skylt", "--out", converted])
        #expect(convert.status == 0, "\(convert.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: converted) == "www/feed.json")
        #expect(FileManager.default.fileExists(atPath: served.appendingPathComponent("feed.json").path))
    }

    @Test func aTextBuiltToStallTheScreensIsRefusedAndNothingIsWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("live.json").path
        // 100 letters with 600 combining marks each: 100 characters, 120 KB (as much as one argument can carry).
        let zalgo = String(repeating: "A" + String(repeating: "\u{0301}", count: 600), count: 100)
        let refused = try Self.live(file, ["alert", zalgo, "--level", "emergency"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("live alert: the alert: character 1 carries 601 code points"), "\(refused.stderr.prefix(300))")
        #expect(!FileManager.default.fileExists(atPath: file))
        // The same text written by hand is refused by every reader, located.
        try Data(#"{"skylt_live": 1, "alert": {"text": "\#(zalgo)", "level": "emergency"}}"#.utf8).write(to: URL(fileURLWithPath: file))
        let validate = try CLI.run(["validate", LiveCommandTests.devDays, "--live", file])
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("live.json:1:37: error: alert.text: character 1 carries 601 code points"), "\(validate.stdout.prefix(300))")
    }
}

/// Results written from several threads.
final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [CLI.Result?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: CLI.Result?) { lock.withLock { results[index] = result } }

    var all: [CLI.Result?] { lock.withLock { results } }
}
