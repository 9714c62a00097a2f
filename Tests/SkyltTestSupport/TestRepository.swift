import Foundation

/// Where the tests find the project's files.
public enum TestRepository {
    /// The repository root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `assets/`.
    public static let assets = root.appendingPathComponent("assets")
    /// `../shared` beside the clone, where CI keeps real feeds; absent in a user's clone.
    public static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
}
