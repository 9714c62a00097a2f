import Foundation

/// Reads frab / Pentabarf `schedule.xml` exports (FOSDEM, DebConf, every CCC event) into the
/// same `Program` as the JSON export, by the same rules: the XML is parsed (libxml2, bounded:
/// `XMLTreeParser`), turned into the shape of `schedule.json` with every value keeping the
/// offset of its element, and read by `FrabFeedReader` in its XML dialect, so that both
/// spellings of a schedule are judged alike and every finding names a line and column.
///
/// The mapping: `<conference>`'s simple elements and `<track name color>`; each `<day date
/// index start end>` with its `<room name>`s; each `<event id guid>`'s simple elements (the
/// first non-blank one where an export repeats one, as DebConf's `<abstract/>`) and
/// `<persons><person>NAME</person></persons>`. Links, attachments and recordings are not read.
enum FrabXMLFeedReader {
    static func read(_ bytes: [UInt8], source: SourceText, fallbackZone: TimeZone?) -> FeedReport {
        let utf8: [UInt8], root: XMLElementNode, encodingWarning: String?
        switch XMLEncoding.utf8(bytes).flatMap({ converted in XMLTreeParser.parse(converted.bytes, keepingAttributesOf: readByAttributes).map { (converted, $0) } }) {
        case .failure(let error):
            return FeedReport(program: nil, diagnostics: [Diagnostic(.error, error.message, location: error.location)], format: .frabXML)
        case .success(let (converted, parsed)):
            (utf8, encodingWarning, root) = (converted.bytes, converted.warning, parsed)
        }
        // Offsets are into the UTF-8 text; lines and columns (characters) are the same as the file's.
        let source = utf8 == bytes ? source : SourceText(utf8)
        let sink = DiagnosticSink(source: source)
        if let encodingWarning { sink.warning(encodingWarning, offset: 0) }
        guard root.name == "schedule" else {
            sink.error("the root element is <\(root.name)>; a frab or Pentabarf schedule's is <schedule>", offset: root.offset)
            return FeedReport(program: nil, sink: sink, format: .frabXML)
        }
        return FrabFeedReader.read(schedule(root, sink: sink), source: source, dialect: .xml, fallbackZone: fallbackZone, sink: sink)
    }

    private static func schedule(_ schedule: XMLElementNode, sink: DiagnosticSink) -> JSONNode {
        var members = simpleElements(of: schedule)
        let conferences = schedule.children(named: "conference")
        for extra in conferences.dropFirst() {
            sink.error("a second <conference>; a schedule has one", path: "schedule/conference", offset: extra.offset)
        }
        if let conference = conferences.first {
            var fields = simpleElements(of: conference)
            fields.append(member("track", conference, .array(conference.children(named: "track").map(track))))
            fields.append(member("days", conference, .array(schedule.children(named: "day").map { day($0, sink: sink) })))
            members.append(member("conference", conference, .object(fields)))
        }
        return JSONNode(.object([member("schedule", schedule, .object(members))]), offset: schedule.offset)
    }

    private static func track(_ track: XMLElementNode) -> JSONNode {
        var fields: [JSONMember] = []
        for key in ["name", "color"] {
            if let value = track.attribute(key) { fields.append(member(key, track, .string(value))) }
        }
        return JSONNode(.object(fields), offset: track.offset)
    }

    private static func day(_ day: XMLElementNode, sink: DiagnosticSink) -> JSONNode {
        var fields: [JSONMember] = []
        for (attribute, key) in [("date", "date"), ("index", "index"), ("start", "day_start"), ("end", "day_end")] {
            if let value = day.attribute(attribute) { fields.append(member(key, day, .string(value))) }
        }
        var rooms: [JSONMember] = []
        for room in day.children(named: "room") {
            guard let name = room.attribute("name"), !name.isBlank else {
                sink.error("a <room> without a name; its events cannot be placed (write <room name=\"…\">)", path: "schedule/day/room", offset: room.offset)
                continue
            }
            rooms.append(member(name, room, .array(room.children(named: "event").map(event))))
        }
        fields.append(member("rooms", day, .object(rooms)))
        return JSONNode(.object(fields), offset: day.offset)
    }

    private static func event(_ event: XMLElementNode) -> JSONNode {
        var fields: [JSONMember] = []
        for key in ["guid", "id", "code"] {
            if let value = event.attribute(key) { fields.append(member(key, event, .string(value))) }
        }
        fields += simpleElements(of: event)
        if let persons = event.children(named: "persons").first {
            let names = persons.children(named: "person").map { JSONNode(.object([member("public_name", $0, .string($0.text))]), offset: $0.offset) }
            fields.append(member("persons", persons, .array(names)))
        }
        return JSONNode(.object(fields), offset: event.offset)
    }

    /// The element's children that hold text, as string members (the text of markup inside
    /// one taken too: `<title>Open <em>source</em></title>`); where one is repeated, the first
    /// that is not blank. Elements read by their attributes or their children are not among them.
    private static func simpleElements(of element: XMLElementNode) -> [JSONMember] {
        var fields: [JSONMember] = []
        var index: [String: Int] = [:]
        for child in element.children where !containers.contains(child.name)
            && (!child.hasAttributes && child.children.isEmpty || !readByAttributes.contains(child.name)) {
            let field = member(child.name, child, .string(child.allText))
            if let earlier = index[child.name] {
                if case .string(let text) = fields[earlier].value.value, text.isBlank, !child.text.isBlank { fields[earlier] = field }
            } else {
                index[child.name] = fields.count
                fields.append(field)
            }
        }
        return fields
    }

    private static let readByAttributes: Set<String> = ["track", "day", "room", "event", "link", "attachment"]
    /// Elements whose children are read one by one, never as one text.
    private static let containers: Set<String> = ["conference", "persons", "links", "attachments", "recording", "recordings", "answers"]

    private static func member(_ key: String, _ element: XMLElementNode, _ value: JSONValue) -> JSONMember {
        JSONMember(key: key, keyOffset: element.offset, value: JSONNode(value, offset: element.offset))
    }
}
