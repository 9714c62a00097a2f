import ArgumentParser
import Foundation
import Kiosk
import ScheduleCore
import SDLBackend
import SignLayout

/// Options shared by `render` and `run`: which feed, which sign, how the screen is mounted,
/// which theme.
struct SignOptions: ParsableArguments {
    @Option(help: "The feed file (default: the embedded program).")
    var feed: String?

    @Option(help: "Show this room's sign (a room id from the feed).")
    var room: String?

    @Flag(help: "Show the lobby board with every room.")
    var lobby = false

    @Option(help: "Show the lobby board of these rooms, in this order: ID,ID,… (room ids from the feed).")
    var rooms: String?

    @Option(help: "Degrees the screen is turned clockwise: 0, 90, 180 or 270 (default 0).")
    var rotate: Int?

    @Option(help: "A theme name from assets/themes (dark, light) or a theme file (default dark).")
    var theme: String?

    func validate() throws {
        guard Rotation(rawValue: rotate ?? 0) != nil else { throw ValidationError("--rotate must be 0, 90, 180 or 270") }
        if lobby && room != nil { throw ValidationError("give either --room or --lobby, not both") }
        if rooms != nil && room != nil { throw ValidationError("give either --room or --rooms, not both") }
        if let rooms, roomList(rooms).isEmpty { throw ValidationError("--rooms needs room ids, separated by commas") }
    }

    /// `a, b,c` → `["a", "b", "c"]`.
    private func roomList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    var rotation: Rotation { Rotation(rawValue: rotate ?? 0) ?? .none }

    /// These options, with what the config file says wherever no flag was given.
    func merged(with config: KioskConfig) -> SignOptions {
        var merged = self
        if merged.feed == nil { merged.feed = config.feed }
        if merged.room == nil && !merged.lobby && merged.rooms == nil {
            merged.room = config.room
            merged.lobby = config.lobby
            merged.rooms = config.rooms?.joined(separator: ",")
        }
        if merged.rotate == nil { merged.rotate = config.rotate }
        if merged.theme == nil { merged.theme = config.theme }
        return merged
    }

    /// The sign asked for: the given room (which must exist), the lobby, or nil when neither
    /// was given (the kiosk then chooses from the program it has at each frame).
    var requestedMode: SignMode? {
        if let rooms { return .rooms(roomList(rooms)) }
        return lobby ? .lobby : room.map { .room($0) }
    }

    /// The sign to show: the given room (which must exist), the lobby, or (when neither is
    /// given) the only room of a one-room feed and the lobby otherwise.
    func mode(for program: Program) throws -> SignMode {
        switch SignMode.requested(requestedMode, in: program, option: ("--room", "--rooms")) {
        case .success(let mode): return mode
        case .failure(let unknown): throw CLIError.usage(unknown.message)
        }
    }

    /// The theme asked for (`--theme`, default dark).
    func loadTheme() throws -> Theme {
        do {
            return try ThemeFile.load(theme)
        } catch {
            throw CLIError.usage("--theme: \(error.description)")
        }
    }
}
