/// Reads feed bytes in any supported format into a validated `Program`.
///
/// The single entry point every consumer uses (CLI, kiosk, tests), so a feed is judged the
/// same way everywhere. Pure: no disk, no clock.
public enum FeedReader {
    /// Larger feeds are refused before parsing.
    public static let maxBytes = 16 * 1024 * 1024

    /// Reads and validates a feed.
    /// - Parameter bytes: the feed's bytes as read from a file or URL.
    /// - Returns: the program (if valid) and all diagnostics.
    public static func read(_ bytes: [UInt8]) -> FeedReport {
        if bytes.count > maxBytes {
            let mib = Double(bytes.count) / 1_048_576
            let sizeText = (mib * 10).rounded() / 10
            return FeedReport(program: nil, diagnostics: [
                Diagnostic(.error, "the feed is \(sizeText) MiB; feeds over \(maxBytes / 1_048_576) MiB are refused"),
            ], format: .unknown)
        }
        let source = SourceText(bytes)
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return FeedReport(program: nil, diagnostics: [
                Diagnostic(.error, error.message, location: source.location(ofOffset: error.offset)),
            ], format: .unknown)
        }
        return NativeFeedReader.read(root, source: source)
    }
}
