import ArgumentParser
import Foundation
import Kiosk
import SignLayout

/// Options shared by `render` and `run`: which feed, which sign, how the screen is mounted,
/// which theme.
public struct SignOptions: ParsableArguments {
    /// No option given.
    public init() {}

    @Option(help: "The feed file (default: the embedded program).")
    public var feed: String?

    @Option(help: "Show this room's sign (a room id from the feed).")
    public var room: String?

    @Flag(help: "Show the lobby board with every room.")
    public var lobby = false

    @Option(help: "Show the lobby board of these rooms, in this order: ID,ID,… (room ids from the feed).")
    public var rooms: String?

    @Option(help: "Degrees the screen is turned clockwise: 0, 90, 180 or 270 (default 0).")
    public var rotate: Int?

    @Option(help: "A theme name from assets/themes (dark, light) or a theme file (default dark).")
    public var theme: String?

    public func validate() throws {
        guard Rotation(rawValue: rotate ?? 0) != nil else { throw ValidationError("--rotate must be 0, 90, 180 or 270") }
        if lobby && room != nil { throw ValidationError("give either --room or --lobby, not both") }
        if rooms != nil && room != nil { throw ValidationError("give either --room or --rooms, not both") }
        if let rooms, roomList(rooms).isEmpty { throw ValidationError("--rooms needs room ids, separated by commas") }
    }

    /// `a, b,c` → `["a", "b", "c"]`.
    private func roomList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The sign these flags choose (`SignChoice`).
    public var choice: SignChoice {
        SignChoice(feed: feed, room: room, lobby: lobby, rooms: rooms.map(roomList), rotate: rotate, theme: theme)
    }
}
