import Foundation

/// A message for attendees shown as a banner while it is active ("Lunchen är flyttad till 12:00").
public struct Notice: Sendable, Equatable {
    public var text: String
    /// Shown from this instant on; nil means from the start.
    public var from: Date?
    /// Shown until (not including) this instant; nil means to the end.
    public var until: Date?
    /// Limits the notice to one room's sign (and the lobby); nil means every screen.
    public var roomID: String?

    public init(text: String, from: Date? = nil, until: Date? = nil, roomID: String? = nil) {
        self.text = DisplayText.withoutControls(text)
        self.from = from
        self.until = until
        self.roomID = roomID
    }

    /// Whether it is shown at `instant`.
    public func isActive(at instant: Date) -> Bool {
        if let from, instant < from { return false }
        if let until, instant >= until { return false }
        return true
    }
}
