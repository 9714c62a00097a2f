import Foundation

/// Turns wall-clock readings into instants in one zone, exactly: it finds spring-forward gaps
/// and fall-back overlaps instead of guessing. Days without any offset change are cached, so
/// resolving 100,000 readings costs a few zone look-ups per distinct day.
public struct WallClockResolver {
    public let zone: TimeZone
    private var uniformOffsetByDay: [Int: Int?] = [:]

    public init(zone: TimeZone) {
        self.zone = zone
    }

    /// Resolves a wall-clock reading in the zone.
    public mutating func resolve(_ local: LocalDateTime) -> WallClockResolution {
        let wall = local.secondsSinceEpoch
        let day = Int((Double(wall) / 86_400).rounded(.down))
        let uniform: Int?
        if let cached = uniformOffsetByDay[day] {
            uniform = cached
        } else {
            uniform = uniformOffset(forDay: day)
            uniformOffsetByDay[day] = uniform
        }
        if let uniform {
            return .unique(Date(timeIntervalSince1970: TimeInterval(wall - uniform)))
        }
        return resolveSlowly(wall)
    }

    /// The zone's offset if it is the same for every instant that any reading on `day` could
    /// mean (readings are at most 18 h from UTC), else nil.
    private func uniformOffset(forDay day: Int) -> Int? {
        let windowStart = Date(timeIntervalSince1970: TimeInterval(day * 86_400 - 20 * 3600))
        let windowEnd = Date(timeIntervalSince1970: TimeInterval((day + 1) * 86_400 + 20 * 3600))
        let offset = zone.secondsFromGMT(for: windowStart)
        guard zone.secondsFromGMT(for: windowEnd) == offset else { return nil }
        if let transition = zone.nextDaylightSavingTimeTransition(after: windowStart), transition <= windowEnd {
            return nil
        }
        return offset
    }

    private func resolveSlowly(_ wall: Int) -> WallClockResolution {
        // Every offset the zone uses around this reading is a candidate; a candidate is right
        // when the zone really has that offset at the instant it gives.
        var candidates: Set<Int> = []
        for probe in stride(from: -20 * 3600, through: 20 * 3600, by: 3600) {
            candidates.insert(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall + probe))))
        }
        let matches = candidates.filter { offset in
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall - offset))) == offset
        }.sorted(by: >)
        switch matches.count {
        case 0:
            // In a gap: the transition lies between the instants the candidate offsets give.
            let before = candidates.max() ?? 0
            let searchFrom = Date(timeIntervalSince1970: TimeInterval(wall - before - 3 * 3600))
            guard let transition = zone.nextDaylightSavingTimeTransition(after: searchFrom) else {
                let local = LocalDateTime(secondsSinceEpoch: wall)
                return .gap(from: local, to: local)
            }
            let instant = Int(transition.timeIntervalSince1970)
            let offsetBefore = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant - 1)))
            let offsetAfter = zone.secondsFromGMT(for: transition)
            return .gap(from: LocalDateTime(secondsSinceEpoch: instant + offsetBefore),
                        to: LocalDateTime(secondsSinceEpoch: instant + offsetAfter))
        case 1:
            return .unique(Date(timeIntervalSince1970: TimeInterval(wall - matches[0])))
        default:
            // Larger offset first = earlier instant.
            let earlierOffset = matches[0], laterOffset = matches[matches.count - 1]
            return .ambiguous(earlier: Date(timeIntervalSince1970: TimeInterval(wall - earlierOffset)), earlierOffset: earlierOffset,
                              later: Date(timeIntervalSince1970: TimeInterval(wall - laterOffset)), laterOffset: laterOffset)
        }
    }
}

extension WallClockResolver {
    /// The instant of a date-time text: absolute as written, or the wall-clock reading in this
    /// zone; a reading in a spring-forward gap or a doubled autumn hour fails with a message that
    /// says what happens to the clocks and what to write instead.
    public mutating func instant(of text: DateTimeText) -> Result<Date, DateTimeTextError> {
        switch text {
        case .absolute:
            return .success(text.absoluteDate!)
        case .wallClock(let local):
            switch resolve(local) {
            case .unique(let date):
                return .success(date)
            case .gap(let from, let to):
                return .failure(DateTimeTextError(message:
                    "\(local) does not exist in \(zone.identifier): clocks jump from \(from.timeText) to \(to.timeText) on \(from.dateText)"))
            case .ambiguous(_, let earlierOffset, _, let laterOffset):
                return .failure(DateTimeTextError(message:
                    "\(local) happens twice in \(zone.identifier) (clocks go back that night); write \"\(local)\(OffsetText.format(earlierOffset))\" for the first or \"\(local)\(OffsetText.format(laterOffset))\" for the second"))
            }
        }
    }
}
