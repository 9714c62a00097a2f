import Foundation

/// Writes a program as a Skylt feed, version 1 — what `skylt convert` hands a technician to edit
/// by hand on the day. Keys in the order the format documents them; times as wall-clock times
/// in the event's zone where that is unambiguous, with their offset where it is not.
public enum NativeFeedWriter {
    public static func write(_ program: Program) -> [UInt8] {
        let event = program.event
        let zone = event.timeZone
        let zoneName = ianaName(of: zone)
        var resolver = WallClockResolver(zone: TimeZone(identifier: zoneName) ?? zone)
        func time(_ date: Date) -> String {
            let local = resolver.zone.localDateTime(for: date)
            if case .unique(let back) = resolver.resolve(local), back == date { return local.description }
            return resolver.zone.iso8601(date)
        }
        var out = "{\n  \"skylt\": 1,\n  \"event\": {\n"
        var eventFields = [("name", quote(event.name))]
        if let subtitle = event.subtitle { eventFields.append(("subtitle", quote(subtitle))) }
        if let venue = event.venue { eventFields.append(("venue", quote(venue))) }
        eventFields.append(("timezone", quote(zoneName)))
        eventFields.append(("locale", quote(event.locale)))
        out += eventFields.map { "    \(quote($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n  },\n"
        out += "  \"rooms\": [\n" + program.rooms.map { "    {\"id\": \(quote($0.id)), \"name\": \(quote($0.name))}" }.joined(separator: ",\n") + "\n  ],\n"
        if !event.trackColors.isEmpty {
            out += "  \"tracks\": [\n" + event.trackColors.sorted { $0.key < $1.key }
                .map { "    {\"name\": \(quote($0.key)), \"color\": \(quote($0.value))}" }.joined(separator: ",\n") + "\n  ],\n"
        }
        out += "  \"sessions\": [\n"
        out += program.sessions.map { session in
            var fields = [("id", quote(session.id)), ("room", quote(session.roomID)), ("title", quote(session.title))]
            if let subtitle = session.subtitle { fields.append(("subtitle", quote(subtitle))) }
            fields.append(("start", quote(time(session.start))))
            fields.append(("end", quote(time(session.end))))
            if session.kind != .talk { fields.append(("kind", quote(session.kind.rawValue))) }
            if session.status != .scheduled { fields.append(("status", quote(session.status.rawValue))) }
            if !session.speakers.isEmpty {
                let speakers = session.speakers.map { speaker in
                    speaker.affiliation.map { "{\"name\": \(quote(speaker.name)), \"affiliation\": \(quote($0))}" } ?? "{\"name\": \(quote(speaker.name))}"
                }
                fields.append(("speakers", "[" + speakers.joined(separator: ", ") + "]"))
            }
            if let track = session.track { fields.append(("track", quote(track))) }
            if !session.languages.isEmpty { fields.append(("language", quote(session.languages.joined(separator: ", ")))) }
            if let url = session.url { fields.append(("url", quote(url))) }
            if let note = session.note { fields.append(("note", quote(note))) }
            if let abstract = session.abstract { fields.append(("abstract", quote(abstract))) }
            return "    {" + fields.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }.joined(separator: ",\n")
        out += "\n  ]"
        if !program.notices.isEmpty {
            out += ",\n  \"notices\": [\n" + program.notices.map { notice in
                var fields = [("text", quote(notice.text))]
                if let from = notice.from { fields.append(("from", quote(time(from)))) }
                if let until = notice.until { fields.append(("until", quote(time(until)))) }
                if let room = notice.roomID { fields.append(("room", quote(room))) }
                return "    {" + fields.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
            }.joined(separator: ",\n") + "\n  ]"
        }
        out += "\n}\n"
        return Array(out.utf8)
    }

    /// The zone's IANA name. A fixed offset from an import (no `time_zone_name`) becomes the
    /// IANA `Etc/GMT±N` zone (whose sign is inverted by POSIX convention); an offset that is not a
    /// whole hour becomes UTC, and then every time is written with its offset.
    static func ianaName(of zone: TimeZone) -> String {
        guard zone.identifier.hasPrefix("GMT") || TimeZone(identifier: zone.identifier) == nil else { return zone.identifier }
        let offset = zone.secondsFromGMT()
        if offset == 0 { return "UTC" }
        guard offset % 3600 == 0 else { return "UTC" }
        let hours = offset / 3600
        return "Etc/GMT" + (hours > 0 ? "-\(hours)" : "+\(-hours)")
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string literal. Works on UTF-8 bytes: every byte of a multi-byte character is
    /// 0x80 or above, so only ASCII bytes ever need an escape.
    static func quote(_ text: String) -> String {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == quote || byte == backslash }
        // Most texts need no escape: copy them whole.
        if !text.utf8.contains(where: needsEscape) {
            return "\"" + text + "\""
        }
        var out: [UInt8] = [quote]
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            guard needsEscape(byte) else {
                out.append(byte)
                continue
            }
            out.append(backslash)
            switch byte {
            case quote, backslash: out.append(byte)
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            default:
                out.append(UInt8(ascii: "u"))
                out.append(0x30)
                out.append(0x30)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        out.append(quote)
        return String(decoding: out, as: UTF8.self)
    }
}
