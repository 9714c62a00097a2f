import ScheduleCore

/// Generates large, valid native feeds for benchmarks and scale tests: back-to-back sessions in
/// every room, 08:00–20:00 each day in Europe/Stockholm (so long runs cross DST changes).
public struct SyntheticFeed: Sendable {
    public var sessions: Int
    public var rooms: Int
    /// Minutes per session.
    public var slotMinutes = 15

    public init(sessions: Int, rooms: Int) {
        self.sessions = sessions
        self.rooms = max(1, rooms)
    }

    /// Sessions per room per day.
    public var slotsPerDay: Int { 12 * 60 / slotMinutes }

    /// The feed's bytes.
    public func bytes() -> [UInt8] {
        var out = #"{"skylt":1,"event":{"name":"Synthetic congress","timezone":"Europe/Stockholm","locale":"en-GB"},"rooms":["#
        out += (0..<rooms).map { #"{"id":"r\#($0)","name":"Room \#($0)"}"# }.joined(separator: ",")
        out += #"],"sessions":["#
        let firstDay = CivilCalendar.daysSinceEpoch(year: 2020, month: 2, day: 1)
        for index in 0..<sessions {
            let room = index % rooms
            let slot = index / rooms
            let (year, month, day) = CivilCalendar.civil(fromDaysSinceEpoch: firstDay + slot / slotsPerDay)
            let startMinute = 8 * 60 + (slot % slotsPerDay) * slotMinutes
            let endMinute = startMinute + slotMinutes
            let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            if index > 0 { out += "," }
            out += #"{"id":"s\#(index)","room":"r\#(room)","title":"Session \#(slot) in room \#(room)","start":"\#(date)\#(pad(startMinute / 60, 2)):\#(pad(startMinute % 60, 2))","end":"\#(date)\#(pad(endMinute / 60, 2)):\#(pad(endMinute % 60, 2))""#
            if index % 4 == 0 { out += #","speakers":[{"name":"Speaker \#(index)"}]"# }
            out += "}"
        }
        out += "]}"
        return Array(out.utf8)
    }
}

/// `value` with leading zeros to `width` digits.
private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}
