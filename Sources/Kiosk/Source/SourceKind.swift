import ScheduleCore

/// What the kiosk reads from a file or a URL: the program's feed, or the technician's live
/// file. Each has its own size cap, and its own words for refusing a larger one.
public enum SourceKind: Sendable, Equatable {
    case feed, live

    /// Larger files and bodies are refused before (or while) they are read.
    public var maxBytes: Int {
        switch self {
        case .feed: FeedReader.maxBytes
        case .live: LiveLimits.maxBytes
        }
    }

    /// Why `byteCount` bytes are refused.
    public func tooLarge(_ byteCount: Int) -> String {
        switch self {
        case .feed: FeedReader.tooLarge(byteCount)
        case .live: LiveReader.tooLarge(byteCount)
        }
    }
}
