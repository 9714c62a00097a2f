import DisplayContract
import Foundation
import Metrics

/// What the kiosk reports through swift-metrics (exported as Prometheus text by `RemoteView`).
public enum KioskMetrics {
    public static let reloads = Counter(label: "skylt_feed_reloads_total")
    public static let rejected = Counter(label: "skylt_feed_rejected_total")
    public static let sourceFailures = Counter(label: "skylt_feed_source_failures_total")
    public static let frames = Counter(label: "skylt_frames_drawn_total")
    public static let frameTime = Metrics.Timer(label: "skylt_frame_render_seconds")

    /// Gauges read at scrape time: feed age, memory, uptime.
    /// - Parameters:
    ///   - now: the wall clock's instant (the feed's age is told against it).
    ///   - uptime: how long the process has been up, on a monotonic clock.
    public static func updateGauges(status: KioskStatus, now: Date, uptime: Duration) {
        // Counters exist (at 0) from the first scrape on, not only once something happened.
        _ = (reloads, rejected, sourceFailures, frames, frameTime)
        Gauge(label: "skylt_feed_age_seconds").record(status.lastSuccess.map { now.timeIntervalSince($0) } ?? -1)
        Gauge(label: "skylt_feed_sessions").record(status.sessionCount)
        Gauge(label: "skylt_feed_stale").record(status.isStale ? 1 : 0)
        Gauge(label: "skylt_resident_memory_bytes").record(residentBytes())
        Gauge(label: "skylt_uptime_seconds").record(uptime.seconds)
    }

    /// The process's resident set size, from /proc/self/statm.
    public static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
