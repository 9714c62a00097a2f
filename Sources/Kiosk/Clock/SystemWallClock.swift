import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The system clock: the one place in Skylt's libraries that reads `Date()`, and what the
/// system says of that clock (`ClockEvidence`) for `ClockGuard`.
public struct SystemWallClock: WallClock {
    /// Files whose modification time is the date systemd advances an earlier clock to at boot:
    /// `/usr/lib/clock-epoch` where present, otherwise its build date, which Debian's
    /// reproducible packages stamp on the binary.
    public static let epochFiles = ["/usr/lib/clock-epoch", "/usr/lib/systemd/systemd"]
    /// systemd-timesyncd creates this once it has synchronised the clock in this boot.
    public static let synchronizedFlag = "/run/systemd/timesync/synchronized"

    private let epoch: Date?
    private let synchronizedFlag: String

    /// - Parameters:
    ///   - epochFiles: read once, now; the latest modification time is the epoch.
    ///   - synchronizedFlag: looked for at each reading.
    public init(epochFiles: [String] = SystemWallClock.epochFiles, synchronizedFlag: String = SystemWallClock.synchronizedFlag) {
        epoch = epochFiles.compactMap { path in
            (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        }.max()
        self.synchronizedFlag = synchronizedFlag
    }

    public func now() -> Date { Date() }
    public var speed: Double { 1 }

    public func evidence(at now: Date) -> ClockEvidence? {
        var boot = timespec()
        clock_gettime(CLOCK_BOOTTIME, &boot)
        return ClockEvidence(secondsSinceBoot: TimeInterval(boot.tv_sec) + TimeInterval(boot.tv_nsec) / 1e9, epoch: epoch,
                             synchronized: FileManager.default.fileExists(atPath: synchronizedFlag))
    }
}
