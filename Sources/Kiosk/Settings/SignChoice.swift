import ScheduleCore
import SignLayout

/// Which sign a screen shows and how it is mounted: the feed, a room or the lobby (or some
/// rooms), the rotation and the theme, from flags or the settings file (flags win).
public struct SignChoice: Sendable, Equatable {
    /// The feed file or URL (nil: the embedded program).
    public var feed: String?
    /// One room's sign (a room id).
    public var room: String?
    /// The lobby board with every room.
    public var lobby: Bool
    /// The lobby board of these rooms, in this order.
    public var rooms: [String]?
    /// Degrees the screen is turned clockwise (nil: 0).
    public var rotate: Int?
    /// A theme name or theme file (nil: dark).
    public var theme: String?

    /// A choice of these values.
    public init(feed: String? = nil, room: String? = nil, lobby: Bool = false, rooms: [String]? = nil, rotate: Int? = nil, theme: String? = nil) {
        (self.feed, self.room, self.lobby, self.rooms, self.rotate, self.theme) = (feed, room, lobby, rooms, rotate, theme)
    }

    /// How the panel is turned.
    public var rotation: Rotation { Rotation(rawValue: rotate ?? 0) ?? .none }

    /// This choice, with the settings file's wherever nothing was given (the sign is taken as a
    /// whole: a room given here is not mixed with the file's lobby).
    public func merged(with config: KioskConfig) -> SignChoice {
        var merged = self
        if merged.feed == nil { merged.feed = config.feed }
        if merged.room == nil && !merged.lobby && merged.rooms == nil {
            (merged.room, merged.lobby, merged.rooms) = (config.room, config.lobby, config.rooms)
        }
        if merged.rotate == nil { merged.rotate = config.rotate }
        if merged.theme == nil { merged.theme = config.theme }
        return merged
    }

    /// The sign asked for, or nil when none was (the kiosk then chooses from the program it
    /// has at each frame).
    public var requestedMode: SignMode? {
        if let rooms { return .rooms(rooms) }
        return lobby ? .lobby : room.map { .room($0) }
    }

    /// The sign to show with `program`: the given room (which must exist), the lobby, or (when
    /// neither is given) the only room of a one-room program and the lobby otherwise.
    public func mode(for program: Program) throws(SettingProblem) -> SignMode {
        switch SignMode.requested(requestedMode, in: program, option: ("--room", "--rooms")) {
        case .success(let mode): return mode
        case .failure(let unknown): throw SettingProblem(unknown.message)
        }
    }

    /// The theme asked for (default dark).
    public func loadTheme() throws(SettingProblem) -> Theme {
        do { return try ThemeFile.load(theme) } catch { throw SettingProblem("--theme: \(error.description)") }
    }
}
