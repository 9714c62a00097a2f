import Foundation

/// Local day numbers of instants in one zone, with the zone's offset cached per UTC hour
/// (offsets change at most on the hour in every zone in use).
struct LocalDayCache {
    let zone: TimeZone
    private var offsetByHour: [Int: Int] = [:]

    init(zone: TimeZone) {
        self.zone = zone
    }

    mutating func dayNumber(of date: Date) -> Int {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let hour = Int((Double(seconds) / 3600).rounded(.down))
        let offset: Int
        if let cached = offsetByHour[hour] {
            offset = cached
        } else {
            offset = zone.secondsFromGMT(for: date)
            offsetByHour[hour] = offset
        }
        return Int((Double(seconds + offset) / 86_400).rounded(.down))
    }
}
