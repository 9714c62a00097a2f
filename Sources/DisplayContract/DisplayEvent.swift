/// Why a display's wait ended.
public enum DisplayEvent: Sendable, Equatable {
    /// The time was up.
    case timedOut
    /// The loop's signal: something changed (a feed, the status, a screenshot request, a stop).
    case woken
    /// What was on the panel is lost (a window exposed or resized): draw the next frame whole.
    case needsFullRedraw
    /// The viewer asked to quit (Esc, q, the window closed).
    case quit
}
