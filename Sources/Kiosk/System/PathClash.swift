import SkyltFiles
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files the kiosk writes (the status file, the saved feed) must never be the file it
/// reads (the technician's feed), nor each other: a status file pointed at the feed would
/// overwrite the feed; one pointed at the saved copy would lose it.
public enum PathClash {
    /// The first pair of `paths` (name, path) that are the same file — by their resolved
    /// paths, or by device and inode when both exist — described for the technician; nil if none.
    public static func find(_ paths: [(name: String, path: String)]) -> String? {
        for (index, first) in paths.enumerated() {
            for second in paths[(index + 1)...] where same(first.path, second.path) {
                return "\(first.name) and \(second.name) are the same file (\(first.path)); they must differ"
            }
        }
        return nil
    }

    /// What is wrong with where the kiosk reads and writes, one line each: the saved feed and
    /// the status file must be neither the feed nor each other, and the status file a regular
    /// file (or absent). `feedName` and `statusName` are how the technician wrote them
    /// (`--feed` or `feed`, `--status-file` or `status_file`).
    /// The technician's live file (`live`, named `liveName`) and its saved copy are checked the same way.
    public static func problems(feed: SourceAddress?, feedName: String, savedFeed: String?, statusFile: String?, statusName: String,
                                live: SourceAddress? = nil, liveName: String = "--live", savedLive: String? = nil) -> [String] {
        var files: [(name: String, path: String)] = []
        if case .file(let path) = feed { files.append((feedName, path)) }
        if case .file(let path) = live { files.append((liveName, path)) }
        if let savedFeed { files.append(("the saved last good feed", savedFeed)) }
        if let savedLive { files.append(("the saved last good live file", savedLive)) }
        if let statusFile { files.append((statusName, statusFile)) }
        var problems = find(files).map { [$0] } ?? []
        if let statusFile, let kind = AtomicFile.nonRegularKind(statusFile) {
            problems.append("\(statusName) \(statusFile) is \(kind), not a file; Skylt only replaces regular files")
        }
        return problems
    }

    static func same(_ a: String, _ b: String) -> Bool {
        if resolved(a) == resolved(b) { return true }
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    /// The absolute path with every symlink in it resolved (as far as it exists).
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
