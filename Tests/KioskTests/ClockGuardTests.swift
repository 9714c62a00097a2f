import DisplayContract
import Foundation
import Kiosk
import SkyltTestSupport
import Testing

@Suite struct ClockGuardTests {
    static let epoch = TestInstant.absolute("2026-04-27T19:48:55Z")  // Debian 12's systemd at the time of writing.

    static func evidence(uptime: TimeInterval = 30, epoch: Date? = ClockGuardTests.epoch, synchronized: Bool = false) -> ClockEvidence {
        ClockEvidence(secondsSinceBoot: uptime, epoch: epoch, synchronized: synchronized)
    }

    @Test func aClockBeforeSkyltExistedWaits() {
        let none = Self.evidence(epoch: nil)
        #expect(ClockGuard.state(of: Date(timeIntervalSince1970: 0), evidence: none) == .waiting)
        #expect(ClockGuard.state(of: Date(timeIntervalSince1970: 1_580_976_000), evidence: none) == .waiting)  // 2020.
        #expect(ClockGuard.state(of: Date(timeIntervalSince1970: 1_800_000_000), evidence: none) == .ok)
        // Even a synchronised clock is not believed in 1970 (a bad NTP answer).
        #expect(ClockGuard.state(of: Date(timeIntervalSince1970: 0), evidence: Self.evidence(synchronized: true)) == .waiting)
    }

    @Test func aClockAdvancedToSystemdsEpochAtBootWaits() {
        // The real-time clock said 2000; 13 s after the kernel started systemd set the clock to
        // its build date; 26 s after, the sign looks: the clock read earlier than the epoch at boot.
        let now = Self.epoch.addingTimeInterval(13)
        #expect(ClockGuard.state(of: now, evidence: Self.evidence(uptime: 26)) == .waiting)
        // Hours later, still unset: the boot instant stays before the epoch.
        #expect(ClockGuard.state(of: now.addingTimeInterval(7200), evidence: Self.evidence(uptime: 7226)) == .waiting)
        // NTP synchronises it (timesyncd's flag), or it is set by hand: the boot instant moves on.
        #expect(ClockGuard.state(of: now, evidence: Self.evidence(uptime: 26, synchronized: true)) == .ok)
        let setByHand = TestInstant.absolute("2026-11-24T08:00:00Z")
        #expect(ClockGuard.state(of: setByHand, evidence: Self.evidence(uptime: 40)) == .ok)
    }

    @Test func aRealClockAfterTheEpochIsTrustedWithoutNTP() {
        // A board with a working real-time clock at a venue without NTP.
        let now = TestInstant.absolute("2026-11-24T08:00:00Z")
        #expect(ClockGuard.state(of: now, evidence: Self.evidence(uptime: 20)) == .ok)
        #expect(ClockGuard.state(of: now, evidence: Self.evidence(uptime: 20, epoch: nil)) == .ok)
    }

    @Test func aSimulatedClockIsTrustedAsGiven() {
        #expect(ClockGuard.state(of: Date(timeIntervalSince1970: 0), evidence: nil) == .ok)
    }

    @Test func theSystemClockReadsItsEpochFromFilesAndTheSyncFlag() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skylt-clock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let older = folder.appendingPathComponent("systemd").path, newer = folder.appendingPathComponent("clock-epoch").path
        let flag = folder.appendingPathComponent("synchronized").path
        for (path, date) in [(older, Self.epoch.addingTimeInterval(-86_400)), (newer, Self.epoch)] {
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
        }
        let clock = SystemWallClock(epochFiles: [older, newer, folder.appendingPathComponent("absent").path], synchronizedFlag: flag)
        let before = try #require(clock.evidence(at: clock.now()))
        #expect(before.epoch == Self.epoch && !before.synchronized)
        #expect(before.secondsSinceBoot > 0)
        #expect(FileManager.default.createFile(atPath: flag, contents: Data()))
        #expect(clock.evidence(at: clock.now())?.synchronized == true)
        // This machine's own clock is trusted (its boot was long after any such epoch).
        #expect(ClockGuard.state(of: SystemWallClock().now(), evidence: SystemWallClock().evidence(at: Date())) == .ok)
    }
}
