/// One thing to draw.
public enum DisplayItem: Sendable, Equatable, Hashable {
    case box(Rect, Color)
    case text(TextRun)
    /// A QR code of `text` filling the square `Rect` (quiet zone included), dark modules on
    /// white whatever the theme: scanners read that best. The display encodes it (libqrencode).
    case qrCode(String, Rect)

    /// The pixels it covers.
    public var frame: Rect {
        switch self {
        case .box(let rect, _): rect
        case .text(let run): run.frame
        case .qrCode(_, let rect): rect
        }
    }
}
