import Foundation

/// Reads frab / pretalx `schedule.json` exports (as written by real conferences, oddities and
/// all) into the same `Program` as Skylt's own feed. See docs/feed-format.md, "Imported feeds",
/// for what is warned about and what is refused.
enum FrabFeedReader {
    /// `conference.tracks[]` (`name`, `color`): the conference's own colours. Leniently, as with
    /// everything imported: a colour that is not `#RRGGBB` is a warning and the track's colour
    /// is made up as for tracks not listed.
    static func trackColors(_ conference: ObjectFields, dialect: FrabDialect) -> [String: String] {
        guard let (tracks, _) = conference.array(dialect.tracksKey) else { return [:] }
        var colors: [String: String] = [:]
        for (index, node) in tracks.prefix(FeedLimits.maxRooms).enumerated() {
            guard case .object = node.value,
                  let track = ObjectFields(node, path: conference.keyPath(dialect.tracksKey), index: index + dialect.indexBase, sink: conference.sink,
                                           keySeparator: dialect.separator),
                  let name = track.string("name"), let color = track.string("color") else { continue }
            // Lenient, as everything imported: a track without a name has no colour to give.
            guard !name.isBlank else {
                track.warning("a track without a name; its colour \"\(color.prefix(20))\" is not used", key: "name", at: track.offset(of: "name"))
                continue
            }
            if let canonical = HexColor.canonical(color) {
                colors[name] = canonical
            } else {
                track.warning("track \"\(name)\": \"\(color)\" is not a colour (#RRGGBB); its colour is made up", key: "color", at: track.offset(of: "color"))
            }
        }
        return colors
    }

    /// Reads a frab schedule in either spelling (`dialect`) into a program.
    /// - Parameters:
    ///   - fallbackZone: the zone for a schedule that names none and whose events carry no
    ///     offset (FOSDEM's schedule.xml): the edges pass the machine's zone. Without it such a
    ///     schedule is refused.
    ///   - sink: where findings go (the XML reader's own go there first).
    static func read(_ root: JSONNode, source: SourceText, dialect: FrabDialect = .json, fallbackZone: TimeZone? = nil,
                     sink: DiagnosticSink? = nil) -> FeedReport {
        let sink = sink ?? DiagnosticSink(source: source)
        let report = { (program: Program?) in FeedReport(program: program, sink: sink, format: dialect.format) }
        guard let top = ObjectFields(root, path: "", sink: sink, keySeparator: dialect.separator),
              let scheduleNode = top.node("schedule"),
              let schedule = ObjectFields(scheduleNode, path: "schedule", sink: sink, keySeparator: dialect.separator) else {
            return report(nil)
        }
        guard let conferenceNode = schedule.node("conference"),
              let conference = ObjectFields(conferenceNode, path: dialect.conferencePath, sink: sink, keySeparator: dialect.separator) else {
            schedule.missing("conference", "the conference with its days")
            return report(nil)
        }
        guard let (days, _) = conference.array("days") else {
            conference.missing("days", "the conference's days with their rooms and events")
            return report(nil)
        }
        let name = conference.string("title", nonEmpty: true) ?? conference.string("acronym", nonEmpty: true) ?? "Conference"
        var events: [RawEvent] = []
        var roomOrder: [String] = []
        var roomSeen = Set<String>()
        if let (listed, _) = conference.array("rooms") {
            for room in listed {
                if case .object(let members) = room.value, let nameMember = members.first(where: { $0.key == "name" }),
                   case .string(let roomName) = nameMember.value.value, roomSeen.insert(roomName).inserted {
                    roomOrder.append(roomName)
                }
            }
        }
        // A structure other than frab's is an error, never an empty day: a broken export must not
        // replace a good program with nothing.
        days: for (dayIndex, dayNode) in days.enumerated() {
            guard let day = ObjectFields(dayNode, path: dialect.daysPath, index: dayIndex + dialect.indexBase, sink: sink,
                                         keySeparator: dialect.separator) else { continue }
            let dayDate = day.string("date")
            guard let roomsNode = day.node("rooms") else {
                day.warning("no \"rooms\"; the day has no events", key: "rooms")
                continue
            }
            guard case .object(let rooms) = roomsNode.value else {
                day.error("expected an object of rooms (room name: [events]), found \(roomsNode.value.typeName)", key: "rooms", at: roomsNode.offset)
                continue
            }
            for room in rooms {
                if roomSeen.insert(room.key).inserted { roomOrder.append(room.key) }
                guard case .array(let list) = room.value.value else {
                    sink.error("expected an array of events, found \(room.value.value.typeName)", path: day.keyPath("rooms.\(room.key)"), offset: room.value.offset)
                    continue
                }
                let arrayPath = dialect.eventsPath(day: day.path, room: room.key)
                for (index, eventNode) in list.enumerated() {
                    guard events.count < FeedLimits.maxSessions else {
                        sink.error("more than \(FeedLimits.grouped(FeedLimits.maxSessions)) events; a feed may have at most that many sessions",
                                   path: "\(arrayPath)[\(index + dialect.indexBase)]", offset: eventNode.offset)
                        break days
                    }
                    guard let fields = ObjectFields(eventNode, path: arrayPath, index: index + dialect.indexBase, sink: sink,
                                                    keySeparator: dialect.separator) else { continue }
                    events.append(RawEvent(fields: fields, room: room.key, dayDate: dayDate, index: index + dialect.indexBase, arrayPath: arrayPath))
                }
            }
        }
        if roomOrder.count > FeedLimits.maxRooms {
            conference.error(FeedLimits.exceeded(roomOrder.count, "rooms", limit: FeedLimits.maxRooms))
        }

        // The zone: the named one, or (missing or unknown) a fixed offset from the events' own dates.
        var zone: TimeZone?
        if let zoneName = conference.string("time_zone_name", nonEmpty: true) {
            zone = conference.zone(named: zoneName, key: "time_zone_name", unknown: .warning, note: "; using the offset of the events' dates")
        }
        if zone == nil {
            let offset = events.lazy.compactMap { $0.fields.string("date").flatMap(Self.offsetOfDate) }.first
            if let offset, let fixed = TimeZone(secondsFromGMT: offset) {
                zone = fixed
                if conference.node("time_zone_name") == nil {
                    conference.warning("no \"time_zone_name\"; showing times at the events' offset \(OffsetText.format(offset))")
                }
            }
        }
        if zone == nil, let fallbackZone {
            zone = fallbackZone
            conference.warning("no time zone: neither \"time_zone_name\" nor an event \"date\" with an offset; "
                               + "reading the times in this machine's zone, \(fallbackZone.identifier)")
        }
        guard let zone else {
            conference.error("no time zone: neither \"time_zone_name\" nor an event \"date\" with an offset")
            return report(nil)
        }

        var times = WallClockResolver(zone: zone)
        var sessions: [(Session, SessionOrigin)] = []
        var byID: [String: Session] = [:]
        var nextSuffix: [String: Int] = [:]  // So that n events sharing a guid cost n steps, not n².
        for event in events {
            guard let (session, origin) = read(event, zone: zone, times: &times, sink: sink) else { continue }
            if let earlier = byID[session.id] {
                if earlier.roomID == session.roomID && earlier.start == session.start && earlier.end == session.end {
                    event.fields.warning("the same event is listed twice; shown once", key: "guid")
                    continue
                }
                // The same guid for another slot (a workshop repeated on several days): keep each, told apart.
                var suffix = nextSuffix[session.id] ?? 2
                while byID["\(session.id)#\(suffix)"] != nil { suffix += 1 }
                nextSuffix[session.id] = suffix + 1
                let renamed = Session(id: "\(session.id)#\(suffix)", roomID: session.roomID, title: session.title, subtitle: session.subtitle,
                                      start: session.start, end: session.end, kind: session.kind, status: session.status, speakers: session.speakers,
                                      abstract: session.abstract, note: session.note, track: session.track, url: session.url,
                                      languages: session.languages)
                event.fields.warning("id \"\(session.id)\" is used by another event too; this one is \"\(renamed.id)\"", key: "guid")
                byID[renamed.id] = renamed
                sessions.append((renamed, origin))
                continue
            }
            byID[session.id] = session
            sessions.append((session, origin))
        }
        let rooms = roomOrder.map { Room(id: $0, name: $0) }
        ProgramValidator(zone: zone, strictness: .imported, sink: sink).check(rooms: rooms, sessions: sessions)
        let colors = trackColors(conference, dialect: dialect)  // Before the verdict: whatever it finds counts.
        guard !sink.hasErrors else { return report(nil) }
        let event = Event(name: name, subtitle: nil, venue: nil, timeZone: zone, locale: locale(of: sessions.map(\.0)), trackColors: colors)
        return report(Program(event: event, rooms: rooms, sessions: sessions.map(\.0)))
    }

    /// An export names no locale: the language most of its sessions are held in stands for it
    /// (screens speak it where Skylt has its words, hyphenate in it, and tag only the sessions
    /// in other languages); without languages, British English.
    static func locale(of sessions: [Session]) -> String {
        var counts: [String: Int] = [:]
        for session in sessions {
            if let language = session.language { counts[LanguageTag.primary(language), default: 0] += 1 }
        }
        guard let (language, _) = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return "en-GB" }
        return language == "en" ? "en-GB" : language
    }

    struct RawEvent {
        let fields: ObjectFields
        let room: String
        let dayDate: String?
        let index: Int
        let arrayPath: String
    }

    private static func read(_ event: RawEvent, zone: TimeZone, times: inout WallClockResolver, sink: DiagnosticSink) -> (Session, SessionOrigin)? {
        var fields = event.fields
        let id: String
        if let guid = fields.string("guid", nonEmpty: true) {
            id = guid
        } else if let node = fields.node("id"), case .number(let number) = node.value {
            id = NumberText.format(number)
        } else if let text = fields.string("id", nonEmpty: true) {
            id = text
        } else {
            id = "\(event.room)-\(event.dayDate ?? "")-\(event.index)"
            fields.warning("no \"guid\" or \"id\"; called \"\(id)\"")
        }
        fields.sessionID = id
        guard let title = fields.string("title", nonEmpty: true) else {
            fields.warning("no \"title\"; the event is skipped", key: "title")
            return nil
        }
        // `date` (with its offset) is the true start; `start` only repeats the wall-clock time.
        var start: Date?
        if let text = fields.string("date") {
            start = parseDate(text)
            if start == nil, case .success(let parsed) = DateTimeText.parse(withoutFraction(text)), parsed.absoluteDate == nil {
                // A date-time without an offset: wall-clock time in the schedule's zone, as meant.
                if case .success(let date) = times.instant(of: parsed) { start = date }
            } else if start == nil {
                fields.warning("\"\(text)\" is not an ISO 8601 date-time (such as 2020-02-06T10:00:00+01:00)", key: "date", at: fields.offset(of: "date"))
            }
        }
        if start == nil, let day = event.dayDate, let clock = fields.string("start"),
           case .success(let parsed) = DateTimeText.parse("\(day)T\(clock)"), case .success(let date) = times.instant(of: parsed) {
            start = date
        }
        guard let start else {
            fields.warning("no usable \"date\" or \"start\"; the event is skipped", key: "date")
            return nil
        }
        guard let durationText = fields.string("duration"), let duration = parseDuration(durationText) else {
            fields.warning("no usable \"duration\" (HH:MM or H:MM:SS); the event is skipped", key: "duration", at: fields.offset(of: "duration"))
            return nil
        }
        guard start.addingTimeInterval(duration) <= LocalDateTime.latestInstant else {
            fields.warning("duration \(durationText) ends after the year 9999; the event is skipped", key: "duration", at: fields.offset(of: "duration"))
            return nil
        }
        if duration == 0 {
            fields.warning("lasts no time (duration \(durationText)), so it can never be on now; skipped", key: "duration", at: fields.offset(of: "duration"))
            return nil
        }
        let speakers: [Speaker] = fields.array("persons")?.elements.compactMap { person in
            guard case .object(let members) = person.value else {
                if case .string(let name) = person.value { return Speaker(name: name) }
                return nil
            }
            for key in ["public_name", "name", "full_public_name"] {
                if let member = members.last(where: { $0.key == key }), case .string(let name) = member.value.value, !name.isBlank {
                    return Speaker(name: name)
                }
            }
            return nil
        } ?? []
        let type = fields.string("type")?.lowercased() ?? ""
        let kind: Session.Kind = ["break", "pause", "coffee", "coffee break"].contains(type) ? .break
            : ["lunch", "dinner", "meal", "breakfast"].contains(type) ? .meal : .talk
        let (url, languages, _) = fields.readURLAndLanguage(strict: false)
        let cancelled = ["cancelled", "canceled"].contains(fields.string("state")?.lowercased() ?? fields.string("status")?.lowercased() ?? "")
        let session = Session(id: id, roomID: event.room, title: title, subtitle: fields.string("subtitle").flatMap { $0.isBlank ? nil : $0 },
                              start: start, end: start.addingTimeInterval(duration), kind: kind, status: cancelled ? .cancelled : .scheduled,
                              speakers: speakers, abstract: fields.string("abstract").flatMap { $0.isBlank ? nil : $0 }, note: nil,
                              track: fields.string("track").flatMap { $0.isBlank ? nil : $0 }, url: url, languages: languages)
        var origin = SessionOrigin(arrayPath: event.arrayPath, index: event.index, offset: fields.offset, idOffset: fields.offset(of: "guid"),
                                   roomOffset: fields.offset, startOffset: fields.offset(of: "date"), endOffset: fields.offset(of: "duration"))
        origin.separator = fields.keySeparator
        return (session, origin)
    }

    /// `2019-08-21T11:00:00+02:00`, also with fractions of a second or `Z`.
    static func parseDate(_ text: String) -> Date? {
        guard case .success(let parsed) = DateTimeText.parse(withoutFraction(text)) else { return nil }
        return parsed.absoluteDate
    }

    /// The date-time without fractions of a second (`10:00:00.000+01:00` → `10:00:00+01:00`).
    static func withoutFraction(_ text: String) -> String {
        guard let dot = text.firstIndex(of: ".") else { return text }
        var trimmed = text
        let end = trimmed[dot...].firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "Z" }) ?? trimmed.endIndex
        trimmed.removeSubrange(dot..<end)
        return trimmed
    }

    /// The UTC offset written in a date-time.
    static func offsetOfDate(_ text: String) -> Int? {
        guard case .success(.absolute(_, let offset)) = DateTimeText.parse(text.replacingOccurrences(of: #"\.\d+"#, with: "", options: .regularExpression)) else {
            return nil
        }
        return offset
    }

    /// `HH:MM`, `H:MM`, `H:MM:SS` or `D:HH:MM:SS` in seconds. Each part is at most 999,999, so the
    /// sum cannot overflow (the fuzzer found `03333333333333331:00`).
    static func parseDuration(_ text: String) -> TimeInterval? {
        let parts = text.split(separator: ":").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.allSatisfy({ $0 != nil && (0...999_999).contains($0!) }) else { return nil }
        let numbers = parts.map { $0! }
        switch numbers.count {
        case 2: return TimeInterval(numbers[0] * 3600 + numbers[1] * 60)
        case 3: return TimeInterval(numbers[0] * 3600 + numbers[1] * 60 + numbers[2])
        case 4: return TimeInterval(numbers[0] * 86_400 + numbers[1] * 3600 + numbers[2] * 60 + numbers[3])
        default: return nil
        }
    }
}
