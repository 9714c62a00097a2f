import Foundation

/// Writes a live state as a live file: what `skylt live` saves. Rooms in the program's order,
/// only those with something in force, then entries of rooms the program does not have (by id:
/// they are kept until someone clears them); instants with their offset, so the file means the same
/// whatever zone reads it.
public enum LiveWriter {
    /// - Parameters:
    ///   - updated: when the file is written (shown by `skylt live show`).
    public static func write(_ state: LiveState, program: Program, updated: Date) -> [UInt8] {
        let programZone = program.event.timeZone
        let quote = NativeFeedWriter.quote
        let utc = TimeZone(secondsFromGMT: 0)!
        // With the event's offset where that is exact; in UTC where the zone's offset has
        // seconds (local mean time before 1900), which an ISO 8601 offset cannot carry.
        struct Instants {
            let zone: TimeZone, utc: TimeZone
            func iso8601(_ date: Date) -> String {
                zone.secondsFromGMT(for: date) % 60 == 0 ? zone.iso8601(date) : utc.iso8601(date)
            }
        }
        let zone = Instants(zone: programZone, utc: utc)
        var out = "{\n  \"skylt_live\": 1,\n  \"updated\": \(quote(zone.iso8601(updated))),\n  \"rooms\": {"
        let known = program.rooms.map(\.id)
        let order = known + state.rooms.keys.filter { program.room(id: $0) == nil }.sorted()
        let rooms = order.compactMap { id in state.rooms[id].flatMap { $0.isDefault ? nil : (id, $0) } }
        out += rooms.map { id, room in
            var fields: [(String, String)] = []
            if room.delayMinutes > 0 {
                fields.append(("delay_minutes", String(room.delayMinutes)))
                if let since = room.delaySince { fields.append(("delay_since", quote(zone.iso8601(since)))) }
            }
            if room.state != .open { fields.append(("state", quote(room.state.rawValue))) }
            if let note = room.note { fields.append(("note", quote(note))) }
            return "\n    \(quote(id)): {" + fields.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }.joined(separator: ",")
        out += rooms.isEmpty ? "},\n" : "\n  },\n"
        if let alert = state.alert {
            var fields = [("text", quote(alert.text)), ("level", quote(alert.level.rawValue))]
            if let until = alert.until { fields.append(("until", quote(zone.iso8601(until)))) }
            out += "  \"alert\": {" + fields.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}\n"
        } else {
            out += "  \"alert\": null\n"
        }
        return Array((out + "}\n").utf8)
    }
}
