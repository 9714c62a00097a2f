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
        let parsed: DateTimeText
        switch DateTimeText.parse(text) {
        case .failure(let problem):
            fields.error(problem.message, key: key, at: offset)
            return nil
        case .success(let value):
            parsed = value
        }
        if let date = parsed.absoluteDate { return date }
        // Without a known zone a wall-clock reading cannot be placed (the zone error is reported).
        guard var resolver else { return nil }
        defer { self.resolver = resolver }
        switch resolver.instant(of: parsed) {
        case .success(let date):
            return date
        case .failure(let problem):
            fields.error(problem.message, key: key, at: offset)
            return nil
        }
    }
}
