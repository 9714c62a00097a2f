import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SkyltTestSupport
import Testing

/// The remote view of a running kiosk, over real HTTP on 127.0.0.1.
@Suite struct RemoteViewTests {
    final class Kiosk: @unchecked Sendable {
        let process = Process()
        let folder: URL
        let port: Int

        /// - Parameter fileLimit: the kiosk's limit of open files (`ulimit -n`), to run it out of them.
        init(token: String?, speed: String = "1", clock: String = "2020-02-06T10:20", fileLimit: Int? = nil) throws {
            folder = try temporaryFolder()
            port = try NginxServer.freePort()
            var arguments = ["run", "--headless", "--frames", folder.path + "/frames", "--size", "640x360", "--state-dir", folder.path + "/state",
                             "--clock", clock, "--speed", speed, "--http-port", String(port), "--duration", "180"]
            if let token {
                try token.write(to: folder.appendingPathComponent("token"), atomically: true, encoding: .utf8)
                arguments += ["--http-token-file", folder.path + "/token"]
            }
            if let fileLimit {
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", "ulimit -n \(fileLimit) && exec \"$0\" \"$@\"", CLI.binary.path] + arguments
            } else {
                process.executableURL = CLI.binary
                process.arguments = arguments
            }
            process.standardOutput = FileHandle.nullDevice
            _ = FileManager.default.createFile(atPath: folder.path + "/stderr.log", contents: nil)
            process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent("stderr.log"))
            try process.run()
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: folder)
        }

        /// What the kiosk has written to standard error so far.
        var log: String { (try? String(contentsOf: folder.appendingPathComponent("stderr.log"), encoding: .utf8)) ?? "" }

        func get(_ path: String, token: String? = nil) async -> (status: Int, body: Data, type: String) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!, timeoutInterval: 10)
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            guard let (data, response) = try? await URLSession.shared.data(for: request), let http = response as? HTTPURLResponse else {
                return (0, Data(), "")
            }
            return (http.statusCode, data, http.value(forHTTPHeaderField: "Content-Type") ?? "")
        }

        /// Up to 30 s: a loaded machine (the suite runs tests in parallel) starts a debug binary slowly.
        func waitUntilListening() async {
            for _ in 0..<600 {
                if await get("/status").status != 0 { return }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }

        func metric(_ name: String, token: String?) async -> Double? {
            let text = String(decoding: await get("/metrics", token: token).body, as: UTF8.self)
            return text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ")[1]) }
        }
    }

    @Test func tokenIsRequiredAndChecked() async throws {
        let kiosk = try Kiosk(token: "s3cret-token")
        await kiosk.waitUntilListening()
        #expect(await kiosk.get("/status").status == 401)
        #expect(await kiosk.get("/status", token: "s3cret-tokeN").status == 401)
        #expect(await kiosk.get("/status", token: "s3cret").status == 401)
        #expect(await kiosk.get("/metrics", token: "wrong").status == 401)
        let status = await kiosk.get("/status", token: "s3cret-token")
        #expect(status.status == 200 && status.type == "application/json")
        let json = try #require(try JSONSerialization.jsonObject(with: status.body) as? [String: Any])
        #expect(json["session_count"] as? Int == 10)
    }

    @Test func statusScreenshotAndMetrics() async throws {
        let kiosk = try Kiosk(token: nil)
        await kiosk.waitUntilListening()
        let shot = await kiosk.get("/screenshot.png")
        #expect(shot.status == 200 && shot.type == "image/png")
        #expect(shot.body.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        let metrics = String(decoding: await kiosk.get("/metrics").body, as: UTF8.self)
        for name in ["skylt_feed_age_seconds", "skylt_feed_reloads_total", "skylt_feed_rejected_total", "skylt_frame_render_seconds_count",
                     "skylt_resident_memory_bytes", "skylt_uptime_seconds"] {
            #expect(metrics.contains(name), "\(name) missing")
        }
        #expect(await kiosk.get("/nothing-here").status == 404)
    }

    @Test func aFloodOfRequestsNeitherFailsNorStopsTheSign() async throws {
        // In a talk's last minute the sign redraws every second: the flood must not hold that up.
        let kiosk = try Kiosk(token: nil, speed: "1", clock: "2020-02-06T10:59:00")
        await kiosk.waitUntilListening()
        let framesBefore = await kiosk.metric("skylt_frames_drawn_total", token: nil) ?? 0
        let floodStart = ContinuousClock.now
        let codes = await withTaskGroup(of: Int.self) { group in
            for index in 0..<300 {
                let path = ["/status", "/metrics", "/screenshot.png"][index % 3]
                group.addTask { await kiosk.get(path).status }
            }
            var codes: [Int] = []
            for await code in group { codes.append(code) }
            return codes
        }
        #expect(codes.count == 300 && codes.allSatisfy { $0 == 200 }, "\(Dictionary(grouping: codes, by: { $0 }).mapValues(\.count))")
        // Measured over at least 2.5 s from the flood's start, so a frame drawn a moment late at a
        // second's boundary does not count as one missed.
        let flood = ContinuousClock.now - floodStart
        if flood < .milliseconds(2500) { try await Task.sleep(for: .milliseconds(2500) - flood) }
        let seconds = (ContinuousClock.now - floodStart) / .seconds(1)
        let framesAfter = await kiosk.metric("skylt_frames_drawn_total", token: nil) ?? 0
        #expect(framesAfter - framesBefore >= (seconds - 1.5).rounded(.down), "\(framesAfter - framesBefore) frames in \(seconds) s from the flood's start")
    }
}
