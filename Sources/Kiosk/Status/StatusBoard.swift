import Foundation
import Logging
import SkyltFiles

/// The one owner of the kiosk's status: the program's source, the live source, the clock and
/// the screen's power, as the status file and the corner mark show them. The stores report to
/// it, the loop reads it; every change is written to the status file atomically and in order,
/// and wakes the render loop.
public final class StatusBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var status: KioskStatus
    /// Counts changes (under `lock`); the status file holds the newest written (under `writeLock`).
    private var version = 0
    private let writeLock = NSLock()
    private var writtenVersion = 0
    private let statusFile: String?
    private let logger: Logger
    private let onChange: @Sendable () -> Void

    /// - Parameters:
    ///   - source: the program's source, named in the status.
    ///   - statusFile: rewritten atomically on every change (nil: none).
    ///   - onChange: called (on the caller's thread) after every change, to wake the render loop.
    public init(source: SourceAddress, statusFile: String?, logger: Logger, onChange: @escaping @Sendable () -> Void = {}) {
        status = KioskStatus(source: source.description)
        self.statusFile = statusFile
        self.logger = logger
        self.onChange = onChange
    }

    /// The status now.
    public func snapshot() -> KioskStatus {
        lock.withLock { status }
    }

    /// Records whether the clock can be trusted.
    public func setClock(_ state: KioskStatus.ClockState) {
        guard lock.withLock({ status.clock }) != state else { return }
        update { $0.clock = state }
        logger.notice(state == .ok ? "system clock is plausible" : "system clock is implausible; waiting for it", metadata: [:])
    }

    /// Records the technician's live source's status (it goes into the status file, and a
    /// rejected live edit puts the corner mark on screen).
    public func setLiveStatus(_ live: LiveStatus) {
        guard lock.withLock({ status.live }) != live else { return }
        update { $0.live = live }
    }

    /// Records whether the screen is on or off on purpose (never a fault).
    public func setScreenPower(_ power: KioskStatus.ScreenPower) {
        guard lock.withLock({ status.screen }) != power else { return }
        update { $0.screen = power }
        logger.notice(power == .on ? "screen on" : "screen off until its hours begin", metadata: [:])
    }

    /// Changes the status in one step, writes it and wakes the loop.
    func update(_ change: (inout KioskStatus) -> Void) {
        let (after, version) = lock.withLock { () -> (KioskStatus, Int) in
            change(&status)
            self.version += 1
            return (status, self.version)
        }
        if let statusFile {
            // The feed's and the live file's threads update at once: the file is written in
            // order, and a status older than the one on disk is never written over it.
            writeLock.withLock {
                guard version > writtenVersion else { return }
                do {
                    try AtomicFile.write(try after.json(), to: statusFile)
                    writtenVersion = version
                } catch {
                    logger.error("could not write the status file", metadata: ["path": "\(statusFile)", "error": "\(error)"])
                }
            }
        }
        onChange()
    }

    /// Reads a part of the status under the lock.
    func read<T>(_ part: (KioskStatus) -> T) -> T {
        lock.withLock { part(status) }
    }
}
