import SkyltFiles
import Foundation
import ScheduleCore

/// The last valid feed, kept in the state directory so that a screen that restarts while its
/// source is down or broken shows the last good program at once. Only feeds that passed
/// validation are ever written, atomically, so nothing a source sends can destroy it.
public struct SourceCache: Sendable {
    public let directory: String
    /// The file's name in the directory: `last-good-feed`, or `last-good-live` for the live file.
    public let fileName: String
    public var path: String { directory + "/" + fileName }

    public init(directory: String, fileName: String = "last-good-feed") {
        self.directory = directory
        self.fileName = fileName
    }

    /// The same directory's cache for another file (the live file's beside the feed's).
    public func sibling(_ fileName: String) -> SourceCache {
        SourceCache(directory: directory, fileName: fileName)
    }

    /// Creates the directory if needed.
    public func prepare() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// The cached feed, if there is one and it is still valid (read as the store reads a feed).
    public func load(fallbackZone: TimeZone? = nil) -> (bytes: [UInt8], program: Program)? {
        guard case .success(let bytes) = SourceFileReader.read(path), let program = FeedReader.read(bytes, fallbackZone: fallbackZone).program else {
            return nil
        }
        return (bytes, program)
    }

    /// The cached bytes as they are (at most `kind.maxBytes`), for a store that validates them itself.
    public func loadBytes(kind: SourceKind) -> [UInt8]? {
        guard case .success(let bytes) = SourceFileReader.read(path, kind: kind) else { return nil }
        return bytes
    }

    /// Stores a feed that has been validated.
    public func store(_ bytes: [UInt8]) throws {
        try AtomicFile.write(bytes, to: path)
    }
}

extension SourceCache {
    /// Where the kiosk keeps its state when not told: `/var/lib/skylt` (systemd's
    /// `StateDirectory=`), else `~/.local/state/skylt`.
    public static func defaultDirectories(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        ["/var/lib/skylt"] + (environment["HOME"].map { [$0 + "/.local/state/skylt"] } ?? [])
    }

    /// The cache in the first of `directories` that can be created and written, or nil.
    public static func firstWritable(in directories: [String]) -> SourceCache? {
        for directory in directories {
            let cache = SourceCache(directory: directory)
            if (try? cache.prepare()) != nil, access(directory, W_OK) == 0 { return cache }
        }
        return nil
    }
}
