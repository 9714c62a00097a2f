import Foundation
import ScheduleCore

/// When the screen is dark: outside its configured hours, and (if asked) once the day's last
/// session is over. It comes back by itself.
public struct ScreenSchedule: Sendable, Equatable {
    /// Minutes after local midnight the screen turns on and off (nil: always on).
    public var onMinute: Int?
    public var offMinute: Int?
    /// Dark once the day's (or the event's) last session is over.
    public var blankAfterLastSession: Bool

    public init(onMinute: Int? = nil, offMinute: Int? = nil, blankAfterLastSession: Bool = false) {
        self.onMinute = onMinute
        self.offMinute = offMinute
        self.blankAfterLastSession = blankAfterLastSession
    }

    /// The schedule a settings file asks for.
    public init(config: KioskConfig) {
        self.init(onMinute: config.screenOn, offMinute: config.screenOff, blankAfterLastSession: config.blankAfterLastSession)
    }

    /// Whether the screen is dark at a local time of day with the event in `phase`.
    public func isBlank(minuteOfDay: Int, phase: Board.Phase) -> Bool {
        if !isWithinHours(minuteOfDay: minuteOfDay) { return true }
        return blankAfterLastSession && (phase == .dayOver || phase == .eventOver)
    }

    /// Whether a local time of day (minutes after midnight) is within the screen's hours.
    public func isWithinHours(minuteOfDay minute: Int) -> Bool {
        guard let on = onMinute, let off = offMinute, on != off else { return true }
        return on < off ? (minute >= on && minute < off) : (minute >= on || minute < off)
    }

    /// The first instant after `instant` at which a dark screen may have to light up: the
    /// on-time, the off-time, and (after the last session) local midnight, when a new day's
    /// program begins. Correct across DST changes; nil when nothing in the schedule can change.
    public func nextChange(after instant: Date, in zone: TimeZone) -> Date? {
        var minutes: [Int] = []
        if let on = onMinute, let off = offMinute, on != off { minutes += [on, off] }
        if blankAfterLastSession { minutes.append(0) }
        return minutes.compactMap { Self.next(minuteOfDay: $0, after: instant, in: zone) }.min()
    }

    /// The next instant whose local time of day is `target` (minutes after midnight).
    static func next(minuteOfDay target: Int, after instant: Date, in zone: TimeZone) -> Date? {
        let local = zone.localDateTime(for: instant)
        let current = local.hour * 60 + local.minute
        var ahead = (target - current + 1440) % 1440
        if ahead == 0 { ahead = 1440 }
        let minuteStart = (instant.timeIntervalSince1970 / 60).rounded(.down) * 60
        let plain = Date(timeIntervalSince1970: minuteStart + Double(ahead) * 60)
        // Across a DST change the wall clock jumps; the same local time is an hour off.
        let candidates = [plain.addingTimeInterval(-3600), plain, plain.addingTimeInterval(3600)].filter { $0 > instant }
        return candidates.first { candidate in
            let time = zone.localDateTime(for: candidate)
            return time.hour * 60 + time.minute == target
        } ?? plain  // A time inside a spring-forward gap: wake at the plain guess (harmless).
    }
}
