import ScheduleCore

/// What a screen shows: one room's sign, or the lobby board with every room.
public enum SignMode: Sendable, Equatable {
    case room(String)
    case lobby
}

extension SignMode {
    /// The sign a screen shows when its settings name neither a room nor the lobby: the only
    /// room's sign for a one-room program, the lobby board otherwise.
    public static func automatic(for program: Program) -> SignMode {
        program.rooms.count == 1 ? .room(program.rooms[0].id) : .lobby
    }
}
