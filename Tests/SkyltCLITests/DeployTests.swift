import Foundation
import SkyltTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// deploy/: the install script into a staging root, the systemd unit's checks, the settings
/// file, and sd_notify from the real binary.
@Suite struct DeployTests {
    static let install = CLI.root.appendingPathComponent("deploy/install.sh").path

    func bash(_ arguments: [String]) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func installIntoAStagingRootIsIdempotentAndUninstallKeepsTheFeed() throws {
        let root = try temporaryFolder().path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try bash([Self.install, "--destdir", root, "--binary", CLI.binary.path])
        #expect(first.status == 0, "\(first.stderr)")
        for path in ["/usr/local/bin/skylt", "/usr/local/share/skylt/feeds/spridningskonferens-2020.json", "/usr/local/share/skylt/themes/dark.json",
                     "/etc/skylt/skylt.json", "/etc/systemd/system/skylt.service"] {
            #expect(FileManager.default.fileExists(atPath: root + path), "\(path)")
        }
        // An empty live file for `skylt live` to write, valid against the installed feed.
        let live = try CLI.run(["live", "--file", root + "/etc/skylt/live.json", "--at", "2020-02-06T10:00", "show"],
                               binary: root + "/usr/local/bin/skylt")
        #expect(live.status == 0 && live.stdout.contains("nothing in force"), "\(live.stdout)\(live.stderr)")
        // The technician's config and live file survive a second run.
        try "{\"feed\": \"/srv/feed.json\"}".write(toFile: root + "/etc/skylt/skylt.json", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["live", "--file", root + "/etc/skylt/live.json", "--at", "2020-02-06T10:00", "room", "main", "full"]).status == 0)
        #expect(try bash([Self.install, "--destdir", root, "--binary", CLI.binary.path]).status == 0)
        #expect(try String(contentsOfFile: root + "/etc/skylt/skylt.json", encoding: .utf8).contains("/srv/feed.json"))
        #expect(try String(contentsOfFile: root + "/etc/skylt/live.json", encoding: .utf8).contains(#""state": "full""#))
        // The installed binary finds its assets beside it.
        let installed = try CLI.run(["validate"], binary: root + "/usr/local/bin/skylt")
        #expect(installed.status == 0 && installed.stdout.contains(root + "/usr/local/share/skylt/feeds/spridningskonferens-2020.json"))
        // Uninstall keeps the last good feed unless asked.
        try FileManager.default.createDirectory(atPath: root + "/var/lib/skylt", withIntermediateDirectories: true)
        try "{}".write(toFile: root + "/var/lib/skylt/last-good-feed", atomically: true, encoding: .utf8)
        #expect(try bash([Self.install, "--destdir", root, "--uninstall"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: root + "/usr/local/bin/skylt"))
        #expect(!FileManager.default.fileExists(atPath: root + "/etc/systemd/system/skylt.service"))
        #expect(FileManager.default.fileExists(atPath: root + "/var/lib/skylt/last-good-feed"))
        #expect(try bash([Self.install, "--destdir", root, "--uninstall", "--purge"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: root + "/var/lib/skylt"))
    }

    @Test func dryRunChangesNothing() throws {
        let root = try temporaryFolder().path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try bash([Self.install, "--dry-run", "--destdir", root, "--binary", CLI.binary.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("would run: install -m 0755 \(CLI.binary.path) \(root)/usr/local/bin/skylt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
    }

    @Test func theHubInstallsBesideTheScreensBinaryAndServesItsPages() throws {
        let root = try temporaryFolder().path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try bash([Self.install, "--hub", "--destdir", root, "--binary", CLI.binary.path])
        #expect(result.status == 0, "\(result.stderr)")
        for path in ["/usr/local/bin/skylt", "/usr/local/bin/skylt-hub", "/usr/local/share/skylt/hub/door.mustache", "/usr/local/share/skylt/hub/staff.css",
                     "/etc/systemd/system/skylt-hub.service"] {
            #expect(FileManager.default.fileExists(atPath: root + path), "\(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/etc/systemd/system/skylt.service"), "a hub is not a screen unless installed as one too")
        // The installed hub finds its pages beside it, and `skylt hub` runs it.
        let state = root + "/var/lib/skylt-hub"
        let added = try CLI.run(["hub", "user", "add", "tech", "--role", "technician", "--state-dir", state], binary: root + "/usr/local/bin/skylt")
        #expect(added.status == 0 && added.stdout.contains("password"), "\(added.stderr)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: root + "/usr/local/bin/skylt")
        process.arguments = ["hub", "--state-dir", state, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let port = line.range(of: "127.0.0.1:").map { Int(line[$0.upperBound...].prefix { $0.isNumber }) ?? 0 } ?? 0
        #expect(RawHTTPClient.get(port: port, path: "/login", authorization: nil).contains("<form method=\"post\" action=\"/login\">"), "\(line)")
        #expect(try bash([Self.install, "--destdir", root, "--uninstall"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: root + "/usr/local/bin/skylt-hub"))
        #expect(!FileManager.default.fileExists(atPath: root + "/etc/systemd/system/skylt-hub.service"))
    }

    @Test(arguments: ["skylt", "skylt-hub"]) func systemdUnitVerifiesAndIsLockedDown(_ name: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze") else {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record("systemd-analyze is missing; .ci/setup installs systemd") }
            print("skipped: systemd-analyze is not installed")
            return
        }
        let folder = try temporaryFolder().path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // verify checks that ExecStart exists: point it at the binary built here.
        let unit = try String(contentsOf: CLI.root.appendingPathComponent("deploy/\(name).service"), encoding: .utf8)
            .replacingOccurrences(of: "/usr/local/bin/skylt", with: CLI.binary.deletingLastPathComponent().path + "/skylt")
        try unit.write(toFile: folder + "/\(name).service", atomically: true, encoding: .utf8)
        let verify = try bash(["-c", "systemd-analyze verify '\(folder)/\(name).service'"])
        #expect(verify.status == 0 && verify.stderr.isEmpty && verify.stdout.isEmpty, "\(verify.stdout)\(verify.stderr)")
        let security = try bash(["-c", "systemd-analyze security --offline=true '\(folder)/\(name).service'"])
        let line = security.stdout.split(separator: "\n").last { $0.contains("Overall exposure level") } ?? ""
        let score = line.split(separator: " ").compactMap { Double($0) }.first
        #expect(score != nil && score! <= 3.0, "\(line)")
    }

    @Test func checkConfigExplainsProblemsWithTheirPlace() throws {
        // The shipped settings name the installed feed; with the repository's copy in its place they are valid.
        let shipped = try String(contentsOf: CLI.root.appendingPathComponent("deploy/skylt.json"), encoding: .utf8)
        let feed = CLI.root.appendingPathComponent("assets/feeds/spridningskonferens-2020.json").path
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let local = folder.appendingPathComponent("skylt.json")
        try shipped.replacingOccurrences(of: "/usr/local/share/skylt/feeds/spridningskonferens-2020.json", with: feed)
            .replacingOccurrences(of: "/var/lib/skylt", with: folder.path + "/state").write(to: local, atomically: true, encoding: .utf8)
        let good = try CLI.run(["check-config", local.path])
        #expect(good.status == 0, "\(good.stdout)")
        #expect(good.stdout.contains("valid: feed \(feed), screen on 7:00–19:00"))
        if !FileManager.default.fileExists(atPath: "/usr/local/share/skylt") {
            let uninstalled = try CLI.run(["check-config", CLI.root.appendingPathComponent("deploy/skylt.json").path])
            #expect(uninstalled.status == 1 && uninstalled.stdout.contains("error: feed: /usr/local/share/skylt/feeds/spridningskonferens-2020.json: no such file"))
        }
        // What the settings name is checked too: an invalid feed, a theme, the token file, the
        // address, and files the kiosk writes that would be the feed or not a file at all.
        let broken = folder.appendingPathComponent("broken.json")
        try #"{"skylt": 1, "event": {"name": "X", "timezone": "Europe/Stokholm"}, "sessions": []}"#.write(to: broken, atomically: true, encoding: .utf8)
        let named = folder.appendingPathComponent("named.json")
        try #"""
        {"feed": "\#(broken.path)", "theme": "no-such-theme", "status_file": "\#(broken.path)",
         "http": {"port": 8080, "address": "localhost.example", "token_file": "\#(folder.path)/absent"}}
        """#.write(to: named, atomically: true, encoding: .utf8)
        let checked = try CLI.run(["check-config", named.path])
        #expect(checked.status == 1)
        for expected in ["\(broken.path):1:49: error: event.timezone: unknown time zone \"Europe/Stokholm\"; did you mean \"Europe/Stockholm\"?",
                         "error: feed: \(broken.path) is not a valid feed (1 error, above)", "error: theme: ",
                         "error: http.address: \"localhost.example\" is not an IP address", "error: http.token_file: cannot read a token from",
                         "error: feed and status_file are the same file (\(broken.path)); they must differ"] {
            #expect(checked.stdout.contains(expected), "\(expected) not in \(checked.stdout)")
        }
        let devices = folder.appendingPathComponent("devices.json")
        try #"{"feed": "\#(feed)", "status_file": "/dev/null", "http": {"port": 8080, "token": "hemligt"}}"#.write(to: devices, atomically: true, encoding: .utf8)
        let secret = try CLI.run(["check-config", devices.path])
        #expect(secret.status == 1 && secret.stdout.contains("error: http.token: \"token\" looks like a secret"))
        let bad = try CLI.temporaryFeed("""
        {"feed": "x.json", "rotate": 45, "screen_hours": {"on": "7"},
         "http": {"port": "eighty"}, "lobyy": true}
        """)
        defer { try? FileManager.default.removeItem(at: bad) }
        let result = try CLI.run(["check-config", bad.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(bad.path):1:30: error: rotate: must be 0, 90, 180 or 270"))
        #expect(result.stdout.contains("screen_hours.on: \"7\" is not a time of day; write HH:MM"))
        #expect(result.stdout.contains("http.port: expected a number, found string"))
        #expect(result.stdout.contains("warning: lobyy: unknown key \"lobyy\" is ignored; did you mean \"lobby\"?"))
        #expect(try CLI.run(["check-config", "/nonexistent.json"]).status == 2)
        // run refuses a bad config before opening anything.
        let run = try CLI.run(["run", "--headless", "--frames", "/tmp/skylt-never", "--config", bad.path])
        #expect(run.status == 1 && run.stderr.contains("is not a valid settings file"))
    }

    @Test func runReadsTheConfigAndFlagsOverrideIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("skylt.json")
        let feed = CLI.root.appendingPathComponent("assets/feeds/nordic-devdays-multi-room.json").path
        try "{\"feed\": \"\(feed)\", \"room\": \"hall-a\", \"state_dir\": \"\(folder.path)/state\"}".write(to: config, atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", "--config", config.path, "--room", "nowhere", "--headless", "--frames", folder.path + "/frames",
                                  "--clock", "2021-09-14T10:00", "--duration", "1"])
        #expect(result.status == 2 && result.stderr.contains("--room: the feed has no room \"nowhere\""))
        let ok = try CLI.run(["run", "--config", config.path, "--headless", "--frames", folder.path + "/frames", "--size", "640x360",
                              "--clock", "2021-09-14T10:00", "--duration", "1"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/state/status.json"))
    }

    @Test func theBinaryTellsSystemdWhenItIsReady() throws {
        let listener = try DatagramListener()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["run", "--headless", "--frames", folder.path, "--size", "640x360", "--state-dir", folder.path + "/state",
                                  "--clock", "2020-02-06T10:20", "--duration", "1.5"],
                                 environment: ["NOTIFY_SOCKET": listener.name, "WATCHDOG_USEC": "1000000"])
        #expect(result.status == 0)
        let messages = listener.drain()
        #expect(messages.first == "READY=1\nSTATUS=showing Spridningskonferens 2020")
        #expect(messages.filter { $0 == "WATCHDOG=1" }.count >= 2)
        #expect(messages.last == "STOPPING=1")
    }
}
