import Foundation

/// Reads feed bytes in any supported format into a validated `Program`.
///
/// The single entry point every consumer uses (CLI, kiosk, tests), so a feed is judged the
/// same way everywhere. Pure: no disk, no clock.
public enum FeedReader {
    /// Larger feeds are refused before parsing (`FeedLimits.maxBytes`).
    public static let maxBytes = FeedLimits.maxBytes

    /// Reads and validates a feed.
    /// - Parameters:
    ///   - bytes: the feed's bytes as read from a file or URL.
    ///   - fallbackZone: the zone for an imported schedule that names none and gives no offsets
    ///     (FOSDEM's schedule.xml), with a warning; the edges pass the machine's zone. Nil: such
    ///     a schedule is refused.
    /// - Returns: the program (if valid) and all diagnostics.
    public static func read(_ bytes: [UInt8], fallbackZone: TimeZone? = nil) -> FeedReport {
        checkingTexts(readFormat(bytes, fallbackZone: fallbackZone))
    }

    /// The report, refused when a name or notice the screens show cannot be laid out in
    /// bounded time (`DisplayText`; sessions' texts are checked, located, with the sessions).
    private static func checkingTexts(_ report: FeedReport) -> FeedReport {
        guard let program = report.program else { return report }
        var found: [Diagnostic] = []
        func check(_ text: String?, _ path: String) {
            guard let text, let problem = DisplayText.problem(text, maxCharacters: nil) else { return }
            found.append(Diagnostic(.error, problem, path: path))
        }
        check(program.event.name, "event.name")
        check(program.event.subtitle, "event.subtitle")
        check(program.event.venue, "event.venue")
        for room in program.rooms { check(room.name, "rooms[\"\(room.id)\"].name") }
        for (index, notice) in program.notices.enumerated() { check(notice.text, "notices[\(index)].text") }
        guard !found.isEmpty else { return report }
        return FeedReport(program: nil, diagnostics: report.diagnostics + found, format: report.format)
    }

    private static func readFormat(_ bytes: [UInt8], fallbackZone: TimeZone?) -> FeedReport {
        if bytes.count > maxBytes {
            return FeedReport(program: nil, diagnostics: [Diagnostic(.error, tooLarge(bytes.count))], format: .unknown)
        }
        let source = SourceText(bytes)
        // The format is told by the content, never by the file name.
        if looksLikeICalendar(bytes) {
            return ICalendarFeedReader.read(bytes, source: source)
        }
        if firstMark(bytes) == UInt8(ascii: "<") {
            return FrabXMLFeedReader.read(bytes, source: source, fallbackZone: fallbackZone)
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return FeedReport(program: nil, diagnostics: [
                Diagnostic(.error, error.message, location: source.location(ofOffset: error.offset)),
            ], format: .unknown)
        }
        if case .object(let members) = root.value, members.contains(where: { $0.key == "schedule" }),
           !members.contains(where: { $0.key == "skylt" }) {
            return FrabFeedReader.read(root, source: source, fallbackZone: fallbackZone)
        }
        return NativeFeedReader.read(root, source: source)
    }

    /// Why `byteCount` bytes are refused, in bytes: "16.0 MiB is over 16 MiB" helps no one.
    public static func tooLarge(_ byteCount: Int) -> String {
        "the feed is \(FeedLimits.grouped(byteCount)) bytes; feeds over \(maxBytes / 1_048_576) MiB (\(FeedLimits.grouped(maxBytes)) bytes) are refused"
    }

    /// The index of the first byte after a byte-order mark and blank space.
    private static func contentStart(_ bytes: [UInt8]) -> Int {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[index]) { index += 1 }
        return index
    }

    /// The first byte after a byte-order mark and blank space: `<` starts XML, which no JSON does.
    static func firstMark(_ bytes: [UInt8]) -> UInt8? {
        let index = contentStart(bytes)
        return index < bytes.count ? bytes[index] : nil
    }

    /// `BEGIN:VCALENDAR` at the start (after a byte-order mark and blank space).
    static func looksLikeICalendar(_ bytes: [UInt8]) -> Bool {
        let index = contentStart(bytes)
        let marker = Array("BEGIN:VCALENDAR".utf8)
        guard bytes.count - index >= marker.count else { return false }
        return zip(bytes[index..<index + marker.count], marker).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }
}
