import Foundation
import Testing

/// `--rooms` and the settings' `"rooms"`: a lobby screen's own rooms, checked against the feed.
@Suite struct LobbyRoomsCommandTests {
    static let devDays = CLI.root.appendingPathComponent("assets/feeds/nordic-devdays-multi-room.json").path

    @Test func renderTakesRoomsAndRefusesUnknownOnes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("rooms.png")
        let good = try CLI.run(["render", "--feed", Self.devDays, "--at", "2021-09-14T10:40", "--rooms", "workshop, hall-a", "--out", out.path])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(try pngSize(out) == (1920, 1080))
        let unknown = try CLI.run(["render", "--feed", Self.devDays, "--rooms", "hall-a,aula", "--out", out.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains(#"--rooms: the feed has no room "aula" (its rooms: "hall-a", "hall-b", "workshop")"#), "\(unknown.stderr)")
        #expect(try CLI.run(["render", "--feed", Self.devDays, "--rooms", "hall-a", "--room", "hall-b", "--out", out.path]).status == 2)
        #expect(try CLI.run(["render", "--feed", Self.devDays, "--rooms", " , ", "--out", out.path]).status == 2)
    }

    @Test func settingsNameTheRoomsAndCheckConfigChecksThem() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = folder.appendingPathComponent("skylt.json")
        try Data(#"{"feed": "\#(Self.devDays)", "rooms": ["workshop", "hall-a"], "state_dir": "\#(folder.path)/state"}"#.utf8).write(to: settings)
        let good = try CLI.run(["check-config", settings.path])
        #expect(good.status == 0, "\(good.stdout)")
        #expect(good.stdout.contains("lobby of workshop, hall-a"), "\(good.stdout)")
        try Data(#"{"feed": "\#(Self.devDays)", "rooms": ["workshop", "aula"], "state_dir": "\#(folder.path)/state"}"#.utf8).write(to: settings)
        let bad = try CLI.run(["check-config", settings.path])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains(#"error: rooms: the feed has no room "aula""#), "\(bad.stdout)")
        try Data(#"{"feed": "\#(Self.devDays)", "rooms": [], "room": "hall-a"}"#.utf8).write(to: settings)
        let wrong = try CLI.run(["check-config", settings.path])
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("rooms: needs at least one room id"), "\(wrong.stdout)")
    }
}
