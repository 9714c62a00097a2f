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
