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

    /// The sign asked for by a screen's settings (a room, the lobby, a lobby of some rooms; none:
    /// `automatic(for:)`), or why the program cannot show it (a room it does not have).
    /// - Parameter option: how the setting is named in the message (`--room`, `rooms`).
    public static func requested(_ mode: SignMode?, in program: Program, option: (room: String, rooms: String)) -> Result<SignMode, UnknownRoom> {
        switch mode {
        case .room(let id) where program.room(id: id) == nil:
            return .failure(UnknownRoom(message: "\(option.room): the feed has no room \"\(id)\" (its rooms: \(program.rooms.quotedIDs))"))
        case .rooms(let ids):
            if let unknown = ids.first(where: { program.room(id: $0) == nil }) {
                return .failure(UnknownRoom(message: "\(option.rooms): the feed has no room \"\(unknown)\" (its rooms: \(program.rooms.quotedIDs))"))
            }
            return .success(.rooms(ids))
        case let mode?:
            return .success(mode)
        case nil:
            return .success(.automatic(for: program))
        }
    }

    /// A room a screen's settings name that the program does not have.
    public struct UnknownRoom: Error, Sendable {
        public let message: String
    }
}
