/// A room that has a screen beside its door (or a row on the lobby board).
public struct Room: Sendable, Equatable, Identifiable {
    /// The id used by sessions and on the command line (`--room`).
    public var id: String
    /// The name shown on screens.
    public var name: String

    /// The id of the one room of a feed that lists no rooms.
    public static let defaultID = "main"

    public init(id: String, name: String) {
        self.id = id
        self.name = DisplayText.withoutControls(name)
    }
}
