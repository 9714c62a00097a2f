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

    @Option(help: "Degrees the screen is turned clockwise: 0, 90, 180 or 270 (default 0).")
    var rotate: Int?

    @Option(help: "A theme name from assets/themes (dark, light) or a theme file (default dark).")
    var theme: String?

    func validate() throws {
        guard Rotation(rawValue: rotate ?? 0) != nil else { throw ValidationError("--rotate must be 0, 90, 180 or 270") }
        if lobby && room != nil { throw ValidationError("give either --room or --lobby, not both") }
    }

    var rotation: Rotation { Rotation(rawValue: rotate ?? 0) ?? .none }

    /// These options, with what the config file says wherever no flag was given.
    func merged(with config: KioskConfig) -> SignOptions {
        var merged = self
        if merged.feed == nil { merged.feed = config.feed }
        if merged.room == nil && !merged.lobby {
            merged.room = config.room
            merged.lobby = config.lobby
        }
        if merged.rotate == nil { merged.rotate = config.rotate }
        if merged.theme == nil { merged.theme = config.theme }
        return merged
    }

    /// The sign to show: the given room, the lobby, or (when neither is given) the only room of
    /// a one-room feed and the lobby otherwise.
    func mode(for program: Program) throws -> SignMode {
        if lobby { return .lobby }
        if let room {
            guard program.room(id: room) != nil else {
                let known = program.rooms.map { "\"\($0.id)\"" }.joined(separator: ", ")
                throw CLIError.usage("--room: the feed has no room \"\(room)\" (its rooms: \(known))")
            }
            return .room(room)
        }
        return program.rooms.count == 1 ? .room(program.rooms[0].id) : .lobby
    }

    /// Loads the theme: a file path, or `assets/themes/NAME.json`; the built-in dark theme when
    /// asked for "dark" and no file is installed.
    func loadTheme() throws -> Theme {
        let theme = self.theme ?? "dark"
        let url: URL
        if theme.contains("/") || theme.hasSuffix(".json") {
            url = URL(fileURLWithPath: theme)
        } else if let directory = Assets.directory() {
            url = directory.appendingPathComponent("themes/\(theme).json")
        } else if theme == "dark" {
            return .dark
        } else {
            throw CLIError.usage("--theme: no assets folder found to look up \"\(theme)\"")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if theme == "dark" { return .dark }
            throw CLIError.usage("--theme: cannot read \(url.path)")
        }
        do {
            return try Theme.decode(data)
        } catch {
            throw CLIError.usage("--theme: \(url.path) is not a valid theme: \(error)")
        }
    }
}

/// `WIDTHxHEIGHT` arguments.
struct ScreenSize: ExpressibleByArgument, CustomStringConvertible {
    let width: Int
    let height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              (64...16_384).contains(width), (64...16_384).contains(height) else { return nil }
        self.init(width: width, height: height)
    }

    var description: String { "\(width)x\(height)" }

    /// The layout's size for a panel of this size mounted with `rotation`.
    func layoutSize(_ rotation: Rotation) -> (width: Int, height: Int) {
        rotation.swapsSides ? (height, width) : (width, height)
    }
}
