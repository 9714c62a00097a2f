import ScheduleCore

/// What a screen shows: one room's sign, or the lobby board.
public enum SignMode: Sendable, Equatable {
    case room(String)
    /// The lobby board of the rooms with something on now or later today, in feed order.
    case lobby
    /// The lobby board of these rooms, in this order, whatever is on (a venue with several lobby
    /// screens says which rooms each shows); ids the program does not have are left out.
    case rooms([String])
}

extension SignMode {
    /// The sign a screen shows when its settings name neither a room nor the lobby: the only
    /// room's sign for a one-room program, the lobby board otherwise.
    public static func automatic(for program: Program) -> SignMode {
        program.rooms.count == 1 ? .room(program.rooms[0].id) : .lobby
    }
}
