import Foundation

/// Reads Skylt's own feed format, version 1 (see docs/feed-format.md), reporting every
/// problem it finds with its JSON path and line:column.
enum NativeFeedReader {
    static let rootKeys: Set<String> = ["skylt", "$schema", "event", "rooms", "tracks", "sessions", "notices"]
    static let eventKeys: Set<String> = ["name", "subtitle", "venue", "timezone", "locale"]
    static let roomKeys: Set<String> = ["id", "name"]
    static let sessionKeys: Set<String> = ["id", "room", "title", "subtitle", "start", "end", "kind", "status",
                                           "speakers", "abstract", "note", "track", "url", "language"]
    static let speakerKeys: Set<String> = ["name", "affiliation"]
    static let noticeKeys: Set<String> = ["text", "from", "until", "room"]
    static let trackKeys: Set<String> = ["name", "color"]

    /// Languages with screen texts; other locales fall back to English with a warning.
    static let supportedLanguages: Set<String> = ["sv", "en"]

    static func read(_ root: JSONNode, source: SourceText) -> FeedReport {
        let sink = DiagnosticSink(source: source)
        guard let fields = ObjectFields(root, path: "", sink: sink) else {
            return report(nil, sink)
        }
        checkVersion(fields)
        var event = readEvent(fields)
        event?.trackColors = readTracks(fields)
        var times = FeedTimes(zone: event?.timeZone)
        let rooms = readRooms(fields, event: event)
        let sessions = readSessions(fields, rooms: rooms, times: &times)
        let notices = readNotices(fields, rooms: rooms, times: &times)
        fields.finish(known: rootKeys)
        if let zone = event?.timeZone {
            ProgramValidator(zone: zone, strictness: .native, sink: sink).check(rooms: rooms, sessions: sessions)
        }
        guard let event, !sink.hasErrors else { return report(nil, sink) }
        let program = Program(event: event, rooms: rooms, sessions: sessions.map(\.0), notices: notices)
        return report(program, sink)
    }

    private static func report(_ program: Program?, _ sink: DiagnosticSink) -> FeedReport {
        FeedReport(program: program, sink: sink, format: .skyltV1)
    }

    // MARK: - Parts

    private static func checkVersion(_ fields: ObjectFields) {
        guard let node = fields.node("skylt") else {
            fields.error("missing \"skylt\": 1 (the feed format version) at the top of the feed")
            return
        }
        guard case .number(let version) = node.value else {
            fields.error("expected the number 1, found \(node.value.typeName)", key: "skylt", at: node.offset)
            return
        }
        if version != 1 {
            fields.error("feed format version \(NumberText.format(version)) is not supported; this Skylt reads version 1", key: "skylt", at: node.offset)
        }
    }

    private static func readEvent(_ root: ObjectFields) -> Event? {
        guard let node = root.node("event") else {
            root.missing("event", "an object with at least \"name\" and \"timezone\"")
            return nil
        }
        guard let fields = ObjectFields(node, path: "event", sink: root.sink) else { return nil }
        defer { fields.finish(known: eventKeys) }
        let name = fields.requiredString("name", "the event's name, shown on every screen")
        var zone: TimeZone?
        if let identifier = fields.requiredString("timezone", "an IANA time zone name such as \"Europe/Stockholm\"") {
            zone = fields.zone(named: identifier, key: "timezone", unknown: .error)
        }
        let locale = fields.string("locale", nonEmpty: true) ?? "sv-SE"
        let language = locale.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        if !supportedLanguages.contains(language) {
            fields.warning("no screen texts for locale \"\(locale)\"; screens use English (supported: sv-SE, en-GB)", key: "locale", at: fields.offset(of: "locale"))
        }
        guard let name, let zone else { return nil }
        return Event(name: name, subtitle: fields.string("subtitle"), venue: fields.string("venue"), timeZone: zone, locale: locale)
    }

    private static func readRooms(_ root: ObjectFields, event: Event?) -> [Room] {
        let implicit = Room(id: Room.defaultID, name: event?.venue ?? event?.name ?? "")
        guard let (elements, offset) = root.array("rooms"), !elements.isEmpty else { return [implicit] }
        guard elements.count <= FeedLimits.maxRooms else {
            root.sink.error(FeedLimits.exceeded(elements.count, "rooms", limit: FeedLimits.maxRooms),
                            path: "rooms", offset: offset)
            return []
        }
        var rooms: [Room] = []
        var firstOffset: [String: Int] = [:]
        for (index, element) in elements.enumerated() {
            guard let fields = ObjectFields(element, path: "rooms", index: index, sink: root.sink) else { continue }
            defer { fields.finish(known: roomKeys) }
            guard let id = fields.requiredString("id", "the room's id, used by sessions and --room") else { continue }
            let name = fields.string("name", nonEmpty: true) ?? id
            if let first = firstOffset[id] {
                fields.error("the room id \"\(id)\" is used twice (also at \(root.sink.locationText(first)))", key: "id", at: fields.offset(of: "id"))
                continue
            }
            firstOffset[id] = fields.offset(of: "id")
            rooms.append(Room(id: id, name: name))
        }
        return rooms
    }

    private static func readSessions(_ root: ObjectFields, rooms: [Room], times: inout FeedTimes) -> [(Session, SessionOrigin)] {
        guard root.node("sessions") != nil else {
            root.missing("sessions", "the program: an array of sessions, which may be empty")
            return []
        }
        guard let (elements, offset) = root.array("sessions") else {
            if root.node("sessions")?.value.isNull == true { root.missing("sessions", "an array of sessions, which may be empty") }
            return []
        }
        guard elements.count <= FeedLimits.maxSessions else {
            root.sink.error(FeedLimits.exceeded(elements.count, "sessions", limit: FeedLimits.maxSessions),
                            path: "sessions", offset: offset)
            return []
        }
        var sessions: [(Session, SessionOrigin)] = []
        sessions.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            if let session = readSession(element, index: index, root: root, rooms: rooms, times: &times) {
                sessions.append(session)
            }
        }
        return sessions
    }

    private static func readSession(_ node: JSONNode, index: Int, root: ObjectFields, rooms: [Room],
                                    times: inout FeedTimes) -> (Session, SessionOrigin)? {
        guard var fields = ObjectFields(node, path: "sessions", index: index, sink: root.sink) else { return nil }
        let id = fields.requiredString("id", "a unique id for this session")
        fields.sessionID = id
        defer { fields.finish(known: sessionKeys) }
        let title = fields.requiredString("title", "the title shown on screens")
        let start = times.instant(fields, "start", required: true)
        let end = times.instant(fields, "end", required: true)
        let roomID: String?
        if fields.node("room") != nil {
            roomID = fields.string("room", nonEmpty: true)
        } else if rooms.count == 1 {
            roomID = rooms[0].id
        } else {
            fields.missing("room", "the feed has \(rooms.count) rooms: " + rooms.quotedIDs)
            roomID = nil
        }
        let kind = enumValue(fields, "kind", default: Session.Kind.talk)
        let status = enumValue(fields, "status", default: Session.Status.scheduled)
        let speakers = readSpeakers(fields)
        let (url, languages, linksValid) = fields.readURLAndLanguage(strict: true)
        guard let id, let title, let start, let end, let roomID, let kind, let status, let speakers, linksValid else { return nil }
        let session = Session(id: id, roomID: roomID, title: title, subtitle: fields.string("subtitle"), start: start, end: end,
                              kind: kind, status: status, speakers: speakers, abstract: fields.string("abstract"),
                              note: fields.string("note"), track: fields.string("track"), url: url, languages: languages)
        let origin = SessionOrigin(index: index, offset: node.offset, idOffset: fields.offset(of: "id"), roomOffset: fields.offset(of: "room"),
                                   startOffset: fields.offset(of: "start"), endOffset: fields.offset(of: "end"))
        return (session, origin)
    }

    private static func enumValue<Value: RawRepresentable & CaseIterable>(_ fields: ObjectFields, _ key: String, default value: Value) -> Value?
    where Value.RawValue == String {
        guard let node = fields.node(key), !node.value.isNull else { return value }
        guard let text = fields.string(key) else { return nil }  // Wrong type: reported.
        if let parsed = Value(rawValue: text) { return parsed }
        let allowed = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        fields.error("unknown \(key) \"\(text)\"; use one of \(allowed)", key: key, at: fields.offset(of: key))
        return nil
    }

    private static func readSpeakers(_ fields: ObjectFields) -> [Speaker]? {
        guard let node = fields.node("speakers") else { return [] }
        guard let (elements, _) = fields.array("speakers") else { return node.value.isNull ? [] : nil }
        var speakers: [Speaker] = []
        var failed = false
        for (index, element) in elements.enumerated() {
            if case .string(let name) = element.value, !name.isBlank {
                speakers.append(Speaker(name: name))  // A bare name is fine too.
                continue
            }
            guard let speaker = ObjectFields(element, path: fields.keyPath("speakers"), index: index, sink: fields.sink, sessionID: fields.sessionID) else {
                failed = true
                continue
            }
            defer { speaker.finish(known: speakerKeys) }
            guard let name = speaker.requiredString("name", "the speaker's name") else {
                failed = true
                continue
            }
            speakers.append(Speaker(name: name, affiliation: speaker.string("affiliation")))
        }
        return failed ? nil : speakers
    }

    /// `tracks[]` (`name`, `color`): the conference's own colour per track.
    private static func readTracks(_ root: ObjectFields) -> [String: String] {
        guard let (elements, offset) = root.array("tracks") else { return [:] }
        guard elements.count <= FeedLimits.maxRooms else {
            root.sink.error(FeedLimits.exceeded(elements.count, "tracks", limit: FeedLimits.maxRooms), path: "tracks", offset: offset)
            return [:]
        }
        var colors: [String: String] = [:]
        var seen = Set<String>()
        for (index, element) in elements.enumerated() {
            guard let fields = ObjectFields(element, path: "tracks", index: index, sink: root.sink) else { continue }
            defer { fields.finish(known: trackKeys) }
            let name = fields.requiredString("name", "the track's name, as sessions' \"track\" write it")
            if let name, !seen.insert(name).inserted {
                fields.error("the track \"\(name)\" is listed twice", key: "name", at: fields.offset(of: "name"))
            }
            guard let color = fields.requiredString("color", "its colour, #RRGGBB"), let name else { continue }
            guard let canonical = HexColor.canonical(color) else {
                fields.error("\"\(color)\" is not a colour; write #RRGGBB, such as \"#E40429\"", key: "color", at: fields.offset(of: "color"))
                continue
            }
            colors[name] = canonical
        }
        return colors
    }

    private static func readNotices(_ root: ObjectFields, rooms: [Room], times: inout FeedTimes) -> [Notice] {
        guard let (elements, offset) = root.array("notices") else { return [] }
        guard elements.count <= FeedLimits.maxNotices else {
            root.sink.error(FeedLimits.exceeded(elements.count, "notices", limit: FeedLimits.maxNotices),
                            path: "notices", offset: offset)
            return []
        }
        var notices: [Notice] = []
        for (index, element) in elements.enumerated() {
            guard let fields = ObjectFields(element, path: "notices", index: index, sink: root.sink) else { continue }
            defer { fields.finish(known: noticeKeys) }
            let text = fields.requiredString("text", "the message shown in the banner")
            let from = times.instant(fields, "from", required: false)
            let until = times.instant(fields, "until", required: false)
            if let from, let until, until <= from {
                fields.error("\"until\" must be after \"from\"", key: "until", at: fields.offset(of: "until"))
                continue
            }
            let roomID = fields.string("room", nonEmpty: true)
            if let roomID, !rooms.contains(where: { $0.id == roomID }) {
                fields.error("unknown room \"\(roomID)\"", key: "room", at: fields.offset(of: "room"))
                continue
            }
            guard let text else { continue }
            notices.append(Notice(text: text, from: from, until: until, roomID: roomID))
        }
        return notices
    }
}
