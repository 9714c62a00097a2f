import Foundation
import ScheduleCore

/// A feed, live file or settings file named on a command line or in the settings: a file, an
/// http(s) URL, or (for a feed) the embedded default; read once, the way the kiosk reads it
/// (a huge one refused before it is loaded, a URL fetched with the same bounds).
public struct SourceDocument: Sendable {
    /// Why it could not be read.
    public enum Failure: Error, CustomStringConvertible {
        /// Missing, unreadable, not a file, or the server failed (a usage problem).
        case unreadable(String)
        /// Read, but larger than what it is read as may be (an invalid input).
        case tooLarge(String)

        public var description: String {
            switch self {
            case .unreadable(let reason), .tooLarge(let reason): reason
            }
        }
    }

    /// How it is named in messages (the path as given; a URL without its secrets).
    public let displayName: String
    public let url: URL

    /// The file at `path`, or the URL it is.
    public init(_ path: String) {
        if case .url(let url) = SourceAddress(path) {
            self.init(displayName: RedactedURL.text(url), url: url)
        } else {
            self.init(displayName: path, url: URL(fileURLWithPath: path))
        }
    }

    /// The file at `path`, whatever it looks like (a settings file is never fetched).
    public init(file path: String) {
        self.init(displayName: path, url: URL(fileURLWithPath: path))
    }

    private init(displayName: String, url: URL) {
        self.displayName = displayName
        self.url = url
    }

    /// The document at `path`, or the embedded default feed when it is nil.
    public static func resolve(_ path: String?) throws(Failure) -> SourceDocument {
        if let path { return SourceDocument(path) }
        guard let url = Assets.defaultFeed() else {
            throw .unreadable("the embedded default feed (assets/feeds/\(Assets.defaultFeedName)) was not found; pass --feed FILE or set SKYLT_ASSETS")
        }
        return SourceDocument(displayName: url.path, url: url)
    }

    /// The zone a schedule that names none (and gives no offsets) is read in: this machine's
    /// (`TZ`, else /etc/localtime: `MachineZone`), as the kiosk on the same machine reads it.
    public static var fallbackZone: TimeZone { machineZone.zone }

    /// The machine's zone, and a note when `TZ` needed reading (what was made of it).
    public static let machineZone = MachineZone.resolve(environment: ProcessInfo.processInfo.environment)

    /// A feed's findings as `skylt validate` prints them (`FILE:LINE:COL: error: …`), with what
    /// was made of `TZ` where the schedule was read in the machine's zone.
    public static func findingLines(of report: FeedReport, file: String) -> [String] {
        var lines = report.diagnostics.map { $0.formatted(file: file) }
        if let note = machineZone.note, report.diagnostics.contains(where: { $0.message.contains("this machine's zone") }) {
            lines.append("\(file): note: \(note)")
        }
        return lines
    }

    /// Whether it is fetched (http or https) rather than read from a file.
    public var isURL: Bool { !url.isFileURL }

    /// Its bytes, at most what `kind` may hold.
    public func read(kind: SourceKind = .feed) throws(Failure) -> [UInt8] {
        if isURL {
            switch HTTPSourceFetcher(url: url, maxBytes: kind.maxBytes).fetch() {
            case .body(let bytes): return bytes
            case .notModified: throw .unreadable("\(displayName): the server answered 304 Not Modified to a first request")
            case .failure(let reason): throw .unreadable("\(displayName): \(reason)")
            }
        }
        switch SourceFileReader.read(url.path, kind: kind) {
        case .success(let bytes):
            return bytes
        case .failure(let failure):
            let text = failure.description.replacingOccurrences(of: url.path, with: displayName)
            if case .tooLarge = failure { throw .tooLarge(text) }
            throw .unreadable(text)
        }
    }

    /// Feed bytes read and validated as every command and the kiosk read them.
    public static func feedReport(_ bytes: [UInt8]) -> FeedReport {
        FeedReader.read(bytes, fallbackZone: fallbackZone)
    }

    /// Read as a live file, judged against `program`.
    public func liveReport(program: Program?) throws(Failure) -> LiveReport {
        LiveReader.read(try read(kind: .live), program: program, fallbackZone: Self.fallbackZone)
    }
}
