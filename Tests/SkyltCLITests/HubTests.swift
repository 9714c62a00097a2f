import Foundation
import SkyltTestSupport
import Testing

/// `skylt hub` and screens that follow it (`skylt run --hub`): the real binary, a real hub on
/// 127.0.0.1 and three headless screens, each writing its frames.
@Suite(.serialized) struct HubTests {
    /// A running `skylt hub` in a folder of its own.
    final class Hub {
        let folder: URL
        let process = Process()
        private(set) var port = 0

        init(folder: URL, port: Int = 0) throws {
            self.folder = folder
            process.executableURL = CLI.binary
            process.arguments = ["hub", "--state-dir", folder.appendingPathComponent("hub").path, "--port", String(port)]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The first line says where it listens (waited for 20 s at most: a hub that says nothing fails the test, never hangs it).
            let text = LockedText()
            let handle = output.fileHandleForReading
            let read = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                while !text.value.contains("\n"), case let data = handle.availableData, !data.isEmpty {
                    text.append(String(decoding: data, as: UTF8.self))
                }
                read.signal()
            }
            _ = read.wait(timeout: .now() + 20)
            let firstLine = text.value
            if let range = firstLine.range(of: "127.0.0.1:") { self.port = Int(firstLine[range.upperBound...].prefix { $0.isNumber }) ?? 0 }
        }

        var url: String { "http://127.0.0.1:\(port)" }
        var state: URL { folder.appendingPathComponent("hub") }
        var token: String { (try? String(contentsOf: state.appendingPathComponent("fleet-token"), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }

        deinit { if process.isRunning { stop() } }
    }

    /// A headless screen following the hub.
    final class Screen {
        let process = Process()
        let frames: URL

        init(_ name: String, hub: Hub) throws {
            frames = hub.folder.appendingPathComponent("frames-\(name)")
            process.executableURL = CLI.binary
            process.arguments = ["run", "--headless", "--frames", frames.path, "--size", "960x540", "--hub", hub.url, "--screen", name,
                                 "--hub-token-file", hub.state.appendingPathComponent("fleet-token").path,
                                 "--state-dir", hub.folder.appendingPathComponent("state-\(name)").path, "--clock", "2020-02-06T10:20"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        /// The frames written so far, by name, with when they were written.
        func written() -> [String: Date] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: frames.path)) ?? []
            var result: [String: Date] = [:]
            for name in names where name.hasPrefix("frame-") {
                result[name] = (try? FileManager.default.attributesOfItem(atPath: frames.appendingPathComponent(name).path))?[.modificationDate] as? Date
            }
            return result
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// Seconds from `written` to the first new frame of each screen (nil: none within 5 s).
    static func latencies(_ screens: [Screen], since before: [[String: Date]], written: Date) -> [TimeInterval?] {
        var result: [TimeInterval?] = Array(repeating: nil, count: screens.count)
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, result.contains(where: { $0 == nil }) {
            for (index, screen) in screens.enumerated() where result[index] == nil {
                let new = screen.written().filter { before[index][$0.key] == nil }.values
                if let first = new.min() { result[index] = first.timeIntervalSince(written) }
            }
            usleep(10_000)
        }
        return result
    }

    static func modified(_ url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? Date()
    }

    static func waitForFirstFrames(_ screens: [Screen]) {
        for _ in 0..<200 where screens.contains(where: { $0.written().isEmpty }) { usleep(50_000) }
    }

    @Test func threeScreensHaveEveryChangeWithinASecondAndNeverABrokenOne() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hub = try Hub(folder: folder)
        #expect(hub.port > 0)
        let screens = try ["door-a", "door-b", "lobby"].map { try Screen($0, hub: hub) }
        Self.waitForFirstFrames(screens)
        #expect(screens.allSatisfy { !$0.written().isEmpty }, "every screen shows the hub's program")
        let live = hub.state.appendingPathComponent("live.json")
        let feed = hub.state.appendingPathComponent("feed.json")
        // The technician raises an emergency: every screen has it within a second.
        var before = screens.map { $0.written() }
        let alert = try CLI.run(["live", "--file", live.path, "--feed", feed.path, "--at", "2020-02-06T10:20", "alert", "Utrym byggnaden", "--level", "emergency"])
        #expect(alert.status == 0, "\(alert.stderr)")
        var latencies = Self.latencies(screens, since: before, written: Self.modified(live))
        #expect(latencies.allSatisfy { ($0 ?? 99) <= TimingAllowance.seconds(1) }, "emergency on every screen: \(latencies)")
        // A broken program never reaches a screen (none even sees it: no rejected edit in their status), and the hub says why.
        func screenStatus(_ name: String) -> String {
            (try? String(contentsOf: folder.appendingPathComponent("state-\(name)/status.json"), encoding: .utf8)) ?? ""
        }
        let hashes = ["door-a", "door-b", "lobby"].map { screenStatus($0).split(separator: "\n").first { $0.contains("feed_hash") } }
        try Data("{\"skylt\": 1, \"event\": ".utf8).write(to: feed)
        usleep(1_500_000)
        for (name, hash) in zip(["door-a", "door-b", "lobby"], hashes) {
            let now = screenStatus(name)
            #expect(hash != nil && now.split(separator: "\n").first { $0.contains("feed_hash") } == hash, "\(name) kept its program")
            #expect(now.contains("\"rejected_errors\" : [\n\n  ]") || now.contains("\"rejected_errors\" : [ ]") || now.contains("\"rejected_errors\" : []"), "\(name): \(now)")
        }
        let status = RawHTTPClient.get(port: hub.port, path: "/v1/status", authorization: "Bearer \(hub.token)")
        #expect(status.contains("\"program_refused\" : \"") && status.contains("feed.json:1:"), "\(status)")
        // Cleared: back on every screen within a second.
        before = screens.map { $0.written() }
        #expect(try CLI.run(["live", "--file", live.path, "--feed", CLI.root.appendingPathComponent("assets/feeds/spridningskonferens-2020.json").path,
                             "--at", "2020-02-06T10:20", "clear", "all"]).status == 0)
        latencies = Self.latencies(screens, since: before, written: Self.modified(live))
        #expect(latencies.allSatisfy { ($0 ?? 99) <= TimingAllowance.seconds(1) }, "cleared on every screen: \(latencies)")
        // The hub knows every screen, and that each has what is in force.
        let page = RawHTTPClient.get(port: hub.port, path: "/", authorization: nil)
        for name in ["door-a", "door-b", "lobby"] { #expect(page.contains("<td>\(name)</td><td>online</td><td>yes</td>"), "\(page)") }
    }

    @Test func aRestartedHubIsTakenUpWithinASecondAndStopsAtOnce() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var hub = try Hub(folder: folder)
        let port = hub.port
        let screen = try Screen("door-a", hub: hub)
        Self.waitForFirstFrames([screen])
        usleep(500_000)
        // A stop does not wait for the screens' held requests.
        let stopping = Date()
        hub.stop()
        #expect(Date().timeIntervalSince(stopping) < TimingAllowance.seconds(2), "stopped in \(Date().timeIntervalSince(stopping)) s")
        // An edit while the hub is down; the screen keeps what was in force.
        let status = hub.folder.appendingPathComponent("state-door-a/status.json")
        func inForce() -> String { (try? String(contentsOf: status, encoding: .utf8)) ?? "" }
        #expect(try CLI.run(["live", "--file", hub.state.appendingPathComponent("live.json").path, "--feed", hub.state.appendingPathComponent("feed.json").path,
                             "--at", "2020-02-06T10:20", "alert", "Utrym byggnaden", "--level", "emergency"]).status == 0)
        usleep(2_000_000)
        #expect(!inForce().contains("emergency on every screen"))
        hub = try Hub(folder: folder, port: port)
        let started = Date()
        while Date().timeIntervalSince(started) < 5, !inForce().contains("emergency on every screen") { usleep(10_000) }
        let latency = Date().timeIntervalSince(started)
        #expect(inForce().contains("emergency on every screen") && latency <= TimingAllowance.seconds(1.5), "taken up \(latency) s after the hub started again")
        hub.stop()
    }

    @Test func screensWithoutTheFleetsTokenAreRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hub = try Hub(folder: folder)
        func status(_ path: String, _ authorization: String?) -> String {
            String(RawHTTPClient.get(port: hub.port, path: path, authorization: authorization).prefix(12))
        }
        #expect(status("/v1/program", nil) == "HTTP/1.1 401")
        #expect(status("/v1/live", "Bearer wrong") == "HTTP/1.1 401")
        #expect(status("/v1/status", "Bearer \(hub.token)x") == "HTTP/1.1 401")
        #expect(status("/v1/program", "bearer \(hub.token)") == "HTTP/1.1 200", "the scheme in any case")
        hub.stop()
    }
}

/// Text gathered on one thread and read on another.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    var value: String { lock.withLock { text } }
    func append(_ more: String) { lock.withLock { text += more } }
}
