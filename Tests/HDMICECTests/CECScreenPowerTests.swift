import Foundation
import HDMICEC
import Logging
import Testing

/// A real adapter needs a kernel with one (a board's HDMI, or `vivid` in the system test's
/// virtual machine, where the Standby and Image View On messages are seen by a second adapter).
/// Here: what discovery makes of a folder without adapters, and of things that only look like one.
@Suite struct CECScreenPowerTests {
    @Test func noAdaptersMeansNoSwitchAndNoErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skylt-cec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(CECScreenPower.discover(in: folder.path, logger: Logger(label: "test")) == nil)
        // A file named like an adapter is not one: the kernel refuses CEC's ioctls on it.
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent("cec0").path, contents: Data("x".utf8)))
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent("cecil").path, contents: Data()))
        #expect(CECScreenPower.discover(in: folder.path, logger: Logger(label: "test")) == nil)
        #expect(throws: CECError.self) { try CECAdapter(device: folder.appendingPathComponent("cec0").path) }
        #expect(throws: CECError.self) { try CECAdapter(device: folder.appendingPathComponent("cec9").path) }
    }

    @Test func errorsSayWhichDeviceAndWhy() {
        do {
            _ = try CECAdapter(device: "/nonexistent/cec0")
            Issue.record("opened a device that does not exist")
        } catch {
            #expect(error.description == "HDMI-CEC /nonexistent/cec0: open: No such file or directory")
        }
    }
}
