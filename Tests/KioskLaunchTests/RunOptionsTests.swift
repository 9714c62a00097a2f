import ArgumentParser
import Kiosk
import SignLayout
import KioskLaunch
import Testing

/// `skylt run`'s flags merged with the settings file: a flag wins, the file fills the rest, and
/// the sign is taken as a whole.
@Suite struct RunOptionsTests {
    static func config(_ json: String) throws -> KioskConfig {
        try #require(KioskConfig.read(Array(json.utf8)).config)
    }

    @Test func aFlagWinsAndTheFileFillsTheRest() throws {
        let config = try Self.config(#"{"feed": "/etc/skylt/feed.json", "live": "/etc/skylt/live.json", "room": "stora-salen", "rotate": 90, "poll_interval": 60, "hub": "http://hub:8080", "screen": "door-a", "fullscreen": true}"#)
        let options = try RunOptions.parse(["--feed", "/tmp/other.json", "--poll-interval", "5"]).merged(with: config)
        #expect(options.sign.feed == "/tmp/other.json" && options.pollInterval == 5)
        #expect(options.live == "/etc/skylt/live.json" && options.sign.room == "stora-salen" && options.sign.choice.rotation == .quarter)
        #expect(options.hub == "http://hub:8080" && options.screen == "door-a" && options.fullscreen)
    }

    @Test func theSignIsTakenAsAWhole() throws {
        let config = try Self.config(#"{"room": "stora-salen", "theme": "light"}"#)
        let lobby = try RunOptions.parse(["--lobby"]).merged(with: config)
        #expect(lobby.sign.lobby && lobby.sign.room == nil, "a lobby given as a flag is not mixed with the file's room")
        #expect(lobby.sign.theme == "light")
        let rooms = try RunOptions.parse([]).merged(with: Self.config(#"{"rooms": ["a", "b"]}"#))
        #expect(rooms.sign.choice.requestedMode == .rooms(["a", "b"]))
    }

    @Test func optionsThatCannotWorkTogetherAreRefused() {
        #expect(throws: (any Error).self) { try RunOptions.parse(["--hub", "http://hub:8080"]) }
        #expect(throws: (any Error).self) { try RunOptions.parse(["--hub", "http://hub:8080", "--screen", "a", "--feed", "x.json"]) }
        #expect(throws: (any Error).self) { try RunOptions.parse(["--room", "a", "--lobby"]) }
        #expect(throws: (any Error).self) { try RunOptions.parse(["--speed", "0"]) }
    }
}
