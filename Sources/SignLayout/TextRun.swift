/// A run of text on one line at a position.
public struct TextRun: Sendable, Equatable, Hashable {
    public var text: String
    public var weight: FontWeight
    /// Pixel size of the font.
    public var size: Int
    public var color: Color
    /// Where the text goes: x, y of its top-left corner, and the measured width and line height.
    public var frame: Rect
    /// Drawn with a line through it (cancelled sessions).
    public var strikethrough: Bool

    public init(text: String, weight: FontWeight, size: Int, color: Color, frame: Rect, strikethrough: Bool = false) {
        self.text = text
        self.weight = weight
        self.size = size
        self.color = color
        self.frame = frame
        self.strikethrough = strikethrough
    }
}
