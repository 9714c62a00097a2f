import Foundation

/// Finds the files shipped in `assets/`: next to an installed binary, in the source tree, or
/// where `SKYLT_ASSETS` says.
public enum Assets {
    /// The embedded default program's file name.
    public static let defaultFeedName = "spridningskonferens-2020.json"

    /// The assets folder, if one is found.
    public static func directory() -> URL? {
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
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../assets").standardized)
        return candidates.first { fileManager.fileExists(atPath: $0.appendingPathComponent("feeds/" + defaultFeedName).path) }
    }

    /// The embedded default program.
    public static func defaultFeed() -> URL? {
        directory()?.appendingPathComponent("feeds/" + defaultFeedName)
    }
}
