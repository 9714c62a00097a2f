/// A person who may change what the screens show: a technician (everything) or door staff
/// (their rooms' state and lateness; some rooms only, where the account says so).
public struct Account: Sendable, Equatable {
    /// What an account may do.
    public enum Role: String, Sendable, CaseIterable {
        /// Alerts, every room, the fleet.
        case technician
        /// Their rooms' state (open, filling, full, closed), a note and lateness.
        case door
    }

    /// The login name (1–64 letters, digits, `.`, `_`, `-`).
    public let name: String
    /// What it may do.
    public let role: Role
    /// A door account's rooms (nil: every room).
    public let rooms: [String]?

    /// An account.
    public init(name: String, role: Role, rooms: [String]? = nil) {
        (self.name, self.role, self.rooms) = (name, role, role == .door ? rooms : nil)
    }

    /// Whether it may change `room` (a room id).
    public func mayEdit(room: String) -> Bool {
        role == .technician || rooms == nil || rooms?.contains(room) == true
    }

    /// Whether it may raise or clear an alert for every screen.
    public var mayRaiseAlerts: Bool { role == .technician }
}
