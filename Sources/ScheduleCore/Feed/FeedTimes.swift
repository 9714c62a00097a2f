import Foundation

/// Reads date-time members of a feed into instants: wall-clock readings in the event's zone,
/// or absolute instants with their own offset. Gaps and doubled hours are reported as errors
/// that say what to write instead.
struct FeedTimes {
    /// Nil when the event's zone is unknown (already reported); wall-clock readings are then
    /// only checked for syntax.
    private var resolver: WallClockResolver?

    init(zone: TimeZone?) {
        resolver = zone.map(WallClockResolver.init(zone:))
    }

    /// The instant of `fields[key]`; nil (with an error) if it is missing or wrong.
    mutating func instant(_ fields: ObjectFields, _ key: String, required: Bool) -> Date? {
        let text = required ? fields.requiredString(key, "a date-time: \(DateTimeText.formatHint)") : fields.string(key)
        guard let text else { return nil }
        let offset = fields.offset(of: key)
        switch DateTimeText.parse(text) {
        case .failure(let problem):
            fields.error(problem.message, key: key, at: offset)
            return nil
        case .success(.absolute(let local, let offsetSeconds)):
            return Date(timeIntervalSince1970: TimeInterval(local.secondsSinceEpoch - offsetSeconds))
        case .success(.wallClock(let local)):
            guard var resolver else { return nil }
            defer { self.resolver = resolver }
            let zoneName = resolver.zone.identifier
            switch resolver.resolve(local) {
            case .unique(let date):
                return date
            case .gap(let from, let to):
                fields.error("\(local) does not exist in \(zoneName): clocks jump from \(from.timeText) to \(to.timeText) on \(from.dateText)",
                             key: key, at: offset)
            case .ambiguous(_, let earlierOffset, _, let laterOffset):
                fields.error("\(local) happens twice in \(zoneName) (clocks go back that night); write \"\(local)\(OffsetText.format(earlierOffset))\" for the first or \"\(local)\(OffsetText.format(laterOffset))\" for the second",
                             key: key, at: offset)
            }
            return nil
        }
    }
}
