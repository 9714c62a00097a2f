import Foundation

/// Reads an iCalendar (RFC 5545) file into a `Program`: each VEVENT a session, LOCATION its
/// room, UID its id; TZIDs looked up in the time-zone database (an embedded VTIMEZONE is only a
/// fallback: real exports get them wrong); daily and weekly RRULEs expanded; all-day events
/// become notices.
enum ICalendarFeedReader {
    /// Recurrences are expanded up to this many instances per event.
    static let maxInstances = FeedLimits.maxInstancesPerRecurrence

    static func read(_ bytes: [UInt8], source: SourceText) -> FeedReport {
        let sink = DiagnosticSink(source: source)
        let calendar: ICalComponent
        switch ICalendarParser.parse(bytes) {
        case .failure(let failure):
            sink.error(failure.message, offset: failure.offset)
            return report(nil, sink)
        case .success(let root):
            calendar = root
        }
        let events = calendar.children.filter { $0.name == "VEVENT" }
        let fallbackZones = Dictionary(calendar.children.filter { $0.name == "VTIMEZONE" }.compactMap(standardOffset), uniquingKeysWith: { a, _ in a })
        var context = Context(sink: sink, fallbackZones: fallbackZones)
        let zoneName = calendar.first("X-WR-TIMEZONE")?.value
            ?? events.lazy.compactMap { $0.first("DTSTART")?.parameter("TZID") }.first
        let zone = zoneName.flatMap { context.zone(named: $0, at: calendar.offset, fallback: "UTC") } ?? TimeZone(identifier: "UTC")!
        let name = calendar.first("X-WR-CALNAME").map { ICalendarParser.unescape($0.value) } ?? "Calendar"

        var sessions: [(Session, SessionOrigin)] = []
        var notices: [Notice] = []
        var roomOrder: [String] = []
        var overrides: [String: ICalComponent] = [:]
        for event in events {
            if let uid = event.first("UID")?.value, let recurrence = event.first("RECURRENCE-ID"),
               let instant = context.instant(recurrence, defaultZone: zone)?.date {
                overrides[uid + "@" + instanceSuffix(instant, zone)] = event
            }
        }
        for (index, event) in events.enumerated() where event.first("RECURRENCE-ID") == nil || event.first("UID") == nil {
            context.read(event, index: index, zone: zone, overrides: overrides, into: &sessions, notices: &notices, roomOrder: &roomOrder)
            if context.isFull { break }
        }
        for (index, event) in events.enumerated() where !context.isFull && event.first("RECURRENCE-ID") != nil && event.first("UID") != nil {
            guard let uid = event.first("UID")?.value, let recurrence = event.first("RECURRENCE-ID"),
                  let instant = context.instant(recurrence, defaultZone: zone)?.date else { continue }
            context.readInstance(event, id: uid + "@" + instanceSuffix(instant, zone), index: index, zone: zone, into: &sessions, roomOrder: &roomOrder)
        }
        if roomOrder.count > FeedLimits.maxRooms {
            sink.error(FeedLimits.exceeded(roomOrder.count, "rooms (LOCATIONs)", limit: FeedLimits.maxRooms),
                       offset: calendar.offset)
        }
        if notices.count > FeedLimits.maxNotices {
            sink.error(FeedLimits.exceeded(notices.count, "all-day events (notices)", limit: FeedLimits.maxNotices),
                       offset: calendar.offset)
        }
        if roomOrder.isEmpty { roomOrder = [Room.defaultID] }
        let rooms = roomOrder.map { Room(id: $0, name: $0 == Room.defaultID ? name : $0) }
        ProgramValidator(zone: zone, strictness: .imported, sink: sink).check(rooms: rooms, sessions: sessions)
        guard !sink.hasErrors else { return report(nil, sink) }
        let program = Program(event: Event(name: name, timeZone: zone, locale: "en-GB"), rooms: rooms, sessions: sessions.map(\.0), notices: notices)
        return report(program, sink)
    }

    static func instanceSuffix(_ date: Date, _ zone: TimeZone) -> String {
        let local = zone.localDateTime(for: date)
        return "\(local.dateText)T\(local.timeText)"
    }

    /// A VTIMEZONE's standard offset, for TZIDs the time-zone database does not know.
    static func standardOffset(_ component: ICalComponent) -> (String, Int)? {
        guard let id = component.first("TZID")?.value else { return nil }
        let standard = component.children.last { $0.name == "STANDARD" } ?? component.children.last
        guard let text = standard?.first("TZOFFSETTO")?.value, let offset = parseOffset(text) else { return nil }
        return (id, offset)
    }

    /// `+0100`, `-0530`, `+013000`.
    static func parseOffset(_ text: String) -> Int? {
        let sign = text.hasPrefix("-") ? -1 : 1
        let digits = text.drop { $0 == "+" || $0 == "-" }
        guard digits.count == 4 || digits.count == 6, digits.allSatisfy(\.isNumber) else { return nil }
        let numbers = Array(digits).map { Int(String($0))! }
        let seconds = (numbers[0] * 10 + numbers[1]) * 3600 + (numbers[2] * 10 + numbers[3]) * 60 + (digits.count == 6 ? numbers[4] * 10 + numbers[5] : 0)
        return sign * seconds
    }

    private static func report(_ program: Program?, _ sink: DiagnosticSink) -> FeedReport {
        FeedReport(program: program, sink: sink, format: .iCalendar)
    }

    /// What reading one calendar needs: diagnostics and zone look-ups.
    struct Context {
        let sink: DiagnosticSink
        let fallbackZones: [String: Int]
        var resolvers: [String: WallClockResolver] = [:]
        var warnedZones: Set<String> = []
        /// Rooms already in the room order, for a constant-time check per instance.
        var roomsSeen: Set<String> = []
        /// Whether `FeedLimits.maxSessions` was reached (reported once; reading stops).
        private(set) var isFull = false

        init(sink: DiagnosticSink, fallbackZones: [String: Int]) {
            self.sink = sink
            self.fallbackZones = fallbackZones
        }

        /// Zones already looked up, by TZID (a calendar names the same few thousands of times).
        var zones: [String: TimeZone?] = [:]

        /// - Parameter fallback: what times in an unknown zone are read in, for the warning.
        mutating func zone(named name: String, at offset: Int, fallback: String = "the calendar's zone") -> TimeZone? {
            if let known = zones[name] { return known }
            let zone = lookUpZone(named: name, at: offset, fallback: fallback)
            zones[name] = zone
            return zone
        }

        private mutating func lookUpZone(named name: String, at offset: Int, fallback: String) -> TimeZone? {
            switch ZoneName.lookUp(name) {
            case .zone(let zone):
                return zone
            case .fixedOffset(let zone, let warning):
                if warnedZones.insert(name).inserted { sink.warning(warning, offset: offset) }
                return zone
            case .unknown:
                break  // An embedded VTIMEZONE may know it.
            }
            if let seconds = fallbackZones[name], let zone = TimeZone(secondsFromGMT: seconds) {
                if warnedZones.insert(name).inserted {
                    sink.warning("time zone \"\(name)\" is not in the time-zone database; using its VTIMEZONE's standard offset \(OffsetText.format(seconds))",
                                 offset: offset)
                }
                return zone
            }
            if warnedZones.insert(name).inserted { sink.warning("unknown time zone \"\(name)\"; its times are read in \(fallback)", offset: offset) }
            return nil
        }

        /// A DATE-TIME or DATE value as an instant; `allDay` for DATE values (a local midnight).
        mutating func instant(_ property: ICalProperty, defaultZone: TimeZone) -> (date: Date, allDay: Bool)? {
            let value = property.value.trimmingCharacters(in: .whitespaces)
            let bytes = Array(value.utf8)
            func number(_ range: Range<Int>) -> Int? {
                guard range.upperBound <= bytes.count else { return nil }
                var result = 0
                for byte in bytes[range] {
                    guard byte >= 48, byte <= 57 else { return nil }
                    result = result * 10 + Int(byte - 48)
                }
                return result
            }
            guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8), (1...12).contains(month),
                  (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day) else {
                sink.warning("\(property.name) \"\(value)\" is not an iCalendar date-time", offset: property.offset)
                return nil
            }
            let allDay = bytes.count == 8 || property.parameter("VALUE")?.uppercased() == "DATE"
            var hour = 0, minute = 0, second = 0
            if !allDay {
                guard bytes.count >= 15, bytes[8] == UInt8(ascii: "T"), let h = number(9..<11), let m = number(11..<13), let s = number(13..<15),
                      h < 24, m < 60, s < 61 else {
                    sink.warning("\(property.name) \"\(value)\" is not an iCalendar date-time", offset: property.offset)
                    return nil
                }
                (hour, minute, second) = (h, m, min(s, 59))
            }
            let local = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            if value.hasSuffix("Z") { return (Date(timeIntervalSince1970: TimeInterval(local.secondsSinceEpoch)), false) }
            let zone = property.parameter("TZID").flatMap { self.zone(named: $0, at: property.offset) } ?? defaultZone
            var resolver = resolvers[zone.identifier] ?? WallClockResolver(zone: zone)
            defer { resolvers[zone.identifier] = resolver }
            switch resolver.resolve(local) {
            case .unique(let date): return (date, allDay)
            case .ambiguous(let earlier, _, _, _): return (earlier, allDay)  // RFC 5545: the first occurrence.
            case .gap(let from, let to):
                // RFC 5545: a time in the gap is read with the offset from before the gap, i.e. later by the gap's length.
                let shifted = LocalDateTime(secondsSinceEpoch: local.secondsSinceEpoch + (to.secondsSinceEpoch - from.secondsSinceEpoch))
                if case .unique(let date) = resolver.resolve(shifted) { return (date, allDay) }
                return nil
            }
        }

        mutating func read(_ event: ICalComponent, index: Int, zone: TimeZone, overrides: [String: ICalComponent],
                           into sessions: inout [(Session, SessionOrigin)], notices: inout [Notice], roomOrder: inout [String]) {
            guard let startProperty = event.first("DTSTART"), let (start, allDay) = instant(startProperty, defaultZone: zone) else {
                sink.warning("VEVENT without a usable DTSTART is skipped", path: "VEVENT[\(index)]", offset: event.offset)
                return
            }
            let summary = event.first("SUMMARY").map { ICalendarParser.unescape($0.value) } ?? ""
            guard let length = duration(of: event, start: start, allDay: allDay, zone: zone), length >= 0 else {
                sink.warning("VEVENT ends before it starts; skipped", path: "VEVENT[\(index)]", offset: event.offset)
                return
            }
            guard start.addingTimeInterval(max(length, 86_400)) <= LocalDateTime.latestInstant else {
                sink.warning("VEVENT ends after the year 9999; skipped", path: "VEVENT[\(index)]", offset: event.offset)
                return
            }
            if allDay {
                // A whole-day item (a holiday, "registration open") is a banner, not a session.
                if !summary.isBlank {
                    notices.append(Notice(text: summary, from: start, until: start.addingTimeInterval(max(length, 86_400))))
                }
                return
            }
            guard let uid = event.first("UID")?.value, !uid.isBlank else {
                sink.warning("VEVENT without a UID is skipped", path: "VEVENT[\(index)]", offset: event.offset)
                return
            }
            guard length > 0 else {  // Said once, not once per recurrence.
                sink.warning("lasts no time, so it can never be on now; skipped", path: "VEVENT[\(index)]", sessionID: uid, offset: event.offset)
                return
            }
            let starts = occurrences(of: event, first: start, zone: zone, index: index)
            let recurring = event.first("RRULE") != nil
            let template = Template(event)
            for occurrence in starts {
                if isFull || occurrence.addingTimeInterval(length) > LocalDateTime.latestInstant { break }
                let id = recurring ? uid + "@" + ICalendarFeedReader.instanceSuffix(occurrence, zone) : uid
                if recurring, overrides[id] != nil { continue }
                append(template, id: id, start: occurrence, length: length, index: index, into: &sessions, roomOrder: &roomOrder)
            }
        }

        mutating func readInstance(_ event: ICalComponent, id: String, index: Int, zone: TimeZone, into sessions: inout [(Session, SessionOrigin)],
                                   roomOrder: inout [String]) {
            guard let startProperty = event.first("DTSTART"), let (start, allDay) = instant(startProperty, defaultZone: zone), !allDay,
                  let length = duration(of: event, start: start, allDay: false, zone: zone),
                  start.addingTimeInterval(length) <= LocalDateTime.latestInstant else { return }
            guard length > 0 else {
                sink.warning("lasts no time, so it can never be on now; skipped", path: "VEVENT[\(index)]", sessionID: id, offset: event.offset)
                return
            }
            append(Template(event), id: id, start: start, length: length, index: index, into: &sessions, roomOrder: &roomOrder)
        }

        /// What every instance of an event shares, worked out once (a recurrence has up to
        /// `maxInstances` of them).
        private struct Template {
            let room: String
            let title: String
            let cancelled: Bool
            let description: String?
            /// `URL` (RFC 5545 3.8.4.6): the event's page, when it is an http(s) address.
            let url: String?
            let offsets: (event: Int, id: Int, room: Int, start: Int, end: Int)

            init(_ event: ICalComponent) {
                let location = event.first("LOCATION").map { ICalendarParser.unescape($0.value).trimmingCharacters(in: .whitespaces) } ?? ""
                room = location.isEmpty ? Room.defaultID : location
                title = event.first("SUMMARY").map { ICalendarParser.unescape($0.value) }.flatMap { $0.isBlank ? nil : $0 } ?? "(untitled)"
                cancelled = event.first("STATUS")?.value.uppercased() == "CANCELLED"
                description = event.first("DESCRIPTION").map { ICalendarParser.unescape($0.value) }.flatMap { $0.isBlank ? nil : $0 }
                url = event.first("URL").flatMap { try? WebAddress.check($0.value).get() }
                let start = event.first("DTSTART")?.offset ?? event.offset
                offsets = (event.offset, event.first("UID")?.offset ?? start, event.first("LOCATION")?.offset ?? start, start,
                           event.first("DTEND")?.offset ?? event.first("DURATION")?.offset ?? start)
            }
        }

        private mutating func append(_ template: Template, id: String, start: Date, length: TimeInterval, index: Int,
                                     into sessions: inout [(Session, SessionOrigin)], roomOrder: inout [String]) {
            guard sessions.count < FeedLimits.maxSessions else {
                if !isFull {
                    sink.error("more than \(FeedLimits.grouped(FeedLimits.maxSessions)) sessions with recurrences expanded; a feed may have at most that many",
                               path: "VEVENT[\(index)]", offset: template.offsets.event)
                }
                isFull = true
                return
            }
            if roomsSeen.insert(template.room).inserted { roomOrder.append(template.room) }
            let session = Session(id: id, roomID: template.room, title: template.title, start: start, end: start.addingTimeInterval(length),
                                  status: template.cancelled ? .cancelled : .scheduled, abstract: template.description, url: template.url)
            let offsets = template.offsets
            sessions.append((session, SessionOrigin(arrayPath: "VEVENT", index: index, offset: offsets.event, idOffset: offsets.id,
                                                    roomOffset: offsets.room, startOffset: offsets.start, endOffset: offsets.end)))
        }

        /// DTEND − DTSTART, or DURATION, or (none) zero for a DATE-TIME and one day for a DATE.
        mutating func duration(of event: ICalComponent, start: Date, allDay: Bool, zone: TimeZone) -> TimeInterval? {
            if let end = event.first("DTEND") {
                guard let (date, _) = instant(end, defaultZone: zone) else { return nil }
                return date.timeIntervalSince(start)
            }
            if let duration = event.first("DURATION") {
                guard let seconds = ICalendarFeedReader.parseDuration(duration.value) else {
                    sink.warning("DURATION \"\(duration.value)\" is not an iCalendar duration", offset: duration.offset)
                    return nil
                }
                return seconds
            }
            return allDay ? 86_400 : 0
        }

        /// The starts of an event: its DTSTART, or every instance of a DAILY/WEEKLY RRULE (with
        /// COUNT, UNTIL, INTERVAL, BYDAY), less EXDATEs. Instances keep their wall-clock time.
        mutating func occurrences(of event: ICalComponent, first: Date, zone: TimeZone, index: Int) -> [Date] {
            guard let rule = event.first("RRULE") else {
                if let rdate = event.first("RDATE") {
                    sink.warning("RDATE is not supported; only DTSTART's occurrence is shown", path: "VEVENT[\(index)]", offset: rdate.offset)
                }
                return [first]
            }
            var parts: [String: String] = [:]
            for item in rule.value.split(separator: ";") {
                let pair = item.split(separator: "=", maxSplits: 1)
                if pair.count == 2 { parts[pair[0].uppercased()] = String(pair[1]) }
            }
            let frequency = parts["FREQ"]?.uppercased() ?? ""
            guard frequency == "DAILY" || frequency == "WEEKLY" else {
                sink.warning("RRULE FREQ=\(frequency) is not supported (only DAILY and WEEKLY); only the first occurrence is shown",
                             path: "VEVENT[\(index)]", offset: rule.offset)
                return [first]
            }
            let unsupported = parts.keys.filter { !["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "WKST"].contains($0) }.sorted()
            if !unsupported.isEmpty {
                sink.warning("RRULE \(unsupported.joined(separator: ", ")) \(unsupported.count == 1 ? "is" : "are") not supported and ignored; check the occurrences shown",
                             path: "VEVENT[\(index)]", offset: rule.offset)
            }
            if let rdate = event.first("RDATE") {
                sink.warning("RDATE is not supported; only the RRULE's occurrences are shown", path: "VEVENT[\(index)]", offset: rdate.offset)
            }
            let interval = max(1, Int(parts["INTERVAL"] ?? "1") ?? 1)
            let count = parts["COUNT"].flatMap { Int($0) }
            let until = parts["UNTIL"].flatMap { instant(ICalProperty(name: "UNTIL", parameters: [:], value: $0, offset: rule.offset), defaultZone: zone)?.date }
            if count == nil && until == nil {
                sink.warning("RRULE without COUNT or UNTIL: the first \(ICalendarFeedReader.maxInstances) occurrences are shown", path: "VEVENT[\(index)]",
                             offset: rule.offset)
            }
            let weekdayCodes = ["MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7]
            let byDay = Set((parts["BYDAY"] ?? "").split(separator: ",").compactMap { weekdayCodes[String($0.suffix(2)).uppercased()] })
            let excluded = Set(event.all("EXDATE").flatMap { property in
                property.value.split(separator: ",").compactMap {
                    instant(ICalProperty(name: "EXDATE", parameters: property.parameters, value: String($0), offset: property.offset), defaultZone: zone)?.date
                }
            })
            let firstLocal = zone.localDateTime(for: first)
            var resolver = WallClockResolver(zone: zone)
            var result: [Date] = []
            var generated = 0  // COUNT counts instances before EXDATEs take some away (RFC 5545 3.8.5.1).
            var dayOffset = 0
            let startWeek = firstLocal.dayNumber - (CivilCalendar.isoWeekday(daysSinceEpoch: firstLocal.dayNumber) - 1)
            while generated < min(count ?? .max, ICalendarFeedReader.maxInstances), dayOffset < 366 * 20 {
                let day = firstLocal.dayNumber + dayOffset
                dayOffset += 1
                let include: Bool
                if frequency == "DAILY" {
                    include = (day - firstLocal.dayNumber) % interval == 0
                } else {
                    let week = (day - startWeek) / 7
                    let weekday = CivilCalendar.isoWeekday(daysSinceEpoch: day)
                    include = week % interval == 0 && (byDay.isEmpty ? weekday == CivilCalendar.isoWeekday(daysSinceEpoch: firstLocal.dayNumber) : byDay.contains(weekday))
                }
                guard include else { continue }
                let (y, m, d) = CivilCalendar.civil(fromDaysSinceEpoch: day)
                if y > 9999 { break }
                let local = LocalDateTime(year: y, month: m, day: d, hour: firstLocal.hour, minute: firstLocal.minute, second: firstLocal.second)
                let date: Date
                switch resolver.resolve(local) {
                case .unique(let value), .ambiguous(let value, _, _, _): date = value
                case .gap: continue
                }
                if let until, date > until { break }
                if date < first { continue }
                generated += 1
                if !excluded.contains(date) { result.append(date) }
            }
            return result
        }
    }

    /// RFC 5545 durations: `P1W`, `P1D`, `PT1H30M`, `P1DT2H`, `-PT15M`.
    static func parseDuration(_ text: String) -> TimeInterval? {
        var rest = Substring(text.uppercased())
        var sign = 1.0
        if rest.hasPrefix("-") { sign = -1; rest = rest.dropFirst() } else if rest.hasPrefix("+") { rest = rest.dropFirst() }
        guard rest.hasPrefix("P") else { return nil }
        rest = rest.dropFirst()
        var total = 0.0, number = "", inTime = false, sawUnit = false
        for character in rest {
            if character.isNumber { number.append(character); continue }
            if character == "T" { inTime = true; continue }
            guard let value = Double(number) else { return nil }
            number = ""
            sawUnit = true
            switch (character, inTime) {
            case ("W", false): total += value * 604_800
            case ("D", false): total += value * 86_400
            case ("H", true): total += value * 3600
            case ("M", true): total += value * 60
            case ("S", true): total += value
            default: return nil
            }
        }
        return number.isEmpty && sawUnit ? sign * total : nil
    }
}
