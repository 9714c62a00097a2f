/// Which of the two font weights a text run uses.
public enum FontWeight: String, Sendable, Hashable {
    case regular, bold
}

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

/// A whole frame as positioned boxes and text, in drawing order, independent of how it is
/// drawn. Two lists of the same screen can be compared to redraw only what changed.
public struct DisplayList: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var background: Color
    public var items: [DisplayItem]

    public init(width: Int, height: Int, background: Color, items: [DisplayItem] = []) {
        self.width = width
        self.height = height
        self.background = background
        self.items = items
    }

    /// All text runs, in order (for tests and checks).
    public var texts: [TextRun] {
        items.compactMap { if case .text(let run) = $0 { run } else { nil } }
    }

    /// The region that must be redrawn to turn `previous` into this list: nil when nothing
    /// changed, the whole screen when the structure changed.
    public func dirtyRegion(since previous: DisplayList?) -> Rect? {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        guard let previous, previous.width == width, previous.height == height,
              previous.background == background, previous.items.count == items.count else { return screen }
        var dirty: Rect?
        for (old, new) in zip(previous.items, items) where old != new {
            let changed = old.frame.union(new.frame)
            dirty = dirty.map { $0.union(changed) } ?? changed
        }
        return dirty
    }
}
