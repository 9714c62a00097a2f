import Foundation

/// A message for every screen reading the live source.
public struct LiveAlert: Sendable, Equatable {
    public enum Level: String, Sendable, CaseIterable {
        /// A banner, like the feed's notices.
        case info
        /// Takes over the whole screen in high contrast, with the screen's own direction line.
        case emergency
    }

    public var text: String
    public var level: Level
    /// In force until (not including) this instant; nil: until cleared.
    public var until: Date?

    public init(text: String, level: Level = .info, until: Date? = nil) {
        self.text = DisplayText.withoutControls(text)
        self.level = level
        self.until = until
    }

    /// Whether it is in force at `instant`.
    public func isActive(at instant: Date) -> Bool {
        until.map { instant < $0 } ?? true
    }
}
