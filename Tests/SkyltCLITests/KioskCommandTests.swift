import Foundation
import Testing

/// PNG width and height from the IHDR chunk.
func pngSize(_ url: URL) throws -> (Int, Int) {
    let data = [UInt8](try Data(contentsOf: url))
    guard data.count > 24, data[0] == 0x89, data[1] == 0x50 else { return (0, 0) }
    func be(_ offset: Int) -> Int { data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (be(16), be(20))
}

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("skylt-frames-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct RenderCommandTests {
    @Test(arguments: [("1920x1080", 0, 1920, 1080), ("1080x1920", 0, 1080, 1920), ("1920x1080", 90, 1920, 1080), ("1280x720", 180, 1280, 720)])
    func writesAPNGOfThePanelsSize(_ size: String, _ rotate: Int, _ width: Int, _ height: Int) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("frame.png")
        let result = try CLI.run(["render", "--at", "2020-02-06T10:20", "--size", size, "--rotate", String(rotate), "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try pngSize(out) == (width, height))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".frame.png.\(0).tmp").path))
    }

    @Test func unknownRoomAndBadOptionsAreUsageErrors() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("skylt-never.png").path
        let room = try CLI.run(["render", "--room", "aula", "--out", out])
        #expect(room.status == 2)
        #expect(room.stderr.contains("--room: the feed has no room \"aula\" (its rooms: \"main\")"))
        #expect(try CLI.run(["render", "--rotate", "45", "--out", out]).status == 2)
        #expect(try CLI.run(["render", "--size", "wide", "--out", out]).status == 2)
        #expect(try CLI.run(["render", "--theme", "neon", "--out", out]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

@Suite struct HeadlessRunTests {
    @Test func writesChangedFramesAndCurrentPNG() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Five sign-minutes across the end of a talk, at 120× speed: 2.5 s, so that a slow first
        // frame (a loaded CI machine, a sanitizer) still leaves most of the changes to draw.
        let result = try CLI.run(["run", "--headless", "--frames", folder.path, "--size", "1280x720",
                                  "--clock", "2020-02-06T10:57", "--until", "2020-02-06T11:02", "--speed", "120"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let frames = files.filter { $0.hasPrefix("frame-") }
        #expect(frames.count >= 4, "\(files)")
        #expect(files.contains("current.png"))
        #expect(!files.contains { $0.hasSuffix(".tmp") })
        #expect(try pngSize(folder.appendingPathComponent("current.png")) == (1280, 720))
    }

    @Test func quitsCleanlyOnSIGTERM() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["run", "--headless", "--frames", folder.path, "--size", "640x360", "--clock", "2020-02-06T10:20"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let current = folder.appendingPathComponent("current.png").path
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: current) { usleep(50_000) }
        #expect(FileManager.default.fileExists(atPath: current))
        let stopped = ContinuousClock.now
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(ContinuousClock.now - stopped < .seconds(2))
    }

    @Test func withoutAnyDisplayTheConsoleIsTriedAndTheErrorSaysWhatToDo() throws {
        guard !FileManager.default.fileExists(atPath: "/dev/dri") else { return }  // A machine with KMS would open it.
        let result = try CLI.run(["run", "--display", "kms", "--duration", "1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no KMS display: no /dev/dri/card* device"), "\(result.stderr)")
        #expect(result.stderr.contains("--headless --frames DIR"))
    }

    @Test func headlessNeedsAFramesFolder() throws {
        let result = try CLI.run(["run", "--headless"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--headless needs --frames DIR"))
    }
}
