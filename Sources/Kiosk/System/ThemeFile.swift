import Foundation
import SignLayout

/// Finding and reading a theme: a file path, or a name from `assets/themes/`.
public enum ThemeFile {
    /// Why a theme could not be loaded, in words for the command line.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Loads `name` (nil: "dark"): a path (it has a "/" or ends in ".json") or
    /// `assets/themes/NAME.json`; the built-in dark theme when "dark" is asked for and no file
    /// is installed.
    public static func load(_ name: String?) throws(Failure) -> Theme {
        let theme = name ?? "dark"
        let url: URL
        if theme.contains("/") || theme.hasSuffix(".json") {
            url = URL(fileURLWithPath: theme)
        } else if let directory = Assets.directory() {
            url = directory.appendingPathComponent("themes/\(theme).json")
        } else if theme == "dark" {
            return .dark
        } else {
            throw Failure(description: "no assets folder found to look up \"\(theme)\"")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if theme == "dark" { return .dark }
            throw Failure(description: "cannot read \(url.path)")
        }
        do {
            return try Theme.decode(data)
        } catch {
            throw Failure(description: "\(url.path) is not a valid theme: \(error)")
        }
    }
}
