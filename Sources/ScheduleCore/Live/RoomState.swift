/// How full a room is, as door staff say it.
public enum RoomState: String, Sendable, CaseIterable {
    /// Come in (the default).
    case open
    /// Few seats left: a calm mark.
    case filling
    /// No entry: the door sign says so unmistakably and suggests what runs elsewhere.
    case full
    /// The room is closed.
    case closed
}
