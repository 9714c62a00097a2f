import Foundation
import Kiosk
import ScheduleCore

/// Where a feed comes from on the command line, and reading it. Unreadable input is a usage
/// problem (exit 2); an invalid feed is exit 1.
struct FeedFile {
    /// How the feed is named in messages (the path as given).
    let displayName: String
    let url: URL

    /// The feed given with `--feed`, or the embedded default.
    static func resolve(_ path: String?) throws -> FeedFile {
        if let path { return FeedFile(displayName: path, url: URL(fileURLWithPath: path)) }
        guard let url = Assets.defaultFeed() else {
            throw CLIError.usage("the embedded default feed (assets/feeds/\(Assets.defaultFeedName)) was not found; pass --feed FILE or set SKYLT_ASSETS")
        }
        return FeedFile(displayName: url.path, url: url)
    }

    /// Reads the file the way the kiosk does (refusing a huge file without loading it):
    /// unreadable is a usage problem (exit 2), too large an invalid feed (exit 1).
    func read() throws -> [UInt8] {
        switch FeedFileReader.read(url.path) {
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
        let report = FeedReader.read(try read())
        for diagnostic in report.diagnostics {
            Output.error(diagnostic.formatted(file: displayName))
        }
        guard let program = report.program else {
            throw CLIError.invalidFeed("\(displayName) is not a valid feed (\(report.errors.count) error\(report.errors.count == 1 ? "" : "s")); run `skylt validate \(displayName)`")
        }
        return program
    }
}

/// Finds the files shipped in `assets/`: next to an installed binary, in the source tree, or
/// where `SKYLT_ASSETS` says.
enum Assets {
    static let defaultFeedName = "spridningskonferens-2020.json"

    static func directory() -> URL? {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["SKYLT_ASSETS"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        candidates.append(folder.appendingPathComponent("../share/skylt").standardized)
        for _ in 0..<5 {
            candidates.append(folder.appendingPathComponent("assets"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: "/usr/local/share/skylt"))
        // The source tree this binary was built from.
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../assets").standardized)
        return candidates.first { fileManager.fileExists(atPath: $0.appendingPathComponent("feeds/" + defaultFeedName).path) }
    }

    static func defaultFeed() -> URL? {
        directory()?.appendingPathComponent("feeds/" + defaultFeedName)
    }
}
