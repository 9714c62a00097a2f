import Foundation

/// Reads the technician's live file (docs/live-format.md), judged against the program it is
/// laid over when there is one: wall-clock times are read in the event's zone, and a room the
/// program does not have is a warning naming it (its entry is kept, and does nothing until the
/// program has the room again), never a reason to refuse the rest: above all not an alert,
/// which names no room and needs no program. Strict otherwise, like the feed: one error and
/// the whole file is refused (the last good live state stays in force), every finding with its
/// JSON path and line:column. Pure.
public enum LiveReader {
    static let rootKeys: Set<String> = ["skylt_live", "$schema", "updated", "rooms", "alert"]
    static let roomKeys: Set<String> = ["delay_minutes", "delay_since", "state", "note"]
    static let alertKeys: Set<String> = ["text", "level", "until"]

    /// Reads and validates a live file.
    /// - Parameters:
    ///   - program: the program it is laid over; nil when there is none (yet): rooms are then
    ///     not judged, and wall-clock times are read in `fallbackZone`.
    ///   - fallbackZone: the zone for wall-clock times without a program (default UTC; the
    ///     kiosk passes the machine's zone). Files written by `skylt live` carry offsets.
    public static func read(_ bytes: [UInt8], program: Program?, fallbackZone: TimeZone? = nil) -> LiveReport {
        let sink = DiagnosticSink(source: SourceText(bytes))
        guard bytes.count <= LiveLimits.maxBytes else {
            sink.error(tooLarge(bytes.count))
            return LiveReport(state: nil, sink: sink)
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            sink.error(error.message, offset: error.offset)
            return LiveReport(state: nil, sink: sink)
        }
        guard let fields = ObjectFields(root, path: "", sink: sink) else { return LiveReport(state: nil, sink: sink) }
        checkVersion(fields)
        var times = FeedTimes(zone: program?.event.timeZone ?? fallbackZone ?? TimeZone(secondsFromGMT: 0)!)
        _ = times.instant(fields, "updated", required: false)
        let rooms = readRooms(fields, program: program, times: &times)
        let alert = readAlert(fields, times: &times)
        fields.finish(known: rootKeys)
        guard !sink.hasErrors else { return LiveReport(state: nil, sink: sink) }
        return LiveReport(state: LiveState(rooms: rooms, alert: alert), sink: sink)
    }

    /// The warning for an entry of a room the program does not have, with what to do about it.
    public static func unknownRoom(_ id: String, in program: Program) -> String {
        let hint = Spelling.closest(to: id, among: program.rooms.map(\.id)).map { "did you mean \"\($0)\"? " } ?? ""
        return "the program has no room \"\(id)\" (its rooms: \(program.rooms.quotedIDs)); its entry does nothing until the program has it again "
            + "(\(hint)`skylt live clear \(id)` removes it); everything else in the file is in force"
    }

    /// Why `byteCount` bytes are refused.
    public static func tooLarge(_ byteCount: Int) -> String {
        "the live file is \(FeedLimits.grouped(byteCount)) bytes; live files over \(FeedLimits.grouped(LiveLimits.maxBytes)) bytes are refused"
    }

    /// Whether bytes look like a live file rather than a feed (a `"skylt_live"` key near the start).
    public static func looksLikeLiveFile(_ bytes: [UInt8]) -> Bool {
        let marker = Array("\"skylt_live\"".utf8)
        let head = bytes.prefix(4096)
        guard head.count >= marker.count else { return false }
        return head.indices.dropLast(marker.count - 1).contains { head[$0..<$0 + marker.count].elementsEqual(marker) }
    }

    // MARK: - Parts

    private static func checkVersion(_ fields: ObjectFields) {
        guard let node = fields.node("skylt_live") else {
            fields.error("missing \"skylt_live\": 1 (the live file format version) at the top of the live file")
            return
        }
        guard case .number(let version) = node.value, version == 1 else {
            fields.error("expected the number 1 (this Skylt reads live files of version 1), found \(node.value.typeName)",
                         key: "skylt_live", at: node.offset)
            return
        }
    }

    private static func readRooms(_ root: ObjectFields, program: Program?, times: inout FeedTimes) -> [String: RoomLive] {
        guard let node = root.node("rooms"), !node.value.isNull else { return [:] }
        guard let rooms = ObjectFields(node, path: "rooms", sink: root.sink) else { return [:] }
        // Every key is a room id: duplicates are errors; a room the program does not have is a
        // warning (below), and the entry stays: the rest of the file, an alert above all, is in force.
        rooms.finish(known: Set(rooms.members.map(\.key)))
        var result: [String: RoomLive] = [:]
        for member in rooms.members {
            if let program, program.room(id: member.key) == nil {
                rooms.warning(unknownRoom(member.key, in: program), key: member.key, at: member.keyOffset)
            }
            guard let fields = ObjectFields(member.value, path: rooms.keyPath(member.key), sink: root.sink) else { continue }
            defer { fields.finish(known: roomKeys) }
            // A room listed with nothing in force is the same as one not listed.
            if let room = readRoom(fields, times: &times), !room.isDefault { result[member.key] = room }
        }
        return result
    }

    private static func readRoom(_ fields: ObjectFields, times: inout FeedTimes) -> RoomLive? {
        var room = RoomLive()
        var failed = false
        if let node = fields.node("delay_minutes"), !node.value.isNull {
            if let minutes = delayMinutes(node, fields) { room.delayMinutes = minutes } else { failed = true }
        }
        let since = times.instant(fields, "delay_since", required: false)
        if room.delayMinutes > 0 {
            if let since {
                room.delaySince = since
            } else if fields.node("delay_since")?.value.isNull ?? true {
                fields.missing("delay_since", "when the delay began, such as \"2020-02-06T10:05\": it moves the session on then and the rest of that day; `skylt live delay` writes it")
                failed = true
            } else {
                failed = true  // Reported by FeedTimes.
            }
        }
        if let text = fields.string("state") {
            if let state = RoomState(rawValue: text) { room.state = state } else {
                let allowed = RoomState.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                fields.error("unknown state \"\(text)\"; use one of \(allowed)", key: "state", at: fields.offset(of: "state"))
                failed = true
            }
        } else if let node = fields.node("state"), !node.value.isNull {
            failed = true
        }
        if let note = text(fields, "note", limit: LiveLimits.maxNoteCharacters) { room.note = note }
        return failed ? nil : room
    }

    private static func delayMinutes(_ node: JSONNode, _ fields: ObjectFields) -> Int? {
        guard case .number(let value) = node.value else {
            fields.error("expected a number of minutes, found \(node.value.typeName)", key: "delay_minutes", at: node.offset)
            return nil
        }
        guard value >= 0 else {
            fields.error("a delay cannot be negative (\(NumberText.format(value))); 0 clears it", key: "delay_minutes", at: node.offset)
            return nil
        }
        guard value.rounded() == value else {
            fields.error("whole minutes only, found \(NumberText.format(value))", key: "delay_minutes", at: node.offset)
            return nil
        }
        guard value <= Double(LiveLimits.maxDelayMinutes) else {
            fields.error("\(NumberText.format(value)) minutes is more than the longest delay, \(LiveLimits.maxDelayMinutes) (6 hours); move the sessions in the program instead",
                         key: "delay_minutes", at: node.offset)
            return nil
        }
        return Int(value)
    }

    private static func readAlert(_ root: ObjectFields, times: inout FeedTimes) -> LiveAlert? {
        guard let node = root.node("alert"), !node.value.isNull else { return nil }
        guard let fields = ObjectFields(node, path: "alert", sink: root.sink) else { return nil }
        defer { fields.finish(known: alertKeys) }
        let text: String?
        if fields.node("text")?.value.isNull ?? true {
            fields.missing("text", "the message every screen shows")
            text = nil
        } else {
            text = Self.text(fields, "text", limit: LiveLimits.maxAlertCharacters)
        }
        var level = LiveAlert.Level.info
        if let name = fields.string("level") {
            if let parsed = LiveAlert.Level(rawValue: name) { level = parsed } else {
                fields.error("unknown level \"\(name)\"; use \"info\" (a banner) or \"emergency\" (the whole screen)", key: "level", at: fields.offset(of: "level"))
                return nil
            }
        }
        let until = times.instant(fields, "until", required: false)
        guard let text else { return nil }
        return LiveAlert(text: text, level: level, until: until)
    }

    /// A non-blank string of at most `limit` characters; nil (reported) otherwise or when absent.
    private static func text(_ fields: ObjectFields, _ key: String, limit: Int) -> String? {
        guard let text = fields.string(key, nonEmpty: true) else { return nil }
        if let problem = DisplayText.problem(text, maxCharacters: limit) {
            fields.error(problem, key: key, at: fields.offset(of: key))
            return nil
        }
        let visible = DisplayText.withoutControls(text)
        if visible != text {
            fields.warning("control characters (which a screen draws as boxes) are left out", key: key, at: fields.offset(of: key))
        }
        return visible
    }
}
