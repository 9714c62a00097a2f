import Foundation

/// What is in force for one room: how late it runs, how full it is, and a short note.
public struct RoomLive: Sendable, Equatable {
    /// Minutes the room runs late (0: on time).
    public var delayMinutes: Int
    /// When the delay began: it moves the session on at that instant and every later one in the
    /// room, to the end of that local day. Set whenever `delayMinutes` is more than 0.
    public var delaySince: Date?
    public var state: RoomState
    /// A short note for the door ("Överflöde i Lilla salen").
    public var note: String?

    public init(delayMinutes: Int = 0, delaySince: Date? = nil, state: RoomState = .open, note: String? = nil) {
        self.delayMinutes = delayMinutes
        self.delaySince = delaySince
        self.state = state
        self.note = note.map(DisplayText.withoutControls)
    }

    /// Open, on time, no note: the same as not being listed.
    public var isDefault: Bool { delayMinutes == 0 && state == .open && note == nil }

    /// The delay in seconds.
    public var delaySeconds: TimeInterval { TimeInterval(delayMinutes * 60) }
}
