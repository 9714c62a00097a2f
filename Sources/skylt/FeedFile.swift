import Foundation
import Kiosk
import ScheduleCore

/// Where a feed comes from on the command line — a file or an http(s) URL, as for the kiosk —
/// and reading it. Unreadable input is a usage problem (exit 2); an invalid feed is exit 1.
struct FeedFile {
    /// How the feed is named in messages (the path as given; a URL without its secrets).
    let displayName: String
    let url: URL

    /// The zone a schedule that names none (and gives no offsets) is read in: this machine's
    /// (`TZ`, else /etc/localtime), as the kiosk on the same machine reads it.
    static var fallbackZone: TimeZone { TimeZone.current }

    /// Feed bytes read and validated as every command reads them.
    static func report(_ bytes: [UInt8]) -> FeedReport {
        FeedReader.read(bytes, fallbackZone: fallbackZone)
    }

    /// Whether the feed is fetched (http or https) rather than read from a file.
    var isURL: Bool { !url.isFileURL }

    /// The feed given with `--feed` (a path or a URL), or the embedded default.
    static func resolve(_ path: String?) throws -> FeedFile {
        if let path {
            if case .url(let url) = SourceAddress(path) { return FeedFile(displayName: RedactedURL.text(url), url: url) }
            return FeedFile(displayName: path, url: URL(fileURLWithPath: path))
        }
        guard let url = Assets.defaultFeed() else {
            throw CLIError.usage("the embedded default feed (assets/feeds/\(Assets.defaultFeedName)) was not found; pass --feed FILE or set SKYLT_ASSETS")
        }
        return FeedFile(displayName: url.path, url: url)
    }

    /// Reads the file (or fetches the URL) the way the kiosk does (refusing a huge one without loading it):
    /// unreadable is a usage problem (exit 2), too large an invalid feed (exit 1).
    func read(kind: SourceKind = .feed) throws -> [UInt8] {
        if isURL {
            switch HTTPSourceFetcher(url: url, maxBytes: kind.maxBytes).fetch() {
            case .body(let bytes): return bytes
            case .notModified: throw CLIError.usage("\(displayName): the server answered 304 Not Modified to a first request")
            case .failure(let reason): throw CLIError.usage("\(displayName): \(reason)")
            }
        }
        switch SourceFileReader.read(url.path, kind: kind) {
        case .success(let bytes):
            return bytes
        case .failure(let failure):
            let text = failure.description.replacingOccurrences(of: url.path, with: displayName)
            if case .tooLarge = failure { throw CLIError.invalidFeed(text) }
            throw CLIError.usage(text)
        }
    }

    /// Reads and validates; prints diagnostics to stderr and exits 1 when invalid.
    func loadProgram() throws -> Program {
        let report = Self.report(try read())
        for diagnostic in report.diagnostics {
            Output.error(diagnostic.formatted(file: displayName))
        }
        guard let program = report.program else {
            throw CLIError.invalidFeed("\(displayName) is not a valid feed (\(report.errorCount) error\(report.errorCount == 1 ? "" : "s")); run `skylt validate \(displayName)`")
        }
        return program
    }
}
