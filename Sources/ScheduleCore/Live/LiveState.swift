import Foundation

/// What the technician says on the day, beside the program: per room a delay, how full it
/// is and a short note, and one alert for every screen. Read from the live file
/// (`LiveReader`), written by `skylt live` (`LiveWriter`), laid over a program by
/// `Program.applying(_:)`. Pure data: the empty state changes nothing.
public struct LiveState: Sendable, Equatable {
    /// Per room id: what is in force there. Rooms not listed are open and on time.
    public var rooms: [String: RoomLive]
    /// The alert for every screen, if any.
    public var alert: LiveAlert?

    /// Nothing in force.
    public static let none = LiveState()

    public init(rooms: [String: RoomLive] = [:], alert: LiveAlert? = nil) {
        self.rooms = rooms
        self.alert = alert
    }

    /// Whether nothing is in force (every room open and on time, no alert).
    public var isEmpty: Bool { alert == nil && rooms.values.allSatisfy(\.isDefault) }

    /// What is in force for a room (open and on time when it is not listed).
    public func room(_ id: String) -> RoomLive { rooms[id] ?? RoomLive() }

    /// The alert if it is in force at `instant`.
    public func alert(at instant: Date) -> LiveAlert? {
        alert.flatMap { $0.isActive(at: instant) ? $0 : nil }
    }
}
