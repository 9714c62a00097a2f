/// One thing to draw.
public enum DisplayItem: Sendable, Equatable, Hashable {
    case box(Rect, Color)
    case text(TextRun)

    /// The pixels it covers.
    public var frame: Rect {
        switch self {
        case .box(let rect, _): rect
        case .text(let run): run.frame
        }
    }
}
