import Foundation

/// The file that holds a bearer token (the remote view's, a hub's fleet token) (one line; surrounding white space is not
/// part of it).
public enum TokenFile {
    /// The token in `path`, or nil when the file cannot be read or holds nothing.
    public static func read(_ path: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }
}
