import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SkyltTestSupport
import Testing

/// What a careless technician may type: output paths that are devices, the feed itself, or a
/// symlink; numbers that are not numbers; feeds given as URLs. Nothing outside the state
/// directory is ever replaced, and every refusal says why.
@Suite struct CarelessHandsTests {
    static func kind(_ path: String) -> FileAttributeType? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    }

    @Test func devicesAreNeverReplaced() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["run", "--headless", "--frames", folder.path + "/frames", "--state-dir", folder.path + "/state",
                               "--status-file", "/dev/null", "--duration", "1"])
        #expect(run.status == 2 && run.stderr.contains("--status-file /dev/null is a character device, not a file"), "\(run.stderr)")
        let render = try CLI.run(["render", "--out", "/dev/full"])
        #expect(render.status == 2 && render.stderr.contains("/dev/full: it is a character device, not a file"), "\(render.stderr)")
        #expect(Self.kind("/dev/null") == .typeCharacterSpecial && Self.kind("/dev/full") == .typeCharacterSpecial)
        let convert = try CLI.run(["convert", CLI.root.appendingPathComponent("assets/feeds/spridningskonferens-2020.json").path, "--out", folder.path])
        #expect(convert.status == 2 && convert.stderr.contains("it is a folder, not a file"))
    }

    @Test func theStatusFileCanBeNeitherTheFeedNorTheSavedFeed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("feed.json").path
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("assets/feeds/spridningskonferens-2020.json").path, toPath: feed)
        let before = try Data(contentsOf: URL(fileURLWithPath: feed))
        let onFeed = try CLI.run(["run", "--headless", "--frames", folder.path + "/frames", "--feed", feed, "--state-dir", folder.path + "/state",
                                  "--status-file", folder.path + "/./feed.json", "--duration", "1"])
        #expect(onFeed.status == 2 && onFeed.stderr.contains("--feed and --status-file are the same file"), "\(onFeed.stderr)")
        // Through a symlink too.
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/alias.json", withDestinationPath: feed)
        let onCache = try CLI.run(["run", "--headless", "--frames", folder.path + "/frames", "--feed", feed, "--state-dir", folder.path + "/state",
                                   "--status-file", folder.path + "/state/last-good-feed", "--duration", "1"])
        #expect(onCache.status == 2 && onCache.stderr.contains("the saved last good feed and --status-file are the same file"))
        let alias = try CLI.run(["convert", feed, "--out", folder.path + "/alias.json"])
        #expect(alias.status == 2 && alias.stderr.contains("converting in place would lose the original"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: feed)) == before)
    }

    @Test func anOutputThatIsASymlinkIsReplacedNotWrittenThrough() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let precious = folder.appendingPathComponent("precious.txt").path
        try "keep me".write(toFile: precious, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/frame.png", withDestinationPath: precious)
        #expect(try CLI.run(["render", "--out", folder.path + "/frame.png", "--size", "320x180"]).status == 0)
        #expect(try String(contentsOfFile: precious, encoding: .utf8) == "keep me")
        #expect(Self.kind(folder.path + "/frame.png") == .typeRegular)
    }

    @Test(arguments: [["--duration", "nan"], ["--duration", "inf"], ["--duration", "1e300"], ["--duration", "-5"], ["--duration", "0"],
                      ["--poll-interval", "inf"], ["--poll-interval", "nan"], ["--poll-interval", "0.5"]])
    func numbersThatAreNotSaneAreUsageErrors(_ option: [String]) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["run", "--headless", "--frames", folder.path, "--state-dir", folder.path + "/state"] + option)
        #expect(run.status == 64 || run.status == 2, "\(option): exit \(run.status), \(run.stderr)")
        #expect(run.stderr.contains(option[0]))
    }

    @Test func validateAndNowTakeAURLWithoutShowingItsSecrets() throws {
        guard NginxServer.binary != nil else {
            print("skipped: nginx is not installed (bash .ci/setup installs it)")
            return
        }
        let server = try NginxServer()
        try server.start()
        try server.put([UInt8](try Data(contentsOf: CLI.root.appendingPathComponent("assets/feeds/spridningskonferens-2020.json"))), at: "feed.json")
        let url = "http://tekniker:hemligt@127.0.0.1:\(server.port)/feed.json?api_key=nyckel"
        let validate = try CLI.run(["validate", url])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("http://…@127.0.0.1:\(server.port)/feed.json?…: valid"))
        let missing = try CLI.run(["validate", "http://127.0.0.1:\(server.port)/missing.json?token=abc"])
        #expect(missing.status == 2 && missing.stderr.contains("missing.json?…: HTTP 404"))
        for output in [validate.stdout, validate.stderr, missing.stdout, missing.stderr] {
            for secret in ["hemligt", "nyckel", "abc"] { #expect(!output.contains(secret)) }
        }
    }

    @Test func escapeSequencesInAFeedNeverReachTheTerminalRaw() throws {
        let feed = try CLI.temporaryFeed("""
        {"skylt": 1, "event": {"name": "E", "timezone": "Europe/Stockholm"}, "rooms": [{"id": "a\\u001b]0;pwned\\u0007", "name": "A"}],
         "sessions": [{"id": "s", "room": "a\\u001b]0;pwned\\u0007", "title": "Clear\\u001b[2J screen\\u202e", "start": "2026-11-24T10:00", "end": "2026-11-24T11:00"},
                      {"id": "t", "room": "nowhere\\u001b[31m", "title": "T", "start": "2026-11-24T10:00", "end": "2026-11-24T11:00"}]}
        """)
        defer { try? FileManager.default.removeItem(at: feed) }
        let validate = try CLI.run(["validate", feed.path])
        #expect(validate.status == 1 && validate.stdout.contains("unknown room \"nowhere\\u{1B}[31m\""), "\(validate.stdout)")
        for output in [validate.stdout, validate.stderr] {
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        }
    }

    @Test func aBusyPortOrANameForAnAddressAreSaidPlainly() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Something already listens on the port.
        let port = try NginxServer.freePort()
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        #expect(bound && listen(holder, 1) == 0)
        let base = ["run", "--headless", "--frames", folder.path + "/frames", "--state-dir", folder.path + "/state", "--duration", "2"]
        let busy = try CLI.run(base + ["--http-port", String(port)])
        #expect(busy.status == 2 && busy.stderr.contains("--http-port: cannot listen on 127.0.0.1:\(port): Address already in use"), "\(busy.stderr)")
        let name = try CLI.run(base + ["--http-port", String(port), "--http-address", "example.org"])
        #expect(name.status == 2 && name.stderr.contains("\"example.org\" is not an IP address (write 127.0.0.1, 0.0.0.0, ::1 or ::)"))
        let localhost = try CLI.run(base + ["--http-port", String(try NginxServer.freePort()), "--http-address", "localhost"])
        #expect(localhost.status == 0, "\(localhost.stderr)")
    }
}
