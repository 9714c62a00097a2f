/// A setting that cannot be used as given (a bad value, an unknown room, an unreadable theme),
/// in one line that names the setting: the CLI's usage error (exit 2).
public struct SettingProblem: Error, CustomStringConvertible, Sendable, Equatable {
    /// The line to show, beginning with the setting's name (`--room: …`).
    public let description: String

    /// A problem described by `description`.
    public init(_ description: String) { self.description = description }
}
